// Organizers' controls over a forum's stage, through LiveKit's RoomService. Each call checks on
// the server that the actor organizes the session's event, acts on the forum's room (never a room
// the client names), and writes the audit log once LiveKit has done it.
import "server-only";
import { TrackSource } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { forgetStages, getApprovedRole, getStageOfSessionOrThrow, type Stage } from "./data";
import { speakSources, stageGrant } from "./grants";
import { callLiveKit, toTrackSources } from "./livekit";
import { HAND_ATTRIBUTE } from "./participant";

type Moderation = "room.muted" | "room.removed" | "room.speakGranted" | "room.speakRevoked" | "room.handsLowered" | "room.ended" | "room.extended";

async function asOrganizer(actor: Actor | null, sessionId: string): Promise<{ stage: Stage; actorId: string }> {
  const { userId } = requireActor(actor);
  const stage = await getStageOfSessionOrThrow(sessionId);
  if ((await getApprovedRole(stage.eventId, userId)) !== "organizer") throw new AppError("FORBIDDEN", "organizersOnly");
  return { stage, actorId: userId };
}

function record(stage: Stage, actorId: string, action: Moderation, data: Prisma.InputJsonObject) {
  return audit(db, { eventId: stage.eventId, actorId, action, entityType: "forum", entityId: stage.forumId, data: { room: stage.roomName, ...data } });
}

/** Mutes one published track (microphone or camera) of a participant; only they can unmute it. */
export async function muteTrack(actor: Actor | null, sessionId: string, identity: string, trackSid: string) {
  const { stage, actorId } = await asOrganizer(actor, sessionId);
  const participant = await callLiveKit((svc) => svc.getParticipant(stage.roomName, identity));
  const track = participant.tracks.find((t) => t.sid === trackSid);
  if (!track) throw new AppError("NOT_FOUND", "trackNotFound");
  await callLiveKit((svc) => svc.mutePublishedTrack(stage.roomName, identity, trackSid, true), "trackNotFound");
  await record(stage, actorId, "room.muted", { sessionId, identity, trackSid, source: TrackSource[track.source], name: track.name });
}

export async function removeParticipant(actor: Actor | null, sessionId: string, identity: string) {
  const { stage, actorId } = await asOrganizer(actor, sessionId);
  await callLiveKit((svc) => svc.removeParticipant(stage.roomName, identity));
  await record(stage, actorId, "room.removed", { sessionId, identity });
}

/**
 * Lets a delegate publish camera and microphone, or takes it back. Permissions replace the whole
 * grant, so every right is restated; on revoke LiveKit itself unpublishes the tracks the new
 * permission no longer allows, so the delegate falls silent at once.
 */
export async function setSpeak(actor: Actor | null, sessionId: string, identity: string, allow: boolean) {
  const { stage, actorId } = await asOrganizer(actor, sessionId);
  // Only delegates raise hands; the others' rights come from their role and must not be narrowed.
  if ((await getApprovedRole(stage.eventId, identity)) !== "delegate") throw new AppError("FORBIDDEN", "onlyDelegatesSpeakOnRequest");
  const base = stageGrant("delegate");
  const permission = {
    canSubscribe: base.canSubscribe,
    canPublishData: base.canPublishData,
    canUpdateMetadata: base.canUpdateOwnMetadata,
    canPublish: allow,
    canPublishSources: allow ? toTrackSources(speakSources) : [],
  };
  await callLiveKit((svc) => svc.updateParticipant(stage.roomName, identity, { permission }));
  await record(stage, actorId, allow ? "room.speakGranted" : "room.speakRevoked", { sessionId, identity });
}

/** Clears the `hand` attribute of everyone in the room; returns how many hands were up. */
export async function lowerAllHands(actor: Actor | null, sessionId: string): Promise<number> {
  const { stage, actorId } = await asOrganizer(actor, sessionId);
  const participants = await callLiveKit((svc) => svc.listParticipants(stage.roomName), "roomNotFound");
  const raised = participants.filter((p) => p.attributes?.[HAND_ATTRIBUTE]);
  // An empty value deletes the attribute; someone who left meanwhile has no hand to lower.
  await Promise.all(
    raised.map((p) =>
      callLiveKit((svc) => svc.updateParticipant(stage.roomName, p.identity, { attributes: { [HAND_ATTRIBUTE]: "" } })).catch((err) => {
        if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
      }),
    ),
  );
  await record(stage, actorId, "room.handsLowered", { sessionId, identities: raised.map((p) => p.identity) });
  return raised.length;
}

/** Closes the forum's room for everyone in it. A room that is already gone counts as ended. */
export async function endRoom(actor: Actor | null, sessionId: string) {
  const { stage, actorId } = await asOrganizer(actor, sessionId);
  await callLiveKit((svc) => svc.deleteRoom(stage.roomName), "roomNotFound").catch((err) => {
    if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
  });
  await record(stage, actorId, "room.ended", { sessionId });
}

/** The room's metadata as clients read it: when the room closes (they warn and leave by it). */
export function roomMetadata(closesAt: Date): string {
  return JSON.stringify({ closesAt: closesAt.toISOString() });
}

/**
 * Keeps the room open `minutes` longer than it would close now (the block's end or an earlier
 * extension, whichever is later, and never before now). Clients in the room learn it from the
 * room's metadata; the join window follows the database.
 */
export async function extendRoom(actor: Actor | null, sessionId: string, minutes: number): Promise<Date> {
  const { stage, actorId } = await asOrganizer(actor, sessionId);
  const base = Math.max(stage.closesAt.getTime(), Date.now());
  const closesAt = new Date(base + minutes * 60_000);
  await db.forum.update({ where: { id: stage.forumId }, data: { roomExtendedUntil: closesAt } });
  forgetStages();
  // Nobody in the room yet means no room to tell; the next joiner reads the page's closing time.
  await callLiveKit((svc) => svc.updateRoomMetadata(stage.roomName, roomMetadata(closesAt)), "roomNotFound").catch((err) => {
    if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
  });
  await record(stage, actorId, "room.extended", { sessionId, minutes, closesAt: closesAt.toISOString() });
  return closesAt;
}
