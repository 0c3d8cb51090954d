// The LiveKit room events that views of "who is here and what they publish" re-read on, shared by
// the participants list, the interpretation mix and the recording layout.
import { RoomEvent } from "livekit-client";

/** Arrivals and leaves, names and attributes (hands, roles), published tracks and their mute state. */
export const peopleAndTracks = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantNameChanged,
  RoomEvent.ParticipantAttributesChanged,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
] as const;

/** What this participant receives. */
export const subscriptions = [RoomEvent.TrackSubscribed, RoomEvent.TrackUnsubscribed] as const;

/** What this participant publishes. */
export const ownTracks = [RoomEvent.LocalTrackPublished, RoomEvent.LocalTrackUnpublished] as const;
