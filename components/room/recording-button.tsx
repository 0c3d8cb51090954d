"use client";
// Organizers' Record / Stop recording button in the room's toolbar, with a "● REC" indicator
// while the forum's stage is being recorded. The room knows its session only; the server
// resolves the forum and checks that the viewer organizes the event.
import { useTranslations } from "next-intl";
import { useCallback, useState, useTransition } from "react";
import { useBrowserNow } from "@/components/ui/use-browser-now";
import { useForumRecording } from "@/components/recordings/console/use-forum-recording";
import { useErrorText } from "@/components/recordings/console/use-error-text";
import { useRecordingService } from "@/components/recordings/console/use-recording-service";
import type { ActionFailure } from "@/lib/http/action-result";
import { formatOffset } from "@/lib/recordings/chapters";
import { recordingStateForSessionAction, startRecordingForSessionAction, stopRecordingForSessionAction } from "@/lib/recordings/actions";
import { barButton } from "./bar-button";
import { useRoomInfo } from "./room-info";

export function RecordingButton() {
  const t = useTranslations("recordingsConsole.room");
  const errorText = useErrorText();
  const { sessionId, forum } = useRoomInfo();
  const read = useCallback(() => recordingStateForSessionAction(sessionId), [sessionId]);
  const { control, refresh } = useForumRecording(read);
  const now = useBrowserNow();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { recording } = control;
  const service = useRecordingService();

  function click() {
    if (recording && !window.confirm(t("confirmStop", { forum: forum.title }))) return;
    startTransition(async () => {
      const outcome = await (recording ? stopRecordingForSessionAction(sessionId) : startRecordingForSessionAction(sessionId)).catch((): ActionFailure => ({ ok: false, error: "egressUnavailable" }));
      setError(outcome.ok ? null : outcome.error);
      refresh();
    });
  }

  const problem = error ? errorText(error) : control.failure ? t("failed", { error: errorText(control.failure) }) : null;
  // Told before anyone presses it: with no recording service, Record cannot work.
  const unavailable = service === "unreachable" && !recording;
  const status = recording?.status === "starting" || (pending && !recording) ? t("starting") : control.processing ? t("processing") : "";
  // The state and any problem sit above the control bar, so the bar keeps its one row.
  return (
    <span className="relative inline-flex items-center gap-1.5">
      {recording?.status === "recording" && (
        <span className="inline-flex items-center gap-1 rounded bg-red-700 px-2 py-1 text-sm font-bold text-white" data-testid="rec-indicator">
          <span aria-hidden className="motion-safe:animate-pulse">
            ●
          </span>
          <span aria-hidden>REC</span>
          <span className="sr-only">{t("recording")}</span>
          {now !== null && <span className="font-mono font-normal tabular-nums">{formatOffset(now - new Date(recording.since).getTime())}</span>}
        </span>
      )}
      <button
        type="button"
        onClick={click}
        disabled={pending || unavailable}
        aria-busy={pending}
        title={unavailable ? t("serviceDown") : undefined}
        className={barButton(!!recording)}
        data-testid="record-toggle"
      >
        <span aria-hidden="true" className={`h-3 w-3 rounded-full ${recording ? "bg-red-600" : unavailable ? "bg-slate-400" : "bg-red-500"}`} />
        <span>{recording ? t("stop") : unavailable ? t("unavailable") : t("start")}</span>
        {unavailable && <span className="sr-only">{t("serviceDown")}</span>}
      </button>
      <span className="absolute bottom-full right-0 mb-2 flex w-72 flex-col items-end gap-1 text-sm">
        <span aria-live="polite" className={status ? "rounded bg-white px-2 py-1 text-slate-900 shadow" : "sr-only"}>
          {status}
        </span>
        {problem && (
          <span role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-900 shadow" data-testid="recording-problem">
            {problem}
          </span>
        )}
      </span>
    </span>
  );
}
