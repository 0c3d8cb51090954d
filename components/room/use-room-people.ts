"use client";
// Everyone in the room (the viewer first), re-read whenever something the participants list shows
// changes: arrivals, names, attributes (hands), permissions, tracks and their mute state. Agents
// (the captions worker) are services of the room, not people in it.
import { useParticipants } from "@livekit/components-react";
import { RoomEvent } from "livekit-client";
import { ownTracks, peopleAndTracks } from "./room-events";

const events = [...peopleAndTracks, RoomEvent.ParticipantMetadataChanged, RoomEvent.ParticipantPermissionsChanged, ...ownTracks];

export function useRoomPeople() {
  return withoutAgents(useParticipants({ updateOnlyOn: events }));
}

export function withoutAgents<P extends { isAgent: boolean }>(participants: P[]): P[] {
  return participants.some((p) => p.isAgent) ? participants.filter((p) => !p.isAgent) : participants;
}
