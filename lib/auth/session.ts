// The checks every action starts with: who is signed in (an Actor), and who organizes what.
// Free of Auth.js, so domain code and its tests and benchmarks run outside Next.js.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isOrganizer } from "./roles";

export interface Actor {
  userId: string;
  /** Set when the actor comes from a session cookie: the account's session version it was issued
   * under, which must still be the account's (lib/auth/session-version.ts). */
  sessionVersion?: number;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  return actor;
}

/** The event's id when `actor` is an approved organizer of it; UNAUTHENTICATED / FORBIDDEN / NOT_FOUND otherwise. */
export async function requireOrganizer(actor: Actor | null, slug: string): Promise<{ eventId: string; actor: Actor }> {
  const signedIn = requireActor(actor);
  const event = await db.event.findUnique({ where: { slug }, select: { id: true } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const membership = await db.registration.findUnique({
    where: { eventId_userId: { eventId: event.id, userId: signedIn.userId } },
    select: { role: true, status: true },
  });
  if (!isOrganizer(membership)) throw new AppError("FORBIDDEN", "organizersOnly");
  return { eventId: event.id, actor: signedIn };
}

/** The events a person organizes (for menus; every action still checks on its own). */
export async function getOrganizedEvents(userId: string) {
  return db.event.findMany({
    where: { registrations: { some: { userId, role: "organizer", status: "approved" } } },
    orderBy: { startsAt: "desc" },
    select: { slug: true, title: true, startsAt: true, endsAt: true, timeZone: true },
  });
}
