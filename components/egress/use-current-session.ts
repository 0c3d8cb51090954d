"use client";
// The session the recording's lower third names, following the stage live: statuses arrive on
// the event's SSE stream (an organizer starting or ending a session shows within a second), and a
// 10-second clock moves along the schedule when nobody marks sessions live. Either alone keeps
// the title right: the stream reconnects by itself, and the clock needs no server at all.
import { useSyncExternalStore } from "react";
import { useLiveStatuses } from "@/components/agenda/live-status-provider";
import { currentSession, withStatuses, type TimedSession } from "@/lib/rooms/current-session";

const TICK_MS = 10_000;

function subscribe(tick: () => void) {
  const timer = setInterval(tick, TICK_MS);
  return () => clearInterval(timer);
}

// Whole seconds: the snapshot must stay equal between reads in one render.
const nowTick = () => Math.floor(Date.now() / 1000) * 1000;

export function useCurrentSession<T extends TimedSession>(sessions: readonly T[]): T | null {
  const now = useSyncExternalStore(subscribe, nowTick, nowTick);
  return currentSession(withStatuses(sessions, useLiveStatuses()), now);
}
