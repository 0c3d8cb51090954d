// Tells every app instance that a forum's lobby changed (NOTIFY on the live channel, sent when the
// transaction commits), so the open pages of that event ask again: organizers for the list, a
// waiting person for their own place, which is how an admission reaches them within a second.
import "server-only";
import { LIVE_CHANNEL, type LobbyMessage } from "@/lib/agenda/live/message";
import type { Tx } from "@/lib/db";

export async function notifyLobbyChange(tx: Tx, forum: { eventId: string; forumId: string }): Promise<void> {
  const message: LobbyMessage = { type: "lobby.changed", eventId: forum.eventId, forumId: forum.forumId, at: new Date().toISOString() };
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
}
