"use client";
// The room's control bar, pinned to the bottom of the window at every size: the viewer's own
// microphone, camera and screen (when their grant allows), a delegate's raised hand and screen
// request, the panels (chat, Q&A, people, language), the layout, settings, and leave. On a phone
// the less frequent ones (polls, agenda, layout, settings, recording) sit behind "More". Each button says
// what it does in words (icons alone are not names) and carries its keyboard shortcut.
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { barButton } from "./bar-button";
import { HandButton, ShareRequestButton } from "./hand-button";
import { Icon, type IconName } from "./icons";
import type { RoomLayoutMode } from "./room-layout";
import { SHORTCUTS, shortcutLabel, type ShortcutAction } from "./shortcuts";
import type { OwnControls } from "./use-own-controls";
import type { RoomAction } from "./use-room-action";

export type PanelId = "chat" | "qa" | "polls" | "people" | "language" | "transcript" | "agenda" | "settings";

function BarButton({
  icon,
  label,
  onClick,
  pressed,
  expanded,
  controls,
  badge,
  shortcut,
  danger,
  testId,
  compactLabel = false,
}: {
  icon: IconName;
  label: string;
  onClick: () => void;
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
  badge?: number;
  shortcut?: ShortcutAction;
  danger?: boolean;
  testId?: string;
  compactLabel?: boolean;
}) {
  const keys = shortcut ? SHORTCUTS[shortcut] : undefined;
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-controls={controls}
      aria-keyshortcuts={keys?.aria}
      title={keys ? `${label} (${shortcutLabel(keys)})` : label}
      className={barButton(pressed || expanded, danger)}
      data-testid={testId}
    >
      <Icon name={icon} />
      <span className={compactLabel ? "sr-only sm:not-sr-only" : ""}>{label}</span>
      {!!badge && (
        <span className="absolute -right-1 -top-1 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold text-slate-950" data-testid="badge">
          {badge}
        </span>
      )}
    </button>
  );
}

export interface ControlBarProps {
  own: OwnControls;
  /** The state of the viewer's own requests (hand, screen), shared with the shortcuts. */
  requests: RoomAction;
  panel: PanelId | null;
  togglePanel: (id: PanelId) => void;
  layout: RoomLayoutMode;
  toggleLayout: () => void;
  onLeave: () => void;
  badges: { chat: number; people: number };
  hasLanguage: boolean;
  /** Organizers' recording control. */
  record?: ReactNode;
  /** Live captions, when a captions worker is in the room: shown or not. */
  captions?: { shown: boolean; toggle: () => void };
}

export function ControlBar({ own, requests, panel, togglePanel, layout, toggleLayout, onLeave, badges, hasLanguage, record, captions }: ControlBarProps) {
  const t = useTranslations("room.toolbar");
  const tabs = useTranslations("room.tabs");
  const [more, setMore] = useState(false);
  const panelButton = (id: PanelId, icon: IconName, shortcut?: ShortcutAction, badge?: number) => (
    <BarButton icon={icon} label={tabs(id)} onClick={() => togglePanel(id)} expanded={panel === id} controls="room-panel" badge={badge} shortcut={shortcut} testId={`panel-${id}`} compactLabel />
  );
  const secondary = (
    <>
      {captions && panelButton("transcript", "transcript")}
      {panelButton("polls", "poll")}
      {panelButton("agenda", "agenda")}
      <BarButton
        icon={layout === "speaker" ? "gallery" : "speaker"}
        label={layout === "speaker" ? t("galleryView") : t("speakerView")}
        onClick={toggleLayout}
        shortcut="layout"
        testId="layout-toggle"
        compactLabel
      />
      {panelButton("settings", "settings")}
      {record}
    </>
  );
  return (
    <div
      role="toolbar"
      aria-label={t("label")}
      className="relative flex shrink-0 flex-wrap items-center justify-center gap-1.5 border-t border-slate-800 bg-slate-950 px-2 py-2"
      data-testid="room-toolbar"
    >
      {own.mic.allowed && (
        <BarButton icon={own.mic.on ? "mic" : "micOff"} label={own.mic.on ? t("micOn") : t("micOff")} pressed={own.mic.on} shortcut="mic" onClick={own.mic.toggle} testId="mic-toggle" />
      )}
      {own.camera.allowed && (
        <BarButton
          icon={own.camera.on ? "camera" : "cameraOff"}
          label={own.camera.on ? t("cameraOn") : t("cameraOff")}
          pressed={own.camera.on}
          shortcut="camera"
          onClick={own.camera.toggle}
          testId="camera-toggle"
        />
      )}
      {own.share.allowed && (
        <BarButton icon="screen" label={own.share.on ? t("stopSharing") : t("shareScreen")} pressed={own.share.on} shortcut="share" onClick={own.share.toggle} testId="share-toggle" />
      )}
      {!own.canPublish && (
        <span className="sr-only" data-testid="listening">
          {t("listening")}
        </span>
      )}
      {own.hand.allowed && <HandButton up={own.hand.up} action={requests} />}
      {own.shareRequest.allowed && <ShareRequestButton up={own.shareRequest.up} action={requests} />}
      {panelButton("chat", "chat", "chat", badges.chat)}
      {panelButton("qa", "question")}
      {panelButton("people", "people", "people", badges.people)}
      {hasLanguage && panelButton("language", "language", "language")}
      {captions && <BarButton icon="captions" label={captions.shown ? t("captionsOn") : t("captionsOff")} pressed={captions.shown} onClick={captions.toggle} testId="captions-toggle" compactLabel />}
      <span className="hidden items-center gap-1.5 md:inline-flex">{secondary}</span>
      <span className="md:hidden">
        <BarButton icon="settings" label={t("more")} onClick={() => setMore((m) => !m)} expanded={more} controls="room-more" testId="more" compactLabel />
      </span>
      {more && (
        <div
          id="room-more"
          className="absolute bottom-full right-2 mb-2 flex flex-col items-stretch gap-1.5 rounded-lg border border-slate-700 bg-slate-900 p-2 md:hidden"
          onClick={() => setMore(false)}
        >
          {secondary}
        </div>
      )}
      <BarButton icon="leave" label={t("leave")} onClick={onLeave} danger testId="leave" />
    </div>
  );
}
