// Seat accounting inside a transaction. Every change that can take or free a seat first locks the
// event's row, so concurrent registrations and approvals are decided one after another and the
// capacity is never exceeded.
import "server-only";
import crypto from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/audit/audit";
import { fitToSeats, seatsLeft } from "./capacity";

export type Tx = Prisma.TransactionClient;

/** Long enough for hundreds of requests queueing on one event's lock. */
export const TX_OPTIONS = { maxWait: 60_000, timeout: 60_000 } as const;

export async function lockEvent(tx: Tx, eventId: string) {
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
  locale: "ko" | "zh" | "en";
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

/**
 * Takes the event's lock and counts its free seats: two statements, because under READ COMMITTED
 * a count inside the locking statement would use a snapshot older than the lock.
 */
export async function lockSeats(tx: Tx, eventId: string) {
  const [event] = await tx.$queryRaw<{ capacity: number; policy: "open" | "approval" | "invitation" }[]>`
    SELECT capacity, registration_policy::text AS policy FROM events WHERE id = ${eventId} FOR UPDATE`;
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  return { ...event, free: await freeSeats(tx, eventId, event.capacity) };
}

export interface NewRegistration {
  eventId: string;
  userId: string;
  role: string;
  status: "approved" | "pending" | "waitlisted";
  organizationId: string | null;
  organizationOther: string | null;
  country: string;
  preferredLanguage: string;
  timeZone: string;
  accessibilityNeeds: string | null;
  recordingConsent: boolean;
  forumIds: string[];
  auditAction: string;
}

/**
 * Writes a registration, its forums and its audit entry in one statement: it runs under the
 * event's lock, where every round trip makes everyone queueing behind it wait longer.
 */
export async function insertRegistration(tx: Tx, r: NewRegistration): Promise<string> {
  const id = crypto.randomUUID();
  await tx.$executeRaw`
    WITH reg AS (
      INSERT INTO registrations (id, event_id, user_id, role, status, organization_id, organization_other, country,
        preferred_language, time_zone, accessibility_needs, recording_consent, decided_at, updated_at)
      VALUES (${id}, ${r.eventId}, ${r.userId}, ${r.role}::"Role", ${r.status}::"RegistrationStatus", ${r.organizationId},
        ${r.organizationOther}, ${r.country}, ${r.preferredLanguage}::"Language", ${r.timeZone}, ${r.accessibilityNeeds},
        ${r.recordingConsent}, ${r.status === "pending" ? null : new Date()}, now())
      RETURNING id),
    forums AS (
      INSERT INTO registration_forums (registration_id, forum_id) SELECT reg.id, f FROM reg, unnest(${r.forumIds}::text[]) AS f)
    INSERT INTO audit_logs (event_id, actor_id, action, entity_type, entity_id, data)
    SELECT ${r.eventId}, ${r.userId}, ${r.auditAction}, 'registration', reg.id,
      jsonb_build_object('status', ${r.status}::text, 'role', ${r.role}::text) FROM reg`;
  return id;
}
