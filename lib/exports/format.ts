// Spreadsheets for people: headers and values in the console's language, and date-times as the
// wall clock of one named zone in the form Excel, Numbers and LibreOffice read as date-times
// ("2021-11-22 09:30"), never ISO UTC strings. Labels come from the message catalogues.
import en from "@/messages/en.json";
import ko from "@/messages/ko.json";
import zh from "@/messages/zh.json";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { zoneCity } from "@/lib/time/zone-names";
import { offsetLabel, utcToZonedLocal } from "@/lib/time/zones";

const catalogues = { en, ko, zh };

export type ExportLabels = (typeof en)["exports"];

/** The catalogue of `locale`: column labels, and the words for statuses, roles and languages. */
export function exportWords(locale: Locale) {
  const c = catalogues[locale];
  return { labels: c.exports as ExportLabels, statuses: c.registrationStatuses, roles: c.roles, languages: c.languages };
}

/** "2021-11-22 09:30" in `zone`; empty for no instant. */
export function sheetDateTime(instant: Date | null, zone: string): string {
  return instant ? utcToZonedLocal(instant, zone).replace("T", " ") : "";
}

/** The zone as a column header names it: "Seoul UTC+9" (its offset at `at`; no comma, which a CSV header would have to quote). */
export function sheetZone(zone: string, locale: Locale, at: Date, place?: string): string {
  return `${place ?? zoneCity(zone, locale)} ${offsetLabel(at, zone)}`;
}

/** A file name part that is safe in a Content-Disposition header. */
export function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-");
}

/** The zone an export's times are in (the one asked for, else the event's) and how its headers name
 * it: by the event's own label for it when the event displays that zone, else by its city. */
export function exportZone(event: { timeZone: string; displayZones: unknown }, tz: string | undefined, locale: Locale, at: Date): { zone: string; zoneText: string } {
  const zone = tz ?? event.timeZone;
  const shown = displayZonesOf(event).find((z) => z.zone === zone);
  return { zone, zoneText: sheetZone(zone, locale, at, shown && pickText(shown.label, locale)) };
}
