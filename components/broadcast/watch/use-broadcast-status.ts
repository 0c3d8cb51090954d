"use client";
// The forum's broadcast as the server sees it now (GET /api/forums/{id}/broadcast), read every
// 10 seconds and whenever the page comes back into view, so the page goes from "off air" to
// playing and back without a reload. A playlist address that changes only in its access token
// is kept, so an HLS player never reloads mid-stream for a fresh token.
import { useEffect, useState } from "react";
import type { WatchView } from "@/lib/broadcast/types";

export type BroadcastState = Pick<WatchView, "broadcast" | "hlsUrl" | "sessionId">;

const POLL_MS = 10_000;

function sameBroadcast(a: BroadcastState, b: BroadcastState): boolean {
  return a.broadcast?.id === b.broadcast?.id && a.broadcast?.status === b.broadcast?.status;
}

function merge(prev: BroadcastState, next: BroadcastState): BroadcastState {
  const hlsUrl = prev.broadcast?.id === next.broadcast?.id && prev.hlsUrl && next.hlsUrl ? prev.hlsUrl : next.hlsUrl;
  if (sameBroadcast(prev, next) && hlsUrl === prev.hlsUrl && next.sessionId === prev.sessionId) return prev;
  return { ...next, hlsUrl };
}

export function useBroadcastStatus(forumId: string, initial: BroadcastState): BroadcastState {
  const [state, setState] = useState(initial);
  useEffect(() => {
    let gone = false;
    const read = async () => {
      try {
        const res = await fetch(`/api/forums/${encodeURIComponent(forumId)}/broadcast`, { cache: "no-store" });
        if (!res.ok || gone) return;
        const next = (await res.json()) as BroadcastState;
        if (!gone) setState((prev) => merge(prev, next));
      } catch {
        // Offline for a moment: the next tick reads again.
      }
    };
    const timer = setInterval(() => document.visibilityState === "visible" && void read(), POLL_MS);
    const onVisible = () => document.visibilityState === "visible" && void read();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      gone = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [forumId]);
  return state;
}

/** WebRTC plays from the moment a broadcast opens; HLS once Egress reports its first segments. */
export function onAir(state: BroadcastState): { webrtc: boolean; hls: boolean } {
  const status = state.broadcast?.status;
  return { webrtc: status === "starting" || status === "live", hls: status === "live" && state.hlsUrl !== null };
}
