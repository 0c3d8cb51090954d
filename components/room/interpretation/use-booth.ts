"use client";
// One interpreter's booth: their voice goes out as the microphone track `interpretation:<lang>`;
// going live stamps their claim on the channel (attribute `booth.<lang>`) before unmuting, and a
// newer claim by a partner mutes them, so one voice is live per channel.
import { useCallback, useEffect, useState } from "react";
import { useRoomContext } from "@livekit/components-react";
import { Track } from "livekit-client";
import { boothAttribute, boothClaims, boothHolder, claimInstant, interpretationTrackName, mustYield, type ChannelLanguage } from "@/lib/rooms/interpretation";
import type { InterpretationSnapshot } from "./use-interpretation-room";

export function useBooth(room: InterpretationSnapshot, language: ChannelLanguage) {
  const me = useRoomContext().localParticipant;
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const trackName = interpretationTrackName(language);
  const published = room.ownMic?.trackName === trackName;
  const live = published && !room.ownMic?.muted;
  const claims = boothClaims(room.people, language);
  const holder = boothHolder(claims);
  const yieldNow = live && mustYield(me.identity, claims);

  useEffect(() => {
    if (yieldNow) void me.setMicrophoneEnabled(false).catch(() => {});
  }, [yieldNow, me]);

  const run = useCallback(async (step: () => Promise<unknown>) => {
    setPending(true);
    try {
      await step();
      setFailed(false);
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }, []);

  const goLive = () =>
    run(async () => {
      // Unmuting one's own channel again is no handover, so the holder keeps their stamp.
      if (holder?.identity !== me.identity) await me.setAttributes({ [boothAttribute(language)]: new Date(claimInstant(Date.now(), claims)).toISOString() });
      // A microphone published under another name (another channel) cannot be renamed.
      const mic = me.getTrackPublication(Track.Source.Microphone);
      if (mic?.track && mic.trackName !== trackName) await me.unpublishTrack(mic.track);
      await me.setMicrophoneEnabled(true, undefined, { name: trackName, source: Track.Source.Microphone });
    });

  const mute = () => run(() => me.setMicrophoneEnabled(false));

  /** Leaves `language` for another channel: its track and claim go. */
  const leaveChannel = () =>
    run(async () => {
      const mic = me.getTrackPublication(Track.Source.Microphone);
      if (mic?.track) await me.unpublishTrack(mic.track);
      if (me.attributes[boothAttribute(language)]) await me.setAttributes({ [boothAttribute(language)]: "" });
    });

  return { live, published, holder, pending, failed, goLive, mute, leaveChannel, self: me.identity };
}
