// Calendar days in a zone: which day an instant falls on for a viewer, how many days it lies from
// the day a list is grouped under (the "+1 day" marks), and grouping by such days. Pure, and safe
// in the browser: it only formats with explicit zones.
import { dayKey } from "./zones";

/** Whole days from `from` to `to`, both calendar days as YYYY-MM-DD (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** How many days the calendar day of `instant` in `zone` lies after `reference` (a YYYY-MM-DD). */
export function dayShift(instant: Date, zone: string, reference: string): number {
  return daysBetween(reference, dayKey(instant, zone));
}

/**
 * A time span as one zone's clock reads it: the day its start falls on there, and how far start
 * and end lie from `reference` (by default that start day, so only a span past midnight is marked).
 */
export interface ZonedSpan {
  day: string;
  startShift: number;
  endShift: number;
}

export function zonedSpan(start: Date, end: Date, zone: string, reference?: string): ZonedSpan {
  const day = dayKey(start, zone);
  const ref = reference ?? day;
  // An end at exactly midnight belongs to the day it closes, not the one it opens ("22:00–24:00").
  const lastMinute = new Date(Math.max(start.getTime(), end.getTime() - 60_000));
  return { day, startShift: daysBetween(ref, day), endShift: daysBetween(ref, dayKey(lastMinute, zone)) };
}

export interface DayGroup<T> {
  /** The calendar day in the grouping zone, YYYY-MM-DD. */
  day: string;
  items: T[];
}

/** Items under the calendar day (in `zone`) on which they start, days and items in time order. */
export function groupByDayIn<T>(items: T[], startOf: (item: T) => Date, zone: string): DayGroup<T>[] {
  const days = new Map<string, T[]>();
  const ordered = items.map((item, index) => ({ item, index, at: startOf(item).getTime() })).sort((a, b) => a.at - b.at || a.index - b.index);
  for (const { item, at } of ordered) {
    const key = dayKey(new Date(at), zone);
    const list = days.get(key);
    if (list) list.push(item);
    else days.set(key, [item]);
  }
  return [...days].map(([day, list]) => ({ day, items: list }));
}

/** The middle of calendar day `day` as an instant, for formatting the day itself in any zone near it. */
export function dayNoon(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}
