"use client";
// The viewer's own controls: microphone, camera and screen (when their grant allows publishing),
// raise a hand and ask to share a screen (delegates, until an organizer gives them that), and leave.
import { useTranslations } from "next-intl";
import { useLocalParticipant, useLocalParticipantPermissions, useParticipantAttributes } from "@livekit/components-react";
import { Track } from "livekit-client";
import type { ReactNode } from "react";
import { mayRaiseHand } from "@/lib/rooms/grants";
import { readAttributes } from "./attributes";
import { HandButton, ShareRequestButton } from "./hand-button";
import { useRoomInfo } from "./room-info";
import { toolbarButton } from "./toolbar-button";

/** The viewer's own media changes go through `ownToggle`, so that their own mute is told from an organizer's. */
export type OwnToggle = (source: Track.Source, enable: boolean, run: () => Promise<unknown>) => void;

export function RoomToolbar({ onLeave, ownToggle, extra }: { onLeave: () => void; ownToggle: OwnToggle; extra?: ReactNode }) {
  const t = useTranslations("room.toolbar");
  const { viewer } = useRoomInfo();
  const permissions = useLocalParticipantPermissions();
  const { localParticipant, isMicrophoneEnabled, isCameraEnabled, isScreenShareEnabled } = useLocalParticipant();
  const canPublish = !!permissions?.canPublish;
  const sources = (permissions?.canPublishSources ?? []).map(Track.sourceFromProto);
  const may = (s: Track.Source) => canPublish && (sources.length === 0 || sources.includes(s));
  // The role as the server last wrote it into the room (it may change while the viewer is in it).
  const { attributes } = useParticipantAttributes({ participant: localParticipant });
  const role = readAttributes(attributes).role ?? viewer.role;
  const asks = mayRaiseHand(role);
  return (
    <div role="toolbar" aria-label={t("label")} className="flex flex-wrap items-center gap-2" data-testid="room-toolbar">
      {may(Track.Source.Microphone) && role !== "interpreter" && (
        <button type="button" aria-pressed={isMicrophoneEnabled} className={toolbarButton(isMicrophoneEnabled)} onClick={() => ownToggle(Track.Source.Microphone, !isMicrophoneEnabled, () => localParticipant.setMicrophoneEnabled(!isMicrophoneEnabled))} data-testid="mic-toggle">
          {isMicrophoneEnabled ? t("micOn") : t("micOff")}
        </button>
      )}
      {may(Track.Source.Camera) && (
        <button type="button" aria-pressed={isCameraEnabled} className={toolbarButton(isCameraEnabled)} onClick={() => ownToggle(Track.Source.Camera, !isCameraEnabled, () => localParticipant.setCameraEnabled(!isCameraEnabled))} data-testid="camera-toggle">
          {isCameraEnabled ? t("cameraOn") : t("cameraOff")}
        </button>
      )}
      {may(Track.Source.ScreenShare) && (
        <button type="button" aria-pressed={isScreenShareEnabled} className={toolbarButton(isScreenShareEnabled)} onClick={() => ownToggle(Track.Source.ScreenShare, !isScreenShareEnabled, () => localParticipant.setScreenShareEnabled(!isScreenShareEnabled))}>
          {isScreenShareEnabled ? t("stopSharing") : t("shareScreen")}
        </button>
      )}
      {!canPublish && <span className="text-sm text-slate-700" data-testid="listening">{t("listening")}</span>}
      {asks && !may(Track.Source.Microphone) && <HandButton />}
      {asks && !may(Track.Source.ScreenShare) && <ShareRequestButton />}
      {extra}
      <button type="button" onClick={onLeave} className="ml-auto rounded bg-red-800 px-3 py-2 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700" data-testid="leave">
        {t("leave")}
      </button>
    </div>
  );
}
