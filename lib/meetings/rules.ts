// The rules of one-to-one meetings: who may take part under the event's setting, which times may
// be asked for, when two meetings clash, what each of the two people may do in each state, and when
// the room is open. Pure, for the server, the pages and the tests alike.
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import { dayKey } from "@/lib/time/zones";

export type MeetingPolicy = "off" | "delegates" | "everyone";
export type MeetingStatus = "requested" | "accepted" | "declined" | "cancelled";
export type MeetingCommand = "accept" | "decline" | "withdraw" | "cancel";

export const MEETING_POLICIES: readonly MeetingPolicy[] = ["off", "delegates", "everyone"];
export const MEETING_STATUSES: readonly MeetingStatus[] = ["requested", "accepted", "declined", "cancelled"];
export const MEETING_DURATIONS = [15, 30, 45, 60] as const;
export const NOTE_MAX_LENGTH = 500;
/** Unanswered requests one person may have out at once: enough for a conference, too few to spam it. */
export const MAX_OPEN_REQUESTS = 20;
/** The room opens this long before the meeting starts, as a forum's stage does. */
export const JOIN_EARLY_MS = 10 * 60_000;

const MIN = 60_000;

/** Whether a registration may ask for meetings and be asked under `policy`. The audience only
 * watches the conference, so it never takes part; nor does anyone not (or no longer) approved. */
export function mayMeet(policy: MeetingPolicy, member: { role: RegistrationRole; status: RegistrationState } | null | undefined): boolean {
  if (!member || member.status !== "approved" || member.role === "audience" || policy === "off") return false;
  return policy === "everyone" || member.role === "delegate";
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

/** Why a slot cannot be asked for (a message key), or null. The event's days are its dates in
 * its home zone, from the day it starts to the day it ends, so a meeting may fall before the first
 * session or after the last one on those days, but never on another day. */
export function slotRefusal(slot: Slot, event: { startsAt: Date; endsAt: Date; timeZone: string }, now: Date): "meetingInPast" | "outsideEvent" | "badDuration" | null {
  const minutes = (slot.endsAt.getTime() - slot.startsAt.getTime()) / MIN;
  if (!(MEETING_DURATIONS as readonly number[]).includes(minutes)) return "badDuration";
  if (slot.startsAt.getTime() <= now.getTime()) return "meetingInPast";
  const zone = event.timeZone;
  const lastMoment = new Date(slot.endsAt.getTime() - 1);
  if (dayKey(slot.startsAt, zone) < dayKey(event.startsAt, zone) || dayKey(lastMoment, zone) > dayKey(event.endsAt, zone)) return "outsideEvent";
  return null;
}

/** Two meetings clash when they share a moment; one ending as the other starts does not. */
export function overlaps(a: Slot, b: Slot): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

export interface MeetingState extends Slot {
  requesterId: string;
  inviteeId: string;
  status: MeetingStatus;
}

export type CommandDecision = { allowed: true; to: MeetingStatus } | { allowed: false; code: "FORBIDDEN" | "CONFLICT"; reason: string };

/**
 * What `command` by `userId` does to a meeting now. Only the invitee answers a request, only the
 * requester withdraws it, and either of the two calls off an accepted meeting that has not ended.
 * Someone else is refused (FORBIDDEN) whatever the state; a state that no longer allows the command
 * (answered meanwhile, over) is a CONFLICT, so the page can say the meeting changed.
 */
export function decideCommand(m: MeetingState, userId: string, command: MeetingCommand, now: Date): CommandDecision {
  const requester = m.requesterId === userId;
  const invitee = m.inviteeId === userId;
  if (!requester && !invitee) return { allowed: false, code: "FORBIDDEN", reason: "notYourMeeting" };
  const conflict = (reason: string): CommandDecision => ({ allowed: false, code: "CONFLICT", reason });
  switch (command) {
    case "accept":
    case "decline":
      if (!invitee) return { allowed: false, code: "FORBIDDEN", reason: "onlyInviteeAnswers" };
      if (m.status !== "requested") return conflict("alreadyAnswered");
      if (command === "accept" && m.startsAt.getTime() <= now.getTime()) return conflict("meetingInPast");
      return { allowed: true, to: command === "accept" ? "accepted" : "declined" };
    case "withdraw":
      if (!requester) return { allowed: false, code: "FORBIDDEN", reason: "onlyRequesterWithdraws" };
      if (m.status !== "requested") return conflict("alreadyAnswered");
      return { allowed: true, to: "cancelled" };
    case "cancel":
      if (m.status !== "accepted") return conflict("notAccepted");
      if (m.endsAt.getTime() <= now.getTime()) return conflict("meetingOver");
      return { allowed: true, to: "cancelled" };
  }
}

/**
 * Whether the event's organizers may call a meeting off now (a room needed elsewhere, a person who
 * left): a request not yet answered or an accepted meeting, either one not over. The two people's
 * own commands stay theirs alone (decideCommand); this is the organizers' one.
 */
export function decideOrganizerCancel(m: Slot & { status: MeetingStatus }, now: Date): CommandDecision {
  if (m.status !== "requested" && m.status !== "accepted") return { allowed: false, code: "CONFLICT", reason: "alreadyClosed" };
  if (m.endsAt.getTime() <= now.getTime()) return { allowed: false, code: "CONFLICT", reason: "meetingOver" };
  return { allowed: true, to: "cancelled" };
}

/** Whether an accepted meeting's room is open at `now`: from ten minutes before it to its end. */
export function roomOpen(m: Slot & { status: MeetingStatus }, now: Date): boolean {
  const t = now.getTime();
  return m.status === "accepted" && t >= m.startsAt.getTime() - JOIN_EARLY_MS && t < m.endsAt.getTime();
}

/** Why `userId` may not be in the meeting's room now (a message key), or null when they may. */
export function joinRefusal(m: MeetingState, userId: string, now: Date): "notYourMeeting" | "notAccepted" | "outsideWindow" | null {
  if (m.requesterId !== userId && m.inviteeId !== userId) return "notYourMeeting";
  if (m.status !== "accepted") return "notAccepted";
  return roomOpen(m, now) ? null : "outsideWindow";
}
