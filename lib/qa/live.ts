// Tells every app instance that a session's questions or polls changed (PostgreSQL NOTIFY on the
// live channel, sent when the transaction commits), so their open streams tell their browsers.
import "server-only";
import { LIVE_CHANNEL, type QaMessage } from "@/lib/agenda/live/message";
import type { Tx } from "@/lib/db";

export function qaMessage(eventId: string, sessionId: string, what: QaMessage["what"]): QaMessage {
  return { type: "qa.changed", eventId, sessionId, what, at: new Date().toISOString() };
}

export async function notifyQaChange(tx: Tx, change: { eventId: string; sessionId: string; what: QaMessage["what"] }): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(qaMessage(change.eventId, change.sessionId, change.what))})`;
}
