// Seat accounting. Every change that can take or free a seat first locks the
// event's row, so concurrent registrations and approvals are decided one after another and the
// capacity is never exceeded.
import "server-only";
import crypto from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import type { Locale } from "@/lib/i18n/routing";
import { fitToSeats, seatsLeft } from "./capacity";

/** Long enough for hundreds of requests queueing on one event's lock. */
export const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

/** Locks the event's row, then reads it: the capacity a seat decision uses is the one current
 * after every decision queued before it has committed. */
export async function lockEventForSeats(tx: Tx, eventId: string) {
  await tx.$queryRaw`SELECT id FROM events WHERE id = ${eventId} FOR UPDATE`;
  const event = await tx.event.findUnique({ where: { id: eventId } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  return event;
}

export function countSeatsTaken(tx: Tx, eventId: string) {
  return tx.registration.count({ where: { eventId, status: "approved", role: { not: "organizer" } } });
}

export async function freeSeats(tx: Tx, eventId: string, capacity: number) {
  return seatsLeft(capacity, await countSeatsTaken(tx, eventId));
}

export interface Promoted {
  registrationId: string;
  email: string;
  name: string | null;
  locale: Locale;
}

/** Fills free seats from the waitlist in arrival order; returns who was promoted (to be told by mail). */
export async function promoteFromWaitlist(tx: Tx, eventId: string, capacity: number, actorId: string | null): Promise<Promoted[]> {
  const seats = await freeSeats(tx, eventId, capacity);
  if (seats === 0) return [];
  const waiting = await tx.registration.findMany({
    where: { eventId, status: "waitlisted" },
    orderBy: { arrival: "asc" },
    take: seats,
    include: { user: { select: { email: true, name: true } } },
  });
  const { approve } = fitToSeats(waiting, seats);
  if (!approve.length) return [];
  await tx.registration.updateMany({ where: { id: { in: approve.map((r) => r.id) } }, data: { status: "approved", decidedAt: new Date() } });
  await audit(
    tx,
    approve.map((r) => ({ eventId, actorId, action: "registration.promoted", entityType: "registration", entityId: r.id, data: { from: "waitlisted", to: "approved" } })),
  );
  return approve.map((r) => ({ registrationId: r.id, email: r.user.email, name: r.user.name, locale: r.preferredLanguage }));
}

export interface NewRegistration {
  eventId: string;
  userId: string;
  /** Granted now; requestedRole and the requested organisation wait for an organizer (claims.ts). */
  role: string;
  requestedRole: string | null;
  /** Accepting an invitation: approved while seats last, whatever the policy. */
  invitationId: string | null;
  organizationId: string | null;
  organizationOther: string | null;
  requestedOrganizationId: string | null;
  requestedOrganizationOther: string | null;
  country: string;
  preferredLanguage: string;
  timeZone: string;
  accessibilityNeeds: string | null;
  recordingConsent: boolean;
  forumIds: string[];
  auditAction: string;
  now: Date;
}

export type SeatDecision = { registrationId: string; status: "approved" | "pending" | "waitlisted" } | { registrationId: null; status: "alreadyRegistered" | "declined" };

/**
 * Decides a registration's seat and writes it (registration, forums, audit entry, the accepted
 * invitation) in ONE statement: the database function register_seat (migrations
 * 20261125600000_register_seat and 20261206150000_accounts_abuse) takes the event's lock, replaces
 * a cancelled registration of the same person (a declined one stays), counts the seats taken and
 * inserts — open policy or an invitation approves while seats last, approval policy leaves it
 * pending, no seat left waitlists it. Called on `db` (no
 * transaction) the lock lasts one statement; inside a transaction it lasts until that commits.
 */
export async function registerSeat(client: Tx, r: NewRegistration): Promise<SeatDecision> {
  const id = crypto.randomUUID();
  const [row] = await client.$queryRaw<{ status: SeatDecision["status"] }[]>`
    SELECT register_seat(${id}, ${r.eventId}, ${r.userId}, ${r.role}::"Role", ${r.invitationId}, ${r.organizationId},
      ${r.organizationOther}, ${r.country}, ${r.preferredLanguage}::"Language", ${r.timeZone}, ${r.accessibilityNeeds},
      ${r.recordingConsent}, ${r.forumIds}::text[], ${r.auditAction}, ${r.now}::timestamptz,
      ${r.requestedRole}::"Role", ${r.requestedOrganizationId}, ${r.requestedOrganizationOther}) AS status`;
  if (row.status === "alreadyRegistered" || row.status === "declined") return { registrationId: null, status: row.status };
  return { registrationId: id, status: row.status };
}
