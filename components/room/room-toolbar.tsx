"use client";
// The viewer's own controls: microphone, camera and screen (when their grant allows publishing),
// raise hand (listeners), and leave.
import { useTranslations } from "next-intl";
import { useLocalParticipant, useLocalParticipantPermissions } from "@livekit/components-react";
import { Track } from "livekit-client";
import type { ReactNode } from "react";
import { HandButton } from "./hand-button";
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
  return (
    <div role="toolbar" aria-label={t("label")} className="flex flex-wrap items-center gap-2" data-testid="room-toolbar">
      {may(Track.Source.Microphone) && viewer.role !== "interpreter" && (
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
      {!viewer.isOrganizer && viewer.role !== "speaker" && <HandButton />}
      {extra}
      <button type="button" onClick={onLeave} className="ml-auto rounded bg-red-800 px-3 py-2 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700" data-testid="leave">
        {t("leave")}
      </button>
    </div>
  );
}
