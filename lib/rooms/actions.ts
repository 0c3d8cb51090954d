"use server";
// Server actions of the room's organizer controls. The room is resolved from the session on the
// server; each answers { ok: true } or { error: <message key> } for the UI to show.
import { z } from "@/lib/zod";
import { getActor } from "@/lib/auth/current";
import { AppError } from "@/lib/errors";
import { endRoom, extendRoom, lowerAllHands, muteTrack, removeParticipant, setSpeak } from "./moderation";
import { extendRoomSchema, muteTrackSchema, participantRefSchema, sessionRefSchema, setSpeakSchema } from "./schema";

export interface ModerationResult {
  ok?: true;
  error?: string;
}

async function run(fn: () => Promise<unknown>): Promise<ModerationResult> {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    if (err instanceof z.ZodError) return { error: "invalidInput" };
    throw err;
  }
}

export async function muteTrackAction(sessionId: string, identity: string, trackSid: string): Promise<ModerationResult> {
  return run(async () => {
    const input = muteTrackSchema.parse({ sessionId, identity, trackSid });
    await muteTrack(await getActor(), input.sessionId, input.identity, input.trackSid);
  });
}

export async function removeParticipantAction(sessionId: string, identity: string): Promise<ModerationResult> {
  return run(async () => {
    const input = participantRefSchema.parse({ sessionId, identity });
    await removeParticipant(await getActor(), input.sessionId, input.identity);
  });
}

export async function setSpeakAction(sessionId: string, identity: string, allow: boolean): Promise<ModerationResult> {
  return run(async () => {
    const input = setSpeakSchema.parse({ sessionId, identity, allow });
    await setSpeak(await getActor(), input.sessionId, input.identity, input.allow);
  });
}

export async function lowerAllHandsAction(sessionId: string): Promise<ModerationResult> {
  return run(async () => {
    const input = sessionRefSchema.parse({ sessionId });
    await lowerAllHands(await getActor(), input.sessionId);
  });
}

export async function endRoomAction(sessionId: string): Promise<ModerationResult> {
  return run(async () => {
    const input = sessionRefSchema.parse({ sessionId });
    await endRoom(await getActor(), input.sessionId);
  });
}

export async function extendRoomAction(sessionId: string, minutes: number): Promise<ModerationResult> {
  return run(async () => {
    const input = extendRoomSchema.parse({ sessionId, minutes });
    await extendRoom(await getActor(), input.sessionId, input.minutes);
  });
}
