"use client";
// The HLS player (hls.js, or the browser's own HLS): the stage as Egress composes it, with the
// floor or an interpretation channel as the audio rendition (switching keeps the place), the
// latency behind the speakers, a seek bar over the live window and a "Go live" button to return;
// and, when the stream carries them, the live captions of the channel listened to.
import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/routing";
import { behindLive } from "./live-position";
import type { Listening } from "./listening";
import { CaptionsOverlay } from "@/components/captions/captions-overlay";
import { CaptionsButton, ChannelSelect, controlButton, FullscreenButton, SoundControls, useChannelName } from "./player-controls";
import { useHls } from "./use-hls";
import { useHlsCaptions } from "./use-hls-captions";
import { WatchCaptions } from "./watch-captions";
import { liveEdge, useLivePosition } from "./use-live-position";

/** HLS captions name no speaker. */
const noName = () => "";

interface HlsPlayerProps {
  src: string;
  title: string;
  channels: Locale[];
  listening: Listening;
  /** Controls the page adds to the bar (the switch back to WebRTC). */
  extra?: ReactNode;
}

export function HlsPlayer({ src, title, channels, listening, extra }: HlsPlayerProps) {
  const t = useTranslations("watch");
  const video = useRef<HTMLVideoElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const stream = useHls(video, src, listening.channel);
  const at = useLivePosition(video, stream.hls);
  // Captions of what is heard: the floor while the chosen channel has no rendition.
  const heard = stream.playing ?? listening.channel;
  const captions = useHlsCaptions(video, stream.hls, stream.phase === "ready", heard);
  const channelName = useChannelName();
  const { volume, muted, setMuted } = listening;

  useEffect(() => {
    if (!video.current) return;
    video.current.volume = volume;
    video.current.muted = muted;
  }, [volume, muted]);

  // Start playing once the playlist is read; a browser that refuses sound without a click plays
  // muted, and the page offers the sound back.
  const ready = stream.phase === "ready";
  useEffect(() => {
    const el = video.current;
    if (!ready || !el) return;
    el.play().catch(() => {
      setMuted(true);
      el.muted = true;
      el.play().catch(() => {});
    });
  }, [ready, setMuted]);

  const goLive = () => {
    const el = video.current;
    const edge = el && liveEdge(el, stream.hls.current);
    if (el && edge !== null && edge !== undefined) el.currentTime = edge;
    void el?.play().catch(() => {});
  };
  const togglePlay = () => {
    const el = video.current;
    if (el?.paused) void el.play().catch(() => {});
    else el?.pause();
  };
  const options = [{ channel: "floor" as const, available: true, selectable: true }, ...channels.map((c) => ({ channel: c, available: stream.renditions.has(c), selectable: false }))];

  return (
    <div className="space-y-2" data-testid="hls-player" data-phase={stream.phase} data-rendition={stream.playing ?? ""} data-rendition-lang={stream.playingLang ?? ""}>
      <div ref={frame} className="relative overflow-hidden rounded bg-black">
        <video ref={video} playsInline aria-label={t("video", { title })} className="aspect-video w-full" data-testid="hls-video" />
        <CaptionsOverlay captions={captions} channel={heard} channelLabel={channelName(heard)} />
        {(stream.phase === "unsupported" || stream.phase === "failed") && (
          <p role="alert" className="absolute inset-0 grid place-items-center p-4 text-center text-white">
            {t(stream.phase === "unsupported" ? "hlsUnsupported" : "hlsFailed")}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={controlButton} onClick={togglePlay} data-testid="hls-play">
          {at.paused ? t("play") : t("pause")}
        </button>
        <button type="button" className={controlButton} onClick={goLive} disabled={at.live && !at.paused} aria-describedby="hls-latency" data-testid="hls-live" data-live={at.live}>
          {at.live ? t("live") : t("goLive")}
        </button>
        <span id="hls-latency" className="text-sm text-slate-700" data-testid="hls-latency" data-seconds={at.latency ?? ""}>
          {at.latency === null ? t("latencyUnknown") : t("latency", { seconds: at.latency })}
        </span>
      </div>
      {at.window && (
        <label className="block text-sm font-medium text-slate-800">
          {t("seek")}
          <input
            type="range"
            min={Math.floor(at.window.start)}
            max={Math.ceil(at.window.end)}
            step={1}
            value={Math.round(at.position)}
            onChange={(e) => video.current && (video.current.currentTime = Number(e.target.value))}
            aria-valuetext={t("behind", { time: behindLive(at.position, at.window) })}
            className="mt-1 block w-full accent-sky-800"
            data-testid="hls-seek"
          />
        </label>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <ChannelSelect options={options} listening={listening} />
        <SoundControls listening={listening} />
        <FullscreenButton target={frame} />
        {captions.available && <CaptionsButton captions={captions} />}
        {extra}
      </div>
      <WatchCaptions captions={captions} lines={captions.transcript} channel={heard} nameOf={noName} />
    </div>
  );
}
