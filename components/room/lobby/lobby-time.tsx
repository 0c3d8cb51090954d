"use client";
// One instant as the viewer's own clock reads it first, then as each of the event's zones does
// (with the date there), so nobody has to convert "the room opens at" in their head.
import { useLocale, useTranslations } from "next-intl";
import { useBrowserZone } from "@/components/agenda/day-context";
import type { Locale } from "@/lib/i18n/routing";
import { formatShortDate, formatWallClock } from "@/lib/time/zones";
import { useRoomInfo } from "../room-info";

export function LobbyTime({ instant, testId }: { instant: number; testId?: string }) {
  const t = useTranslations("room.agenda");
  const locale = useLocale() as Locale;
  const { zones } = useRoomInfo();
  const own = useBrowserZone();
  const at = new Date(instant);
  const rows = [...(own ? [{ zone: own, label: t("yourTime") }] : []), ...zones.filter((z) => z.zone !== own)];
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid={testId}>
      {rows.map((z, i) => (
        <li key={z.zone} data-zone={z.zone} className={i === 0 ? "font-semibold" : "text-slate-700"}>
          <span className="text-slate-600">{z.label}</span>{" "}
          <time dateTime={at.toISOString()} className="font-mono tabular-nums">
            {formatWallClock(at, z.zone)}
          </time>{" "}
          <span className="text-xs text-slate-600">{formatShortDate(at, z.zone, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
