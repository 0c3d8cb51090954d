// A join to a forum's stage or backstage by someone who belongs in the other room (a stage token
// kept from before an organizer sent them back, a backstage token from before a call) is undone:
// told where to go first, then removed, and audited.
import "server-only";
import type { ParticipantInfo } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getApprovedRole } from "@/lib/rooms/data";
import { callLiveKit } from "@/lib/rooms/livekit";
import { getBackstageState } from "./data";
import type { ForumRoom } from "./organizer";
import { CALL_ATTRIBUTE, decideRoom, waitsBackstage, type RoomKind } from "./rooms";

const gone = (err: unknown) => {
  if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
  return false;
};

/** `room.roomName` is the room joined (the stage's or its backstage's name). */
export async function enforceRoomKind(room: ForumRoom, kind: RoomKind, participant: Pick<ParticipantInfo, "identity">): Promise<"kept" | "removed"> {
  const role = await getApprovedRole(room.eventId, participant.identity);
  // Only speakers and interpreters have a room decided by backstage; the others were checked by
  // reconcileParticipant, and nobody but them is given a backstage token.
  if (!role || (kind === "stage" && !waitsBackstage(role))) return "kept";
  const { on, called } = await getBackstageState(room.forumId, participant.identity);
  const decision = decideRoom({ role, backstageOn: on, called, room: kind });
  if (decision.allowed) return "kept";
  const attributes = { [CALL_ATTRIBUTE]: kind === "stage" ? "backstage" : "stage" };
  await callLiveKit((svc) => svc.updateParticipant(room.roomName, participant.identity, { attributes })).catch(gone);
  const removed = await callLiveKit((svc) => svc.removeParticipant(room.roomName, participant.identity)).then(() => true, gone);
  if (!removed) return "kept";
  await audit(db, {
    eventId: room.eventId,
    actorId: null,
    action: "room.refused",
    entityType: "forum",
    entityId: room.forumId,
    data: { room: room.roomName, identity: participant.identity, reason: decision.reason },
  });
  return "removed";
}
