// The organizers' figures of an event's meetings: how many were asked for, accepted, declined and
// called off, and the accepted ones per day of the event. Pure, for the console and its tests.
import { dayKey } from "@/lib/time/zones";
import type { MeetingStatus } from "./rules";

export interface MeetingFigures {
  /** Every request ever made; each of them is now in exactly one of the four states. */
  requested: number;
  byStatus: Record<MeetingStatus, number>;
  /** Accepted meetings per day of the event in its home zone ("YYYY-MM-DD"), every day listed. */
  acceptedPerDay: { day: string; count: number }[];
}

/** The event's days in its home zone, from the day it starts to the day it ends. */
export function eventDays(event: { startsAt: Date; endsAt: Date; timeZone: string }): string[] {
  const first = dayKey(event.startsAt, event.timeZone);
  const last = dayKey(new Date(event.endsAt.getTime() - 1), event.timeZone);
  const days: string[] = [];
  // Walk by calendar date (noon UTC never crosses a date line when stepping a day).
  for (let d = new Date(`${first}T12:00:00Z`); days.length < 60; d = new Date(d.getTime() + 86_400_000)) {
    const key = d.toISOString().slice(0, 10);
    if (key > last) break;
    days.push(key);
  }
  return days;
}

export function meetingFigures(meetings: { status: MeetingStatus; startsAt: Date }[], event: { startsAt: Date; endsAt: Date; timeZone: string }): MeetingFigures {
  const byStatus: Record<MeetingStatus, number> = { requested: 0, accepted: 0, declined: 0, cancelled: 0 };
  const perDay = new Map(eventDays(event).map((d) => [d, 0]));
  for (const m of meetings) {
    byStatus[m.status] += 1;
    if (m.status === "accepted") {
      const day = dayKey(m.startsAt, event.timeZone);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  }
  const acceptedPerDay = [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count }));
  return { requested: meetings.length, byStatus, acceptedPerDay };
}
