// One browser's server-sent event stream of an event's session statuses: a snapshot first, then
// every change from the bus (and a `qa` event naming a session whose questions or polls changed,
// a `lobby` event naming a forum whose lobby changed),
// a heartbeat so proxies keep the connection open, and a fresh snapshot whenever the bus
// reconnects (changes made while it was away would otherwise be missed; Q&A lists are read again
// on every snapshot too).
import "server-only";
import { liveBus, type BusSignal } from "@/lib/agenda/live/bus";
import { SSE_HEARTBEAT, SSE_RETRY, sseEvent, toQaEvent, toStatusEvent } from "@/lib/agenda/live/message";
import { getLiveEventOrThrow, getSessionStatuses } from "./data";

export const HEARTBEAT_MS = 15_000;

export const sseHeaders = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform keeps compression from buffering the stream; X-Accel-Buffering does the same for nginx.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** Resolves the event first, so an unknown slug is a 404 rather than an empty stream. */
export async function openLiveStream(slug: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const event = await getLiveEventOrThrow(slug);
  const encoder = new TextEncoder();
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const snapshot = async () => {
        try {
          const sessions = await getSessionStatuses(event.id);
          send(sseEvent("snapshot", { eventSlug: event.slug, at: new Date().toISOString(), sessions }));
        } catch (err) {
          // The browser keeps its last statuses; the next resync or reconnect sends a new snapshot.
          console.error("[live] snapshot failed", err);
        }
      };
      // Subscribe before reading the snapshot: a change racing the read arrives after it and,
      // statuses being absolute, applying it twice does no harm.
      const unsubscribe = liveBus().subscribe((s: BusSignal) => {
        if (s.kind === "resync") void snapshot();
        else if (s.message.eventId !== event.id) return;
        else if (s.kind === "message") send(sseEvent("status", toStatusEvent(s.message)));
        else if (s.kind === "lobby") send(sseEvent("lobby", { forumId: s.message.forumId, at: s.message.at }));
        else send(sseEvent("qa", toQaEvent(s.message)));
      });
      const heartbeat = setInterval(() => send(SSE_HEARTBEAT), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      signal.addEventListener("abort", cleanup);
      if (signal.aborted) return cleanup();
      send(SSE_RETRY);
      void snapshot();
    },
    cancel() {
      cleanup();
    },
  });
}
