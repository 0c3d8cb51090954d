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

// Declared, never created: no module can name the brand, so an OrganizerAccess exists only where
// requireOrganizer made one, and a read or write that takes it cannot be reached unchecked.
declare const organizerChecked: unique symbol;

/** Proof that `actor` is an approved organizer of the event `slug` (id `eventId`), for this request. */
export interface OrganizerAccess {
  readonly eventId: string;
  readonly slug: string;
  readonly actor: Actor;
  readonly [organizerChecked]: true;
}

/** The event's access when `actor` is an approved organizer of it; UNAUTHENTICATED / FORBIDDEN / NOT_FOUND otherwise. */
export async function requireOrganizer(actor: Actor | null, slug: string): Promise<OrganizerAccess> {
  const signedIn = requireActor(actor);
  const event = await db.event.findUnique({ where: { slug }, select: { id: true } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const membership = await db.registration.findUnique({
    where: { eventId_userId: { eventId: event.id, userId: signedIn.userId } },
    select: { role: true, status: true },
  });
  if (!isOrganizer(membership)) throw new AppError("FORBIDDEN", "organizersOnly");
  return { eventId: event.id, slug, actor: signedIn } as OrganizerAccess;
}

/** The events a person organizes (for menus; every action still checks on its own). */
export async function getOrganizedEvents(userId: string) {
  return db.event.findMany({
    where: { registrations: { some: { userId, role: "organizer", status: "approved" } } },
    orderBy: { startsAt: "desc" },
    select: { slug: true, title: true, startsAt: true, endsAt: true, timeZone: true },
  });
}
