"use client";
// Start / Stop recording of one forum's stage, with the running recording's state and how long
// it has been recording. The caller says how to reload the state after a click (a page refresh
// on the console, a fresh read on the run sheet).
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/ui/field";
import { useBrowserNow } from "@/components/ui/use-browser-now";
import type { ActionFailure } from "@/lib/http/action-result";
import type { RecordingActionResult } from "@/lib/recordings/actions";
import { formatOffset } from "@/lib/recordings/chapters";
import { RecordingStatusBadge } from "./status-badge";
import { useErrorText } from "./use-error-text";
import { useRecordingService } from "./use-recording-service";

export interface RecordControlState {
  recording: { id: string; status: "starting" | "recording"; since: string | Date } | null;
  /** The last recording is being finished by the recording service. */
  processing: boolean;
  /** Why the recording watched here failed (an error key or the service's own text). */
  failure: string | null;
}

export function RecordControl({
  forumTitle,
  state,
  start,
  stop,
  onChanged,
}: {
  forumTitle: string;
  state: RecordControlState;
  start: () => Promise<RecordingActionResult>;
  stop: () => Promise<RecordingActionResult>;
  onChanged: () => void;
}) {
  const t = useTranslations("recordingsConsole.control");
  const errorText = useErrorText();
  const now = useBrowserNow();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const service = useRecordingService();
  const { recording } = state;
  // "Starting" the moment Record is pressed, not once the service has answered.
  const starting = pending && !recording;
  const elapsed = recording?.status === "recording" && now !== null ? formatOffset(now - new Date(recording.since).getTime()) : null;

  function click() {
    if (recording && !window.confirm(t("confirmStop", { forum: forumTitle }))) return;
    startTransition(async () => {
      const outcome = await (recording ? stop() : start()).catch((): ActionFailure => ({ ok: false, error: "egressUnavailable" }));
      setError(outcome.ok ? null : outcome.error);
      onChanged();
    });
  }

  return (
    <div className="space-y-2" data-testid="record-control" data-recording={recording?.status ?? (state.processing ? "processing" : "idle")}>
      <div className="flex flex-wrap items-center gap-3">
        <p aria-live="polite" className="flex items-center gap-2">
          {recording ? <RecordingStatusBadge status={recording.status} /> : state.processing ? <RecordingStatusBadge status="processing" /> : null}
          <span>{recording ? t(recording.status) : starting ? t("starting") : state.processing ? t("processing") : t("idle")}</span>
        </p>
        {elapsed && (
          <span className="font-mono tabular-nums" data-testid="recording-elapsed">
            <span className="sr-only">{t("elapsed")} </span>
            {elapsed}
          </span>
        )}
        <button
          type="button"
          onClick={click}
          disabled={pending}
          aria-busy={pending}
          aria-label={recording ? t("stopLabel", { forum: forumTitle }) : t("startLabel", { forum: forumTitle })}
          className={`rounded px-3 py-1.5 font-medium disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 ${recording ? "bg-red-800 text-white" : "border border-red-800 text-red-900 hover:bg-red-50"}`}
        >
          {recording ? (
            t("stop")
          ) : (
            <>
              <span aria-hidden>● </span>
              {t("start")}
            </>
          )}
        </button>
      </div>
      {service === "unreachable" && !recording && (
        <p className="text-sm text-amber-900" data-testid="recording-service-down">
          {t("serviceDown")}
        </p>
      )}
      {error && <FormAlert message={errorText(error)} />}
      {!error && state.failure && <FormAlert message={t("failed", { error: errorText(state.failure) })} />}
    </div>
  );
}
