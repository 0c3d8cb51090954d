// How an organizer's "assign" spreads people over a forum's breakout rooms, pure: at random (an
// even split), or by organisation pairs for bilateral working groups (each room gets delegations
// of both countries, each delegation kept together, rooms as even as the delegations allow).
export interface Assignee {
  userId: string;
  /** The organisation's key, or null for someone who named none. */
  organization: string | null;
  /** The organisation's country (ISO 3166-1 alpha-2), or null. */
  country: string | null;
}

/** userId → breakoutId. */
export type Assignment = Map<string, string>;

/** A small seeded generator (mulberry32), so a seed gives the same split every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffled, then dealt round the rooms: sizes differ by at most one. */
export function assignRandom(people: readonly Assignee[], breakouts: readonly string[], seed: number): Assignment {
  const out: Assignment = new Map();
  if (breakouts.length === 0) return out;
  const next = random(seed);
  const order = [...people].sort((a, b) => a.userId.localeCompare(b.userId));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  order.forEach((p, i) => out.set(p.userId, breakouts[i % breakouts.length]));
  return out;
}

/**
 * Organisation pairs: the delegations of `sides[0]` (e.g. KR) are spread over the rooms, largest
 * first into the room with fewest of that side, and likewise those of `sides[1]` (e.g. CN), so with
 * as many delegations per side as rooms, each room holds one of each. People of neither side (or
 * no organisation) then fill the smallest rooms.
 */
export function assignOrganizationPairs(people: readonly Assignee[], breakouts: readonly string[], sides: readonly [string, string] = ["KR", "CN"]): Assignment {
  const out: Assignment = new Map();
  if (breakouts.length === 0) return out;
  const total = new Map(breakouts.map((b) => [b, 0]));
  const smallest = (count: Map<string, number>) =>
    breakouts.reduce((best, b) => (count.get(b)! < count.get(best)! || (count.get(b) === count.get(best) && total.get(b)! < total.get(best)!) ? b : best));
  const put = (userId: string, b: string) => {
    out.set(userId, b);
    total.set(b, total.get(b)! + 1);
  };
  for (const side of sides) {
    const delegations = new Map<string, string[]>();
    for (const p of people) {
      if (p.country !== side || !p.organization) continue;
      delegations.set(p.organization, [...(delegations.get(p.organization) ?? []), p.userId]);
    }
    const bySize = [...delegations.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    const sideCount = new Map(breakouts.map((b) => [b, 0]));
    for (const [, members] of bySize) {
      const room = smallest(sideCount);
      for (const userId of members) put(userId, room);
      sideCount.set(room, sideCount.get(room)! + members.length);
    }
  }
  const rest = people.filter((p) => !out.has(p.userId)).sort((a, b) => a.userId.localeCompare(b.userId));
  for (const p of rest) put(p.userId, smallest(total));
  return out;
}
