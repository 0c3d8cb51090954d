"use client";
// Plays every audio track the recorder subscribed to; what it subscribed to (the floor, or one
// interpretation channel) is decided when tracks are published, so this only follows the room.
import type { Room, Track } from "livekit-client";
import { useAttachedTrack } from "@/components/room/use-attached-track";

function AudioView({ track, identity, trackName }: { track: Track; identity: string; trackName: string }) {
  const ref = useAttachedTrack<HTMLAudioElement>(track);
  return <audio ref={ref} autoPlay data-testid="egress-audio" data-identity={identity} data-track-name={trackName} />;
}

export function RoomAudio({ room }: { room: Room }) {
  const tracks = [...room.remoteParticipants.values()].flatMap((p) =>
    [...p.audioTrackPublications.values()].flatMap((pub) => (pub.isSubscribed && pub.audioTrack ? [{ pub, track: pub.audioTrack, identity: p.identity }] : [])),
  );
  return (
    <div hidden>
      {tracks.map(({ pub, track, identity }) => (
        <AudioView key={pub.trackSid} track={track} identity={identity} trackName={pub.trackName} />
      ))}
    </div>
  );
}
