// Reads of a forum room's chat: the last messages for someone joining late. The stage and each
// breakout room have their own chat (roomWhere); the export reads all of a forum's.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { resolveActingRoom, type ActingRoom, type RoomRef } from "@/lib/rooms/acting-room";
import { requireStageJoin } from "@/lib/rooms/join";
import type { ChatMessageView } from "./message";

/** How many earlier messages a late joiner sees. */
export const HISTORY_SIZE = 100;

type Row = { id: string; userId: string | null; body: string; createdAt: Date; user: { name: string | null; nameLatin: string | null; email: string } | null };

export const messageSelect = { id: true, userId: true, body: true, createdAt: true, user: { select: { name: true, nameLatin: true, email: true } } } as const;

export function toView(r: Row): ChatMessageView {
  const name = r.user ? r.user.name || r.user.nameLatin || r.user.email.split("@")[0] : "";
  return { id: r.id, identity: r.userId, name, nameLatin: r.user?.nameLatin ?? null, body: r.body, at: r.createdAt.toISOString() };
}

/** The messages said in `room`. A message of a breakout room deleted since keeps its title (its id
 * is set null), so it never shows in the stage's chat. */
export function roomWhere(room: Pick<ActingRoom, "forumId" | "breakoutId">): Prisma.ChatMessageWhereInput {
  return room.breakoutId ? { forumId: room.forumId, breakoutId: room.breakoutId } : { forumId: room.forumId, breakoutId: null, breakoutTitle: { equals: Prisma.DbNull } };
}

/** The room's last messages (not deleted), oldest first, for anyone who may be in that room now. */
export async function getChatHistory(actor: Actor | null, ref: RoomRef): Promise<ChatMessageView[]> {
  const { stage, member } = await requireStageJoin(actor, ref.sessionId);
  const room = await resolveActingRoom(stage, member, ref.breakoutId);
  const rows = await db.chatMessage.findMany({
    where: { ...roomWhere(room), deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_SIZE,
    select: messageSelect,
  });
  return rows.reverse().map(toView);
}
