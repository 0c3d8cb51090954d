"use client";
// The room once connected: notices and the end-of-block warning on top, the stage with the
// viewer's toolbar, and the side panel (agenda, chat, people, and the interpretation slot).
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { RoomAudioRenderer, StartAudio, useChat } from "@livekit/components-react";
import type { Track } from "livekit-client";
import { AgendaPanel } from "./agenda-panel";
import { ChatPanel } from "./chat-panel";
import { EndWarning } from "./end-warning";
import { ParticipantsPanel } from "./participants-panel";
import { RecordingButton } from "./recording-button";
import { useRoomInfo } from "./room-info";
import { RoomNotices } from "./room-notices";
import { RoomToolbar } from "./room-toolbar";
import { SidePanel, type SideTab } from "./side-panel";
import { Stage } from "./stage";
import { useNow } from "./use-now";
import type { NetworkState } from "./use-room-connection";

export interface RoomSlots {
  /** The interpretation controls (channel picker, booth console); shown as their own tab. */
  interpretation?: ReactNode;
  /** Replaces the default playback of every audio track (the interpretation mix needs that). */
  audio?: ReactNode;
}

export function RoomView({ network, onLeave, onClosed, slots }: { network: NetworkState; onLeave: () => void; onClosed: () => void; slots: RoomSlots }) {
  const t = useTranslations("room");
  const now = useNow();
  const { viewer } = useRoomInfo();
  const chat = useChat();
  // The sources the viewer is turning off themselves right now: their mute is not an organizer's.
  const selfMuting = useRef(new Set<Track.Source>());
  const ownToggle = useCallback((source: Track.Source, enable: boolean, run: () => Promise<unknown>) => {
    if (!enable) selfMuting.current.add(source);
    void run()
      .catch(() => {})
      .finally(() => {
        if (!enable) setTimeout(() => selfMuting.current.delete(source), 500);
      });
  }, []);
  const isSelfMuting = useCallback((source: Track.Source) => selfMuting.current.has(source), []);
  const [tab, setTab] = useState("agenda");
  // Messages count as read once the chat tab has been shown with them in it.
  const [read, setRead] = useState(0);
  const received = chat.chatMessages.length;
  const unread = tab === "chat" ? 0 : received - read;
  const select = (id: string) => {
    if (tab === "chat" || id === "chat") setRead(received);
    setTab(id);
  };
  const tabs: SideTab[] = [
    { id: "agenda", label: t("tabs.agenda"), content: <AgendaPanel now={now} /> },
    { id: "chat", label: t("tabs.chat"), badge: unread, content: <ChatPanel messages={chat.chatMessages} send={chat.send} sending={chat.isSending} /> },
    { id: "people", label: t("tabs.people"), content: <ParticipantsPanel /> },
    ...(slots.interpretation ? [{ id: "interpretation", label: t("tabs.interpretation"), content: slots.interpretation }] : []),
  ];
  return (
    <div className="space-y-3" data-testid="room">
      <RoomNotices network={network} isSelfMuting={isSelfMuting} />
      <EndWarning now={now} onClosed={onClosed} />
      <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-2">
          <Stage />
          <RoomToolbar onLeave={onLeave} ownToggle={ownToggle} extra={viewer.isOrganizer ? <RecordingButton /> : null} />
        </div>
        <SidePanel tabs={tabs} label={t("tabs.label")} active={tab} onSelect={select} />
      </div>
      {slots.audio ?? <RoomAudioRenderer />}
      <StartAudio label={t("startAudio")} className="rounded bg-sky-900 px-3 py-2 text-white" />
    </div>
  );
}
