// Pure capacity rules. Organizers' own registrations run the event and take no seat. The status a
// new registration gets on arrival is decided in the database, under the event's lock (seats.ts).
export type Policy = "open" | "approval" | "invitation";

export function seatsLeft(capacity: number, approved: number): number {
  return Math.max(0, capacity - approved);
}

/** Registrations to approve, in arrival order, as far as the seats go; the rest are refused. */
export function fitToSeats<T extends { arrival: bigint }>(candidates: T[], seats: number): { approve: T[]; refused: T[] } {
  const ordered = [...candidates].sort((a, b) => (a.arrival < b.arrival ? -1 : a.arrival > b.arrival ? 1 : 0));
  return { approve: ordered.slice(0, Math.max(0, seats)), refused: ordered.slice(Math.max(0, seats)) };
}

export type WindowState = "open" | "notYet" | "closed";

export function windowState(opensAt: Date | null, closesAt: Date | null, now: Date): WindowState {
  if (opensAt && now < opensAt) return "notYet";
  if (closesAt && now >= closesAt) return "closed";
  return "open";
}
