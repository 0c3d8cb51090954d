"use client";
// What the viewer may do with their own media and requests now, and doing it: one place for the
// control bar and the keyboard shortcuts. The role is the one the server last wrote into the room
// (it may change while the viewer is in it); rights are LiveKit's, so a button shows only when
// pressing it can work.
import { useLocalParticipant, useLocalParticipantPermissions, useParticipantAttributes } from "@livekit/components-react";
import { Track } from "livekit-client";
import { mayRaiseHand } from "@/lib/rooms/grants";
import { HAND_ATTRIBUTE, readAttributes, SHARE_REQUEST_ATTRIBUTE } from "./attributes";
import { useRoomInfo } from "./room-info";

/** The viewer's own media changes go through `ownToggle`, so that their own mute is told from an organizer's. */
export type OwnToggle = (source: Track.Source, enable: boolean, run: () => Promise<unknown>) => void;

export function useOwnControls(ownToggle: OwnToggle) {
  const { viewer } = useRoomInfo();
  const permissions = useLocalParticipantPermissions();
  const { localParticipant: me, isMicrophoneEnabled, isCameraEnabled, isScreenShareEnabled } = useLocalParticipant();
  const { attributes } = useParticipantAttributes({ participant: me });
  const canPublish = !!permissions?.canPublish;
  const sources = (permissions?.canPublishSources ?? []).map(Track.sourceFromProto);
  const may = (s: Track.Source) => canPublish && (sources.length === 0 || sources.includes(s));
  const role = readAttributes(attributes).role ?? viewer.role;
  const asks = mayRaiseHand(role);
  return {
    role,
    canPublish,
    mic: {
      allowed: may(Track.Source.Microphone) && role !== "interpreter",
      on: isMicrophoneEnabled,
      toggle: () => ownToggle(Track.Source.Microphone, !isMicrophoneEnabled, () => me.setMicrophoneEnabled(!isMicrophoneEnabled)),
    },
    camera: { allowed: may(Track.Source.Camera), on: isCameraEnabled, toggle: () => ownToggle(Track.Source.Camera, !isCameraEnabled, () => me.setCameraEnabled(!isCameraEnabled)) },
    share: {
      allowed: may(Track.Source.ScreenShare),
      on: isScreenShareEnabled,
      toggle: () => ownToggle(Track.Source.ScreenShare, !isScreenShareEnabled, () => me.setScreenShareEnabled(!isScreenShareEnabled)),
    },
    /** A delegate without the floor raises a hand; one without a screen asks for it. */
    hand: { allowed: asks && !may(Track.Source.Microphone), up: !!attributes?.[HAND_ATTRIBUTE] },
    shareRequest: { allowed: asks && !may(Track.Source.ScreenShare), up: !!attributes?.[SHARE_REQUEST_ATTRIBUTE] },
  };
}

export type OwnControls = ReturnType<typeof useOwnControls>;
