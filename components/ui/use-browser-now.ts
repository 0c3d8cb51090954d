"use client";
// The browser's clock as React state, ticking every `every` ms. The instant is rounded to `round`
// (the tick by default) so that every read within one tick agrees, as useSyncExternalStore
// requires. While rendering on the server, and while hydrating, it is `server`: null by default,
// so a time computed from it appears only once hydrated, or the instant the page was rendered for.
import { useSyncExternalStore } from "react";

interface Clock {
  subscribe: (tick: () => void) => () => void;
  read: () => number;
}

// One subscribe and one read per cadence, stable across renders: a new function each render
// would make React resubscribe (restart the timer) every time.
const clocks = new Map<string, Clock>();

function clockOf(every: number, round: number): Clock {
  const key = `${every}/${round}`;
  let clock = clocks.get(key);
  if (!clock) {
    clock = {
      subscribe(tick) {
        const timer = setInterval(tick, every);
        return () => clearInterval(timer);
      },
      read: () => Math.floor(Date.now() / round) * round,
    };
    clocks.set(key, clock);
  }
  return clock;
}

export function useBrowserNow(options: { every?: number; round?: number; server: number }): number;
export function useBrowserNow(options?: { every?: number; round?: number; server?: number | null }): number | null;
export function useBrowserNow({ every = 1000, round = every, server = null }: { every?: number; round?: number; server?: number | null } = {}): number | null {
  const { subscribe, read } = clockOf(every, round);
  return useSyncExternalStore(subscribe, read, () => server);
}
