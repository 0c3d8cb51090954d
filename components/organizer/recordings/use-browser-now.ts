"use client";
// The browser's clock, ticking each second; null while rendering on the server, so an elapsed
// time appears only once hydrated (the server's clock would not match the viewer's).
import { useSyncExternalStore } from "react";

function subscribe(tick: () => void) {
  const timer = setInterval(tick, 1000);
  return () => clearInterval(timer);
}
const nowSecond = () => Math.floor(Date.now() / 1000) * 1000;

export function useBrowserNow(): number | null {
  return useSyncExternalStore(subscribe, nowSecond, () => null);
}
