"use client";
// The current instant on the server's clock as this browser estimates it (lib/rooms/clock.ts),
// ticking once a second, shared by the room's clocks, warnings and timers: the times they compare
// against (a booth handover, a raised hand, the room's closing) are the server's.
import { useSyncExternalStore } from "react";
import { better, estimateFrom, type ClockEstimate } from "@/lib/rooms/clock";

let estimate: ClockEstimate | null = null;

/** Takes one exchange with the server into the estimate (the most certain one wins). */
export function heardServerClock(sentAt: number, serverNow: number, receivedAt = Date.now()) {
  estimate = better(estimate, estimateFrom(sentAt, serverNow, receivedAt));
}

/** The page's own render time: a rough first estimate until the room has asked the server. */
export function seedServerClock(renderedAt: number) {
  if (!estimate) estimate = { offset: renderedAt - Date.now(), roundTrip: 60_000 };
}

export function serverNow(): number {
  return Date.now() + (estimate?.offset ?? 0);
}

function subscribe(tick: () => void) {
  const timer = setInterval(tick, 1000);
  return () => clearInterval(timer);
}

const nowSecond = () => Math.floor(serverNow() / 1000) * 1000;

export function useNow(): number {
  return useSyncExternalStore(subscribe, nowSecond, nowSecond);
}
