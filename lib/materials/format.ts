// Display of a material's size and type.
import type { Locale } from "@/lib/i18n/routing";
import { formatMediumDateTime, intlLocale, offsetLabel } from "@/lib/time/zones";
import { extensionOf } from "./file-types";

/** "512 B", "3.4 MB": decimal units, as file managers show them. */
export function formatBytes(bytes: number, locale: Locale): string {
  // Intl spells bytes out ("512 byte", "9byte"); the symbol reads the same in every language.
  if (bytes < 1000) return `${new Intl.NumberFormat(intlLocale[locale]).format(bytes)} B`;
  const units = ["kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(intlLocale[locale], { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}

/** A short label of the file's type, e.g. "PDF", "PPTX". */
export function typeLabel(fileName: string): string {
  return extensionOf(fileName).toUpperCase() || "—";
}

/** Date and time of an upload in `zone`, with the zone's offset, e.g. "22 Nov 2021, 09:30 (UTC+9)". */
export function formatUploadedAt(instant: Date, zone: string, locale: Locale): string {
  return `${formatMediumDateTime(instant, zone, locale)} (${offsetLabel(instant, zone)})`;
}
