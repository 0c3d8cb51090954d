"use client";
// The WebRTC player's sound: every subscribed audio track at the mix's volume times the viewer's.
import { useEffect } from "react";
import type { Room, Track } from "livekit-client";
import { useAttachedTrack } from "@/components/room/use-attached-track";
import type { TrackMix } from "@/lib/rooms/interpretation";

function AudioView({ track, volume, muted, trackName }: { track: Track; volume: number; muted: boolean; trackName: string }) {
  const ref = useAttachedTrack<HTMLAudioElement>(track);
  useEffect(() => {
    if (!ref.current) return;
    ref.current.volume = volume;
    ref.current.muted = muted;
  }, [ref, volume, muted]);
  return <audio ref={ref} autoPlay data-testid="watch-audio" data-track-name={trackName} data-volume={volume} />;
}

export function StageAudio({ room, plan, volume, muted }: { room: Room; plan: ReadonlyMap<string, TrackMix>; volume: number; muted: boolean }) {
  const tracks = [...room.remoteParticipants.values()].flatMap((p) =>
    [...p.audioTrackPublications.values()].flatMap((pub) => (pub.isSubscribed && pub.audioTrack ? [{ pub, track: pub.audioTrack }] : [])),
  );
  return (
    <div hidden>
      {tracks.map(({ pub, track }) => (
        <AudioView key={pub.trackSid} track={track} trackName={pub.trackName} volume={(plan.get(pub.trackSid)?.volume ?? 0) * volume} muted={muted} />
      ))}
    </div>
  );
}
