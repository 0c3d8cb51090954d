"use client";
// The recorder's connection to a forum's stage, as LiveKit Egress sets it up: the server URL and a
// hidden, subscribe-only token from the query string Egress appends. Nothing is subscribed by
// default; `wants` decides each publication, so a track the recording must not carry (an
// interpreter's voice on the stage, the floor on a channel) never reaches this page at all. It is
// decided again whenever someone's attributes change (who is on duty in a booth moves with them).
import { useEffect, useState } from "react";
import EgressHelper from "@livekit/egress-sdk";
import { Room, RoomEvent, type RemoteParticipant, type RemoteTrackPublication } from "livekit-client";
import { peopleAndTracks, subscriptions } from "@/components/room/room-events";

export type EgressPhase = "connecting" | "connected" | "missingParams" | "unreachable" | "ended";

const rerenderOn = [...peopleAndTracks, ...subscriptions, RoomEvent.ActiveSpeakersChanged];

/** The server URL and token Egress appends to the page's address, or null when they are missing. */
function egressParams(): { url: string; token: string } | null {
  try {
    return { url: EgressHelper.getLiveKitURL(), token: EgressHelper.getAccessToken() };
  } catch {
    return null;
  }
}

/** Whether the recording carries `pub`, published by `participant`, in `room` as it is now. */
export type Wants = (pub: RemoteTrackPublication, participant: RemoteParticipant, room: Room) => boolean;

function applyWant(room: Room, pub: RemoteTrackPublication, participant: RemoteParticipant, wants: Wants) {
  const wanted = wants(pub, participant, room);
  if (pub.isDesired !== wanted) pub.setSubscribed(wanted);
}

function applyWants(room: Room, wants: Wants) {
  for (const participant of room.remoteParticipants.values()) {
    for (const pub of participant.trackPublications.values()) applyWant(room, pub, participant, wants);
  }
}

/** Connects once per page, and re-renders its caller whenever what the room shows may have changed. */
export function useEgressRoom(wants: Wants) {
  // A recorder only watches: every layer at full quality (no adaptive stream), nothing published.
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  // Rendered in the browser only (the loader skips SSR), so the address is there from the start.
  const [params] = useState(egressParams);
  const [phase, setPhase] = useState<EgressPhase>(params ? "connecting" : "missingParams");
  const [, setVersion] = useState(0);

  useEffect(() => {
    if (!params) return;
    let active = true;
    const bump = () => setVersion((v) => v + 1);
    const decide = (pub: RemoteTrackPublication, participant: RemoteParticipant) => applyWant(room, pub, participant, wants);
    // A full reconnect brings the participants back as new publications, and a handover moves a
    // booth from one interpreter to another: decide them all again.
    const redecide = () => {
      applyWants(room, wants);
      bump();
    };
    const onDisconnected = () => active && setPhase("ended");
    for (const event of rerenderOn) room.on(event, bump);
    room.on(RoomEvent.TrackPublished, decide).on(RoomEvent.Reconnected, redecide).on(RoomEvent.ParticipantAttributesChanged, redecide).on(RoomEvent.Disconnected, onDisconnected);
    // Egress may switch layouts (UpdateLayout); this page draws one layout, and the SDK calls
    // this callback unguarded, so it must exist before setRoom.
    EgressHelper.onLayoutChanged(() => {});
    room
      .connect(params.url, params.token, { autoSubscribe: false })
      .then(() => {
        if (!active) return;
        EgressHelper.setRoom(room);
        applyWants(room, wants);
        setPhase("connected");
        bump();
      })
      .catch(() => active && setPhase("unreachable"));
    return () => {
      active = false;
      for (const event of rerenderOn) room.off(event, bump);
      room.off(RoomEvent.TrackPublished, decide).off(RoomEvent.Reconnected, redecide).off(RoomEvent.ParticipantAttributesChanged, redecide).off(RoomEvent.Disconnected, onDisconnected);
      void room.disconnect();
    };
  }, [room, params, wants]);

  return { room, phase };
}
