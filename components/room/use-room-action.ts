"use client";
// Runs one room action (a server action of lib/rooms: an organizer's moderation, or a
// participant's own request) and keeps its outcome: pending while it runs, a localized error when
// it fails. An error goes away with the next success, when dismissed, or after a while, so a
// stale one never stays on screen. An answer carrying the server's clock refines the room's
// estimate of it.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { heardServerClock } from "./use-now";

type Outcome = ActionResult<{ serverNow?: number } | unknown>;

const ERROR_SHOWN_MS = 12_000;

export function useRoomAction() {
  const t = useTranslations("room.moderation.errors");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), ERROR_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [error]);
  const run = useCallback(
    (action: () => Promise<Outcome>) =>
      startTransition(async () => {
        const sentAt = Date.now();
        try {
          const outcome = await action();
          const serverNow = outcome.ok ? (outcome.data as { serverNow?: number } | null)?.serverNow : undefined;
          if (serverNow) heardServerClock(sentAt, serverNow);
          setError(outcome.ok ? null : t.has(outcome.error) ? t(outcome.error) : t("unknown"));
        } catch {
          setError(t("unknown"));
        }
      }),
    [t],
  );
  const dismiss = useCallback(() => setError(null), []);
  return { run, pending, error, dismiss };
}

export type RoomAction = ReturnType<typeof useRoomAction>;
