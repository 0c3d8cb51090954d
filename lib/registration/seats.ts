// Seat accounting, in two tiers: delegate seats (the event's capacity) and audience places (its
// audience limit, null for none). Every change that can take or free either first locks the
// event's row, so concurrent registrations and approvals are decided one after another and
// neither count is ever exceeded.
import "server-only";
import crypto from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import { audit } from "@/lib/audit/audit";
import type { Locale } from "@/lib/i18n/routing";
import { audiencePlacesLeft, fitToSeats, seatsLeft, type Tier } from "./capacity";

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

/** Delegate seats taken: approved registrations but organizers' (who run the event) and the audience's. */
export function countSeatsTaken(tx: Tx, eventId: string) {
  return tx.registration.count({ where: { eventId, status: "approved", role: { notIn: ["organizer", "audience"] } } });
}

export function countAudienceTaken(tx: Tx, eventId: string) {
  return tx.registration.count({ where: { eventId, status: "approved", role: "audience" } });
}

export interface TierCounts {
  seatsTaken: number;
  seatsWaitlisted: number;
  audienceTaken: number;
  audienceWaitlisted: number;
}

/** What the desk and the dashboard show of both tiers, in one statement. */
export async function countTiers(client: Tx, eventId: string): Promise<TierCounts> {
  const [row] = await client.$queryRaw<{ seats: bigint; seats_waitlisted: bigint; audience: bigint; audience_waitlisted: bigint }[]>`
    SELECT count(*) FILTER (WHERE status = 'approved' AND role NOT IN ('organizer', 'audience')) AS seats,
           count(*) FILTER (WHERE status = 'waitlisted' AND role <> 'audience') AS seats_waitlisted,
           count(*) FILTER (WHERE status = 'approved' AND role = 'audience') AS audience,
           count(*) FILTER (WHERE status = 'waitlisted' AND role = 'audience') AS audience_waitlisted
    FROM registrations WHERE event_id = ${eventId}`;
  return { seatsTaken: Number(row.seats), seatsWaitlisted: Number(row.seats_waitlisted), audienceTaken: Number(row.audience), audienceWaitlisted: Number(row.audience_waitlisted) };
}

export async function freeSeats(tx: Tx, eventId: string, capacity: number) {
  return seatsLeft(capacity, await countSeatsTaken(tx, eventId));
}

export async function freeAudiencePlaces(tx: Tx, eventId: string, limit: number | null) {
  return limit === null ? Number.POSITIVE_INFINITY : audiencePlacesLeft(limit, await countAudienceTaken(tx, eventId));
}

/** The limits of a locked event (lockEventForSeats). */
export interface SeatLimits {
  id: string;
  capacity: number;
  audienceCapacity: number | null;
}

/** Room left in a tier of the event: delegate seats or audience places. */
export function freeRoom(tx: Tx, event: SeatLimits, tier: Exclude<Tier, "staff">) {
  return tier === "audience" ? freeAudiencePlaces(tx, event.id, event.audienceCapacity) : freeSeats(tx, event.id, event.capacity);
}

export interface Promoted {
  registrationId: string;
  email: string;
  name: string | null;
  locale: Locale;
}

/** Fills free room in each tier from that tier's own waitlist, in arrival order; returns who was
 * promoted (to be told by mail). A freed delegate seat never goes to the audience, nor the reverse. */
export async function promoteFromWaitlist(tx: Tx, event: SeatLimits, actorId: string | null): Promise<Promoted[]> {
  const [seats, places] = await Promise.all([freeRoom(tx, event, "seat"), freeRoom(tx, event, "audience")]);
  const tiers = [
    { room: seats, role: { notIn: ["organizer" as const, "audience" as const] } },
    { room: places, role: "audience" as const },
  ].filter((t) => t.room > 0);
  const waiting = await Promise.all(
    tiers.map((t) =>
      tx.registration.findMany({
        where: { eventId: event.id, status: "waitlisted", role: t.role },
        orderBy: { arrival: "asc" },
        ...(Number.isFinite(t.room) ? { take: t.room } : {}),
        include: { user: { select: { email: true, name: true } } },
      }),
    ),
  );
  const approve = waiting.flatMap((rows, i) => fitToSeats(rows, Math.min(tiers[i].room, rows.length)).approve);
  if (!approve.length) return [];
  await tx.registration.updateMany({ where: { id: { in: approve.map((r) => r.id) } }, data: { status: "approved", decidedAt: new Date() } });
  await audit(
    tx,
    approve.map((r) => ({ eventId: event.id, actorId, action: "registration.promoted", entityType: "registration", entityId: r.id, data: { from: "waitlisted", to: "approved" } })),
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

export type SeatDecision = { registrationId: string; status: "approved" | "pending" | "waitlisted" } | { registrationId: null; status: "alreadyRegistered" | "declined" | "invitationOnly" };

/**
 * Decides a registration's seat and writes it (registration, forums, audit entry, the accepted
 * invitation) in ONE statement: the database function register_seat (migrations
 * 20261125600000_register_seat, 20261206150000_accounts_abuse and 20261207020000_audience) takes the event's lock, replaces
 * a cancelled registration of the same person (a declined one stays), counts the seats taken and
 * inserts — open policy or an invitation approves while seats last, approval policy leaves it
 * pending, no seat left waitlists it. An audience registration is decided the same way against the
 * audience's own policy and limit, and an invitation-only audience refuses it without an
 * invitation (`invitationOnly`). Called on `db` (no
 * transaction) the lock lasts one statement; inside a transaction it lasts until that commits.
 */
export async function registerSeat(client: Tx, r: NewRegistration, id: string = crypto.randomUUID()): Promise<SeatDecision> {
  const [row] = await client.$queryRaw<{ status: SeatDecision["status"] }[]>`
    SELECT register_seat(${id}, ${r.eventId}, ${r.userId}, ${r.role}::"Role", ${r.invitationId}, ${r.organizationId},
      ${r.organizationOther}, ${r.country}, ${r.preferredLanguage}::"Language", ${r.timeZone}, ${r.accessibilityNeeds},
      ${r.recordingConsent}, ${r.forumIds}::text[], ${r.auditAction}, ${r.now}::timestamptz,
      ${r.requestedRole}::"Role", ${r.requestedOrganizationId}, ${r.requestedOrganizationOther}) AS status`;
  if (row.status === "alreadyRegistered" || row.status === "declined" || row.status === "invitationOnly") return { registrationId: null, status: row.status };
  return { registrationId: id, status: row.status };
}
