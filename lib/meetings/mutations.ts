// Writes of the meetings: asking, answering, withdrawing and calling off, and the organizers'
// setting. Each runs in one transaction holding both people's locks, so a person's accepted
// meetings never overlap however many answers arrive at once; mail goes out after the commit.
import "server-only";
import { audit, organizerEntry } from "@/lib/audit/audit";
import { requireActor, type Actor, type OrganizerAccess } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { meetingRoomName } from "@/lib/rooms/room-name";
import { callLiveKit } from "@/lib/rooms/livekit";
import { zonedLocalToUtc } from "@/lib/time/zones";
import { getMeetingContextOrThrow, getMeetingEventOrThrow, getMeetingWithPeopleOrThrow } from "./data";
import { notifyMeeting } from "./notify";
import { decideCommand, decideOrganizerCancel, MAX_OPEN_REQUESTS, mayMeet, overlaps, slotRefusal, type MeetingCommand, type MeetingPolicy, type MeetingStatus } from "./rules";
import { requestMeetingSchema, type RequestMeetingInput } from "./schema";

const MIN = 60_000;

/** Both people's locks, always in the same order so two transactions never wait on each other. */
async function lockPeople(tx: Tx, ...userIds: string[]) {
  for (const id of [...new Set(userIds)].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`meeting-person:${id}`}, 0))`;
}

/** Whether `userId` has an accepted meeting sharing a moment with the slot (in any event: one
 * person cannot be in two rooms at once), `except` aside. */
async function busy(tx: Tx, userId: string, slot: { startsAt: Date; endsAt: Date }, except?: string): Promise<boolean> {
  const near = await tx.meeting.findMany({
    where: { status: "accepted", id: except ? { not: except } : undefined, OR: [{ requesterId: userId }, { inviteeId: userId }], startsAt: { lt: slot.endsAt }, endsAt: { gt: slot.startsAt } },
    select: { startsAt: true, endsAt: true },
  });
  return near.some((m) => overlaps(m, slot));
}

export async function requestMeeting(actor: Actor | null, slug: string, raw: RequestMeetingInput, now = new Date()): Promise<{ id: string }> {
  const { userId } = requireActor(actor);
  const input = requestMeetingSchema.parse(raw);
  const { event, viewer } = await getMeetingContextOrThrow(slug, userId);
  if (event.policy === "off") throw new AppError("FORBIDDEN", "meetingsOff");
  if (!viewer || !mayMeet(event.policy, viewer)) throw new AppError("FORBIDDEN", "notAllowed");
  if (input.inviteeId === userId) throw new AppError("BAD_REQUEST", "withYourself");
  const invitee = await db.registration.findUnique({ where: { eventId_userId: { eventId: event.id, userId: input.inviteeId } }, select: { role: true, status: true } });
  if (!mayMeet(event.policy, invitee)) throw new AppError("FORBIDDEN", "inviteeNotAllowed");
  const startsAt = zonedLocalToUtc(input.start, viewer.timeZone);
  if (!startsAt) throw new AppError("BAD_REQUEST", "chooseTime");
  const slot = { startsAt, endsAt: new Date(startsAt.getTime() + input.minutes * MIN) };
  const refusal = slotRefusal(slot, event, now);
  if (refusal) throw new AppError("BAD_REQUEST", refusal);

  const meeting = await db.$transaction(async (tx) => {
    await lockPeople(tx, userId);
    const open = await tx.meeting.count({ where: { requesterId: userId, status: "requested", startsAt: { gt: now } } });
    if (open >= MAX_OPEN_REQUESTS) throw new AppError("CONFLICT", "tooManyOpen");
    if (await busy(tx, userId, slot)) throw new AppError("CONFLICT", "youAreBusy");
    // The same request again (a double click, a resent form) is not a second request.
    const twin = await tx.meeting.findFirst({ where: { requesterId: userId, inviteeId: input.inviteeId, startsAt: slot.startsAt, status: { in: ["requested", "declined"] } } });
    if (twin) throw new AppError("CONFLICT", twin.status === "declined" ? "declinedSlot" : "alreadyAsked");
    const created = await tx.meeting.create({ data: { eventId: event.id, requesterId: userId, inviteeId: input.inviteeId, ...slot, note: input.note } });
    await audit(tx, {
      eventId: event.id,
      actorId: userId,
      action: "meeting.requested",
      entityType: "meeting",
      entityId: created.id,
      data: { invitee: input.inviteeId, startsAt: slot.startsAt.toISOString(), minutes: input.minutes },
    });
    return created;
  });
  const people = await getMeetingWithPeopleOrThrow(meeting.id);
  if (people.invitee && people.requester) await notifyMeeting("requested", meeting, event, people.invitee, people.requester);
  return { id: meeting.id };
}

const auditAction: Record<MeetingCommand, string> = { accept: "meeting.accepted", decline: "meeting.declined", withdraw: "meeting.withdrawn", cancel: "meeting.cancelled" };

/**
 * Accept, decline, withdraw or call off a meeting (lib/meetings/rules.ts decides who may). An
 * acceptance is checked, under both people's locks, against each one's accepted meetings: of two
 * overlapping acceptances at once, the second finds the first and is refused (CONFLICT "busy").
 */
export async function changeMeeting(actor: Actor | null, meetingId: string, command: MeetingCommand, now = new Date()): Promise<{ status: MeetingStatus }> {
  const { userId } = requireActor(actor);
  const found = await db.meeting.findUnique({ where: { id: meetingId }, select: { requesterId: true, inviteeId: true, eventId: true } });
  if (!found || (found.requesterId !== userId && found.inviteeId !== userId)) throw new AppError(found ? "FORBIDDEN" : "NOT_FOUND", found ? "notYourMeeting" : "meetingNotFound");
  const event = await getMeetingEventOrThrow(found.eventId);

  const { updated, before } = await db.$transaction(async (tx) => {
    await lockPeople(tx, found.requesterId, found.inviteeId);
    // Read again under the locks: an answer may have come meanwhile.
    const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const decision = decideCommand(m, userId, command, now);
    if (!decision.allowed) throw new AppError(decision.code, decision.reason);
    if (command === "accept") {
      // The setting as it is now: both must still be allowed to meet.
      const regs = await tx.registration.findMany({ where: { eventId: m.eventId, userId: { in: [m.requesterId, m.inviteeId] } }, select: { role: true, status: true } });
      if (event.policy === "off") throw new AppError("FORBIDDEN", "meetingsOff");
      if (regs.length !== 2 || !regs.every((r) => mayMeet(event.policy, r))) throw new AppError("FORBIDDEN", "notAllowed");
      if (await busy(tx, m.inviteeId, m, m.id)) throw new AppError("CONFLICT", "youAreBusy");
      if (await busy(tx, m.requesterId, m, m.id)) throw new AppError("CONFLICT", "otherIsBusy");
    }
    const answered = command === "accept" || command === "decline";
    const next = await tx.meeting.update({
      where: { id: m.id },
      data: { status: decision.to, sequence: { increment: 1 }, ...(answered ? { decidedAt: now } : {}), ...(decision.to === "cancelled" ? { cancelledById: userId } : {}) },
    });
    await audit(tx, { eventId: m.eventId, actorId: userId, action: auditAction[command], entityType: "meeting", entityId: m.id, data: { from: m.status, to: decision.to } });
    return { updated: next, before: m.status };
  });

  // A meeting called off closes its room at once.
  if (before === "accepted" && updated.status === "cancelled") await closeRoom(meetingId);
  const { requester, invitee } = await getMeetingWithPeopleOrThrow(meetingId);
  if (requester && invitee) {
    const [to, from] = userId === requester.userId ? [invitee, requester] : [requester, invitee];
    const kind = command === "accept" ? "accepted" : command === "decline" ? "declined" : "cancelled";
    await notifyMeeting(kind, updated, event, to, from);
  }
  return { status: updated.status };
}

/** Closes a meeting's room if it is open; a room never opened is nothing to close. */
async function closeRoom(meetingId: string) {
  await callLiveKit((svc) => svc.deleteRoom(meetingRoomName(meetingId)), "roomNotFound").catch(() => {});
}

/**
 * The event's organizers call a request or an accepted meeting off (a room needed elsewhere, a
 * person who left): under both people's locks like every change, the calendar entry's SEQUENCE
 * raised so both feeds show it cancelled, the room closed, and both people told in their own
 * language and zone (neither of them did it, so neither is "the other").
 */
export async function cancelMeetingAsOrganizer(access: OrganizerAccess, meetingId: string, now = new Date()): Promise<{ status: MeetingStatus }> {
  const found = await db.meeting.findUnique({ where: { id: meetingId }, select: { requesterId: true, inviteeId: true, eventId: true } });
  // Another event's meeting is as unknown to these organizers as one that does not exist.
  if (!found || found.eventId !== access.eventId) throw new AppError("NOT_FOUND", "meetingNotFound");
  const event = await getMeetingEventOrThrow(found.eventId);
  const { updated, before } = await db.$transaction(async (tx) => {
    await lockPeople(tx, found.requesterId, found.inviteeId);
    const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const decision = decideOrganizerCancel(m, now);
    if (!decision.allowed) throw new AppError(decision.code, decision.reason);
    const next = await tx.meeting.update({ where: { id: m.id }, data: { status: decision.to, sequence: { increment: 1 }, cancelledById: access.actor.userId } });
    await audit(tx, organizerEntry(access, "meeting.cancelledByOrganizer", "meeting", m.id, { from: m.status, to: decision.to }));
    return { updated: next, before: m.status };
  });
  if (before === "accepted") await closeRoom(meetingId);
  const { requester, invitee } = await getMeetingWithPeopleOrThrow(meetingId);
  if (requester && invitee) {
    await Promise.all([notifyMeeting("cancelledByOrganizer", updated, event, requester, invitee), notifyMeeting("cancelledByOrganizer", updated, event, invitee, requester)]);
  }
  return { status: updated.status };
}

export async function setMeetingPolicy(access: OrganizerAccess, policy: MeetingPolicy): Promise<{ policy: MeetingPolicy }> {
  await db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: access.eventId }, data: { meetingPolicy: policy } });
    await audit(tx, organizerEntry(access, "meeting.settings", "event", access.eventId, { policy }));
  });
  return { policy };
}
