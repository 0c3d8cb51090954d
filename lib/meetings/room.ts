// A meeting's LiveKit room (`meeting.<id>`): the join token for one of its two people while it is
// open, and the webhook's check of every join, which puts out anyone else (a token minted for
// another room cannot name this one, but a token issued before a cancellation still could).
import "server-only";
import { AccessToken, type WebhookEvent } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { callLiveKit, liveKitConfig } from "@/lib/rooms/livekit";
import { toAttributes, toMetadata } from "@/lib/rooms/participant";
import { meetingRoomName, parseRoomName } from "@/lib/rooms/room-name";
import type { StageToken } from "@/lib/rooms/schema";
import { TOKEN_TTL_SECONDS } from "@/lib/rooms/token";
import { getMeetingWithPeopleOrThrow } from "./data";
import { joinRefusal } from "./rules";

/** Why `userId` may not be in the meeting's room now (a message key), or null, with the meeting. */
export async function checkMeetingJoin(userId: string, meetingId: string, now = new Date()) {
  const found = await getMeetingWithPeopleOrThrow(meetingId);
  const { meeting } = found;
  const me = meeting.requesterId === userId ? found.requester : meeting.inviteeId === userId ? found.invitee : null;
  // A registration cancelled or declined since takes its meetings with it.
  const refusal = joinRefusal(meeting, userId, now) ?? (me && me.status !== "approved" ? "notApproved" : null);
  return { ...found, me, refusal };
}

/** A token for the meeting's room: both people publish camera, microphone and screen and chat;
 * name, metadata and attributes are their registration's, and no grant lets a client change them. */
export async function issueMeetingToken(actor: Actor | null, meetingId: string, now = new Date()): Promise<StageToken> {
  const { userId } = requireActor(actor);
  const { me, refusal } = await checkMeetingJoin(userId, meetingId, now);
  if (refusal || !me) throw new AppError("FORBIDDEN", refusal ?? "notYourMeeting");
  const roomName = meetingRoomName(meetingId);
  const { serverUrl, apiKey, apiSecret } = liveKitConfig();
  const token = new AccessToken(apiKey, apiSecret, { identity: userId, name: me.name, ttl: TOKEN_TTL_SECONDS, metadata: toMetadata(me.profile), attributes: toAttributes(me.profile) });
  token.addGrant({ roomJoin: true, room: roomName, canSubscribe: true, canPublish: true, canPublishData: true, canUpdateOwnMetadata: false });
  return { serverUrl, roomName, participantName: me.name, participantToken: await token.toJwt() };
}

// ParticipantInfo.Kind STANDARD: people, as opposed to Egress, ingress, SIP or agents.
const STANDARD = 0;

/**
 * A join of a meeting's room by anyone who may not be there now (not one of its two people, a
 * meeting not accepted or called off, past its end) is undone at once and audited. Only holders
 * of the API secret can mint tokens, so a stranger there means a leaked or outdated token.
 */
export async function enforceMeetingJoin(event: WebhookEvent, now = new Date()): Promise<"allowed" | "removed" | null> {
  const p = event.participant;
  const roomName = event.room?.name;
  if (event.event !== "participant_joined" || !roomName || !p?.identity || p.kind !== STANDARD) return null;
  const parsed = parseRoomName(roomName);
  if (parsed.kind !== "meeting") return null;
  const meeting = await db.meeting.findUnique({ where: { id: parsed.meetingId }, select: { id: true, eventId: true, requesterId: true, inviteeId: true, status: true, startsAt: true, endsAt: true } });
  const refusal = meeting ? joinRefusal(meeting, p.identity, now) : "notYourMeeting";
  if (!refusal) return "allowed";
  await callLiveKit((svc) => svc.removeParticipant(roomName, p.identity)).catch((err) => {
    if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
  });
  await audit(db, {
    eventId: meeting?.eventId ?? null,
    actorId: null,
    action: "meeting.intruderRemoved",
    entityType: "meeting",
    entityId: parsed.meetingId,
    data: { room: roomName, identity: p.identity, reason: refusal },
  });
  return "removed";
}
