"use server";
// Server actions of the room's organizer controls. The room is resolved from the session (or, in
// the console, the forum) on the server; lib/rooms/moderation checks the organizer on each call.
// `breakoutId`: the breakout room the organizer is visiting (absent or null: the stage).
import { actorAction, type ActionResult } from "@/lib/http/action";
import type { RoomBanView } from "./bans";
import { endRehearsal, endRoom, extendRoom, getRehearsal, liftBan, listBans, lowerAllHands, muteTrack, openRehearsal, removeParticipant, setShare, setSpeak } from "./moderation";
import { extendRoomSchema, forumPersonSchema, forumRefSchema, muteTrackSchema, participantRefSchema, rehearsalSchema, roomRefSchema, sessionRefSchema, setSpeakSchema } from "./schema";

export type ModerationResult = ActionResult;

const done = () => null;

export async function muteTrackAction(sessionId: string, identity: string, trackSid: string, breakoutId?: string | null): Promise<ModerationResult> {
  return actorAction(muteTrackSchema, { sessionId, breakoutId, identity, trackSid }, (input, actor) => muteTrack(actor, input, input.identity, input.trackSid).then(done));
}

export async function removeParticipantAction(sessionId: string, identity: string, breakoutId?: string | null): Promise<ModerationResult> {
  return actorAction(participantRefSchema, { sessionId, breakoutId, identity }, (input, actor) => removeParticipant(actor, input, input.identity).then(done));
}

export async function setSpeakAction(sessionId: string, identity: string, allow: boolean, breakoutId?: string | null): Promise<ModerationResult> {
  return actorAction(setSpeakSchema, { sessionId, breakoutId, identity, allow }, (input, actor) => setSpeak(actor, input, input.identity, input.allow).then(done));
}

export async function setShareAction(sessionId: string, identity: string, allow: boolean, breakoutId?: string | null): Promise<ModerationResult> {
  return actorAction(setSpeakSchema, { sessionId, breakoutId, identity, allow }, (input, actor) => setShare(actor, input, input.identity, input.allow).then(done));
}

export async function lowerAllHandsAction(sessionId: string, breakoutId?: string | null): Promise<ModerationResult> {
  return actorAction(roomRefSchema, { sessionId, breakoutId }, (input, actor) => lowerAllHands(actor, input).then(done));
}

export async function endRoomAction(sessionId: string): Promise<ModerationResult> {
  return actorAction(sessionRefSchema, { sessionId }, (input, actor) => endRoom(actor, input.sessionId).then(done));
}

export async function extendRoomAction(sessionId: string, minutes: number): Promise<ModerationResult> {
  return actorAction(extendRoomSchema, { sessionId, minutes }, (input, actor) => extendRoom(actor, input.sessionId, input.minutes).then(done));
}

/** Who is kept out of the forum's room, newest first. */
export async function listBansAction(forumId: string): Promise<ActionResult<RoomBanView[]>> {
  return actorAction(forumRefSchema, { forumId }, (input, actor) => listBans(actor, input.forumId));
}

export async function liftBanAction(forumId: string, userId: string): Promise<ModerationResult> {
  return actorAction(forumPersonSchema, { forumId, userId }, (input, actor) => liftBan(actor, input.forumId, input.userId).then(done));
}

/** Opens the forum's room for a rehearsal (speakers and interpreters may join) for `minutes`; answers its end (ISO). */
export async function openRehearsalAction(forumId: string, minutes: number): Promise<ActionResult<string>> {
  return actorAction(rehearsalSchema, { forumId, minutes }, async (input, actor) => (await openRehearsal(actor, input.forumId, input.minutes)).toISOString());
}

export async function endRehearsalAction(forumId: string): Promise<ModerationResult> {
  return actorAction(forumRefSchema, { forumId }, (input, actor) => endRehearsal(actor, input.forumId).then(done));
}

/** The end of the forum's rehearsal (ISO), or null when none is open. */
export async function rehearsalAction(forumId: string): Promise<ActionResult<string | null>> {
  return actorAction(forumRefSchema, { forumId }, async (input, actor) => (await getRehearsal(actor, input.forumId))?.toISOString() ?? null);
}
