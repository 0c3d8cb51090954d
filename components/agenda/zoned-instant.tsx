"use client";
// One instant (a registration deadline, a room's opening) with its date: in the event's zone, named
// with its offset, and in the viewer's own zone beside it once the browser has said which that is.
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import { formatDateTime, offsetLabel } from "@/lib/time/zones";
import { useViewerZone } from "./day-context";

export function ZonedInstant({ at, zone, place }: { at: string; zone: string; place: string }) {
  const t = useTranslations("time");
  const locale = useLocale() as Locale;
  const viewer = useViewerZone();
  const instant = new Date(at);
  return (
    <span data-testid="zoned-instant">
      <time dateTime={at}>{formatDateTime(instant, zone, locale)}</time> ({place}, {offsetLabel(instant, zone)})
      {viewer && viewer !== zone && (
        <span className="text-slate-700" data-testid="viewer-instant">
          {" · "}
          {t("yourTime")}: {formatDateTime(instant, viewer, locale)} ({offsetLabel(instant, viewer)})
        </span>
      )}
    </span>
  );
}
