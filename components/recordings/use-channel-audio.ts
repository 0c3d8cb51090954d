"use client";
// Plays one interpretation channel in step with the video. While the channel covers the current
// moment the video (the floor) is muted and the hidden <audio> follows the video's play, pause,
// seeks and speed, re-aligned when it drifts; before the channel starts or after it ends, the
// floor is heard again. The video's place is never touched, so switching cannot lose it.
import { useEffect, useState, type RefObject } from "react";
import { channelTime, DRIFT_SECONDS } from "./playback";
import type { PlayerChannel } from "./player-data";

const videoEvents = ["play", "pause", "playing", "waiting", "seeking", "seeked", "ratechange", "timeupdate", "ended"] as const;

/** Whether the chosen channel is silent at the current moment (the floor is playing instead). */
export function useChannelAudio(videoRef: RefObject<HTMLVideoElement | null>, audioRef: RefObject<HTMLAudioElement | null>, channel: PlayerChannel | null): boolean {
  const [outside, setOutside] = useState(false);

  useEffect(() => {
    const video = videoRef.current;
    const audio = audioRef.current;
    if (!video || !audio || !channel) return;
    // The viewer's own mute, kept apart from the muting of the floor this hook does.
    let viewerMuted = video.muted;
    let floorOff = false;
    let stalled = false;
    const applyMute = () => {
      video.muted = floorOff || viewerMuted;
      audio.muted = viewerMuted;
    };

    const sync = (force: boolean) => {
      const at = channelTime(channel, video.currentTime, Number.isFinite(audio.duration) ? audio.duration : Infinity);
      setOutside(at === null);
      floorOff = at !== null;
      applyMute();
      if (at === null) {
        audio.pause();
        return;
      }
      audio.volume = video.volume;
      audio.playbackRate = video.playbackRate;
      if (force || Math.abs(audio.currentTime - at) > DRIFT_SECONDS) audio.currentTime = at;
      if (video.paused || video.ended || video.seeking || stalled) audio.pause();
      else if (audio.paused) audio.play().catch(() => {});
    };

    const onVideo = (e: Event) => {
      if (e.type === "waiting") stalled = true;
      if (e.type === "playing" || e.type === "seeked") stalled = false;
      sync(e.type === "seeking" || e.type === "seeked");
    };
    // The video's mute button: while the floor is off the video reads "muted" whatever the
    // viewer wants, so a press shows up as an unexpected value and toggles the viewer's mute.
    const onVolume = () => {
      if (video.muted !== (floorOff || viewerMuted)) viewerMuted = floorOff ? !viewerMuted : video.muted;
      applyMute();
      audio.volume = video.volume;
    };
    const onAudioReady = () => sync(true);

    for (const type of videoEvents) video.addEventListener(type, onVideo);
    video.addEventListener("volumechange", onVolume);
    audio.addEventListener("loadedmetadata", onAudioReady);
    sync(true);
    return () => {
      for (const type of videoEvents) video.removeEventListener(type, onVideo);
      video.removeEventListener("volumechange", onVolume);
      audio.removeEventListener("loadedmetadata", onAudioReady);
      audio.pause();
      video.muted = viewerMuted;
      setOutside(false);
    };
  }, [videoRef, audioRef, channel]);

  return outside && channel !== null;
}
