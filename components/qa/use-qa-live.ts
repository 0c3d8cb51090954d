"use client";
// Reads a session's questions or polls again whenever the event's live stream says they changed
// (a `qa` event from any app instance), and after every snapshot (a new or resumed stream: a
// change may have been missed). A burst of changes — a thousand votes in a second — costs one
// read per QUIET_MS, never one per change. The Q&A and the polls of a page share one stream.
import { useEffect, useRef } from "react";
import { ALL_SESSIONS, type QaEvent } from "@/lib/agenda/live/message";

const QUIET_MS = 300;

type Listener = (e: QaEvent | null) => void;
const streams = new Map<string, { source: EventSource; listeners: Set<Listener> }>();

function listen(slug: string, fn: Listener): () => void {
  let stream = streams.get(slug);
  if (!stream) {
    const source = new EventSource(`/api/events/${encodeURIComponent(slug)}/live`);
    const listeners = new Set<Listener>();
    source.addEventListener("snapshot", () => listeners.forEach((l) => l(null)));
    source.addEventListener("qa", (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as QaEvent;
      listeners.forEach((l) => l(data));
    });
    stream = { source, listeners };
    streams.set(slug, stream);
  }
  const { source, listeners } = stream;
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
    if (!listeners.size) {
      source.close();
      streams.delete(slug);
    }
  };
}

export function useQaLive(slug: string | null, sessionId: string, what: QaEvent["what"], onChange: () => void) {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (!slug) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unlisten = listen(slug, (e) => {
      if (e && ((e.sessionId !== sessionId && e.sessionId !== ALL_SESSIONS) || e.what !== what)) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        latest.current();
      }, QUIET_MS);
    });
    return () => {
      clearTimeout(timer);
      unlisten();
    };
  }, [slug, sessionId, what]);
}
