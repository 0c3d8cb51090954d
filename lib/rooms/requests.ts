// What a participant asks of the server about themselves in the room: raise or lower a hand, ask
// to share a screen, take or leave an interpretation booth. Tokens let nobody write their own
// attributes, so these are the only way such state changes: each call is authorized from the
// database, rate-limited, and stamped with the server's clock (never the client's), and the
// server writes the result into the room through RoomService for every client to read.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hitLimits } from "@/lib/rate-limit/limit";
import type { ParticipantInfo } from "livekit-server-sdk";
import type { Locale } from "@/lib/i18n/routing";
import { resolveActingRoom, type ActingRoom, type RoomRef } from "./acting-room";
import type { StageMember } from "./data";
import { delegateFloor, floorRefusal } from "./grants";
import { boothAttribute, boothClaims, boothHolder, channelLanguages, claimInstant, interpretationTrackName } from "./interpretation";
import { requireStageJoin } from "./join";
import { callLiveKit, fromTrackSources } from "./livekit";
import { withRoomLock } from "./lock";
import { HAND_ATTRIBUTE, SHARE_REQUEST_ATTRIBUTE } from "./participant";

/** Enough for any person's honest use (a booth hands over every 20–30 minutes), not for a flood. */
const LIMIT = { max: 30, windowSeconds: 60 };

export interface InRoom {
  /** The room the call acts in (the stage, or the breakout room the client is in). */
  stage: ActingRoom;
  member: StageMember;
  me: ParticipantInfo;
}

/** A room member (the join check, and the breakout decision for a breakout room) who is connected
 * to that room now, within `what`'s rate limit. */
export async function requireRoomParticipant(actor: Actor | null, ref: RoomRef, what: string, limit = LIMIT): Promise<InRoom> {
  const access = await requireStageJoin(actor, ref.sessionId);
  const { member } = access;
  const stage = await resolveActingRoom(access.stage, member, ref.breakoutId);
  const limited = await hitLimits([{ key: `room:${what}:${stage.forumId}:${member.userId}`, ...limit }]);
  if (!limited.allowed) throw new AppError("RATE_LIMITED", "tooManyRequests", { retryAfterSeconds: limited.retryAfterSeconds });
  const me = await callLiveKit((svc) => svc.getParticipant(stage.roomName, member.userId), "notInRoom");
  return { stage, member, me };
}

const setAttributes = (stage: ActingRoom, identity: string, attributes: Record<string, string>) => callLiveKit((svc) => svc.updateParticipant(stage.roomName, identity, { attributes }), "notInRoom");

function floorOf(me: ParticipantInfo) {
  return delegateFloor({ canPublish: !!me.permission?.canPublish, canPublishSources: fromTrackSources(me.permission?.canPublishSources ?? []) });
}

export interface Stamped {
  /** The instant the server wrote (ISO), or null when it cleared the state. */
  at: string | null;
  /** The server's clock when it answered, for the client's estimate of it. */
  serverNow: number;
}

/**
 * Raises or lowers the actor's hand. The queue is ordered by when the server received the raise;
 * raising again while up keeps the first instant. Only those an organizer can give the floor to
 * (delegates: grants.ts's floorRefusal) raise a hand; lowering one's own is always allowed.
 */
export async function setHand(actor: Actor | null, ref: RoomRef, raised: boolean): Promise<Stamped> {
  return setRequest(actor, ref, raised, HAND_ATTRIBUTE, (floor) => (floor.speak ? "alreadyMaySpeak" : null));
}

/** Asks an organizer to let the actor (a delegate) share their screen, or withdraws the request. */
export async function setShareRequest(actor: Actor | null, ref: RoomRef, asked: boolean): Promise<Stamped> {
  return setRequest(actor, ref, asked, SHARE_REQUEST_ATTRIBUTE, (floor) => (floor.share ? "alreadyMayShare" : null));
}

async function setRequest(actor: Actor | null, ref: RoomRef, up: boolean, attribute: string, pointless: (floor: ReturnType<typeof floorOf>) => string | null): Promise<Stamped> {
  const { stage, member, me } = await requireRoomParticipant(actor, ref, attribute);
  const current = me.attributes?.[attribute] || null;
  if (!up) {
    if (current) await setAttributes(stage, me.identity, { [attribute]: "" });
    return { at: null, serverNow: Date.now() };
  }
  const refusal = floorRefusal(member.role);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const already = pointless(floorOf(me));
  if (already) throw new AppError("CONFLICT", already);
  if (current) return { at: current, serverNow: Date.now() };
  const at = new Date().toISOString();
  await setAttributes(stage, me.identity, { [attribute]: at });
  return { at, serverNow: Date.now() };
}

const people = (list: ParticipantInfo[]) => list.map((p) => ({ identity: p.identity, attributes: p.attributes ?? {} }));

/**
 * Puts the actor (an interpreter) on duty in `language`'s booth, stamped with the server's clock
 * strictly after the current holder's claim. The partner who held it is muted by the server, so
 * one voice is live per channel even when their own client does not yield. Taking a booth one
 * already holds changes nothing (unmuting is no handover), and a claim on another booth is
 * dropped: an interpreter is on duty in one booth at a time.
 */
export async function takeBooth(actor: Actor | null, ref: RoomRef, language: Locale): Promise<Stamped> {
  const { stage, member, me } = await requireRoomParticipant(actor, ref, "booth");
  if (member.role !== "interpreter") throw new AppError("FORBIDDEN", "interpretersOnly");
  const key = boothAttribute(language);
  return withRoomLock(`booth:${stage.roomName}:${language}`, async () => {
    const everyone = await callLiveKit((svc) => svc.listParticipants(stage.roomName), "notInRoom");
    const claims = boothClaims(people(everyone), language);
    const holder = boothHolder(claims);
    if (holder?.identity === me.identity) return { at: new Date(holder.at).toISOString(), serverNow: Date.now() };
    const at = new Date(claimInstant(Date.now(), claims)).toISOString();
    const others = Object.fromEntries(channelLanguages.filter((l) => l !== language && me.attributes?.[boothAttribute(l)]).map((l) => [boothAttribute(l), ""]));
    await setAttributes(stage, me.identity, { ...others, [key]: at });
    const previous = holder && everyone.find((p) => p.identity === holder.identity);
    const track = previous?.tracks.find((t) => t.name === interpretationTrackName(language) && !t.muted);
    if (previous && track) await callLiveKit((svc) => svc.mutePublishedTrack(stage.roomName, previous.identity, track.sid, true)).catch(() => {});
    await audit(db, {
      eventId: stage.eventId,
      actorId: me.identity,
      action: "interpretation.boothTaken",
      entityType: "forum",
      entityId: stage.forumId,
      data: { room: stage.roomName, sessionId: ref.sessionId, language, from: holder?.identity ?? null, at },
    });
    return { at, serverNow: Date.now() };
  });
}

/** Takes the actor off `language`'s booth (they move to another channel or stop interpreting). */
export async function leaveBooth(actor: Actor | null, ref: RoomRef, language: Locale): Promise<Stamped> {
  const { stage, me } = await requireRoomParticipant(actor, ref, "booth");
  const key = boothAttribute(language);
  if (me.attributes?.[key]) await setAttributes(stage, me.identity, { [key]: "" });
  return { at: null, serverNow: Date.now() };
}
