// A delegate's own registration: register (with a new account or signed in, optionally through
// an invitation) and cancel. A registration counts only once its address is confirmed: a new
// account, or an account whose address was never confirmed, gets a mailed link first
// (confirmation.ts); an invitation's link came through the address already. A seat is decided in
// one statement under the event's lock (see seats.ts).
import "server-only";
import { audit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { reconcileRooms } from "@/lib/rooms/membership";
import { hashToken } from "@/lib/security/tokens";
import { requestConfirmation } from "./confirmation";
import { notifyPromoted, notifyReceived } from "./notify";
import type { AccountInput, RegistrationInput } from "./schema";
import { assertOpen } from "./open";
import { seatFor } from "./seat-for";
import { lockEventForSeats, promoteFromWaitlist, TX_OPTIONS } from "./seats";

export interface RegisterRequest {
  slug: string;
  actor: Actor | null;
  /** Required when nobody is signed in: the account to create. */
  account?: AccountInput;
  input: RegistrationInput;
  invitationToken?: string;
  /** The page's language: mails about a registration not yet confirmed are written in it. */
  locale?: Locale;
  /** The client's address, for the limits on mail. */
  address?: string;
  now?: Date;
}

export type RegisterOutcome =
  | { status: "approved" | "pending" | "waitlisted"; registrationId: string; userId: string }
  /** Nothing counts yet: a link went to the address (or, for an address that has an account, a
   * note to sign in). The same answer either way, so it says nothing about who has an account. */
  | { status: "confirmationSent" };

async function findInvitation(eventId: string, token: string | undefined, now: Date) {
  if (!token) return null;
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invitation || invitation.eventId !== eventId || invitation.acceptedAt || invitation.expiresAt <= now) {
    throw new AppError("FORBIDDEN", "invitationInvalid");
  }
  return invitation;
}

export async function register(req: RegisterRequest): Promise<RegisterOutcome> {
  const now = req.now ?? new Date();
  const event = await db.event.findFirst({ where: { slug: req.slug, publishedAt: { not: null } } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const invitation = await findInvitation(event.id, req.invitationToken, now);
  assertOpen(event, !!invitation, now, req.input.role);
  if (!req.actor && !req.account) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const seat = await seatFor(event, req.input, invitation);

  if (req.actor) {
    const user = await db.user.findUniqueOrThrow({ where: { id: req.actor.userId }, select: { id: true, email: true, name: true, emailVerified: true } });
    if (invitation && user.email !== invitation.email) throw new AppError("FORBIDDEN", "invitationOtherAccount");
    if (!invitation && !user.emailVerified) {
      await requestConfirmation({ event, email: user.email, userId: user.id, passwordHash: null, input: req.input, locale: req.locale ?? req.input.preferredLanguage, address: req.address, now });
      return { status: "confirmationSent" };
    }
    // One statement, no transaction: the event's lock is held only while the seat is decided.
    const decision = await seat.take(db, user.id, invitation ? "registration.invitation-accepted" : "registration.created", now);
    // The invitation came to this address: it is confirmed now, if it was not.
    if (invitation && !user.emailVerified) await db.user.update({ where: { id: user.id }, data: { emailVerified: now } });
    await notifyReceived({ email: user.email, name: user.name, locale: req.input.preferredLanguage }, toLocalized(event.title), decision.status);
    return { ...decision, userId: user.id };
  }

  // Hashing is slow on purpose: done for every request, so answers take as long with or without an account.
  const passwordHash = await hashPassword(req.account!.password);
  if (!invitation) {
    await requestConfirmation({ event, email: req.account!.email, userId: null, passwordHash, input: req.input, locale: req.locale ?? req.input.preferredLanguage, address: req.address, now });
    return { status: "confirmationSent" };
  }
  // An invitation's address is its own: whoever holds the link reads that mailbox.
  const email = invitation.email;
  const [userId, decision] = await db
    .$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new AppError("CONFLICT", "accountExists");
      const user = await tx.user.create({
        data: { email, name: req.input.name, nameLatin: req.input.nameLatin, passwordHash, emailVerified: now, locale: req.input.preferredLanguage, timeZone: req.input.timeZone },
      });
      return [user.id, await seat.take(tx, user.id, "registration.invitation-accepted", now)] as const;
    }, TX_OPTIONS)
    .catch((err: unknown) => {
      // The same invitation accepted twice at once: the second finds the account made.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("CONFLICT", "accountExists");
      throw err;
    });
  await notifyReceived({ email, name: req.input.name, locale: req.input.preferredLanguage }, toLocalized(event.title), decision.status);
  return { ...decision, userId };
}

/** Cancels the actor's registration; a seat it frees goes to the first person on the waitlist. A
 * declined registration stays declined, and the event's last organizer cannot leave it. */
export async function cancelRegistration(signedIn: Actor | null, slug: string) {
  const actor = requireActor(signedIn);
  const event = await db.event.findUnique({ where: { slug } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const promoted = await db.$transaction(async (tx) => {
    const locked = await lockEventForSeats(tx, event.id);
    const reg = await tx.registration.findUnique({ where: { eventId_userId: { eventId: event.id, userId: actor.userId } } });
    if (!reg) throw new AppError("NOT_FOUND", "notRegistered");
    if (reg.status === "cancelled" || reg.status === "declined") return [];
    if (reg.role === "organizer" && reg.status === "approved") {
      const others = await tx.registration.count({ where: { eventId: event.id, role: "organizer", status: "approved", id: { not: reg.id } } });
      if (others === 0) throw new AppError("CONFLICT", "lastOrganizer");
    }
    await tx.registration.update({ where: { id: reg.id }, data: { status: "cancelled", decidedAt: new Date() } });
    await audit(tx, { eventId: event.id, actorId: actor.userId, action: "registration.cancelled", entityType: "registration", entityId: reg.id, data: { from: reg.status } });
    return promoteFromWaitlist(tx, locked, null);
  }, TX_OPTIONS);
  await reconcileRooms(event.id, [actor.userId], actor.userId);
  await Promise.all(promoted.map((p) => notifyPromoted(p, toLocalized(event.title))));
  return { promoted: promoted.map((p) => p.registrationId) };
}
