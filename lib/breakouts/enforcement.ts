// A join to a breakout room by someone who may not be there — not assigned to it, or holding a
// token from before the rooms closed — is undone at once and audited, as backstage's is.
// Organizers may be in any breakout room.
import "server-only";
import type { ParticipantInfo } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getApprovedRole } from "@/lib/rooms/data";
import { callLiveKit } from "@/lib/rooms/livekit";
import { getBreakoutJoinState } from "./data";
import type { ForumRoom } from "./organizer";
import { decideBreakout } from "./rules";

/** `room.roomName` is the breakout room joined. */
export async function enforceBreakout(room: ForumRoom, breakoutId: string, participant: Pick<ParticipantInfo, "identity">, now = new Date()): Promise<"kept" | "removed"> {
  const role = await getApprovedRole(room.eventId, participant.identity);
  // No registration: reconcileParticipant has removed them already.
  if (!role || role === "organizer") return "kept";
  const state = await getBreakoutJoinState(room.forumId, participant.identity);
  const decision = decideBreakout({ role, run: state.run, assigned: state.assigned, asked: breakoutId, breakouts: state.breakouts, now });
  if (decision.allowed) return "kept";
  const removed = await callLiveKit((svc) => svc.removeParticipant(room.roomName, participant.identity)).then(
    () => true,
    (err) => {
      if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
      return false;
    },
  );
  if (!removed) return "kept";
  await audit(db, { eventId: room.eventId, actorId: null, action: "room.refused", entityType: "forum", entityId: room.forumId, data: { room: room.roomName, identity: participant.identity, reason: decision.reason } });
  return "removed";
}
