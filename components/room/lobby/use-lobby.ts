"use client";
// The organizers' view of the forum's lobby, as the server reads it: read at once, again whenever
// the live stream says the lobby changed (an arrival shows within a second), and every half
// minute in case a stream was missed. Nothing is read for anyone but organizers.
import { useCallback, useEffect, useState } from "react";
import { lobbyViewAction } from "@/lib/lobby/actions";
import type { LobbyView } from "@/lib/lobby/mutations";
import { useLobbyLive } from "./use-lobby-live";

const FALLBACK_MS = 30_000;

export function useLobby(forumId: string, enabled: boolean) {
  const [view, setView] = useState<LobbyView | null>(null);
  const [failed, setFailed] = useState(false);
  const refresh = useCallback(
    () =>
      lobbyViewAction(forumId).then(
        (r) => (r.ok ? (setView(r.data), setFailed(false)) : setFailed(true)),
        () => setFailed(true),
      ),
    [forumId],
  );
  // The first answer names the event whose stream to follow.
  useLobbyLive(enabled ? (view?.eventSlug ?? null) : null, forumId, refresh);
  useEffect(() => {
    if (!enabled) return;
    void refresh();
    const poll = setInterval(() => document.visibilityState === "visible" && void refresh(), FALLBACK_MS);
    return () => clearInterval(poll);
  }, [enabled, refresh]);
  const waiting = view?.people.filter((p) => p.status === "waiting").length ?? 0;
  return { view, failed, refresh, waiting };
}

export type Lobby = ReturnType<typeof useLobby>;
