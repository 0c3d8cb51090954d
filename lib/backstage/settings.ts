// Turning a forum's backstage on and off. On: whoever is already on the stage stays there (their
// call is recorded, so a reconnect does not send them back). Off: every call is dropped and
// everyone waiting is told to go on stage, since nobody is left to bring them.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { callLiveKit } from "@/lib/rooms/livekit";
import { backstageOfForum, type ForumRoom } from "./organizer";
import { CALL_ATTRIBUTE, waitsBackstage } from "@/lib/rooms/backstage";
import { backstageRoomName } from "@/lib/rooms/room-name";

const nobody = (err: unknown) => {
  if (err instanceof AppError && err.code === "NOT_FOUND") return [];
  throw err;
};

/** Sets the forum's backstage (the broadcast console and the room's organizer tools call it). */
export async function setBackstage(forum: ForumRoom, on: boolean, actorId: string | null): Promise<void> {
  if (on) {
    const onStage = await callLiveKit((svc) => svc.listParticipants(forum.roomName), "roomNotFound").catch(nobody);
    const keep = onStage.filter((p) => waitsBackstage(p.attributes?.role)).map((p) => p.identity);
    await db.$transaction(async (tx) => {
      await tx.broadcastSetting.upsert({ where: { forumId: forum.forumId }, create: { forumId: forum.forumId, backstage: true }, update: { backstage: true } });
      const users = await tx.user.findMany({ where: { id: { in: keep } }, select: { id: true } });
      await tx.stageCall.createMany({ data: users.map((u) => ({ forumId: forum.forumId, userId: u.id, calledById: actorId })), skipDuplicates: true });
      await audit(tx, { eventId: forum.eventId, actorId, action: "backstage.turnedOn", entityType: "forum", entityId: forum.forumId, data: { room: forum.roomName, kept: users.length } });
    });
    return;
  }
  await db.$transaction(async (tx) => {
    await tx.broadcastSetting.upsert({ where: { forumId: forum.forumId }, create: { forumId: forum.forumId, backstage: false }, update: { backstage: false } });
    await tx.stageCall.deleteMany({ where: { forumId: forum.forumId } });
    await audit(tx, { eventId: forum.eventId, actorId, action: "backstage.turnedOff", entityType: "forum", entityId: forum.forumId, data: { room: forum.roomName } });
  });
  const room = backstageRoomName(forum.roomName);
  const waiting = await callLiveKit((svc) => svc.listParticipants(room), "roomNotFound").catch(nobody);
  for (const p of waiting) {
    if (waitsBackstage(p.attributes?.role)) {
      await callLiveKit((svc) => svc.updateParticipant(room, p.identity, { attributes: { [CALL_ATTRIBUTE]: "stage" } })).catch(nobody);
    }
  }
}

/** The organizer's switch, for a forum of their event. */
export async function setForumBackstage(actor: Actor | null, forumId: string, on: boolean): Promise<void> {
  const { forum, actorId } = await backstageOfForum(actor, forumId);
  await setBackstage(forum, on, actorId);
}
