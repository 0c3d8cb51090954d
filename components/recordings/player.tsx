"use client";
// The recordings player: the browser's own <video> controls (play, seek, volume, fullscreen) plus
// chapters, speed, interpretation channels, its own subtitle menu (browsers hide theirs behind a
// ⋮ menu, or have none), keyboard shortcuts and a link to the current moment. It opens at
// `startMs` (a session's chapter or a ?t= link).
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useStoredChoice } from "@/components/room/interpretation/use-stored-choice";
import { inputClass } from "@/components/ui/field";
import type { Locale } from "@/lib/i18n/routing";
import { chapterAt, formatOffset } from "@/lib/recordings/chapters";
import { ChapterList } from "./chapter-list";
import { CopyMoment } from "./copy-moment";
import { chapterJump, keyAction, keyBelongsToTarget } from "./playback";
import type { PlayerRecording } from "./player-data";
import { useChannelAudio } from "./use-channel-audio";

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];
const CHANNEL_KEY = "plenary.recordings.channel";

export function Player({ recording, startMs, linkSessions = false }: { recording: PlayerRecording; startMs: number; linkSessions?: boolean }) {
  const t = useTranslations("player");
  const tc = useTranslations("recordings.channels");
  const subtitleLabel = (s: { language: Locale; automatic: boolean }) => (s.automatic ? t("subtitlesAutomatic", { language: tc(s.language) }) : tc(s.language));
  const locale = useLocale() as Locale;
  const hintId = useId();
  const videoRef = useRef<HTMLVideoElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const pendingStart = useRef<number | null>(startMs > 0 ? startMs : null);
  const { chapters, channels } = recording;
  const [current, setCurrent] = useState(() => chapterAt(chapters, startMs));
  const [durationMs, setDurationMs] = useState(recording.durationMs);
  const [rate, setRate] = useState(1);
  const [stored, store] = useStoredChoice(CHANNEL_KEY);
  const channel = channels.find((c) => c.language === stored) ?? null;
  const floorInstead = useChannelAudio(videoRef, audioRef, channel);
  const [subtitle, setSubtitle] = useState<string>(() => (recording.subtitles.some((s) => s.language === locale) ? locale : "off"));

  // The chosen subtitles show and every other track is off; a choice made in the browser's own
  // menu (where it has one) is followed.
  useEffect(() => {
    const tracks = videoRef.current?.textTracks;
    if (!tracks) return;
    const apply = () => {
      for (const track of Array.from(tracks)) track.mode = track.language === subtitle ? "showing" : "disabled";
    };
    const follow = () => setSubtitle(Array.from(tracks).find((t) => t.mode === "showing")?.language ?? "off");
    apply();
    tracks.addEventListener("addtrack", apply);
    tracks.addEventListener("change", follow);
    return () => {
      tracks.removeEventListener("addtrack", apply);
      tracks.removeEventListener("change", follow);
    };
  }, [subtitle]);

  // Opens the video at the start once its metadata is known, so no frame plays before it.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const seek = () => {
      if (pendingStart.current === null) return;
      video.currentTime = pendingStart.current / 1000;
      pendingStart.current = null;
    };
    // The metadata may have arrived before hydration; a play pressed before it seeks first.
    if (video.readyState >= HTMLMediaElement.HAVE_METADATA) seek();
    video.addEventListener("loadedmetadata", seek);
    video.addEventListener("play", seek);
    return () => {
      video.removeEventListener("loadedmetadata", seek);
      video.removeEventListener("play", seek);
    };
  }, []);

  const position = () => videoRef.current?.currentTime ?? 0;
  const followPosition = () => setCurrent(chapterAt(chapters, position() * 1000));

  function seekTo(ms: number) {
    const video = videoRef.current;
    if (!video) return;
    pendingStart.current = null;
    const end = Number.isFinite(video.duration) ? video.duration : Infinity;
    video.currentTime = Math.min(Math.max(0, ms / 1000), end);
    setCurrent(chapterAt(chapters, ms));
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const action = keyAction(e.key);
    const video = videoRef.current;
    if (!action || !video || e.altKey || e.ctrlKey || e.metaKey) return;
    const el = e.target as HTMLElement;
    const target = el.closest("input, select, textarea") ? "field" : el.closest("button, a") ? "control" : el instanceof HTMLMediaElement ? "media" : "other";
    if (keyBelongsToTarget(e.key, target)) return;
    e.preventDefault();
    if (action.kind === "toggle") {
      if (video.paused) video.play().catch(() => {});
      else video.pause();
    } else if (action.kind === "seekBy") {
      seekTo((video.currentTime + action.seconds) * 1000);
    } else {
      const to = chapterJump(chapters, video.currentTime * 1000, action.direction);
      if (to !== null) seekTo(to);
    }
  }

  function changeRate(value: number) {
    const video = videoRef.current;
    if (!video) return;
    video.defaultPlaybackRate = value;
    video.playbackRate = value;
  }

  const speeds = SPEEDS.includes(rate) ? SPEEDS : [...SPEEDS, rate].sort((a, b) => a - b);
  const playing = chapters[current];
  return (
    <section
      aria-label={t("region", { title: recording.title })}
      aria-describedby={hintId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="grid gap-4 rounded focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-sky-700 lg:grid-cols-[minmax(0,1fr)_18rem]"
      data-testid="player"
    >
      <div className="min-w-0 space-y-3">
        <video
          ref={videoRef}
          src={recording.src}
          preload="metadata"
          playsInline
          controls
          aria-label={t("video", { title: recording.title })}
          className="aspect-video w-full rounded bg-black"
          onTimeUpdate={followPosition}
          onSeeked={followPosition}
          onDurationChange={(e) => Number.isFinite(e.currentTarget.duration) && setDurationMs(Math.round(e.currentTarget.duration * 1000))}
          onRateChange={(e) => setRate(e.currentTarget.playbackRate)}
          data-testid="video"
        >
          {recording.subtitles.map((s) => (
            <track key={s.language} kind="subtitles" srcLang={s.language} label={subtitleLabel(s)} src={s.src} default={s.language === locale} />
          ))}
          {t("noVideo")}
        </video>
        <audio ref={audioRef} src={channel?.src} preload="auto" hidden data-testid="channel-audio" />

        <div className="flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium text-slate-800">
            {t("speed")}
            <select value={rate} onChange={(e) => changeRate(Number(e.target.value))} className={inputClass} data-testid="speed">
              {speeds.map((s) => (
                <option key={s} value={s}>
                  {t("speedOption", { rate: s })}
                </option>
              ))}
            </select>
          </label>
          {channels.length > 0 && (
            <label className="text-sm font-medium text-slate-800">
              {t("channel")}
              <select value={channel?.language ?? "floor"} onChange={(e) => store(e.target.value)} className={inputClass} data-testid="channel">
                <option value="floor">{tc("floor")}</option>
                {channels.map((c) => (
                  <option key={c.language} value={c.language}>
                    {tc(c.language)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {recording.subtitles.length > 0 && (
            <label className="text-sm font-medium text-slate-800">
              {t("subtitles")}
              <select value={subtitle} onChange={(e) => setSubtitle(e.target.value)} className={inputClass} data-testid="subtitles">
                <option value="off">{t("subtitlesOff")}</option>
                {recording.subtitles.map((s) => (
                  <option key={s.language} value={s.language}>
                    {subtitleLabel(s)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <CopyMoment seconds={position} />
        </div>

        <p className="text-sm text-slate-700">
          {durationMs !== null && <span data-testid="duration">{t("duration", { time: formatOffset(durationMs) })}</span>}
          {playing && (
            <span className="ml-3" data-testid="now-playing">
              {t("nowPlaying", { title: playing.title })}
            </span>
          )}
        </p>
        {floorInstead && channel && (
          <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950" data-testid="channel-outside">
            {t("channelOutside", { language: tc(channel.language) })}
          </p>
        )}
        <p id={hintId} className="text-xs text-slate-600">
          {t("keys")}
        </p>
      </div>
      {chapters.length > 0 && <ChapterList chapters={chapters} current={current} onSeek={seekTo} linkSessions={linkSessions} />}
    </section>
  );
}
