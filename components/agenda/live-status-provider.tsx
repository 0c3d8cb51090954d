"use client";
// One EventSource per page for the event's live session statuses. Everything under the provider
// reads the latest status of a session from it, falling back to what the server rendered (so
// the page is right without JavaScript). EventSource reconnects by itself, and every new stream
// starts with a full snapshot, so nothing missed while offline stays wrong.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { SessionStatus } from "@/lib/agenda/types";
import type { SnapshotEvent, StatusEvent } from "@/lib/live/message";

type Statuses = ReadonlyMap<string, SessionStatus>;

const LiveStatusContext = createContext<Statuses>(new Map());

export function LiveStatusProvider({ slug, children }: { slug: string; children: ReactNode }) {
  const [statuses, setStatuses] = useState<Statuses>(() => new Map());
  useEffect(() => {
    const source = new EventSource(`/api/events/${encodeURIComponent(slug)}/live`);
    source.addEventListener("snapshot", (e) => {
      const data = JSON.parse(e.data) as SnapshotEvent;
      setStatuses(new Map(data.sessions.map((s) => [s.id, s.status])));
    });
    source.addEventListener("status", (e) => {
      const data = JSON.parse(e.data) as StatusEvent;
      setStatuses((prev) => new Map(prev).set(data.sessionId, data.status));
    });
    return () => source.close();
  }, [slug]);
  return <LiveStatusContext.Provider value={statuses}>{children}</LiveStatusContext.Provider>;
}

/** Every status received so far (empty until the first snapshot, or without a provider). */
export function useLiveStatuses(): Statuses {
  return useContext(LiveStatusContext);
}

export function useLiveStatus(sessionId: string, initial: SessionStatus): SessionStatus {
  return useLiveStatuses().get(sessionId) ?? initial;
}
