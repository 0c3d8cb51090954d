// What the server does when LiveKit reports something a participant's own client did: a join
// (someone removed or declined may still hold a token issued earlier) and a published track (a
// track named for an interpretation channel by someone not on duty there). The webhook is signed
// by LiveKit; a join carries the participant whole, a published track only their identity, so
// their attributes (what the server wrote: role, booth claims) are asked of RoomService.
import "server-only";
import type { ParticipantInfo, WebhookEvent } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CALL_ATTRIBUTE, decideRoom, waitsBackstage, type RoomKind } from "./backstage";
import { parseRoomName } from "./room-name";
import { getApprovedRole, getBackstageState, getForumRoom, type Stage } from "./data";
import { delegatePublishing, stageGrant } from "./grants";
import { trackAllowed } from "./interpretation";
import { callLiveKit, toPermission, toTrackSources } from "./livekit";
import { reconcileParticipant, refuseInRoom, type StayOutcome } from "./membership";
import { enforceBreakout } from "./breakout-join";

// ParticipantInfo.Kind STANDARD: people, as opposed to Egress, ingress, SIP or agents.
const STANDARD = 0;

/**
 * A join by someone the room must not hold (or who belongs in the forum's other room, stage or
 * backstage, or in another breakout room or none) is undone at once (and audited). Identities that are
 * no account of ours (Egress's recorder, load testers: only holders of the API secret mint those)
 * are left alone.
 */
export async function enforceJoin(event: WebhookEvent): Promise<StayOutcome | null> {
  const p = event.participant;
  if (!event.room?.name || !p?.identity || p.kind !== STANDARD) return null;
  // A backstage room answers for its forum as the stage does: the same people, bans and roles.
  const parsed = parseRoomName(event.room.name);
  if (parsed.kind === "meeting") return null;
  const forum = await getForumRoom(parsed.stageRoomName, p.identity);
  if (!forum?.knownUser) return null;
  const room = { ...forum, roomName: event.room.name };
  const outcome = await reconcileParticipant(room, p, null);
  if (outcome === "removed") return outcome;
  if (parsed.kind === "breakout") return (await enforceBreakout(room, parsed.breakoutId, p)) === "removed" ? "removed" : outcome;
  return (await enforceRoomKind(room, parsed.kind, p)) === "removed" ? "removed" : outcome;
}

/**
 * A track the server would not have let stand (trackAllowed) is muted; a delegate who was given
 * the floor and used it to fake a channel loses the floor (LiveKit then unpublishes their tracks,
 * which a mute alone would not: they could unmute it). Clients ignore such a track either way.
 */
export async function enforceTrack(event: WebhookEvent): Promise<"allowed" | "rejected" | null> {
  const identity = event.participant?.identity;
  const track = event.track;
  if (!event.room?.name || !identity || !track?.sid) return null;
  // Every room of a forum (stage, backstage, breakout) carries its channels as the stage does, and
  // a breakout's delegates may publish: a forged channel there is as much a lie to its listeners.
  const parsed = parseRoomName(event.room.name);
  if (parsed.kind === "meeting") return null;
  const forum = await getForumRoom(parsed.stageRoomName, identity);
  if (!forum) return null;
  const room = { ...forum, roomName: event.room.name };
  // A track or person gone meanwhile needs nothing more; LiveKit unreachable fails the webhook,
  // which LiveKit then delivers again.
  const gone = (err: unknown) => {
    if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
  };
  const p = await callLiveKit((svc) => svc.getParticipant(room.roomName, identity)).catch((err) => (gone(err), null));
  if (!p || p.kind !== STANDARD) return null;
  const attributes = p.attributes ?? {};
  if (trackAllowed(track.name, attributes)) return "allowed";
  await callLiveKit((svc) => svc.mutePublishedTrack(room.roomName, p.identity, track.sid, true), "trackNotFound").catch(gone);
  const delegate = attributes.role === "delegate";
  if (delegate) {
    const none = delegatePublishing({ speak: false, share: false });
    const permission = { ...toPermission(stageGrant("delegate")), canPublish: none.canPublish, canPublishSources: toTrackSources(none.canPublishSources) };
    await callLiveKit((svc) => svc.updateParticipant(room.roomName, p.identity, { permission })).catch(gone);
  }
  await audit(db, {
    eventId: room.eventId,
    actorId: null,
    action: "room.trackRejected",
    entityType: "forum",
    entityId: room.forumId,
    data: { room: room.roomName, identity: p.identity, trackSid: track.sid, name: track.name, role: attributes.role ?? null, floorTaken: delegate },
  });
  return "rejected";
}

const goneAlready = (err: unknown) => {
  if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
  return false;
};

/**
 * A join to the stage or the backstage by someone who belongs in the other room (a stage token kept
 * from before an organizer sent them back, a backstage token from before a call) is undone: told
 * where to go first, then removed, and audited. `room.roomName` is the room joined.
 */
async function enforceRoomKind(room: Pick<Stage, "eventId" | "forumId" | "roomName">, kind: RoomKind, participant: Pick<ParticipantInfo, "identity">): Promise<"kept" | "removed"> {
  const role = await getApprovedRole(room.eventId, participant.identity);
  // Only speakers and interpreters have a room decided by backstage; the others were checked by
  // reconcileParticipant, and nobody but them is given a backstage token.
  if (!role || (kind === "stage" && !waitsBackstage(role))) return "kept";
  const { on, called } = await getBackstageState(room.forumId, participant.identity);
  const decision = decideRoom({ role, backstageOn: on, called, room: kind });
  if (decision.allowed) return "kept";
  const attributes = { [CALL_ATTRIBUTE]: kind === "stage" ? "backstage" : "stage" };
  await callLiveKit((svc) => svc.updateParticipant(room.roomName, participant.identity, { attributes })).catch(goneAlready);
  return (await refuseInRoom(room, participant.identity, decision.reason, null)) ? "removed" : "kept";
}
