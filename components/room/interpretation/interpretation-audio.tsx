"use client";
// The room's audio with interpretation: in place of <RoomAudioRenderer />, every remote audio track
// plays at the volume the mix plan gives it; interpretation channels nobody here listens to, and
// tracks that are no channel of the server's (lib/rooms/interpretation.ts, audioKind), are
// unsubscribed. The hidden list names each track's state for tests and debugging.
import { useEffect, useMemo } from "react";
import { AudioTrack } from "@livekit/components-react";
import { classifyAudio, mixPlan } from "@/lib/rooms/interpretation";
import { useInterpretationRoom } from "./use-interpretation-room";
import { useListening } from "./use-listening";

export function InterpretationAudio() {
  const room = useInterpretationRoom();
  const { channel } = useListening(room);
  const plan = useMemo(() => mixPlan(room.publications, room.people, channel), [room.publications, room.people, channel]);

  const kinds = useMemo(() => classifyAudio(room.publications, room.people), [room.publications, room.people]);
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
        const kind = kinds.get(publication.trackSid);
        const channel = kind?.kind === "channel" ? kind.language : kind?.kind === "ignored" ? "ignored" : "floor";
        return (
          <div key={publication.trackSid} data-testid="mix-track" data-channel={channel} data-subscribed={publication.isSubscribed} data-volume={mix?.volume}>
            {playing && <AudioTrack trackRef={{ participant, publication, source: publication.source }} volume={mix.volume} />}
          </div>
        );
      })}
    </div>
  );
}
