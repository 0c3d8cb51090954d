"use client";
// Organizers' Record / Stop recording button in the room's toolbar, with a "● REC" indicator
// while the forum's stage is being recorded. The room knows its session only; the server
// resolves the forum and checks that the viewer organizes the event.
import { useTranslations } from "next-intl";
import { useCallback, useState, useTransition } from "react";
import { useBrowserNow } from "@/components/organizer/recordings/use-browser-now";
import { useForumRecording } from "@/components/organizer/recordings/use-forum-recording";
import { useErrorText } from "@/components/organizer/recordings/use-error-text";
import { formatOffset } from "@/lib/recordings/chapters";
import { recordingStateForSessionAction, startRecordingForSessionAction, stopRecordingForSessionAction } from "@/lib/recordings/actions";
import { useRoomInfo } from "./room-info";
import { toolbarButton } from "./toolbar-button";

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

  function click() {
    if (recording && !window.confirm(t("confirmStop", { forum: forum.title }))) return;
    startTransition(async () => {
      const outcome = await (recording ? stopRecordingForSessionAction(sessionId) : startRecordingForSessionAction(sessionId)).catch(() => ({ error: "egressUnavailable" }));
      setError(outcome.error ?? null);
      refresh();
    });
  }

  const problem = error ? errorText(error) : control.failure ? t("failed", { error: errorText(control.failure) }) : null;
  return (
    <>
      {recording?.status === "recording" && (
        <span className="inline-flex items-center gap-1 rounded bg-red-700 px-2 py-1 text-sm font-bold text-white" data-testid="rec-indicator">
          <span aria-hidden className="motion-safe:animate-pulse">●</span>
          <span aria-hidden>REC</span>
          <span className="sr-only">{t("recording")}</span>
          {now !== null && <span className="font-mono font-normal tabular-nums">{formatOffset(now - new Date(recording.since).getTime())}</span>}
        </span>
      )}
      <span aria-live="polite" className="text-sm text-slate-700">
        {recording?.status === "starting" ? t("starting") : control.processing ? t("processing") : ""}
      </span>
      <button type="button" onClick={click} disabled={pending} aria-busy={pending} className={toolbarButton(!!recording)} data-testid="record-toggle">
        {recording ? t("stop") : t("start")}
      </button>
      {problem && (
        <span role="alert" className="basis-full rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {problem}
        </span>
      )}
    </>
  );
}
