// Where the forum's block stands at an instant: the session on now and next, and the warning
// everyone gets 5 minutes before the block ends. Pure, so the room's banner and tests agree.

/** Everyone is warned this long before the forum's block ends. */
export const END_WARNING_MS = 5 * 60 * 1000;

export interface ScheduleItem {
  id: string;
  startsAt: number;
  endsAt: number;
}

export type BlockPhase = "before" | "open" | "endingSoon" | "over";

export function blockPhase(startsAt: number, endsAt: number, now: number): BlockPhase {
  if (now >= endsAt) return "over";
  if (now >= endsAt - END_WARNING_MS) return "endingSoon";
  return now < startsAt ? "before" : "open";
}

/** Whole minutes left in the block, rounded up (a warning never says "0 minutes" too early). */
export function minutesLeft(endsAt: number, now: number): number {
  return Math.max(0, Math.ceil((endsAt - now) / 60_000));
}

/** The item running at `now`, else null (a gap between sessions, or outside the block). */
export function currentItem<T extends ScheduleItem>(items: readonly T[], now: number): T | null {
  return items.find((s) => s.startsAt <= now && now < s.endsAt) ?? null;
}

/** The first item starting after `now`. */
export function nextItem<T extends ScheduleItem>(items: readonly T[], now: number): T | null {
  return [...items].sort((a, b) => a.startsAt - b.startsAt).find((s) => s.startsAt > now) ?? null;
}
