"use client";
// A time range in the viewer's own zone, which only the browser knows; the server renders a
// placeholder of the same size and the browser fills it in after hydration.
import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import type { Locale } from "@/lib/i18n/routing";
import { formatClockRange, formatShortDate, offsetLabel, zoneName } from "@/lib/time/zones";

const noop = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function ViewerTime({ start, end, withDate = true }: { start: string; end: string; withDate?: boolean }) {
  const t = useTranslations("time");
  const locale = useLocale() as Locale;
  const zone = useSyncExternalStore(noop, browserZone, () => null);
  const s = new Date(start);
  const e = new Date(end);
  return (
    <span className="block min-h-6 font-semibold text-slate-900" data-testid="viewer-time" data-zone={zone ?? ""}>
      {zone && (
        <>
          <span className="sr-only">{t("yourTime")}: </span>
          {withDate && <span className="mr-1 font-normal">{formatShortDate(s, zone, locale)}</span>}
          <time dateTime={start}>{formatClockRange(s, e, zone)}</time>{" "}
          <span className="text-sm font-normal text-slate-600" title={zone}>
            {zoneName(s, zone, locale)} ({offsetLabel(s, zone)})
          </span>
        </>
      )}
    </span>
  );
}
