"use client";
// An HLS live stream in a <video>: hls.js where Media Source Extensions exist, the browser's own
// HLS (Safari, iOS) otherwise. Reports the audio renditions (as channels), which one plays, and
// a failure that recovery could not mend. Switching rendition keeps the element and its place:
// hls.js swaps the audio buffer under the same timeline (Safari its AudioTrackList).
import { useEffect, useRef, useState, type RefObject } from "react";
import Hls from "hls.js";
import type { Channel } from "@/lib/rooms/interpretation";
import { channelOfRendition, channelRenditions, type AudioRendition } from "./hls-channels";

export type HlsPhase = "loading" | "ready" | "unsupported" | "failed";

/** Safari's audio tracks on a natively played HLS stream (not in TypeScript's DOM types everywhere). */
interface NativeAudioTrack {
  language: string;
  enabled: boolean;
}
interface NativeAudioTracks {
  length: number;
  [i: number]: NativeAudioTrack;
  addEventListener(type: "addtrack" | "change", listener: () => void): void;
  removeEventListener(type: "addtrack" | "change", listener: () => void): void;
}
const nativeTracks = (video: HTMLVideoElement) => (video as unknown as { audioTracks?: NativeAudioTracks }).audioTracks ?? null;
const nativeRenditions = (tracks: NativeAudioTracks): AudioRendition[] => Array.from({ length: tracks.length }, (_, i) => ({ lang: tracks[i].language, default: i === 0 }));

export interface HlsState {
  phase: HlsPhase;
  hls: RefObject<Hls | null>;
  /** The channels the playlist carries, with their rendition index. */
  renditions: ReadonlyMap<Channel, number>;
  /** The channel of the rendition playing now. */
  playing: Channel | null;
  /** The playing rendition's LANGUAGE, as the player reports it (tests read it). */
  playingLang: string | null;
}

export function useHls(videoRef: RefObject<HTMLVideoElement | null>, src: string, channel: Channel): HlsState {
  const hls = useRef<Hls | null>(null);
  const [phase, setPhase] = useState<HlsPhase>("loading");
  const [renditions, setRenditions] = useState<ReadonlyMap<Channel, number>>(new Map());
  const [playingIndex, setPlayingIndex] = useState<number | null>(null);
  const [langs, setLangs] = useState<(string | undefined)[]>([]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    if (!Hls.isSupported()) {
      if (!video.canPlayType("application/vnd.apple.mpegurl")) {
        setPhase("unsupported");
        return;
      }
      video.src = src;
      const tracks = nativeTracks(video);
      const follow = () => {
        if (!tracks) return;
        const list = nativeRenditions(tracks);
        setRenditions(channelRenditions(list));
        setLangs(list.map((r) => r.lang));
        setPlayingIndex(Array.from({ length: tracks.length }, (_, i) => tracks[i].enabled).indexOf(true));
      };
      const ready = () => setPhase("ready");
      const failed = () => setPhase("failed");
      video.addEventListener("loadedmetadata", ready);
      video.addEventListener("error", failed);
      tracks?.addEventListener("addtrack", follow);
      tracks?.addEventListener("change", follow);
      return () => {
        video.removeEventListener("loadedmetadata", ready);
        video.removeEventListener("error", failed);
        tracks?.removeEventListener("addtrack", follow);
        tracks?.removeEventListener("change", follow);
        video.removeAttribute("src");
        video.load();
      };
    }
    const player = new Hls({ liveDurationInfinity: false, backBufferLength: 300 });
    hls.current = player;
    const follow = () => {
      setRenditions(channelRenditions(player.audioTracks));
      setLangs(player.audioTracks.map((r) => r.lang));
      setPlayingIndex(player.audioTrack);
    };
    let networkRetries = 0;
    player.on(Hls.Events.MANIFEST_PARSED, () => setPhase("ready"));
    player.on(Hls.Events.AUDIO_TRACKS_UPDATED, follow);
    player.on(Hls.Events.AUDIO_TRACK_SWITCHED, follow);
    player.on(Hls.Events.FRAG_LOADED, () => (networkRetries = 0));
    player.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      // A dropped connection or a glitch in decoding is mended in place, a few times.
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR && networkRetries++ < 5) player.startLoad();
      else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) player.recoverMediaError();
      else setPhase("failed");
    });
    player.loadSource(src);
    player.attachMedia(video);
    return () => {
      hls.current = null;
      player.destroy();
    };
  }, [videoRef, src]);

  // The chosen channel's rendition, or the floor while the playlist has none for it.
  useEffect(() => {
    const index = renditions.get(channel) ?? renditions.get("floor");
    if (index === undefined) return;
    const player = hls.current;
    if (player) {
      if (player.audioTrack !== index) player.audioTrack = index;
      return;
    }
    const tracks = videoRef.current ? nativeTracks(videoRef.current) : null;
    if (tracks) for (let i = 0; i < tracks.length; i++) tracks[i].enabled = i === index;
  }, [renditions, channel, videoRef]);

  return {
    phase,
    hls,
    renditions,
    playing: playingIndex === null ? null : channelOfRendition(renditions, playingIndex),
    playingLang: playingIndex === null ? null : (langs[playingIndex] ?? null),
  };
}
