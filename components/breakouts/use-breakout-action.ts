"use client";
// Runs one breakout action and keeps its outcome: pending while it runs, the error in the viewer's
// language when it fails (the "breakouts.errors" catalogue), then `onDone` with the data.
import { useTranslations } from "next-intl";
import { useCallback, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";

export function useBreakoutAction() {
  const t = useTranslations("breakouts.errors");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    <T>(action: () => Promise<ActionResult<T>>, onDone?: (data: T) => void) =>
      startTransition(async () => {
        try {
          const r = await action();
          if (r.ok) onDone?.(r.data);
          setError(r.ok ? null : t.has(r.error) ? t(r.error) : t("unknown"));
        } catch {
          setError(t("unknown"));
        }
      }),
    [t],
  );
  return { run, pending, error, dismiss: useCallback(() => setError(null), []) };
}

export type BreakoutAction = ReturnType<typeof useBreakoutAction>;
