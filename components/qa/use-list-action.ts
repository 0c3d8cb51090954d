"use client";
// Runs a Q&A or poll action one at a time, keeps its last refusal in words (the feature's error
// catalogue), and reads the list again afterwards, whatever the outcome.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";

export function useListAction(errors: "qa.errors" | "polls.errors", refresh: () => Promise<void>) {
  const t = useTranslations(errors);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = <T>(action: () => Promise<ActionResult<T>>, after?: (value: T) => void) =>
    start(async () => {
      try {
        const outcome = await action();
        setError(outcome.ok ? null : t.has(outcome.error) ? t(outcome.error) : t("unknown"));
        if (outcome.ok) after?.(outcome.data);
      } catch {
        setError(t("unknown"));
      }
      await refresh();
    });
  return { run, pending, error, dismiss: () => setError(null) };
}

export type ListAction = ReturnType<typeof useListAction>;
