"use client";
// One video track in a <video>: attached on mount, detached on unmount (livekit-client manages
// the element's stream and playback).
import type { Track } from "livekit-client";
import { useAttachedTrack } from "./use-attached-track";

export function VideoView({ track, mirror = false, label, fit = "cover" }: { track: Track; mirror?: boolean; label: string; fit?: "cover" | "contain" }) {
  const ref = useAttachedTrack<HTMLVideoElement>(track);
  return <video ref={ref} aria-label={label} muted playsInline autoPlay className={`h-full w-full ${fit === "cover" ? "object-cover" : "object-contain"} ${mirror ? "-scale-x-100" : ""}`} />;
}
