"use client";
// Inside a meeting's room: both people's cameras (and a shared screen, shown first), the room's
// audio, and one bar with microphone, camera, screen, chat and leave. On a phone the chat covers
// the tiles when open; every control is a labelled button reachable by keyboard.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RoomAudioRenderer, StartAudio, useLocalParticipant, useTracks } from "@livekit/components-react";
import { Track } from "livekit-client";
import { barButton } from "@/components/room/bar-button";
import { Icon, type IconName } from "@/components/room/icons";
import { ParticipantTile } from "@/components/room/participant-tile";
import { MeetingChat } from "./meeting-chat";

function Button({ icon, label, onClick, on, danger, testId, expanded }: { icon: IconName; label: string; onClick: () => void; on?: boolean; danger?: boolean; testId: string; expanded?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={expanded === undefined && !danger ? on : undefined}
      aria-expanded={expanded}
      title={label}
      className={barButton(on || expanded, danger)}
      data-testid={testId}
    >
      <Icon name={icon} />
      <span>{label}</span>
    </button>
  );
}

export function MeetingRoomView({ title, onLeave }: { title: string; onLeave: () => void }) {
  const t = useTranslations("room.toolbar");
  const tabs = useTranslations("room.tabs");
  const room = useTranslations("room");
  const [chat, setChat] = useState(false);
  const [pinned, setPinned] = useState<string | null>(null);
  const { localParticipant: me, isMicrophoneEnabled, isCameraEnabled, isScreenShareEnabled } = useLocalParticipant();
  const tracks = useTracks(
    [
      { source: Track.Source.ScreenShare, withPlaceholder: false },
      { source: Track.Source.Camera, withPlaceholder: true },
    ],
    { onlySubscribed: false },
  );
  const key = (r: (typeof tracks)[number]) => `${r.participant.identity}:${r.source}`;
  const ordered = pinned ? [...tracks.filter((r) => key(r) === pinned), ...tracks.filter((r) => key(r) !== pinned)] : tracks;
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="room">
      <header className="flex shrink-0 items-center gap-3 border-b border-slate-800 px-3 py-2">
        <h1 className="min-w-0 truncate font-semibold">{title}</h1>
      </header>
      <div className="relative flex min-h-0 flex-1">
        <div className="grid min-h-0 flex-1 auto-rows-fr gap-2 overflow-y-auto p-2 sm:grid-cols-2">
          {ordered.map((r) => (
            <div key={key(r)} className={pinned === key(r) ? "sm:col-span-2" : ""}>
              <ParticipantTile
                participant={r.participant}
                source={r.source === Track.Source.ScreenShare ? "screen" : "camera"}
                size={pinned === key(r) ? "main" : "grid"}
                pinned={pinned === key(r)}
                onPin={() => setPinned((p) => (p === key(r) ? null : key(r)))}
              />
            </div>
          ))}
        </div>
        {chat && (
          <aside className="absolute inset-0 flex flex-col sm:static sm:w-80 sm:border-l sm:border-slate-800">
            <MeetingChat id="meeting-chat" />
          </aside>
        )}
      </div>
      <RoomAudioRenderer />
      <StartAudio label={room("startAudio")} className="fixed bottom-24 left-1/2 z-50 -translate-x-1/2 rounded bg-sky-700 px-3 py-2 text-white" />
      <div role="toolbar" aria-label={t("label")} className="flex shrink-0 flex-wrap items-center justify-center gap-1.5 border-t border-slate-800 bg-slate-950 px-2 py-2" data-testid="room-toolbar">
        <Button
          icon={isMicrophoneEnabled ? "mic" : "micOff"}
          label={isMicrophoneEnabled ? t("micOn") : t("micOff")}
          on={isMicrophoneEnabled}
          onClick={() => void me.setMicrophoneEnabled(!isMicrophoneEnabled)}
          testId="mic-toggle"
        />
        <Button
          icon={isCameraEnabled ? "camera" : "cameraOff"}
          label={isCameraEnabled ? t("cameraOn") : t("cameraOff")}
          on={isCameraEnabled}
          onClick={() => void me.setCameraEnabled(!isCameraEnabled)}
          testId="camera-toggle"
        />
        <Button
          icon="screen"
          label={isScreenShareEnabled ? t("stopSharing") : t("shareScreen")}
          on={isScreenShareEnabled}
          onClick={() => void me.setScreenShareEnabled(!isScreenShareEnabled).catch(() => {})}
          testId="share-toggle"
        />
        <Button icon="chat" label={tabs("chat")} expanded={chat} onClick={() => setChat((c) => !c)} testId="panel-chat" />
        <Button icon="leave" label={t("leave")} danger onClick={onLeave} testId="leave" />
      </div>
    </div>
  );
}
