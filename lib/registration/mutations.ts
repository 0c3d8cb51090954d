// A delegate's own registration: register (with a new account or signed in, optionally through
// an invitation) and cancel. A seat is decided in one statement under the event's lock (see seats.ts).
import "server-only";
import { audit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { reconcileRooms } from "@/lib/rooms/membership";
import { windowState } from "./capacity";
import { notifyPromoted, notifyReceived } from "./notify";
import type { AccountInput, RegistrationInput } from "./schema";
import { lockEvent, promoteFromWaitlist, registerSeat, TX_OPTIONS, type NewRegistration, type SeatDecision } from "./seats";
import { hashToken } from "./tokens";

export interface RegisterRequest {
  slug: string;
  actor: Actor | null;
  /** Required when nobody is signed in: the account to create. */
  account?: AccountInput;
  input: RegistrationInput;
  invitationToken?: string;
  now?: Date;
}

function isUniqueViolation(err: unknown) {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

async function resolveReferences(eventId: string, input: RegistrationInput) {
  const forums = await db.forum.findMany({ where: { eventId, slug: { in: input.forums } }, select: { id: true, slug: true } });
  if (forums.length !== new Set(input.forums).size) throw new AppError("BAD_REQUEST", "forums");
  if (input.organizationKey === "other") return { forumIds: forums.map((f) => f.id), organizationId: null, organizationOther: input.organizationOther };
  const org = await db.organization.findUnique({ where: { key: input.organizationKey }, select: { id: true } });
  if (!org) throw new AppError("BAD_REQUEST", "organization");
  return { forumIds: forums.map((f) => f.id), organizationId: org.id, organizationOther: null };
}

async function findInvitation(eventId: string, token: string | undefined, now: Date) {
  if (!token) return null;
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!invitation || invitation.eventId !== eventId || invitation.acceptedAt || invitation.expiresAt <= now) {
    throw new AppError("FORBIDDEN", "invitationInvalid");
  }
  return invitation;
}

export async function register(req: RegisterRequest) {
  const now = req.now ?? new Date();
  const event = await db.event.findFirst({ where: { slug: req.slug, publishedAt: { not: null } } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const invitation = await findInvitation(event.id, req.invitationToken, now);
  if (!invitation) {
    if (event.registrationPolicy === "invitation") throw new AppError("FORBIDDEN", "invitationOnly");
    const state = windowState(event.registrationOpensAt, event.registrationClosesAt, now);
    if (state !== "open") throw new AppError("FORBIDDEN", state === "notYet" ? "registrationNotOpen" : "registrationClosed");
  }
  if (!req.actor && !req.account) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const refs = await resolveReferences(event.id, req.input);
  // Hashing is slow on purpose; do it before taking the event's lock.
  const passwordHash = req.actor ? null : await hashPassword(req.account!.password);
  const email = invitation?.email ?? req.account?.email;

  const registration = (userId: string): NewRegistration => ({
    eventId: event.id,
    userId,
    role: invitation?.role ?? req.input.role,
    invitationId: invitation?.id ?? null,
    organizationId: refs.organizationId,
    organizationOther: refs.organizationOther,
    country: req.input.country,
    preferredLanguage: req.input.preferredLanguage,
    timeZone: req.input.timeZone,
    accessibilityNeeds: req.input.accessibilityNeeds || null,
    recordingConsent: req.input.recordingConsent,
    forumIds: refs.forumIds,
    auditAction: invitation ? "registration.invitation-accepted" : "registration.created",
    now,
  });

  try {
    let userId: string;
    let recipient: { email: string; name: string | null };
    let decision: SeatDecision;
    if (req.actor) {
      userId = req.actor.userId;
      recipient = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
      if (invitation && recipient.email !== invitation.email) throw new AppError("FORBIDDEN", "invitationOtherAccount");
      // One statement, no transaction: the event's lock is held only while the seat is decided.
      decision = await registerSeat(db, registration(userId));
    } else {
      recipient = { email: email!, name: req.input.name };
      // A new account and its registration commit together.
      [userId, decision] = await db.$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { email: email! }, select: { id: true } });
        if (existing) throw new AppError("CONFLICT", "emailTaken");
        const user = await tx.user.create({
          data: { email: email!, name: req.input.name, nameLatin: req.input.nameLatin, passwordHash, locale: req.input.preferredLanguage, timeZone: req.input.timeZone },
        });
        return [user.id, await registerSeat(tx, registration(user.id))] as const;
      }, TX_OPTIONS);
    }
    if (decision.status === "alreadyRegistered") throw new AppError("CONFLICT", "alreadyRegistered");
    // Mail only after the commit, never while the seat is held.
    await notifyReceived({ ...recipient, locale: req.input.preferredLanguage }, toLocalized(event.title), decision.status);
    return { registrationId: decision.registrationId, status: decision.status, userId };
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "alreadyRegistered");
    throw err;
  }
}

/** Cancels the actor's registration; a seat it frees goes to the first person on the waitlist. */
export async function cancelRegistration(signedIn: Actor | null, slug: string) {
  const actor = requireActor(signedIn);
  const event = await db.event.findUnique({ where: { slug } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const promoted = await db.$transaction(async (tx) => {
    const locked = await lockEvent(tx, event.id);
    const reg = await tx.registration.findUnique({ where: { eventId_userId: { eventId: event.id, userId: actor.userId } } });
    if (!reg) throw new AppError("NOT_FOUND", "notRegistered");
    if (reg.status === "cancelled") return [];
    await tx.registration.update({ where: { id: reg.id }, data: { status: "cancelled", decidedAt: new Date() } });
    await audit(tx, { eventId: event.id, actorId: actor.userId, action: "registration.cancelled", entityType: "registration", entityId: reg.id, data: { from: reg.status } });
    return promoteFromWaitlist(tx, event.id, locked.capacity, null);
  }, TX_OPTIONS);
  await reconcileRooms(event.id, [actor.userId], actor.userId);
  await Promise.all(promoted.map((p) => notifyPromoted(p, toLocalized(event.title))));
  return { promoted: promoted.map((p) => p.registrationId) };
}
