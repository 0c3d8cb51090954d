"use client";
// A time range in the viewer's own zone with the date it falls on there. The browser's zone is
// known only after hydration: the server renders a placeholder of the same height.
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import { zoneWithOffset } from "@/lib/time/zones";
import { useReferenceDay, useViewerZone } from "./day-context";
import { TimeSpan } from "./time-span";

export function ViewerTime({ start, end }: { start: string; end: string }) {
  const t = useTranslations("time");
  const locale = useLocale() as Locale;
  const zone = useViewerZone();
  const reference = useReferenceDay();
  const s = new Date(start);
  return (
    <span className="viewer-time" data-testid="viewer-time" data-zone={zone ?? ""}>
      {zone && (
        <>
          <span className="sr-only">{t("yourTime")}: </span>
          <TimeSpan start={s} end={new Date(end)} zone={zone} reference={reference} inherit />{" "}
          <span className="text-sm font-normal text-slate-600" title={zone}>
            {zoneWithOffset(s, zone, locale)}
          </span>
        </>
      )}
    </span>
  );
}
