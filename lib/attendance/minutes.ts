// Minutes present, from LiveKit join/leave rows. A person has one row per connection (a reconnect
// is a new participant sid), so their rows are merged into a union of intervals first: two tabs or
// a reconnect that overlaps its predecessor must not count the same minute twice.
export interface Stay {
  joinedAt: Date;
  /** null while the connection is open (or its leave never arrived). */
  leftAt: Date | null;
}

export interface Slot {
  start: Date;
  end: Date;
}

const MINUTE_MS = 60_000;

/** Where open stays end: now while the forum's block runs, its end once it is over. */
export function openUntil(now: Date, blockEnd: Date): Date {
  return now < blockEnd ? now : blockEnd;
}

/** The union of [start, end) intervals in ms, sorted; overlapping and touching ones merge. */
export function unionOf(intervals: [number, number][]): [number, number][] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** A stay clipped to the slot, in ms; empty (end ≤ start) when it misses the slot. */
function clip(stay: Stay, slot: Slot, until: Date): [number, number] {
  const end = stay.leftAt ?? until;
  return [Math.max(stay.joinedAt.getTime(), slot.start.getTime()), Math.min(end.getTime(), slot.end.getTime())];
}

/** Milliseconds the stays cover inside the slot, each instant counted once. */
export function presentMs(stays: Stay[], slot: Slot, until: Date): number {
  return unionOf(stays.map((s) => clip(s, slot, until))).reduce((sum, [s, e]) => sum + (e - s), 0);
}

export function toMinutes(ms: number): number {
  return Math.round(ms / MINUTE_MS);
}

export interface PersonPresence {
  key: string;
  firstJoinedAt: Date;
  /** null when one of the person's stays in the slot is still open. */
  lastLeftAt: Date | null;
  minutes: number;
  /** Connections that overlap the slot (reconnects make several). */
  joins: number;
}

/** Presence per person in the slot; people whose stays miss the slot are left out. */
export function presenceByPerson(rows: (Stay & { personKey: string })[], slot: Slot, until: Date): PersonPresence[] {
  const byPerson = new Map<string, Stay[]>();
  for (const row of rows) {
    const [s, e] = clip(row, slot, until);
    if (e <= s) continue;
    const list = byPerson.get(row.personKey) ?? [];
    list.push(row);
    byPerson.set(row.personKey, list);
  }
  return [...byPerson].map(([key, stays]) => ({
    key,
    firstJoinedAt: new Date(Math.min(...stays.map((s) => s.joinedAt.getTime()))),
    lastLeftAt: stays.some((s) => !s.leftAt) ? null : new Date(Math.max(...stays.map((s) => s.leftAt!.getTime()))),
    minutes: toMinutes(presentMs(stays, slot, until)),
    joins: stays.length,
  }));
}

export interface GroupTotal {
  key: string;
  people: number;
  minutes: number;
}

/** Per-group sums of people and minutes, most minutes first. Minutes are the sum of each person's
 * rounded minutes, so a total always equals the sum of the rows shown beside it. */
export function totalsBy<T extends { minutes: number }>(people: T[], groupOf: (p: T) => string): GroupTotal[] {
  const totals = new Map<string, GroupTotal>();
  for (const p of people) {
    const key = groupOf(p);
    const t = totals.get(key) ?? { key, people: 0, minutes: 0 };
    t.people += 1;
    t.minutes += p.minutes;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => b.minutes - a.minutes || b.people - a.people || a.key.localeCompare(b.key));
}
