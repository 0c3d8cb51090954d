"use client";
// A choice remembered in localStorage and shared by every component that reads the same key (the
// channel picker in the side panel and the audio mix beside the stage). Falls back to memory when
// the browser refuses storage, so choosing still works for this visit.
import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
const memory = new Map<string, string>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

export function useStoredChoice(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const set = useCallback(
    (next: string) => {
      memory.set(key, next);
      try {
        window.localStorage.setItem(key, next);
      } catch {
        // Private browsing: memory keeps it.
      }
      listeners.forEach((l) => l());
    },
    [key],
  );
  return [value, set];
}
