"use client";
// The time now in the event's home zone, its other displayed zones and the viewer's own, each with
// the date it is there.
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import { formatShortDate, offsetLabel } from "@/lib/time/zones";
import { useRoomInfo } from "./room-info";

function clock(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function RoomClock({ now }: { now: number }) {
  const t = useTranslations("room.agenda");
  const locale = useLocale() as Locale;
  const { zones } = useRoomInfo();
  const instant = new Date(now);
  const own = browserZone();
  const rows = [...zones, ...(zones.some((z) => z.zone === own) ? [] : [{ zone: own, label: t("yourTime") }])];
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("clocks")} data-testid="room-clock">
      {rows.map((z) => (
        <li key={z.zone} data-zone={z.zone}>
          <span className="text-slate-600">{z.label}</span>{" "}
          <time dateTime={instant.toISOString()} className="font-mono font-semibold tabular-nums">
            {clock(instant, z.zone)}
          </time>{" "}
          <span className="text-xs text-slate-600">
            {formatShortDate(instant, z.zone, locale)} · {offsetLabel(instant, z.zone)}
          </span>
        </li>
      ))}
    </ul>
  );
}
