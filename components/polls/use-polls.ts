"use client";
// A session's polls as the server shows them to this viewer (GET /api/sessions/{id}/polls), kept
// current by the live stream, and read again when a poll's timer runs out.
import { useEffect } from "react";
import { useQaLive } from "@/components/qa/use-qa-live";
import { useSessionList } from "@/components/qa/use-session-list";
import type { PollList } from "@/lib/polls/view";

export function usePolls(sessionId: string, slug: string | null) {
  const state = useSessionList<PollList>(`/api/sessions/${encodeURIComponent(sessionId)}/polls`);
  const { list, refresh } = state;
  useQaLive(slug ?? list?.eventSlug ?? null, sessionId, "polls", refresh);
  // The next timer to run out, measured from the server's clock when it answered.
  const wait = list ? Math.min(...list.polls.map((p) => (p.closesAt ? Date.parse(p.closesAt) - Date.parse(list.serverNow) : Infinity))) : Infinity;
  useEffect(() => {
    if (!Number.isFinite(wait)) return;
    const timer = setTimeout(() => void refresh(), Math.max(0, wait) + 300);
    return () => clearTimeout(timer);
  }, [wait, refresh]);
  return state;
}

export type PollsState = ReturnType<typeof usePolls>;
