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

/** Which count a registration's approval uses: delegate seats, audience places, or none (organizers). */
export type Tier = "seat" | "audience" | "staff";

export function tierOf(role: string): Tier {
  if (role === "organizer") return "staff";
  return role === "audience" ? "audience" : "seat";
}

/** Audience places left; a limit of null is no limit. */
export function audiencePlacesLeft(limit: number | null, approved: number): number {
  return limit === null ? Number.POSITIVE_INFINITY : Math.max(0, limit - approved);
}

/**
 * The tier an approved registration must find room in when its role changes, or null when the
 * change takes no new room: staying in its tier, or becoming an organizer. A registration not
 * approved holds no room and needs none until it is approved (which counts then).
 */
export function roomNeededFor(from: { role: string; status: string }, to: string): Exclude<Tier, "staff"> | null {
  if (from.status !== "approved") return null;
  const target = tierOf(to);
  if (target === "staff" || target === tierOf(from.role)) return null;
  return target;
}

export type AudienceOffer = { kind: "open"; policy: Exclude<Policy, "invitation">; full: boolean } | { kind: "invitation" };

/** What the public form offers the audience (the registration window, shared by both tiers, aside). */
export function audienceOffer(policy: Policy, limit: number | null, approved: number): AudienceOffer {
  if (policy === "invitation") return { kind: "invitation" };
  return { kind: "open", policy, full: audiencePlacesLeft(limit, approved) === 0 };
}
