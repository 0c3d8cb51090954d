"use client";
// The room's keyboard shortcuts (shortcuts.ts), acting through the same controls as the buttons:
// a shortcut for something the viewer may not do now does nothing.
import { useEffect, useRef } from "react";
import { raiseHandAction } from "@/lib/rooms/participant-actions";
import type { PanelId } from "./control-bar";
import { useRoomInfo } from "./room-info";
import { matchShortcut } from "./shortcuts";
import type { OwnControls } from "./use-own-controls";
import type { RoomAction } from "./use-room-action";

interface Handlers {
  own: OwnControls;
  requests: RoomAction;
  togglePanel: (id: PanelId) => void;
  toggleLayout: () => void;
  fullscreen: () => void;
  hasLanguage: boolean;
}

export function useRoomShortcuts(handlers: Handlers) {
  const { sessionId, breakoutId } = useRoomInfo();
  // The latest handlers, read when a key is pressed, so the listener is added once.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = matchShortcut(e);
      if (!action) return;
      const h = latest.current;
      const act: Record<typeof action, () => void> = {
        mic: () => h.own.mic.allowed && h.own.mic.toggle(),
        camera: () => h.own.camera.allowed && h.own.camera.toggle(),
        share: () => h.own.share.allowed && h.own.share.toggle(),
        hand: () => h.own.hand.allowed && h.requests.run(() => raiseHandAction(sessionId, !h.own.hand.up, breakoutId)),
        chat: () => h.togglePanel("chat"),
        people: () => h.togglePanel("people"),
        language: () => h.hasLanguage && h.togglePanel("language"),
        layout: () => h.toggleLayout(),
        fullscreen: () => h.fullscreen(),
      };
      e.preventDefault();
      act[action]();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [sessionId, breakoutId]);
}
