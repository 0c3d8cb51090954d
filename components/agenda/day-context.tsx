"use client";
// Whose clock "your time" is, and which calendar day a list is grouped under. Times inside a day
// section are marked against that day ("+1 day"); times outside any section carry their own date.
// The viewer's zone is the browser's, which only the browser knows (the server renders without
// it), unless a page fixes it: My conference uses the zone the person chose.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import { runtimeZone } from "@/lib/time/zones";

const FixedZoneContext = createContext<string | null>(null);
const DayContext = createContext<string | null>(null);

const noop = () => () => {};

/** The viewer's zone: the page's fixed one, else the browser's (null while rendering on the server). */
export function useViewerZone(): string | null {
  const fixed = useContext(FixedZoneContext);
  const browser = useBrowserZone();
  return fixed ?? browser;
}

/** The browser's own zone, whatever the page fixed (null on the server). */
export function useBrowserZone(): string | null {
  return useSyncExternalStore(noop, runtimeZone, () => null);
}

/** The calendar day (YYYY-MM-DD) the surrounding list is grouped under, if any. */
export function useReferenceDay(): string | null {
  return useContext(DayContext);
}

export function FixedZone({ zone, children }: { zone: string; children: ReactNode }) {
  return <FixedZoneContext.Provider value={zone}>{children}</FixedZoneContext.Provider>;
}

export function ReferenceDay({ day, children }: { day: string | null; children: ReactNode }) {
  return <DayContext.Provider value={day}>{children}</DayContext.Provider>;
}
