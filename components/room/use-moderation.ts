"use client";
// Runs one organizer action (a server action in lib/rooms/actions.ts) and keeps its outcome for
// the participants list: pending while it runs, a localized error when it fails.
import { useTranslations } from "next-intl";
import { useCallback, useState, useTransition } from "react";

type Outcome = { ok?: true; error?: string };

export function useModeration() {
  const t = useTranslations("room.moderation.errors");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    (action: () => Promise<Outcome>) =>
      startTransition(async () => {
        try {
          const outcome = await action();
          setError(outcome.error ? (t.has(outcome.error) ? t(outcome.error) : t("unknown")) : null);
        } catch {
          setError(t("unknown"));
        }
      }),
    [t],
  );
  return { run, pending, error };
}
