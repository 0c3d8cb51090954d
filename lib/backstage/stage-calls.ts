// An organizer brings a waiting speaker or interpreter on stage, or sends them back. The call is
// written first (a stage token asked for in between is already allowed, or already refused), then
// the person's client is told through an attribute only the server can write, and the audit log
// records it once LiveKit has done it.
import "server-only";
import { TrackSource, type ParticipantInfo } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getApprovedRole } from "@/lib/rooms/data";
import { callLiveKit } from "@/lib/rooms/livekit";
import { getStageCalls, isBackstageOn, type StageCallView } from "./data";
import { backstageOfSession, type ForumRoom } from "./organizer";
import { CALL_ATTRIBUTE, callRefusal, type CallValue } from "@/lib/rooms/backstage";
import { backstageRoomName } from "@/lib/rooms/room-name";

const ignoreGone = (err: unknown) => {
  if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
};

function record(forum: ForumRoom, actorId: string, action: "backstage.broughtOnStage" | "backstage.sentBackstage", identity: string) {
  return audit(db, { eventId: forum.eventId, actorId, action, entityType: "forum", entityId: forum.forumId, data: { room: forum.roomName, identity } });
}

const tell = (room: string, identity: string, value: CallValue) => callLiveKit((svc) => svc.updateParticipant(room, identity, { attributes: { [CALL_ATTRIBUTE]: value } })).catch(ignoreGone);

async function assertCallable(forum: ForumRoom, identity: string) {
  const refusal = callRefusal(await getApprovedRole(forum.eventId, identity));
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}

/** Records the call and tells the person's backstage client to go on stage (if it is there:
 * someone called before joining goes straight to the stage when they do). */
export async function bringOnStage(actor: Actor | null, sessionId: string, identity: string): Promise<void> {
  const { forum, actorId } = await backstageOfSession(actor, sessionId);
  if (!(await isBackstageOn(forum.forumId))) throw new AppError("CONFLICT", "backstageOff");
  await assertCallable(forum, identity);
  const key = { forumId_userId: { forumId: forum.forumId, userId: identity } };
  await db.stageCall.upsert({ where: key, create: { forumId: forum.forumId, userId: identity, calledById: actorId }, update: {} });
  await tell(backstageRoomName(forum.roomName), identity, "stage");
  await record(forum, actorId, "backstage.broughtOnStage", identity);
}

/** Drops the call and takes the person off the stage: their client, told first, goes backstage;
 * the removal follows, so a client that ignores the attribute is off the stage all the same. */
export async function sendBackstage(actor: Actor | null, sessionId: string, identity: string): Promise<void> {
  const { forum, actorId } = await backstageOfSession(actor, sessionId);
  if (!(await isBackstageOn(forum.forumId))) throw new AppError("CONFLICT", "backstageOff");
  await assertCallable(forum, identity);
  await db.stageCall.deleteMany({ where: { forumId: forum.forumId, userId: identity } });
  await tell(forum.roomName, identity, "backstage");
  await callLiveKit((svc) => svc.removeParticipant(forum.roomName, identity)).catch(ignoreGone);
  await record(forum, actorId, "backstage.sentBackstage", identity);
}

export interface BackstagePerson {
  identity: string;
  name: string;
  role: string;
  camera: boolean;
  microphone: boolean;
}

export interface BackstageView {
  on: boolean;
  /** Who is in the backstage room now, organizers left out. */
  waiting: BackstagePerson[];
  /** Who an organizer brought on stage. */
  called: StageCallView[];
}

const live = (p: ParticipantInfo, source: TrackSource) => p.tracks.some((t) => t.source === source && !t.muted);

/** What the organizers' Backstage list shows, as the server sees it. */
export async function getBackstageView(actor: Actor | null, sessionId: string): Promise<BackstageView> {
  const { forum } = await backstageOfSession(actor, sessionId);
  const on = await isBackstageOn(forum.forumId);
  const inRoom = await callLiveKit((svc) => svc.listParticipants(backstageRoomName(forum.roomName)), "roomNotFound").catch((err) => (ignoreGone(err), []));
  const waiting = inRoom
    .filter((p) => p.attributes?.role && p.attributes.role !== "organizer")
    .map((p) => ({ identity: p.identity, name: p.name, role: p.attributes.role, camera: live(p, TrackSource.CAMERA), microphone: live(p, TrackSource.MICROPHONE) }));
  return { on, waiting, called: on ? await getStageCalls(forum.forumId) : [] };
}
