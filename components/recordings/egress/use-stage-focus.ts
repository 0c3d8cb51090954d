"use client";
// The memory the speaker layout needs between renders: who holds the main tile (so it changes
// only when someone else takes the floor) and since when each screen share is up (the latest
// one is shown). Updated from the room's events, read at render.
import { useEffect, useState } from "react";
import { RoomEvent, Track, type Participant, type RemoteTrackPublication, type Room } from "livekit-client";
import { pickFocus } from "./speaker-layout";
import { speakingIdentities, stagePeople } from "./stage-people";

interface StageMemory {
  focus: string | null;
  sharedAt: Record<string, number>;
}

export function useStageFocus(room: Room): StageMemory {
  const [memory, setMemory] = useState<StageMemory>({ focus: null, sharedAt: {} });
  useEffect(() => {
    const refocus = () => setMemory((m) => ({ ...m, focus: pickFocus(stagePeople(room, m.sharedAt), speakingIdentities(room), m.focus) }));
    const onPublished = (pub: RemoteTrackPublication, p: Participant) => {
      if (pub.source === Track.Source.ScreenShare) setMemory((m) => ({ ...m, sharedAt: { ...m.sharedAt, [p.identity]: Date.now() } }));
      refocus();
    };
    const onUnpublished = (pub: RemoteTrackPublication, p: Participant) => {
      if (pub.source === Track.Source.ScreenShare) setMemory(({ sharedAt: { [p.identity]: _gone, ...rest }, focus }) => ({ focus, sharedAt: rest }));
      refocus();
    };
    room.on(RoomEvent.ActiveSpeakersChanged, refocus).on(RoomEvent.ParticipantDisconnected, refocus).on(RoomEvent.Connected, refocus);
    room.on(RoomEvent.TrackPublished, onPublished).on(RoomEvent.TrackUnpublished, onUnpublished);
    return () => {
      room.off(RoomEvent.ActiveSpeakersChanged, refocus).off(RoomEvent.ParticipantDisconnected, refocus).off(RoomEvent.Connected, refocus);
      room.off(RoomEvent.TrackPublished, onPublished).off(RoomEvent.TrackUnpublished, onUnpublished);
    };
  }, [room]);
  return memory;
}
