// Who may run a forum's breakout rooms: an approved organizer of its event. The forum comes from
// its id (the console) or a session (the room); never from a room name a client sends.
import "server-only";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getApprovedRole, getStageOfSessionOrThrow, type Stage } from "@/lib/rooms/data";

export type ForumRoom = Pick<Stage, "eventId" | "forumId" | "roomName">;

export interface BreakoutOrganizer {
  forum: ForumRoom;
  actorId: string;
}

async function assertOrganizer(eventId: string, userId: string) {
  if ((await getApprovedRole(eventId, userId)) !== "organizer") throw new AppError("FORBIDDEN", "organizersOnly");
}

export async function organizerOfForum(actor: Actor | null, forumId: string): Promise<BreakoutOrganizer> {
  const { userId } = requireActor(actor);
  const row = await db.forum.findUnique({ where: { id: forumId }, select: { id: true, eventId: true, roomName: true } });
  if (!row) throw new AppError("NOT_FOUND", "forumNotFound");
  await assertOrganizer(row.eventId, userId);
  return { forum: { eventId: row.eventId, forumId: row.id, roomName: row.roomName }, actorId: userId };
}

export async function organizerOfSession(actor: Actor | null, sessionId: string): Promise<BreakoutOrganizer> {
  const { userId } = requireActor(actor);
  const stage = await getStageOfSessionOrThrow(sessionId);
  await assertOrganizer(stage.eventId, userId);
  return { forum: { eventId: stage.eventId, forumId: stage.forumId, roomName: stage.roomName }, actorId: userId };
}
