"use client";
// The audience's hidden, subscribe-only token for the forum's stage
// (POST /api/forums/{id}/broadcast/token), asked for once per player mount; the server decides
// again whether this viewer may watch and whether anything is on air. "Off air" (409) is asked
// again a few seconds later: the page may have seen the broadcast open a moment before the token
// route does.
import { useEffect, useState } from "react";
import type { AudienceToken } from "@/lib/broadcast/types";
import type { RoomTarget } from "@/components/recordings/egress/use-subscriber-room";

export type TokenOutcome = { kind: "pending" } | { kind: "ready"; target: RoomTarget } | { kind: "refused"; status: number } | { kind: "failed" };

const OFF_AIR_RETRY_MS = 5_000;

export function useAudienceToken(forumId: string): TokenOutcome {
  const [outcome, setOutcome] = useState<TokenOutcome>({ kind: "pending" });
  const [attempt, setAttempt] = useState(0);
  const offAir = outcome.kind === "refused" && outcome.status === 409;
  useEffect(() => {
    if (!offAir) return;
    const timer = setTimeout(() => setAttempt((n) => n + 1), OFF_AIR_RETRY_MS);
    return () => clearTimeout(timer);
  }, [offAir, attempt]);
  useEffect(() => {
    let gone = false;
    fetch(`/api/forums/${encodeURIComponent(forumId)}/broadcast/token`, { method: "POST", cache: "no-store" })
      .then(async (res) => {
        if (gone) return;
        if (!res.ok) return setOutcome(res.status >= 500 ? { kind: "failed" } : { kind: "refused", status: res.status });
        const token = (await res.json()) as AudienceToken;
        if (!gone) setOutcome({ kind: "ready", target: { url: token.serverUrl, token: token.participantToken } });
      })
      .catch(() => !gone && setOutcome({ kind: "failed" }));
    return () => {
      gone = true;
    };
  }, [forumId, attempt]);
  return outcome;
}
