"use client";
// The session the recording's lower third names, following the stage live: statuses arrive on
// the event's SSE stream (an organizer starting or ending a session shows within a second), and a
// 10-second clock moves along the schedule when nobody marks sessions live. Either alone keeps
// the title right: the stream reconnects by itself, and the clock needs no server at all.
import { useLiveStatuses } from "@/components/agenda/live/live-status-provider";
import { useBrowserNow } from "@/components/ui/use-browser-now";
import { currentSession, withStatuses, type TimedSession } from "@/lib/rooms/current-session";

export function useCurrentSession<T extends TimedSession>(sessions: readonly T[]): T | null {
  const statuses = useLiveStatuses();
  // Whole seconds, not the tick's ten: a session that starts between ticks is named at the next.
  const now = useBrowserNow({ every: 10_000, round: 1000 });
  // The recorder's page renders only in the browser (no SSR), where the clock is always there.
  return now === null ? null : currentSession(withStatuses(sessions, statuses), now);
}
