// The signed-in person of this request, and the checks every action starts with.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { auth } from "./auth";
import { isOrganizer } from "./roles";

export interface Actor {
  userId: string;
}

export async function getActor(): Promise<Actor | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  // The JWT may outlive the account: check it still exists.
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  return user ? { userId: user.id } : null;
}

export async function getCurrentUser() {
  const actor = await getActor();
  if (!actor) return null;
  return db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, nameLatin: true, locale: true, timeZone: true },
  });
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
