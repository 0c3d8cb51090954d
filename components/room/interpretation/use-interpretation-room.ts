"use client";
// The room as the interpretation rules see it: every remote audio publication, everyone's
// attributes (booth claims, roles) and the viewer's own microphone, re-read on each change.
import { useEffect, useState } from "react";
import { useRoomContext } from "@livekit/components-react";
import { RoomEvent, Track, type RemoteParticipant, type RemoteTrackPublication, type Room } from "livekit-client";
import type { AudioPublication } from "@/lib/rooms/interpretation";
import { ownTracks, peopleAndTracks, subscriptions } from "../room-events";

export interface RemoteAudio {
  plain: AudioPublication;
  participant: RemoteParticipant;
  publication: RemoteTrackPublication;
}

export interface Person {
  identity: string;
  name: string;
  attributes: Record<string, string>;
  isLocal: boolean;
}

export interface InterpretationSnapshot {
  audio: RemoteAudio[];
  publications: AudioPublication[];
  people: Person[];
  /** The viewer's own microphone track, if published. */
  ownMic: { trackName: string; muted: boolean } | null;
}

const events = [...peopleAndTracks, ...subscriptions, RoomEvent.TrackSubscriptionStatusChanged, ...ownTracks, RoomEvent.Reconnected];

function snapshot(room: Room): InterpretationSnapshot {
  const audio: RemoteAudio[] = [];
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.audioTrackPublications.values()) {
      const plain = { trackSid: publication.trackSid, participantIdentity: participant.identity, trackName: publication.trackName, muted: publication.isMuted };
      audio.push({ plain, participant, publication });
    }
  }
  const me = room.localParticipant;
  const mic = me.getTrackPublication(Track.Source.Microphone);
  const people = [me, ...room.remoteParticipants.values()].map((p) => ({ identity: p.identity, name: p.name || p.identity, attributes: { ...p.attributes }, isLocal: p === me }));
  return { audio, publications: audio.map((a) => a.plain), people, ownMic: mic ? { trackName: mic.trackName, muted: mic.isMuted } : null };
}

export function useInterpretationRoom(): InterpretationSnapshot {
  const room = useRoomContext();
  const [state, setState] = useState(() => snapshot(room));
  useEffect(() => {
    const update = () => setState(snapshot(room));
    for (const e of events) room.on(e, update);
    update();
    return () => {
      for (const e of events) room.off(e, update);
    };
  }, [room]);
  return state;
}
