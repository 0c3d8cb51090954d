// A meeting's time in words, for its list, its form and its mail: the day, the clock range and the
// zone on the reader's own clock, and the same range on each of the event's zones. Pure.
import type { ShownZone } from "@/lib/agenda/display-zones";
import type { Locale } from "@/lib/i18n/routing";
import { zoneLabel } from "@/lib/time/zone-names";
import { dayKey, formatClock, formatDay, formatShortDate } from "@/lib/time/zones";

/** "Monday, 22 November 2021 13:30–14:00 (Seoul (UTC+9))": the day, the clock range and the zone. */
export function meetingTime(startsAt: Date, endsAt: Date, zone: string, locale: Locale): string {
  const end = dayKey(endsAt, zone) === dayKey(startsAt, zone) ? formatClock(endsAt, zone) : `${formatShortDate(endsAt, zone, locale)} ${formatClock(endsAt, zone)}`;
  return `${formatDay(startsAt, zone, locale)} ${formatClock(startsAt, zone)}–${end} (${zoneLabel(zone, locale, startsAt)})`;
}

/** The same range on each of the event's zones' clocks, with the date where it differs. */
export function zoneTimes(startsAt: Date, endsAt: Date, zones: ShownZone[], locale: Locale): string {
  return zones.map((z) => `${z.label} ${z.abbr} ${formatShortDate(startsAt, z.zone, locale)} ${formatClock(startsAt, z.zone)}–${formatClock(endsAt, z.zone)}`).join(" · ");
}
