"use client";
// One EventSource per page for the event's live session statuses. Everything under the provider
// reads the latest status of a session from it, falling back to what the server rendered (so
// the page is right without JavaScript). EventSource reconnects by itself, and every new stream
// starts with a full snapshot, so nothing missed while offline stays wrong.
// The provider also keeps the page's clock: the instant the server rendered for, then the
// browser's time every 30 s (or that instant for good, when a ?now= demo fixed it), so what a
// status means for a visitor (a slot over, a forum under way) follows the time on an open page.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useBrowserNow } from "@/components/ui/use-browser-now";
import type { SessionStatus } from "@/lib/agenda/types";
import type { SnapshotEvent, StatusEvent } from "@/lib/agenda/live/message";

type Statuses = ReadonlyMap<string, SessionStatus>;

const LiveStatusContext = createContext<Statuses>(new Map());
const ClockContext = createContext<number | null>(null);

const TICK_MS = 30_000;

export function LiveStatusProvider({ slug, now, frozen = false, children }: { slug: string; now?: string; frozen?: boolean; children: ReactNode }) {
  const [statuses, setStatuses] = useState<Statuses>(() => new Map());
  const rendered = now ? Date.parse(now) : null;
  const ticking = !frozen && rendered !== null;
  const browser = useBrowserNow({ every: TICK_MS, server: rendered });
  const clock = ticking && browser !== null ? Math.max(browser, rendered) : rendered;
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
  return (
    <ClockContext.Provider value={clock}>
      <LiveStatusContext.Provider value={statuses}>{children}</LiveStatusContext.Provider>
    </ClockContext.Provider>
  );
}

/** Every status received so far (empty until the first snapshot, or without a provider). */
export function useLiveStatuses(): Statuses {
  return useContext(LiveStatusContext);
}

export function useLiveStatus(sessionId: string, initial: SessionStatus): SessionStatus {
  return useLiveStatuses().get(sessionId) ?? initial;
}

/** The page's clock in ms (null when the provider was given no render instant). */
export function useNow(): number | null {
  return useContext(ClockContext);
}
