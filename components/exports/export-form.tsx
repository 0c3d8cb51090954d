"use client";
// The console's spreadsheet exports: the page's filters ride along as hidden fields, the file comes
// in the console's language, and its times in the event's zone or, once the browser has said which
// it is, the organizer's own.
import { useLocale, useTranslations } from "next-intl";
import { useBrowserZone } from "@/components/agenda/day-context";
import { inputClass } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/routing";
import { zoneWithOffset } from "@/lib/time/zones";

export function ExportForm({
  action,
  fields,
  eventZone,
  eventPlace,
  label,
  testId = "export-csv",
}: {
  action: string;
  fields: Record<string, string>;
  eventZone: string;
  eventPlace: string;
  /** The button's words, when the page has more than one export. */
  label?: string;
  testId?: string;
}) {
  const t = useTranslations("exports");
  const locale = useLocale() as Locale;
  const browser = useBrowserZone();
  const now = new Date();
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2 print:hidden" data-testid="export-form">
      {Object.entries({ ...fields, lang: locale }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="text-sm font-medium">
        {t("timesIn")}
        <select name="tz" defaultValue={eventZone} className={inputClass}>
          <option value={eventZone}>{t("eventZone", { zone: eventPlace })}</option>
          {browser && browser !== eventZone && <option value={browser}>{t("yourZone", { zone: zoneWithOffset(now, browser, locale) })}</option>}
        </select>
      </label>
      <button type="submit" className="rounded border border-sky-900 px-3 py-1.5 text-sky-900 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-700" data-testid={testId}>
        {label ?? t("download")}
      </button>
    </form>
  );
}
