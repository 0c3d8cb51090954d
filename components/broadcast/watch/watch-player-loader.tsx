"use client";
// The players load in the browser only: they need WebRTC or Media Source Extensions, and keep
// livekit-client and hls.js out of every other page's bundle.
import dynamic from "next/dynamic";
import type { WatchPlayerProps } from "./watch-player";

const Player = dynamic(() => import("./watch-player").then((m) => m.WatchPlayer), { ssr: false });

export function WatchPlayerLoader(props: WatchPlayerProps) {
  return <Player {...props} />;
}
