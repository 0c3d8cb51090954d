"use client";
// The room's audio with interpretation: in place of <RoomAudioRenderer />, every remote audio track
// plays at the volume the mix plan gives it, and interpretation channels nobody here listens to
// are unsubscribed. The hidden list names each track's state for tests and debugging.
import { useEffect, useMemo } from "react";
import { AudioTrack } from "@livekit/components-react";
import { channelOfTrack, mixPlan } from "@/lib/rooms/interpretation";
import { useInterpretationRoom } from "./use-interpretation-room";
import { useListening } from "./use-listening";

export function InterpretationAudio() {
  const room = useInterpretationRoom();
  const { channel } = useListening(room);
  const plan = useMemo(() => mixPlan(room.publications, channel), [room.publications, channel]);

  useEffect(() => {
    for (const { publication } of room.audio) {
      const mix = plan.get(publication.trackSid);
      if (mix && publication.isDesired !== mix.subscribed) publication.setSubscribed(mix.subscribed);
    }
  }, [room.audio, plan]);

  return (
    <div hidden data-testid="interpretation-mix" data-channel={channel}>
      {room.audio.map(({ participant, publication }) => {
        const mix = plan.get(publication.trackSid);
        const playing = !!mix?.subscribed && publication.isSubscribed && !!publication.track;
        return (
          <div key={publication.trackSid} data-testid="mix-track" data-channel={channelOfTrack(publication.trackName) ?? "floor"} data-subscribed={publication.isSubscribed} data-volume={mix?.volume}>
            {playing && <AudioTrack trackRef={{ participant, publication, source: publication.source }} volume={mix.volume} />}
          </div>
        );
      })}
    </div>
  );
}
