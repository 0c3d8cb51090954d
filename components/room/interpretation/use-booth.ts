"use client";
// One interpreter's booth: their voice goes out as the microphone track `interpretation:<lang>`.
// Going live asks the server to put them on duty (it stamps the claim `booth.<lang>` with its own
// clock and mutes the partner who held the channel), then unmutes; a newer claim by a partner
// mutes them, by the server and by this client too, so one voice is live per channel.
import { useCallback, useEffect, useState } from "react";
import { useRoomContext } from "@livekit/components-react";
import { Track } from "livekit-client";
import { boothAttribute, boothClaims, boothHolder, interpretationTrackName, mustYield } from "@/lib/rooms/interpretation";
import { leaveBoothAction, takeBoothAction, type StampedResult } from "@/lib/rooms/participant-actions";
import type { Locale } from "@/lib/i18n/routing";
import { useRoomInfo } from "../room-info";
import { heardServerClock } from "../use-now";
import type { InterpretationSnapshot } from "./use-interpretation-room";

/** Runs a server action; its error key becomes an Error, its clock refines the room's estimate. */
async function ask(action: () => Promise<StampedResult>) {
  const sentAt = Date.now();
  const result = await action();
  if (!result.ok) throw new Error(result.error);
  heardServerClock(sentAt, result.data.serverNow);
}

export function useBooth(room: InterpretationSnapshot, language: Locale) {
  const me = useRoomContext().localParticipant;
  const { sessionId, breakoutId } = useRoomInfo();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
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
      setFailed(null);
    } catch (err) {
      setFailed(err instanceof Error && /^[a-zA-Z]+$/.test(err.message) ? err.message : "microphone");
    } finally {
      setPending(false);
    }
  }, []);

  const goLive = () =>
    run(async () => {
      // Unmuting one's own channel again is no handover: the server keeps the holder's stamp.
      if (holder?.identity !== me.identity) await ask(() => takeBoothAction(sessionId, language, breakoutId));
      // A microphone published under another name (another channel) cannot be renamed.
      const mic = me.getTrackPublication(Track.Source.Microphone);
      if (mic?.track && mic.trackName !== trackName) await me.unpublishTrack(mic.track);
      await me.setMicrophoneEnabled(true, undefined, { name: trackName, source: Track.Source.Microphone });
    });

  const mute = () => run(() => me.setMicrophoneEnabled(false));

  /** Leaves `language` for another channel: its track goes, and the server drops the claim. */
  const leaveChannel = () =>
    run(async () => {
      const mic = me.getTrackPublication(Track.Source.Microphone);
      if (mic?.track) await me.unpublishTrack(mic.track);
      if (me.attributes[boothAttribute(language)]) await ask(() => leaveBoothAction(sessionId, language, breakoutId));
    });

  return { live, published, holder, pending, failed, goLive, mute, leaveChannel, self: me.identity };
}
