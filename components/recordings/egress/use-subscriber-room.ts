"use client";
// A subscribe-only connection to a forum's stage, shared by the recorder (Egress's page) and the
// audience's WebRTC player. Nothing is subscribed by default; `wants` decides each publication, so
// a track that must not be heard (an interpreter's voice on the stage, the floor on a channel)
// never reaches the page at all. It is decided again whenever someone's attributes change (who is
// on duty in a booth moves with them) and whenever the caller's `wants` changes (a listener picks
// another channel), without reconnecting.
import { useEffect, useRef, useState } from "react";
import { Room, RoomEvent, type RemoteParticipant, type RemoteTrackPublication } from "livekit-client";
import { peopleAndTracks, subscriptions } from "@/components/room/room-events";

export type SubscriberPhase = "connecting" | "connected" | "unreachable" | "ended";

const rerenderOn = [...peopleAndTracks, ...subscriptions, RoomEvent.ActiveSpeakersChanged];

/** Whether the page receives `pub`, published by `participant`, in `room` as it is now. */
export type Wants = (pub: RemoteTrackPublication, participant: RemoteParticipant, room: Room) => boolean;

export interface RoomTarget {
  url: string;
  token: string;
}

function applyWant(room: Room, pub: RemoteTrackPublication, participant: RemoteParticipant, wants: Wants) {
  const wanted = wants(pub, participant, room);
  if (pub.isDesired !== wanted) pub.setSubscribed(wanted);
}

function applyWants(room: Room, wants: Wants) {
  for (const participant of room.remoteParticipants.values()) {
    for (const pub of participant.trackPublications.values()) applyWant(room, pub, participant, wants);
  }
}

/** Connects once per target (a new target means a new page or a remount), and re-renders its caller whenever what the room shows may have
 * changed. `onConnected` runs once the room is joined, before the first decisions. */
export function useSubscriberRoom(target: RoomTarget | null, wants: Wants, onConnected?: (room: Room) => void) {
  // A subscriber only watches: every layer chosen by the tiles themselves (no adaptive stream), nothing published.
  const [room] = useState(() => new Room({ adaptiveStream: false, dynacast: false }));
  const [phase, setPhase] = useState<SubscriberPhase>("connecting");
  const [, setVersion] = useState(0);
  const wantsRef = useRef(wants);
  const connectedRef = useRef(onConnected);

  useEffect(() => {
    wantsRef.current = wants;
    connectedRef.current = onConnected;
    if (room.state === "connected") applyWants(room, wants);
  }, [room, wants, onConnected]);

  useEffect(() => {
    if (!target) return;
    let active = true;
    const bump = () => setVersion((v) => v + 1);
    const decide = (pub: RemoteTrackPublication, participant: RemoteParticipant) => applyWant(room, pub, participant, wantsRef.current);
    // A full reconnect brings the participants back as new publications, and a handover moves a
    // booth from one interpreter to another: decide them all again.
    const redecide = () => {
      applyWants(room, wantsRef.current);
      bump();
    };
    const onDisconnected = () => active && setPhase("ended");
    for (const event of rerenderOn) room.on(event, bump);
    room.on(RoomEvent.TrackPublished, decide).on(RoomEvent.Reconnected, redecide).on(RoomEvent.ParticipantAttributesChanged, redecide).on(RoomEvent.Disconnected, onDisconnected);
    room
      .connect(target.url, target.token, { autoSubscribe: false })
      .then(() => {
        if (!active) return;
        connectedRef.current?.(room);
        applyWants(room, wantsRef.current);
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
  }, [room, target]);

  return { room, phase };
}
