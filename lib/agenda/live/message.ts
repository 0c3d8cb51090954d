// What travels on the live channel (PostgreSQL NOTIFY → every app instance → browsers by SSE),
// and the text/event-stream framing. Pure, so the route, the bus and the browser share one shape.
import { z } from "@/lib/zod";

/** The PostgreSQL channel every instance LISTENs on. */
export const LIVE_CHANNEL = "plenary_live";

export const sessionStatusSchema = z.enum(["scheduled", "live", "ended"]);

export const statusMessageSchema = z.object({
  type: z.literal("session.status"),
  eventId: z.string(),
  eventSlug: z.string(),
  sessionId: z.string(),
  forumId: z.string(),
  status: sessionStatusSchema,
  at: z.string(),
});

export type StatusMessage = z.infer<typeof statusMessageSchema>;

/** A session's questions or polls changed. Only ids travel: each browser reads the list again
 * through its GET route, where what it may see (an anonymous asker, unrevealed results) is decided
 * for that viewer. */
export const qaMessageSchema = z.object({
  type: z.literal("qa.changed"),
  eventId: z.string(),
  sessionId: z.string(),
  what: z.enum(["questions", "polls"]),
  at: z.string(),
});

export type QaMessage = z.infer<typeof qaMessageSchema>;

/** A NOTIFY payload of the Q&A kind, or null (see parseStatusMessage). */
export function parseQaMessage(payload: string | undefined): QaMessage | null {
  return parsePayload(qaMessageSchema, payload);
}

/** A forum's lobby changed (someone asked to join, was admitted or turned away, or the forum's
 * admission setting). Only the forum travels: who waits is read again by each browser, through
 * an action that decides what that viewer may see (organizers the list, a person their own place). */
export const lobbyMessageSchema = z.object({
  type: z.literal("lobby.changed"),
  eventId: z.string(),
  forumId: z.string(),
  at: z.string(),
});

export type LobbyMessage = z.infer<typeof lobbyMessageSchema>;

export function parseLobbyMessage(payload: string | undefined): LobbyMessage | null {
  return parsePayload(lobbyMessageSchema, payload);
}

/** A lobby change as the browser sees it. */
export type LobbyEvent = Omit<LobbyMessage, "type" | "eventId">;

/** The sessionId of a change that concerns every session of the event (its Q&A settings). */
export const ALL_SESSIONS = "*";

/** A Q&A change as the browser sees it. */
export type QaEvent = Omit<QaMessage, "type" | "eventId">;

export function toQaEvent(m: QaMessage): QaEvent {
  return { sessionId: m.sessionId, what: m.what, at: m.at };
}

/** A NOTIFY payload, or null for anything this version does not understand (a newer instance's). */
export function parseStatusMessage(payload: string | undefined): StatusMessage | null {
  return parsePayload(statusMessageSchema, payload);
}

/** The payload as `schema` reads it, or null when it is not JSON or not of that kind. */
function parsePayload<T>(schema: z.ZodType<T>, payload: string | undefined): T | null {
  if (!payload) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface SessionStatusEntry {
  id: string;
  forumId: string;
  status: z.infer<typeof sessionStatusSchema>;
}

/** First event of every stream: the statuses of all the event's sessions. */
export interface SnapshotEvent {
  eventSlug: string;
  at: string;
  sessions: SessionStatusEntry[];
}

/** One status change, as the browser sees it (the internal event id stays on the server). */
export type StatusEvent = Omit<StatusMessage, "type" | "eventId">;

export function toStatusEvent(m: StatusMessage): StatusEvent {
  return { eventSlug: m.eventSlug, sessionId: m.sessionId, forumId: m.forumId, status: m.status, at: m.at };
}

export function sseEvent(name: "snapshot" | "status" | "qa" | "lobby", data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const SSE_HEARTBEAT = ": heartbeat\n\n";
/** Tells EventSource how soon to reconnect after the stream drops. */
export const SSE_RETRY = "retry: 3000\n\n";
