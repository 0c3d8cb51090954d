"use client";
// A waiting person's place in the lobby, kept current: read again when the lobby changes (the live
// stream), when the room opens by the clock, and every half minute in case a stream was missed.
// "Ask to join" goes through here too. `open` means the page may fetch its token now.
import { useCallback, useEffect, useState } from "react";
import { knockAction, lobbyPlaceAction } from "@/lib/lobby/actions";
import type { LobbyPlace } from "@/lib/lobby/rules";
import { OPENS_BEFORE_MS } from "@/lib/rooms/grants";
import { useRoomInfo } from "../room-info";
import { useLobbyLive } from "./use-lobby-live";

const FALLBACK_MS = 30_000;

export function useLobbyPlace(initial: LobbyPlace, eventSlug: string) {
  const { sessionId, forumId, forum } = useRoomInfo();
  const [place, setPlace] = useState<LobbyPlace>(initial);
  /** The message key of the last failure (a refusal, or the server unreachable). */
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const answer = useCallback((r: Awaited<ReturnType<typeof lobbyPlaceAction>> | null) => {
    if (r?.ok) setPlace(r.data);
    setError(r ? (r.ok ? null : r.error) : "failed");
  }, []);
  const refresh = useCallback(() => lobbyPlaceAction(sessionId).then(answer, () => answer(null)), [sessionId, answer]);
  useLobbyLive(eventSlug, forumId, refresh);
  useEffect(() => {
    const opensIn = forum.startsAt - OPENS_BEFORE_MS - Date.now();
    const opening = opensIn > 0 && opensIn < 2 ** 31 - 1 ? setTimeout(refresh, opensIn + 1_000) : undefined;
    const poll = setInterval(() => document.visibilityState === "visible" && void refresh(), FALLBACK_MS);
    return () => {
      clearTimeout(opening);
      clearInterval(poll);
    };
  }, [forum.startsAt, refresh]);
  const ask = useCallback(() => {
    setAsking(true);
    void knockAction(sessionId)
      .then(answer, () => answer(null))
      .finally(() => setAsking(false));
  }, [sessionId, answer]);
  return { place, error, asking, ask, refresh };
}
