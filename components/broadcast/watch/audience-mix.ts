// What the audience's WebRTC player receives and how loud: the stage's picture as the recording
// shows it (no interpreter, nothing named for a channel), and the audio the room's own rules give a
// listener of `chosen` (lib/rooms/interpretation.ts: only the on-duty booth holder's
// `interpretation:<lang>` track counts, the floor ducked under a live channel, other channels never
// subscribed).
import { Track, type RemoteParticipant, type RemoteTrackPublication, type Room } from "livekit-client";
import { isFloorTrack } from "@/components/recordings/egress/stage-people";
import { mixPlan, type AudioPublication, type Channel, type TrackMix } from "@/lib/rooms/interpretation";

export function roomAudio(room: Room): AudioPublication[] {
  return [...room.remoteParticipants.values()].flatMap((p) =>
    [...p.audioTrackPublications.values()].map((pub) => ({ trackSid: pub.trackSid, participantIdentity: p.identity, trackName: pub.trackName, muted: pub.isMuted })),
  );
}

export function audiencePlan(room: Room, chosen: Channel): Map<string, TrackMix> {
  return mixPlan(roomAudio(room), [...room.remoteParticipants.values()], chosen);
}

/** The subscription rule for `chosen`, in the shape useSubscriberRoom asks for. */
export function audienceWants(chosen: Channel) {
  return (pub: RemoteTrackPublication, participant: RemoteParticipant, room: Room): boolean => {
    if (pub.kind !== Track.Kind.Audio) return isFloorTrack(pub, participant);
    return audiencePlan(room, chosen).get(pub.trackSid)?.subscribed ?? false;
  };
}
