"use client";
// The broadcast's live captions on the HLS player: the stream's subtitle rendition of the channel
// the viewer listens to (lib/broadcast/captions-hls.ts: the floor's, or a language's), loaded by
// hls.js (or Safari) as a hidden text track and drawn by the same overlay as the WebRTC player's,
// in the viewer's size and place. Nothing when the stream carries no captions.
import { useEffect, useState, type RefObject } from "react";
import Hls from "hls.js";
import type { CaptionLine } from "@/lib/captions/lines";
import type { Channel } from "@/lib/rooms/interpretation";
import { useCaptionPrefs, type RoomCaptions } from "@/components/captions/use-captions";
import { serverNow } from "@/components/room/use-now";
import { cueLine, hlsTranscript } from "./hls-transcript";

/** The channel a subtitle rendition carries: its LANGUAGE, or the floor's (no LANGUAGE, `captions/floor.m3u8`). */
export function captionsChannelOf(track: { lang?: string; url?: string }): Channel | null {
  if (track.lang === "ko" || track.lang === "zh" || track.lang === "en") return track.lang;
  if (!track.lang && /\/captions\/floor\.m3u8(\?|$)/.test(track.url ?? "")) return "floor";
  return null;
}

/** hls.js loads the rendition at `index` (-1: none), not drawn by the browser: the overlay draws it. */
function selectSubtitles(player: Hls, index: number) {
  player.subtitleDisplay = false;
  if (player.subtitleTrack !== index) player.subtitleTrack = index;
}

const isSubtitles = (t: TextTrack) => t.kind === "subtitles" || t.kind === "captions";

function linesOf(track: TextTrack | null, channel: Channel): CaptionLine[] {
  const cues = track?.activeCues;
  if (!cues) return [];
  const receivedAt = serverNow();
  // The overlay reads only the text and when it came.
  return Array.from(cues, (cue, i) => cueLine(`${cue.startTime}-${i}`, (cue as VTTCue).text ?? "", channel, new Date(0), new Date(0), receivedAt)).filter((l) => l.text.trim());
}

/** Wall-clock ms of a media time: hls.js knows the playing position's PROGRAM-DATE-TIME, Safari the stream's start. */
function wallClock(video: HTMLVideoElement, player: Hls | null): (mediaSeconds: number) => number {
  const playing = player?.playingDate?.getTime();
  const start = (video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate?.().getTime();
  const origin = playing !== undefined && !Number.isNaN(playing) ? playing - video.currentTime * 1000 : start !== undefined && !Number.isNaN(start) ? start : serverNow() - video.currentTime * 1000;
  return (s) => origin + s * 1000;
}

export interface HlsCaptions extends RoomCaptions {
  /** Every caption of the channel the stream still holds (its last 5 minutes), as transcript lines. */
  transcript: CaptionLine[];
}

export function useHlsCaptions(videoRef: RefObject<HTMLVideoElement | null>, hls: RefObject<Hls | null>, ready: boolean, channel: Channel): HlsCaptions {
  const prefs = useCaptionPrefs();
  const [available, setAvailable] = useState(false);
  const [lines, setLines] = useState<CaptionLine[]>([]);
  const [transcript, setTranscript] = useState<CaptionLine[]>([]);
  const { shown } = prefs;

  useEffect(() => {
    const video = videoRef.current;
    if (!ready || !video) return;
    const player = hls.current;
    let active: TextTrack | null = null;
    const onCues = () => {
      setLines(linesOf(active, channel));
      setTranscript(
        active?.cues
          ? hlsTranscript(
              Array.from(active.cues, (c) => ({ startTime: c.startTime, endTime: c.endTime, text: (c as VTTCue).text ?? "" })),
              channel,
              wallClock(video, player),
            )
          : [],
      );
    };
    // hls.js names its text tracks after the renditions it loads; Safari lists the stream's own.
    const choose = () => {
      let wanted = -1;
      if (player) {
        const tracks = player.subtitleTracks;
        setAvailable(tracks.some((t) => captionsChannelOf(t) !== null));
        wanted = shown ? tracks.findIndex((t) => captionsChannelOf(t) === channel) : -1;
        selectSubtitles(player, wanted);
      }
      const texts = Array.from(video.textTracks).filter(isSubtitles);
      // Safari: the stream's only subtitle renditions are its captions.
      if (!player) setAvailable(texts.length > 0);
      const match = (t: TextTrack) => (player ? t.label === player.subtitleTracks[wanted]?.name : t.language === (channel === "floor" ? "" : channel));
      const next = shown ? (texts.find(match) ?? null) : null;
      for (const t of texts) {
        const mode = t === next ? "hidden" : "disabled";
        if (t.mode !== mode) t.mode = mode;
      }
      if (next !== active) {
        active?.removeEventListener("cuechange", onCues);
        active = next;
        active?.addEventListener("cuechange", onCues);
      }
      onCues();
    };
    choose();
    const onTracks = () => choose();
    player?.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, onTracks);
    video.textTracks.addEventListener("addtrack", onTracks);
    return () => {
      player?.off(Hls.Events.SUBTITLE_TRACKS_UPDATED, onTracks);
      video.textTracks.removeEventListener("addtrack", onTracks);
      active?.removeEventListener("cuechange", onCues);
      setLines([]);
      setTranscript([]);
    };
  }, [videoRef, hls, ready, channel, shown]);

  return { lines: shown ? lines : [], transcript, available, ...prefs };
}
