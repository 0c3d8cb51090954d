"use client";
// "Record automatically when the first session goes live": a checkbox that saves at once, shows
// the new value straight away and goes back (with the reason) if the server refuses.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionFailure } from "@/lib/http/action-result";
import { setAutoRecordAction } from "@/lib/recordings/actions";
import { useErrorText } from "./use-error-text";

export function AutoRecordToggle({ forumId, on, onChanged }: { forumId: string; on: boolean; onChanged?: () => void }) {
  const t = useTranslations("recordingsConsole.auto");
  const errorText = useErrorText();
  const [checked, setChecked] = useState(on);
  // A newer value from the server (a colleague's change, a refresh) wins over the local one.
  const [seen, setSeen] = useState(on);
  if (seen !== on) {
    setSeen(on);
    setChecked(on);
  }
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const id = `auto-record-${forumId}`;

  function change(next: boolean) {
    setChecked(next);
    setMessage(null);
    startTransition(async () => {
      const outcome = await setAutoRecordAction(forumId, next).catch((): ActionFailure => ({ ok: false, error: "invalidInput" }));
      if (!outcome.ok) {
        setChecked(!next);
        setMessage({ tone: "error", text: errorText(outcome.error) });
        return;
      }
      setMessage({ tone: "ok", text: t("saved") });
      onChanged?.();
    });
  }

  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" checked={checked} disabled={pending} onChange={(e) => change(e.target.checked)} aria-describedby={`${id}-hint`} className="mt-1 size-4 accent-sky-800" />
        <label htmlFor={id} className="font-medium">
          {t("label")}
        </label>
      </div>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {t("hint")}
      </p>
      <p aria-live="polite" className={`text-sm ${message?.tone === "error" ? "text-red-800" : "text-slate-700"}`} role={message?.tone === "error" ? "alert" : undefined}>
        {message?.text}
      </p>
    </div>
  );
}
