// Organizers' controls over a forum's stage, through LiveKit's RoomService. Each call checks on
// the server that the actor organizes the session's event, acts on the forum's room (never a room
// the client names: a breakout id is checked like a visit, acting-room.ts), and writes the audit
// log, with the room, once LiveKit has done it.
import "server-only";
import { TrackSource } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveActingRoom, type RoomRef } from "./acting-room";
import { banFromForum, getForumBans, liftForumBan, type RoomBanView } from "./bans";
import { forgetStages, getApprovedRole, getStageOfSessionOrThrow, type Stage } from "./data";
import { delegateFloor, delegatePublishing, floorRefusal, stageGrant, type DelegateFloor } from "./grants";
import { callLiveKit, fromTrackSources, toPermission, toTrackSources } from "./livekit";
import { withRoomLock } from "./lock";
import { HAND_ATTRIBUTE, SHARE_REQUEST_ATTRIBUTE } from "./participant";

type Moderation =
  | "room.muted"
  | "room.removed"
  | "room.banLifted"
  | "room.speakGranted"
  | "room.speakRevoked"
  | "room.shareGranted"
  | "room.shareRevoked"
  | "room.handsLowered"
  | "room.ended"
  | "room.extended"
  | "room.rehearsalOpened"
  | "room.rehearsalEnded";

type ForumRef = Pick<Stage, "eventId" | "forumId" | "roomName">;

async function assertOrganizer(eventId: string, userId: string) {
  if ((await getApprovedRole(eventId, userId)) !== "organizer") throw new AppError("FORBIDDEN", "organizersOnly");
}

/** The room the organizer acts in: the session's stage, or with `breakoutId` the breakout room they visit. */
async function asOrganizer(actor: Actor | null, ref: string | RoomRef): Promise<{ stage: Stage; actorId: string }> {
  const { userId } = requireActor(actor);
  const { sessionId, breakoutId } = typeof ref === "string" ? { sessionId: ref, breakoutId: null } : ref;
  const stage = await getStageOfSessionOrThrow(sessionId);
  await assertOrganizer(stage.eventId, userId);
  return { stage: await resolveActingRoom(stage, { userId, role: "organizer" }, breakoutId), actorId: userId };
}

/** The forum's room, when `actor` organizes its event (the console acts per forum, not per session). */
async function asForumOrganizer(actor: Actor | null, forumId: string): Promise<{ forum: ForumRef; actorId: string }> {
  const { userId } = requireActor(actor);
  const row = await db.forum.findUnique({ where: { id: forumId }, select: { id: true, eventId: true, roomName: true } });
  if (!row) throw new AppError("NOT_FOUND", "forumNotFound");
  await assertOrganizer(row.eventId, userId);
  return { forum: { eventId: row.eventId, forumId: row.id, roomName: row.roomName }, actorId: userId };
}

function record(forum: ForumRef, actorId: string, action: Moderation, data: Prisma.InputJsonObject, client: Tx = db) {
  return audit(client, { eventId: forum.eventId, actorId, action, entityType: "forum", entityId: forum.forumId, data: { room: forum.roomName, ...data } });
}

const ignoreGone = (err: unknown) => {
  if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
};

/** Mutes one published track (microphone or camera) of a participant; only they can unmute it. */
export async function muteTrack(actor: Actor | null, ref: RoomRef, identity: string, trackSid: string) {
  const { sessionId } = ref;
  const { stage, actorId } = await asOrganizer(actor, ref);
  const participant = await callLiveKit((svc) => svc.getParticipant(stage.roomName, identity));
  const track = participant.tracks.find((t) => t.sid === trackSid);
  if (!track) throw new AppError("NOT_FOUND", "trackNotFound");
  await callLiveKit((svc) => svc.mutePublishedTrack(stage.roomName, identity, trackSid, true), "trackNotFound");
  await record(stage, actorId, "room.muted", { sessionId, identity, trackSid, source: TrackSource[track.source], name: track.name });
}

/**
 * Removes a person from the forum's room and keeps them out of it until an organizer lets them
 * back. The ban is written first, so a token asked for in between is already refused; someone
 * who has left meanwhile is banned all the same. Organizers run the room and cannot be removed.
 * Removed from a breakout room, a person is out of the forum as from the stage: their client's way
 * back to the stage is then refused too (a working group's disrupter is no lesser case).
 */
export async function removeParticipant(actor: Actor | null, ref: RoomRef, identity: string) {
  const { sessionId } = ref;
  const { stage, actorId } = await asOrganizer(actor, ref);
  if ((await getApprovedRole(stage.eventId, identity)) === "organizer") throw new AppError("FORBIDDEN", "organizersCannotBeRemoved");
  // An identity that is no account of ours (a recorder, a load tester) has nobody to ban.
  const banned = (await db.user.count({ where: { id: identity } })) > 0;
  if (banned) await banFromForum(stage.forumId, identity, actorId);
  let wasInRoom = true;
  await callLiveKit((svc) => svc.removeParticipant(stage.roomName, identity)).catch((err) => {
    ignoreGone(err);
    wasInRoom = false;
  });
  if (!banned && !wasInRoom) throw new AppError("NOT_FOUND", "participantNotFound");
  await record(stage, actorId, "room.removed", { sessionId, identity, banned, wasInRoom });
}

/** Lets a removed person back into the forum's room (they may ask for a token again). */
export async function liftBan(actor: Actor | null, forumId: string, userId: string) {
  const { forum, actorId } = await asForumOrganizer(actor, forumId);
  if (!(await liftForumBan(forum.forumId, userId))) throw new AppError("NOT_FOUND", "banNotFound");
  await record(forum, actorId, "room.banLifted", { identity: userId });
}

export async function listBans(actor: Actor | null, forumId: string): Promise<RoomBanView[]> {
  const { forum } = await asForumOrganizer(actor, forumId);
  return getForumBans(forum.forumId);
}

/**
 * Gives a delegate the floor (speak: camera and microphone; share: screen), or takes it back,
 * keeping the other part as it is. LiveKit replaces a permission whole and has no
 * compare-and-set, so the read and the write hold the person's lock; on revoke LiveKit itself
 * unpublishes what the new permission no longer allows. The request it answers is cleared.
 */
async function setFloor(actor: Actor | null, ref: RoomRef, identity: string, change: Partial<DelegateFloor>) {
  const { sessionId } = ref;
  const { stage, actorId } = await asOrganizer(actor, ref);
  const role = await getApprovedRole(stage.eventId, identity);
  if (!role) throw new AppError("NOT_FOUND", "participantNotFound");
  const refusal = floorRefusal(role);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  await withRoomLock(`floor:${stage.roomName}:${identity}`, async () => {
    const p = await callLiveKit((svc) => svc.getParticipant(stage.roomName, identity));
    const current = delegateFloor({ canPublish: !!p.permission?.canPublish, canPublishSources: fromTrackSources(p.permission?.canPublishSources ?? []) });
    const publishing = delegatePublishing({ ...current, ...change });
    const permission = { ...toPermission(stageGrant("delegate")), canPublish: publishing.canPublish, canPublishSources: toTrackSources(publishing.canPublishSources) };
    const answered = change.speak !== undefined ? HAND_ATTRIBUTE : SHARE_REQUEST_ATTRIBUTE;
    await callLiveKit((svc) => svc.updateParticipant(stage.roomName, identity, { permission, attributes: { [answered]: "" } }));
  });
  const action: Moderation = change.speak !== undefined ? (change.speak ? "room.speakGranted" : "room.speakRevoked") : change.share ? "room.shareGranted" : "room.shareRevoked";
  await record(stage, actorId, action, { sessionId, identity });
}

/** Lets a delegate publish camera and microphone, or takes it back. */
export function setSpeak(actor: Actor | null, ref: RoomRef, identity: string, allow: boolean) {
  return setFloor(actor, ref, identity, { speak: allow });
}

/** Lets a delegate share their screen (DESIGN.md: "on request"), or takes it back / declines the request. */
export function setShare(actor: Actor | null, ref: RoomRef, identity: string, allow: boolean) {
  return setFloor(actor, ref, identity, { share: allow });
}

/** Clears the `hand` attribute of everyone in the room; returns how many hands were up. */
export async function lowerAllHands(actor: Actor | null, ref: RoomRef): Promise<number> {
  const { sessionId } = ref;
  const { stage, actorId } = await asOrganizer(actor, ref);
  const participants = await callLiveKit((svc) => svc.listParticipants(stage.roomName), "roomNotFound");
  const raised = participants.filter((p) => p.attributes?.[HAND_ATTRIBUTE]);
  // An empty value deletes the attribute; someone who left meanwhile has no hand to lower.
  await Promise.all(raised.map((p) => callLiveKit((svc) => svc.updateParticipant(stage.roomName, p.identity, { attributes: { [HAND_ATTRIBUTE]: "" } })).catch(ignoreGone)));
  await record(stage, actorId, "room.handsLowered", { sessionId, identities: raised.map((p) => p.identity) });
  return raised.length;
}

/** Closes the forum's room for everyone in it. A room that is already gone counts as ended. */
export async function endRoom(actor: Actor | null, sessionId: string) {
  const { stage, actorId } = await asOrganizer(actor, sessionId);
  await callLiveKit((svc) => svc.deleteRoom(stage.roomName), "roomNotFound").catch(ignoreGone);
  await record(stage, actorId, "room.ended", { sessionId });
}

/** The room's metadata as clients read it: when the room closes (they warn and leave by it). */
export function roomMetadata(closesAt: Date): string {
  return JSON.stringify({ closesAt: closesAt.toISOString() });
}

/**
 * Keeps the room open `minutes` longer than it would close now (the block's end or an earlier
 * extension, whichever is later, and never before now). The new closing time, its audit entry and
 * telling the room happen together: LiveKit is told inside the transaction, so when it cannot be
 * reached nothing is extended (the room would otherwise open to delegates with nobody told).
 */
export async function extendRoom(actor: Actor | null, sessionId: string, minutes: number): Promise<Date> {
  const { stage, actorId } = await asOrganizer(actor, sessionId);
  const base = Math.max(stage.closesAt.getTime(), Date.now());
  const closesAt = new Date(base + minutes * 60_000);
  await db.$transaction(async (tx) => {
    await tx.forum.update({ where: { id: stage.forumId }, data: { roomExtendedUntil: closesAt } });
    await record(stage, actorId, "room.extended", { sessionId, minutes, closesAt: closesAt.toISOString() }, tx);
    // Nobody in the room yet means no room to tell; the next joiner reads the page's closing time.
    await callLiveKit((svc) => svc.updateRoomMetadata(stage.roomName, roomMetadata(closesAt)), "roomNotFound").catch(ignoreGone);
  });
  forgetStages();
  return closesAt;
}

/**
 * Opens the forum's room for a rehearsal for `minutes` from now: speakers and interpreters of the
 * forum may join it at any time until then (organizers always may). Those in the room learn its
 * new closing time from the room's metadata, as for an extension. Audited with telling LiveKit in
 * one transaction, like an extension.
 */
export async function openRehearsal(actor: Actor | null, forumId: string, minutes: number): Promise<Date> {
  const { forum, actorId } = await asForumOrganizer(actor, forumId);
  const until = new Date(Date.now() + minutes * 60_000);
  await db.$transaction(async (tx) => {
    const row = await tx.forum.update({ where: { id: forum.forumId }, data: { rehearsalUntil: until }, select: { endsAt: true, roomExtendedUntil: true } });
    await record(forum, actorId, "room.rehearsalOpened", { minutes, until: until.toISOString() }, tx);
    const closesAt = new Date(Math.max(until.getTime(), row.roomExtendedUntil?.getTime() ?? 0));
    await callLiveKit((svc) => svc.updateRoomMetadata(forum.roomName, roomMetadata(closesAt)), "roomNotFound").catch(ignoreGone);
  });
  forgetStages();
  return until;
}

/** Ends a rehearsal now: from here on only the forum's join window lets people in. */
export async function endRehearsal(actor: Actor | null, forumId: string): Promise<void> {
  const { forum, actorId } = await asForumOrganizer(actor, forumId);
  await db.$transaction(async (tx) => {
    await tx.forum.update({ where: { id: forum.forumId }, data: { rehearsalUntil: null } });
    await record(forum, actorId, "room.rehearsalEnded", {}, tx);
  });
  forgetStages();
}

/** The rehearsal the forum's room is open for now, if any (for the run sheet). */
export async function getRehearsal(actor: Actor | null, forumId: string): Promise<Date | null> {
  const { forum } = await asForumOrganizer(actor, forumId);
  const row = await db.forum.findUnique({ where: { id: forum.forumId }, select: { rehearsalUntil: true } });
  return row?.rehearsalUntil && row.rehearsalUntil > new Date() ? row.rehearsalUntil : null;
}
