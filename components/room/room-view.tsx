"use client";
// The room once connected, filling the window: a top bar (forum, session, clock, recording),
// the stage (with the question being answered now and the live captions over it), one side panel
// at a time (chat, Q&A, polls, people, language, transcript, agenda, settings) beside it on a wide screen and over it on a phone,
// and the control bar pinned to the bottom (in a breakout room, its name, messages and countdown
// over the stage). Alerts (a raised hand for organizers, new messages)
// show as a badge, a toast and a spoken announcement.
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { RoomAudioRenderer, StartAudio, useRoomContext } from "@livekit/components-react";
import type { Track } from "livekit-client";
import { AgendaPanel } from "./agenda-panel";
import { CaptionsOverlay } from "@/components/captions/captions-overlay";
import { useCaptions } from "@/components/captions/use-captions";
import { speakerOf } from "@/components/captions/speaker";
import type { CaptionLine } from "@/lib/captions/lines";
import { TranscriptPanel } from "./captions/transcript-panel";
import { useCaptionChannel } from "./captions/use-caption-channel";
import { useCaptionHistory } from "./captions/use-caption-history";
import { BackstagePanel } from "./backstage/backstage-panel";
import { BreakoutBar } from "./breakouts/breakout-bar";
import { BreakoutPanel } from "./breakouts/breakout-panel";
import { ChatPanel } from "./chat-panel";
import { ControlBar, type PanelId } from "./control-bar";
import { EndWarning } from "./end-warning";
import { PollsPanel } from "@/components/polls/polls-panel";
import { usePolls } from "@/components/polls/use-polls";
import { PinnedQuestion, pinnedOf } from "@/components/qa/pinned-question";
import { QaPanel } from "@/components/qa/qa-panel";
import { useQuestions } from "@/components/qa/use-questions";
import { Icon } from "./icons";
import { InterpretationAudio } from "./interpretation/interpretation-audio";
import { InterpretationPanel } from "./interpretation/interpretation-panel";
import { LobbyAlert } from "./lobby/lobby-alert";
import { LobbyPanel } from "./lobby/lobby-panel";
import { useLobby } from "./lobby/use-lobby";
import { ParticipantsPanel } from "./participants-panel";
import { RecordingButton } from "./recording-button";
import { RoomAlerts } from "./room-alerts";
import { useRoomInfo } from "./room-info";
import type { RoomLayoutMode, TileRef } from "./room-layout";
import { RoomNotices } from "./room-notices";
import { RoomTopBar } from "./room-top-bar";
import { SettingsPanel } from "./settings-panel";
import { Stage } from "./stage";
import { useAlerts } from "./use-alerts";
import { useNow } from "./use-now";
import { useOwnControls } from "./use-own-controls";
import { useRoomAction } from "./use-room-action";
import { useRoomChat } from "./use-room-chat";
import { useRoomShortcuts } from "./use-room-shortcuts";
import { useStoredChoice } from "./interpretation/use-stored-choice";
import type { NetworkState } from "./use-room-connection";

export interface RoomMoves {
  /** The breakout room the client is in, or null on the stage. */
  breakout: string | null;
  onBreakout: (breakoutId: string) => void;
  onStage: () => void;
}

export function RoomView({ network, onLeave, onClosed, onBackstage, moves }: { network: NetworkState; onLeave: () => void; onClosed: () => void; onBackstage: () => void; moves: RoomMoves }) {
  const t = useTranslations("room");
  const now = useNow();
  const { viewer, languages, sessionId, forumId } = useRoomInfo();
  const lobby = useLobby(forumId, viewer.isOrganizer);
  // Interpretation channels exist when the event has more than one language.
  const hasLanguage = languages.length > 1;
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
  const own = useOwnControls(ownToggle);
  const requests = useRoomAction();
  const chat = useRoomChat();
  const questions = useQuestions(sessionId);
  const polls = usePolls(sessionId, questions.list?.eventSlug ?? null);
  const lkRoom = useRoomContext();
  const captions = useCaptions(lkRoom, useCaptionHistory(sessionId));
  const speakerName = useCallback((l: CaptionLine) => speakerOf(lkRoom, l), [lkRoom]);
  const channelNames = useTranslations("interpretation.channels");
  const captionChannel = useCaptionChannel(hasLanguage);
  const [panel, setPanel] = useState<PanelId | null>(null);
  const [storedLayout, storeLayout] = useStoredChoice("plenary.room.layout");
  const layout: RoomLayoutMode = storedLayout === "gallery" ? "gallery" : "speaker";
  const [pinned, setPinned] = useState<TileRef | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const alerts = useAlerts(chat.messages, panel, now);
  const togglePanel = useCallback((id: PanelId) => setPanel((p) => (p === id ? null : id)), []);
  const toggleLayout = useCallback(() => storeLayout(layout === "speaker" ? "gallery" : "speaker"), [layout, storeLayout]);
  const fullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void stageRef.current?.requestFullscreen?.();
  }, []);
  useRoomShortcuts({ own, requests, togglePanel, toggleLayout, fullscreen, hasLanguage });

  const panels: { id: PanelId; content: ReactNode }[] = [
    { id: "chat", content: <ChatPanel chat={chat} /> },
    { id: "qa", content: <QaPanel qa={questions} /> },
    { id: "polls", content: <PollsPanel polls={polls} /> },
    {
      id: "people",
      content: (
        <div className="space-y-3">
          {viewer.isOrganizer && <LobbyPanel lobby={lobby} />}
          {viewer.isOrganizer && <BreakoutPanel breakout={moves.breakout} onVisit={moves.onBreakout} onStage={moves.onStage} />}
          {viewer.isOrganizer && <BackstagePanel onGoBackstage={onBackstage} />}
          <ParticipantsPanel />
        </div>
      ),
    },
    ...(hasLanguage ? [{ id: "language" as const, content: <InterpretationPanel /> }] : []),
    ...(captions.available ? [{ id: "transcript" as const, content: <TranscriptPanel lines={captions.lines} channel={captionChannel} nameOf={speakerName} /> }] : []),
    { id: "agenda", content: <AgendaPanel now={now} /> },
    { id: "settings", content: <SettingsPanel sound={alerts.sound} captions={captions} /> },
  ];
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="room">
      <RoomTopBar now={now} />
      <div className="relative flex min-h-0 flex-1">
        <div ref={stageRef} className="relative min-h-0 min-w-0 flex-1 bg-slate-950">
          <Stage layout={layout} pinned={pinned} onPin={setPinned} />
          <CaptionsOverlay captions={captions} channel={captionChannel} channelLabel={channelNames(captionChannel)} />
          <button
            type="button"
            onClick={fullscreen}
            aria-keyshortcuts="Alt+F"
            className="absolute left-3 top-3 z-10 rounded bg-slate-950/75 p-1.5 focus-visible:outline-2 focus-visible:outline-sky-300"
            data-testid="fullscreen"
          >
            <Icon name="fullscreen" className="h-4 w-4" />
            <span className="sr-only">{t("stage.fullscreen")}</span>
          </button>
          <div className="pointer-events-none absolute inset-x-2 top-2 z-20 flex flex-col items-center gap-2 [&>*]:pointer-events-auto">
            <RoomNotices network={network} isSelfMuting={isSelfMuting} />
            <BreakoutBar breakout={moves.breakout} now={now} onBreakout={moves.onBreakout} onStage={moves.onStage} />
            <EndWarning now={now} onClosed={onClosed} />
            <RoomAlerts alerts={alerts} onOpen={(id) => setPanel(id)} />
            <LobbyAlert waiting={lobby.waiting} hidden={panel === "people"} onOpen={() => setPanel("people")} />
            <PinnedQuestion question={pinnedOf(questions.list)} />
          </div>
        </div>
        <aside
          id="room-panel"
          aria-label={panel ? t(`tabs.${panel}`) : t("tabs.label")}
          hidden={!panel}
          className="absolute inset-0 z-30 flex min-h-0 flex-col bg-white text-slate-900 lg:static lg:w-96 lg:border-l lg:border-slate-700"
          data-testid="side-panel"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
            <h2 className="font-semibold">{panel ? t(`tabs.${panel}`) : ""}</h2>
            <button type="button" onClick={() => setPanel(null)} className="rounded p-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700" data-testid="close-panel">
              <Icon name="close" />
              <span className="sr-only">{t("closePanel")}</span>
            </button>
          </div>
          {/* Every panel stays mounted, so the chat keeps its box and the booth its state. */}
          {panels.map((p) => (
            <div key={p.id} role="region" aria-label={t(`tabs.${p.id}`)} hidden={panel !== p.id} className="min-h-0 flex-1 overflow-y-auto p-3" data-testid={`panel-content-${p.id}`}>
              {p.content}
            </div>
          ))}
        </aside>
      </div>
      <ControlBar
        own={own}
        requests={requests}
        panel={panel}
        togglePanel={togglePanel}
        layout={layout}
        toggleLayout={toggleLayout}
        onLeave={onLeave}
        badges={{ chat: alerts.unreadChat, people: alerts.waiting + lobby.waiting }}
        hasLanguage={hasLanguage}
        record={viewer.isOrganizer ? <RecordingButton /> : null}
        captions={captions.available ? { shown: captions.shown, toggle: () => captions.setShown(!captions.shown) } : undefined}
      />
      {/* Every remote audio track at the volume the interpretation mix gives it. */}
      {hasLanguage ? <InterpretationAudio /> : <RoomAudioRenderer />}
      <StartAudio label={t("startAudio")} className="fixed bottom-24 left-1/2 z-50 -translate-x-1/2 rounded bg-sky-700 px-3 py-2 text-white" />
    </div>
  );
}
