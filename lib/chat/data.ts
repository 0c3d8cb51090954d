// Reads of a forum room's chat: the last messages for someone joining late, and the whole log
// for organizers' export.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
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

/** The forum room's last messages (not deleted), oldest first, for anyone who may be in the room. */
export async function getChatHistory(actor: Actor | null, sessionId: string): Promise<ChatMessageView[]> {
  const { stage } = await requireStageJoin(actor, sessionId);
  const rows = await db.chatMessage.findMany({
    where: { forumId: stage.forumId, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_SIZE,
    select: messageSelect,
  });
  return rows.reverse().map(toView);
}
