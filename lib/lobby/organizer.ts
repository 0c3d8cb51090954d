// Who may run a forum's lobby: an approved organizer of its event. The forum is named by id (the
// room and the run sheet both know it); the event is read from the forum, never from the client.
import "server-only";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getApprovedRole, type Stage } from "@/lib/rooms/data";

export type LobbyForum = Pick<Stage, "eventId" | "forumId" | "roomName">;

export async function lobbyOfForum(actor: Actor | null, forumId: string): Promise<{ forum: LobbyForum; actorId: string }> {
  const { userId } = requireActor(actor);
  const row = await db.forum.findUnique({ where: { id: forumId }, select: { id: true, eventId: true, roomName: true } });
  if (!row) throw new AppError("NOT_FOUND", "forumNotFound");
  if ((await getApprovedRole(row.eventId, userId)) !== "organizer") throw new AppError("FORBIDDEN", "organizersOnly");
  return { forum: { eventId: row.eventId, forumId: row.id, roomName: row.roomName }, actorId: userId };
}
