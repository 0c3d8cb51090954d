"use client";
// What the viewer listens to and how loud, shared by both players so that switching from WebRTC to
// HLS (or back) keeps the channel and the volume; the channel is remembered in this browser.
import { useState } from "react";
import { useStoredChoice } from "@/components/room/interpretation/use-stored-choice";
import { isChannel, type Channel } from "@/lib/rooms/interpretation";

export interface Listening {
  channel: Channel;
  setChannel: (c: Channel) => void;
  volume: number;
  setVolume: (v: number) => void;
  muted: boolean;
  setMuted: (m: boolean) => void;
}

export function useListeningChoice(): Listening {
  const [stored, store] = useStoredChoice("plenary.watch.channel");
  const [volume, setVolume] = useState(1);
  const [muted, setMuted] = useState(false);
  return { channel: isChannel(stored) ? stored : "floor", setChannel: store, volume, setVolume, muted, setMuted };
}
