"use client";
// Where the HLS viewer stands, read once a second and at each time update: the position, the live
// window, whether they are at the live edge, and the latency from the playing frame's
// EXT-X-PROGRAM-DATE-TIME (hls.js `playingDate`; Safari's `getStartDate()` plus the position).
import { useEffect, useState, type RefObject } from "react";
import type Hls from "hls.js";
import { atLiveEdge, latencySeconds, seekWindow, type SeekWindow } from "./live-position";

export interface LivePosition {
  position: number;
  window: SeekWindow | null;
  live: boolean;
  latency: number | null;
  paused: boolean;
}

function playingDate(video: HTMLVideoElement, hls: Hls | null): Date | null {
  if (hls) return hls.playingDate;
  const start = (video as unknown as { getStartDate?: () => Date }).getStartDate?.();
  return start && Number.isFinite(start.getTime()) ? new Date(start.getTime() + video.currentTime * 1000) : null;
}

/** The live edge to return to: hls.js's sync position, or the end of what is seekable. */
export function liveEdge(video: HTMLVideoElement, hls: Hls | null): number | null {
  return hls?.liveSyncPosition ?? seekWindow(video.seekable)?.end ?? null;
}

export function useLivePosition(videoRef: RefObject<HTMLVideoElement | null>, hls: RefObject<Hls | null>): LivePosition {
  const [state, setState] = useState<LivePosition>({ position: 0, window: null, live: true, latency: null, paused: true });
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const read = () => {
      const player = hls.current;
      const target = player?.levels[player.currentLevel]?.details?.targetduration ?? 6;
      setState({
        position: video.currentTime,
        window: seekWindow(video.seekable),
        live: atLiveEdge(video.currentTime, liveEdge(video, player), target),
        latency: latencySeconds(playingDate(video, player), Date.now()),
        paused: video.paused,
      });
    };
    const timer = setInterval(read, 1000);
    for (const type of ["timeupdate", "play", "pause", "seeked"]) video.addEventListener(type, read);
    return () => {
      clearInterval(timer);
      for (const type of ["timeupdate", "play", "pause", "seeked"]) video.removeEventListener(type, read);
    };
  }, [videoRef, hls]);
  return state;
}
