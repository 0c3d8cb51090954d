// Who may run a forum's backstage: an approved organizer of its event. The forum comes from the
// session (the room) or the forum id (the console); never a room name a client sends.
import "server-only";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getApprovedRole, getStageOfSessionOrThrow, type Stage } from "@/lib/rooms/data";

export type ForumRoom = Pick<Stage, "eventId" | "forumId" | "roomName">;

async function assertOrganizer(eventId: string, userId: string) {
  if ((await getApprovedRole(eventId, userId)) !== "organizer") throw new AppError("FORBIDDEN", "organizersOnly");
}

export async function backstageOfSession(actor: Actor | null, sessionId: string): Promise<{ forum: ForumRoom; actorId: string }> {
  const { userId } = requireActor(actor);
  const stage = await getStageOfSessionOrThrow(sessionId);
  await assertOrganizer(stage.eventId, userId);
  return { forum: { eventId: stage.eventId, forumId: stage.forumId, roomName: stage.roomName }, actorId: userId };
}

export async function backstageOfForum(actor: Actor | null, forumId: string): Promise<{ forum: ForumRoom; actorId: string }> {
  const { userId } = requireActor(actor);
  const row = await db.forum.findUnique({ where: { id: forumId }, select: { id: true, eventId: true, roomName: true } });
  if (!row) throw new AppError("NOT_FOUND", "forumNotFound");
  await assertOrganizer(row.eventId, userId);
  return { forum: { eventId: row.eventId, forumId: row.id, roomName: row.roomName }, actorId: userId };
}
