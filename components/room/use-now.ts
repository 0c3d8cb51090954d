"use client";
// The current instant, ticking once a second, shared by the room's clocks and warnings.
import { useSyncExternalStore } from "react";

function subscribe(tick: () => void) {
  const timer = setInterval(tick, 1000);
  return () => clearInterval(timer);
}

const nowSecond = () => Math.floor(Date.now() / 1000) * 1000;

export function useNow(): number {
  return useSyncExternalStore(subscribe, nowSecond, nowSecond);
}
