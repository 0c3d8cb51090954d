"use server";
// Server actions of the room's organizer controls. The room is resolved from the session (or, in
// the console, the forum) on the server; each answers { ok: true } or { error: <message key> }.
import { getActor } from "@/lib/auth/current";
import { runAction, type ActionResult } from "./action-result";
import type { RoomBanView } from "./bans";
import { endRehearsal, endRoom, extendRoom, getRehearsal, liftBan, listBans, lowerAllHands, muteTrack, openRehearsal, removeParticipant, setShare, setSpeak } from "./moderation";
import { extendRoomSchema, forumPersonSchema, forumRefSchema, muteTrackSchema, participantRefSchema, rehearsalSchema, sessionRefSchema, setSpeakSchema } from "./schema";

export type ModerationResult = ActionResult;

export async function muteTrackAction(sessionId: string, identity: string, trackSid: string): Promise<ModerationResult> {
  return runAction(async () => {
    const input = muteTrackSchema.parse({ sessionId, identity, trackSid });
    await muteTrack(await getActor(), input.sessionId, input.identity, input.trackSid);
  });
}

export async function removeParticipantAction(sessionId: string, identity: string): Promise<ModerationResult> {
  return runAction(async () => {
    const input = participantRefSchema.parse({ sessionId, identity });
    await removeParticipant(await getActor(), input.sessionId, input.identity);
  });
}

export async function setSpeakAction(sessionId: string, identity: string, allow: boolean): Promise<ModerationResult> {
  return runAction(async () => {
    const input = setSpeakSchema.parse({ sessionId, identity, allow });
    await setSpeak(await getActor(), input.sessionId, input.identity, input.allow);
  });
}

export async function setShareAction(sessionId: string, identity: string, allow: boolean): Promise<ModerationResult> {
  return runAction(async () => {
    const input = setSpeakSchema.parse({ sessionId, identity, allow });
    await setShare(await getActor(), input.sessionId, input.identity, input.allow);
  });
}

export async function lowerAllHandsAction(sessionId: string): Promise<ModerationResult> {
  return runAction(async () => {
    const input = sessionRefSchema.parse({ sessionId });
    await lowerAllHands(await getActor(), input.sessionId);
  });
}

export async function endRoomAction(sessionId: string): Promise<ModerationResult> {
  return runAction(async () => {
    const input = sessionRefSchema.parse({ sessionId });
    await endRoom(await getActor(), input.sessionId);
  });
}

export async function extendRoomAction(sessionId: string, minutes: number): Promise<ModerationResult> {
  return runAction(async () => {
    const input = extendRoomSchema.parse({ sessionId, minutes });
    await extendRoom(await getActor(), input.sessionId, input.minutes);
  });
}

/** Who is kept out of the forum's room, newest first. */
export async function listBansAction(forumId: string): Promise<ActionResult<{ bans: RoomBanView[] }>> {
  return runAction(async () => {
    const input = forumRefSchema.parse({ forumId });
    return { bans: await listBans(await getActor(), input.forumId) };
  });
}

export async function liftBanAction(forumId: string, userId: string): Promise<ModerationResult> {
  return runAction(async () => {
    const input = forumPersonSchema.parse({ forumId, userId });
    await liftBan(await getActor(), input.forumId, input.userId);
  });
}

/** Opens the forum's room for a rehearsal (speakers and interpreters may join) for `minutes`. */
export async function openRehearsalAction(forumId: string, minutes: number): Promise<ActionResult<{ until: string }>> {
  return runAction(async () => {
    const input = rehearsalSchema.parse({ forumId, minutes });
    return { until: (await openRehearsal(await getActor(), input.forumId, input.minutes)).toISOString() };
  });
}

export async function endRehearsalAction(forumId: string): Promise<ModerationResult> {
  return runAction(async () => {
    const input = forumRefSchema.parse({ forumId });
    await endRehearsal(await getActor(), input.forumId);
  });
}

export async function rehearsalAction(forumId: string): Promise<ActionResult<{ until: string | null }>> {
  return runAction(async () => {
    const input = forumRefSchema.parse({ forumId });
    return { until: (await getRehearsal(await getActor(), input.forumId))?.toISOString() ?? null };
  });
}
