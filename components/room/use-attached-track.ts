"use client";
// A LiveKit track played in a media element: attached on mount, detached on unmount or when the
// track changes (livekit-client manages the element's stream and playback).
import { useEffect, useRef } from "react";
import type { Track } from "livekit-client";

export function useAttachedTrack<E extends HTMLMediaElement>(track: Track) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    track.attach(el);
    return () => {
      track.detach(el);
    };
  }, [track]);
  return ref;
}
