// The registration desk's writes: decide (approve / decline / waitlist), change roles, and the
// event's registration settings. Organizers only; every change is audited.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { reconcileRooms } from "@/lib/rooms/membership";
import { fitToSeats } from "./capacity";
import { notifyDecision, notifyPromoted } from "./notify";
import { decisionSchema, roleChangeSchema, settingsSchema } from "./schema";
import { freeSeats, lockEvent, promoteFromWaitlist, TX_OPTIONS } from "./seats";

type Decision = "approved" | "declined" | "waitlisted";

export interface DecisionResult {
  changed: string[];
  /** Not approved because the capacity was reached; left as they were. */
  refused: string[];
}

export async function decideRegistrations(actor: Actor | null, slug: string, raw: { ids: string[]; decision: Decision }): Promise<DecisionResult> {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const { ids, decision } = decisionSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const regs = await tx.registration.findMany({
      where: { eventId, id: { in: ids }, status: { not: decision } },
      include: { user: { select: { email: true, name: true } } },
    });
    let chosen = regs;
    let refused: typeof regs = [];
    if (decision === "approved") {
      // Organizers take no seat; everyone else is approved in arrival order while seats last.
      const staff = regs.filter((r) => r.role === "organizer");
      const fitted = fitToSeats(
        regs.filter((r) => r.role !== "organizer"),
        await freeSeats(tx, eventId, event.capacity),
      );
      chosen = [...staff, ...fitted.approve];
      refused = fitted.refused;
    }
    if (chosen.length) {
      await tx.registration.updateMany({ where: { id: { in: chosen.map((r) => r.id) } }, data: { status: decision, decidedAt: new Date() } });
      await audit(
        tx,
        chosen.map((r) => ({ eventId, actorId: organizer.userId, action: `registration.${decision}`, entityType: "registration", entityId: r.id, data: { from: r.status, to: decision } })),
      );
    }
    return { chosen, refused, title: event.title };
  }, TX_OPTIONS);
  // Someone declined or waitlisted while in a forum's room leaves it now, as if removed.
  if (decision !== "approved") await reconcileRooms(eventId, result.chosen.map((r) => r.userId), organizer.userId);
  await Promise.all(
    result.chosen.map((r) => notifyDecision({ email: r.user.email, name: r.user.name, locale: r.preferredLanguage }, toLocalized(result.title), decision)),
  );
  return { changed: result.chosen.map((r) => r.id), refused: result.refused.map((r) => r.id) };
}

export async function changeRoles(actor: Actor | null, slug: string, raw: { ids: string[]; role: string }): Promise<DecisionResult> {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const { ids, role } = roleChangeSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    const regs = await tx.registration.findMany({ where: { eventId, id: { in: ids }, role: { not: role } } });
    let chosen = regs;
    let refused: typeof regs = [];
    if (role !== "organizer") {
      // An approved organizer who becomes a participant starts to take a seat.
      const needSeat = regs.filter((r) => r.role === "organizer" && r.status === "approved");
      const fitted = fitToSeats(needSeat, await freeSeats(tx, eventId, event.capacity));
      refused = fitted.refused;
      chosen = regs.filter((r) => !refused.includes(r));
      const organizersLeft = await tx.registration.count({
        where: { eventId, role: "organizer", status: "approved", id: { notIn: chosen.map((r) => r.id) } },
      });
      if (organizersLeft === 0) throw new AppError("CONFLICT", "lastOrganizer");
    }
    if (chosen.length) {
      await tx.registration.updateMany({ where: { id: { in: chosen.map((r) => r.id) } }, data: { role } });
      await audit(
        tx,
        chosen.map((r) => ({ eventId, actorId: organizer.userId, action: "registration.role-changed", entityType: "registration", entityId: r.id, data: { from: r.role, to: role } })),
      );
    }
    return { chosen, refused };
  }, TX_OPTIONS);
  // Those in a room get the new role's rights and attributes there at once (or leave it).
  await reconcileRooms(eventId, result.chosen.map((r) => r.userId), organizer.userId);
  return { changed: result.chosen.map((r) => r.id), refused: result.refused.map((r) => r.id) };
}

export interface SettingsInput {
  capacity: number;
  registrationPolicy: "open" | "approval" | "invitation";
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

function settingsSnapshot(s: { capacity: number; registrationPolicy: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null }) {
  return {
    capacity: s.capacity,
    policy: s.registrationPolicy,
    opensAt: s.registrationOpensAt?.toISOString() ?? null,
    closesAt: s.registrationClosesAt?.toISOString() ?? null,
  };
}

/** Saves capacity, policy and window; a larger capacity promotes from the waitlist at once. */
export async function updateRegistrationSettings(actor: Actor | null, slug: string, raw: SettingsInput) {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const input = settingsSchema.parse(raw);
  const { promoted, title } = await db.$transaction(async (tx) => {
    const before = await lockEvent(tx, eventId);
    const event = await tx.event.update({ where: { id: eventId }, data: input });
    await audit(tx, {
      eventId,
      actorId: organizer.userId,
      action: "event.registration-settings",
      entityType: "event",
      entityId: eventId,
      data: { from: settingsSnapshot(before), to: settingsSnapshot(input) },
    });
    return { promoted: await promoteFromWaitlist(tx, eventId, event.capacity, organizer.userId), title: event.title };
  }, TX_OPTIONS);
  await Promise.all(promoted.map((p) => notifyPromoted(p, toLocalized(title))));
  return { promoted: promoted.map((p) => p.registrationId) };
}
