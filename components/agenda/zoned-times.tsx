// A time range in each of the event's displayed zones (Seoul KST, Beijing CST for Clean Sky).
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { DisplayZone } from "@/lib/agenda/types";
import { dayKey, formatClockRange, formatShortDate, offsetLabel } from "@/lib/time/zones";

export function ZonedTimes({
  start,
  end,
  zones,
  locale,
  homeZone,
}: {
  start: Date;
  end: Date;
  zones: DisplayZone[];
  locale: Locale;
  homeZone: string;
}) {
  const homeDay = dayKey(start, homeZone);
  return (
    <ul className="text-sm text-slate-700" data-testid="zoned-times">
      {zones.map((z) => (
        <li key={z.zone} data-zone={z.zone}>
          {dayKey(start, z.zone) !== homeDay && <span className="mr-1">{formatShortDate(start, z.zone, locale)}</span>}
          <time dateTime={start.toISOString()}>{formatClockRange(start, end, z.zone)}</time>{" "}
          <abbr title={`${pickText(z.label, locale)} (${offsetLabel(start, z.zone)})`} className="no-underline">
            {pickText(z.label, locale)} {z.abbr}
          </abbr>
        </li>
      ))}
    </ul>
  );
}
