"use client";
// Everyone in the room (the viewer first), re-read whenever something the participants list shows
// changes: arrivals, names, attributes (hands), permissions, tracks and their mute state.
import { useParticipants } from "@livekit/components-react";
import { RoomEvent } from "livekit-client";
import { ownTracks, peopleAndTracks } from "./room-events";

const events = [...peopleAndTracks, RoomEvent.ParticipantMetadataChanged, RoomEvent.ParticipantPermissionsChanged, ...ownTracks];

export function useRoomPeople() {
  return useParticipants({ updateOnlyOn: events });
}
