// The registration desk's writes: decide (approve / decline / waitlist), change roles, grant or
// refuse what registrations asked for, and the event's registration settings. Delegate seats and
// audience places are counted apart (capacity.ts's tiers): approving, or a role change that moves
// an approved registration between the tiers, finds room in the tier it enters. Organizers only;
// every change is audited. The event always keeps an approved organizer, and a person declined or
// no longer an organizer is signed out everywhere (their sessions end).
import "server-only";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { endSessions } from "@/lib/auth/session-version";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { reconcileRooms } from "@/lib/rooms/membership";
import { fitToSeats, roomNeededFor, tierOf } from "./capacity";
import { notifyDecision, notifyPromoted } from "./notify";
import { decisionSchema, requestDecisionSchema, roleChangeSchema, settingsSchema } from "./schema";
import { freeRoom, lockEventForSeats, promoteFromWaitlist, TX_OPTIONS, type SeatLimits } from "./seats";

type Decision = "approved" | "declined" | "waitlisted";

export interface DecisionResult {
  changed: string[];
  /** Not approved because the capacity was reached; left as they were. */
  refused: string[];
}

/** Refuses a change after which the event would have no approved organizer left. */
async function keepAnOrganizer(tx: Tx, eventId: string, leaving: string[]) {
  const left = await tx.registration.count({ where: { eventId, role: "organizer", status: "approved", id: { notIn: leaving } } });
  if (left === 0) throw new AppError("CONFLICT", "lastOrganizer");
}

const isApprovedOrganizer = (r: { role: string; status: string }) => r.role === "organizer" && r.status === "approved";

/** Of `regs`, each needing room in a tier (or none: null), those that fit in arrival order and
 * those refused, each tier against its own free room. */
async function fitByTier<T extends { arrival: bigint }>(tx: Tx, event: SeatLimits, regs: T[], tierOfReg: (r: T) => "seat" | "audience" | null) {
  const approve: T[] = regs.filter((r) => tierOfReg(r) === null);
  const refused: T[] = [];
  for (const tier of ["seat", "audience"] as const) {
    const candidates = regs.filter((r) => tierOfReg(r) === tier);
    if (!candidates.length) continue;
    const fitted = fitToSeats(candidates, await freeRoom(tx, event, tier));
    approve.push(...fitted.approve);
    refused.push(...fitted.refused);
  }
  return { approve, refused };
}

export async function decideRegistrations(actor: Actor | null, slug: string, raw: { ids: string[]; decision: Decision }): Promise<DecisionResult> {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const { ids, decision } = decisionSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const event = await lockEventForSeats(tx, eventId);
    const regs = await tx.registration.findMany({
      where: { eventId, id: { in: ids }, status: { not: decision } },
      include: { user: { select: { email: true, name: true } } },
    });
    let chosen = regs;
    let refused: typeof regs = [];
    if (decision === "approved") {
      // Organizers take no seat; everyone else is approved in arrival order while their tier has room.
      const fitted = await fitByTier(tx, event, regs, (r) => {
        const tier = tierOf(r.role);
        return tier === "staff" ? null : tier;
      });
      chosen = fitted.approve;
      refused = fitted.refused;
    } else {
      // Declining or waitlisting organizers takes their powers: one must stay (the acting one included).
      const organizers = chosen.filter(isApprovedOrganizer);
      if (organizers.length)
        await keepAnOrganizer(
          tx,
          eventId,
          organizers.map((r) => r.id),
        );
      // A declined person, and an organizer set aside, are signed out everywhere.
      await endSessions(
        tx,
        chosen.filter((r) => decision === "declined" || isApprovedOrganizer(r)).map((r) => r.userId),
      );
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
  if (decision !== "approved")
    await reconcileRooms(
      eventId,
      result.chosen.map((r) => r.userId),
      organizer.userId,
    );
  await Promise.all(result.chosen.map((r) => notifyDecision({ email: r.user.email, name: r.user.name, locale: r.preferredLanguage }, toLocalized(result.title), decision)));
  return { changed: result.chosen.map((r) => r.id), refused: result.refused.map((r) => r.id) };
}

export async function changeRoles(actor: Actor | null, slug: string, raw: { ids: string[]; role: string }): Promise<DecisionResult> {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const { ids, role } = roleChangeSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const event = await lockEventForSeats(tx, eventId);
    const regs = await tx.registration.findMany({ where: { eventId, id: { in: ids }, role: { not: role } } });
    let chosen = regs;
    let refused: typeof regs = [];
    if (role !== "organizer") {
      // An approved registration entering a tier takes room there: an organizer or an audience
      // member made a speaker finds a delegate seat (never silently past the capacity), a
      // participant made audience finds an audience place.
      const fitted = await fitByTier(tx, event, regs, (r) => roomNeededFor(r, role));
      refused = fitted.refused;
      chosen = regs.filter((r) => !refused.includes(r));
      await keepAnOrganizer(
        tx,
        eventId,
        chosen.map((r) => r.id),
      );
      // Former organizers are signed out everywhere: no session of theirs outlives the role.
      await endSessions(
        tx,
        chosen.filter(isApprovedOrganizer).map((r) => r.userId),
      );
    }
    let promoted: Awaited<ReturnType<typeof promoteFromWaitlist>> = [];
    if (chosen.length) {
      // An organizer's choice of role answers whatever role was asked for.
      await tx.registration.updateMany({ where: { id: { in: chosen.map((r) => r.id) } }, data: { role, requestedRole: null } });
      await audit(
        tx,
        chosen.map((r) => ({ eventId, actorId: organizer.userId, action: "registration.role-changed", entityType: "registration", entityId: r.id, data: { from: r.role, to: role } })),
      );
      // Room a move between the tiers freed goes to that tier's waitlist.
      if (chosen.some((r) => r.status === "approved" && tierOf(r.role) !== tierOf(role))) promoted = await promoteFromWaitlist(tx, event, organizer.userId);
    }
    return { chosen, refused, promoted, title: event.title };
  }, TX_OPTIONS);
  await Promise.all(result.promoted.map((p) => notifyPromoted(p, toLocalized(result.title))));
  // Those in a room get the new role's rights and attributes there at once (or leave it).
  await reconcileRooms(
    eventId,
    result.chosen.map((r) => r.userId),
    organizer.userId,
  );
  return { changed: result.chosen.map((r) => r.id), refused: result.refused.map((r) => r.id) };
}

/** Grants registrations what they asked for (a role, an organisation), or refuses it: they keep
 * what they were granted and the request is gone. Organizers only; audited per registration. */
export async function decideRequests(actor: Actor | null, slug: string, raw: { ids: string[]; grant: boolean }): Promise<DecisionResult> {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const { ids, grant } = requestDecisionSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const regs = await tx.registration.findMany({
      where: { eventId, id: { in: ids }, OR: [{ requestedRole: { not: null } }, { requestedOrganizationId: { not: null } }, { requestedOrganizationOther: { not: null } }] },
    });
    const chosen = regs.map((r) => r.id);
    // One statement for any number of rows: granting moves each request into what is granted.
    if (grant) {
      await tx.$executeRaw`
        UPDATE registrations SET
          role = COALESCE(requested_role, role),
          organization_id = CASE WHEN requested_organization_id IS NULL AND requested_organization_other IS NULL THEN organization_id ELSE requested_organization_id END,
          organization_other = CASE WHEN requested_organization_id IS NULL AND requested_organization_other IS NULL THEN organization_other ELSE requested_organization_other END,
          requested_role = NULL, requested_organization_id = NULL, requested_organization_other = NULL, updated_at = now()
        WHERE id = ANY(${chosen}::text[])`;
    } else {
      await tx.registration.updateMany({ where: { id: { in: chosen } }, data: { requestedRole: null, requestedOrganizationId: null, requestedOrganizationOther: null } });
    }
    await audit(
      tx,
      regs.map((r) => ({
        eventId,
        actorId: organizer.userId,
        action: grant ? "registration.request-granted" : "registration.request-refused",
        entityType: "registration",
        entityId: r.id,
        data: { role: r.requestedRole, organizationId: r.requestedOrganizationId, organizationOther: r.requestedOrganizationOther },
      })),
    );
    return { changed: chosen, refused: [], userIds: regs.map((r) => r.userId) };
  }, TX_OPTIONS);
  // A granted role reaches the rooms its person is in at once, as a role change does.
  if (grant) await reconcileRooms(eventId, result.userIds, organizer.userId);
  return { changed: result.changed, refused: result.refused };
}

export interface SettingsInput {
  capacity: number;
  registrationPolicy: "open" | "approval" | "invitation";
  /** Absent: the audience tier stays as it is. */
  audiencePolicy?: "open" | "approval" | "invitation";
  audienceCapacity?: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

function settingsSnapshot(s: Required<SettingsInput>) {
  return {
    capacity: s.capacity,
    policy: s.registrationPolicy,
    audiencePolicy: s.audiencePolicy,
    audienceCapacity: s.audienceCapacity,
    opensAt: s.registrationOpensAt?.toISOString() ?? null,
    closesAt: s.registrationClosesAt?.toISOString() ?? null,
  };
}

/** Saves capacity, policies, audience limit and window; more room in a tier promotes from its waitlist at once. */
export async function updateRegistrationSettings(actor: Actor | null, slug: string, raw: SettingsInput) {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const input = settingsSchema.parse(raw);
  const { promoted, title } = await db.$transaction(async (tx) => {
    const before = await lockEventForSeats(tx, eventId);
    const event = await tx.event.update({ where: { id: eventId }, data: input });
    await audit(tx, {
      eventId,
      actorId: organizer.userId,
      action: "event.registration-settings",
      entityType: "event",
      entityId: eventId,
      data: { from: settingsSnapshot(before), to: settingsSnapshot(event) },
    });
    return { promoted: await promoteFromWaitlist(tx, event, organizer.userId), title: event.title };
  }, TX_OPTIONS);
  await Promise.all(promoted.map((p) => notifyPromoted(p, toLocalized(title))));
  return { promoted: promoted.map((p) => p.registrationId) };
}
