// Keeping the rooms in step with registrations: whoever is in a forum's room must still be
// allowed there (decideStay), with the role they now have. Run after a registration changes
// (declined, cancelled, waitlisted, role changed) for the people it changed, and when LiveKit says
// someone joined (a token issued before a ban or a decline is still valid for a few minutes).
import "server-only";
import type { ParticipantInfo } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import { backstageRoomName, breakoutRoomName, parseRoomName } from "./room-name";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getStageMember, type Stage } from "./data";
import { decideStay } from "./grants";
import { callLiveKit, toPermission } from "./livekit";
import { replacementAttributes, toMetadata } from "./participant";

type ForumRoom = Pick<Stage, "eventId" | "forumId" | "roomName">;

/** `kept` also for someone no longer in the room when the server came to remove them. */
export type StayOutcome = "kept" | "updated" | "removed";

/**
 * Takes `identity` out of `room` for `reason` and audits it; false (and no entry) when they had
 * left already. Every removal the room's rules make goes through here, so each reads the same.
 */
export async function refuseInRoom(room: ForumRoom, identity: string, reason: string, actorId: string | null): Promise<boolean> {
  const removed = await callLiveKit((svc) => svc.removeParticipant(room.roomName, identity)).then(
    () => true,
    (err) => {
      if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
      return false;
    },
  );
  if (removed) {
    await audit(db, { eventId: room.eventId, actorId, action: "room.refused", entityType: "forum", entityId: room.forumId, data: { room: room.roomName, identity, reason } });
  }
  return removed;
}

/**
 * Brings one participant of a forum's room, whose identity is an account of ours, in line with
 * their registration: removed when they may no longer be there, their role's attributes and
 * permission restated when their role changed. Each change is audited with `actorId` as its cause.
 */
export async function reconcileParticipant(room: ForumRoom, participant: Pick<ParticipantInfo, "identity" | "attributes">, actorId: string | null): Promise<StayOutcome> {
  const identity = participant.identity;
  const member = await getStageMember(room, identity);
  const decision = member ? decideStay(member) : ({ allowed: false, reason: "notRegistered" } as const);
  const entry = (action: string, data: Record<string, string>) =>
    audit(db, { eventId: room.eventId, actorId, action, entityType: "forum", entityId: room.forumId, data: { room: room.roomName, identity, ...data } });
  // Someone who has left meanwhile needs no removal, and gets no audit entry.
  if (!decision.allowed) return (await refuseInRoom(room, identity, decision.reason, actorId)) ? "removed" : "kept";
  if (participant.attributes?.role === member!.role) return "kept";
  await callLiveKit((svc) =>
    svc.updateParticipant(room.roomName, identity, {
      attributes: replacementAttributes(member!.profile),
      metadata: toMetadata(member!.profile),
      permission: toPermission(decision.grant),
    }),
  );
  await entry("room.roleUpdated", { from: participant.attributes?.role ?? "", to: member!.role });
  return "updated";
}

/**
 * After a registration change: every open room of the event is looked through for the people it
 * changed. One listing per open room, so a bulk decision of hundreds costs a few calls. LiveKit
 * being unreachable does not undo the registration change; it is logged, and anyone refused who
 * joins again is caught by the participant_joined webhook.
 */
export async function reconcileRooms(eventId: string, userIds: readonly string[], actorId: string | null): Promise<void> {
  if (userIds.length === 0) return;
  const wanted = new Set(userIds);
  try {
    const forums = await db.forum.findMany({ where: { eventId }, select: { id: true, roomName: true, breakouts: { select: { id: true } } } });
    // Each forum's backstage and breakout rooms hold the same people as its stage (lib/backstage, lib/breakouts).
    const names = forums.flatMap((f) => [f.roomName, backstageRoomName(f.roomName), ...f.breakouts.map((b) => breakoutRoomName(f.roomName, b.id))]);
    const open = await callLiveKit((svc) => svc.listRooms(names));
    for (const info of open) {
      const parsed = parseRoomName(info.name);
      const forum = parsed.kind === "meeting" ? undefined : forums.find((f) => f.roomName === parsed.stageRoomName);
      if (!forum || info.numParticipants === 0) continue;
      const inRoom = await callLiveKit((svc) => svc.listParticipants(info.name)).catch(() => []);
      for (const p of inRoom.filter((x) => wanted.has(x.identity))) {
        await reconcileParticipant({ eventId, forumId: forum.id, roomName: info.name }, p, actorId);
      }
    }
  } catch (err) {
    console.error(`Rooms of event ${eventId} not brought in line with ${userIds.length} changed registration(s)`, err);
  }
}
