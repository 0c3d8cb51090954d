"use client";
// Everyone in the room (the viewer first), re-read whenever something the participants list shows
// changes: arrivals, names, attributes (hands), permissions, tracks and their mute state.
import { useParticipants } from "@livekit/components-react";
import { RoomEvent } from "livekit-client";

const events = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantNameChanged,
  RoomEvent.ParticipantAttributesChanged,
  RoomEvent.ParticipantMetadataChanged,
  RoomEvent.ParticipantPermissionsChanged,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
];

export function useRoomPeople() {
  return useParticipants({ updateOnlyOn: events });
}
