"use client";
// The time now in the event's home zone, its other displayed zones and the viewer's own, each with
// the date it is there.
import { useLocale, useTranslations } from "next-intl";
import { useBrowserZone } from "@/components/agenda/day-context";
import type { Locale } from "@/lib/i18n/routing";
import { formatShortDate, formatWallClock, offsetLabel } from "@/lib/time/zones";
import { useRoomInfo } from "./room-info";

export function RoomClock({ now }: { now: number }) {
  const t = useTranslations("room.agenda");
  const locale = useLocale() as Locale;
  const { zones } = useRoomInfo();
  const instant = new Date(now);
  const own = useBrowserZone();
  const rows = [...zones, ...(!own || zones.some((z) => z.zone === own) ? [] : [{ zone: own, label: t("yourTime") }])];
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("clocks")} data-testid="room-clock">
      {rows.map((z) => (
        <li key={z.zone} data-zone={z.zone}>
          <span className="text-slate-600">{z.label}</span>{" "}
          <time dateTime={instant.toISOString()} className="font-mono font-semibold tabular-nums">
            {formatWallClock(instant, z.zone)}
          </time>{" "}
          <span className="text-xs text-slate-600">
            {formatShortDate(instant, z.zone, locale)} · {offsetLabel(instant, z.zone)}
          </span>
        </li>
      ))}
    </ul>
  );
}
