"use client";
// Who may watch a recording (saved as soon as it is chosen) and Publish / Hide. Publishing waits
// for a finished recording; the server refuses it too.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inputClass } from "@/components/ui/field";
import type { ActionFailure } from "@/lib/http/action-result";
import { updateRecordingSettingsAction } from "@/lib/recordings/actions";
import type { RecordingVisibility } from "@/lib/recordings/access";
import { useErrorText } from "./use-error-text";

export const visibilities = ["public", "registered", "organizers"] as const;

export function RecordingSettings({ id, label, visibility, published, ready }: { id: string; label: string; visibility: RecordingVisibility; published: boolean; ready: boolean }) {
  const t = useTranslations("recordingsConsole.settings");
  const tv = useTranslations("recordings.visibility");
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [chosen, setChosen] = useState(visibility);
  // The server's value wins once it changes (a refresh, a refusal).
  const [seen, setSeen] = useState(visibility);
  if (seen !== visibility) {
    setSeen(visibility);
    setChosen(visibility);
  }

  function save(settings: { visibility?: RecordingVisibility; published?: boolean }) {
    setMessage(null);
    if (settings.visibility) setChosen(settings.visibility);
    startTransition(async () => {
      const outcome = await updateRecordingSettingsAction(id, settings).catch((): ActionFailure => ({ ok: false, error: "invalidInput" }));
      setMessage(outcome.ok ? { tone: "ok", text: t("saved") } : { tone: "error", text: errorText(outcome.error) });
      if (!outcome.ok) setChosen(visibility);
      router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor={`visibility-${id}`} className="block text-sm font-medium text-slate-800">
          {t("visibility")}
        </label>
        <select id={`visibility-${id}`} value={chosen} disabled={pending} onChange={(e) => save({ visibility: e.target.value as RecordingVisibility })} className={inputClass}>
          {visibilities.map((v) => (
            <option key={v} value={v}>
              {tv(v)}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <p className="text-sm" data-testid="recording-published" data-published={published}>
          {published ? t("published") : t("unpublished")}
        </p>
        <button
          type="button"
          disabled={pending || (!published && !ready)}
          aria-describedby={!ready && !published ? `publish-hint-${id}` : undefined}
          aria-label={published ? t("hideLabel", { title: label }) : t("publishLabel", { title: label })}
          onClick={() => save({ published: !published })}
          className="rounded border border-sky-900 px-3 py-1.5 font-medium text-sky-900 hover:bg-sky-50 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
        >
          {published ? t("hide") : t("publish")}
        </button>
        {!ready && !published && (
          <p id={`publish-hint-${id}`} className="text-xs text-slate-600">
            {errorText("publishNotReady")}
          </p>
        )}
      </div>
      <p aria-live="polite" role={message?.tone === "error" ? "alert" : undefined} className={`text-sm ${message?.tone === "error" ? "text-red-800" : "text-slate-700"}`}>
        {message?.text}
      </p>
    </div>
  );
}
