"use client";
// The run sheet's Recording box: whether the forum's stage is being recorded, Start / Stop, and
// its automatic recording setting, with a way to the recordings console.
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { Link } from "@/lib/i18n/navigation";
import { recordingStateAction, startRecordingAction, stopForumRecordingAction } from "@/lib/recordings/actions";
import type { ForumRecordingState } from "@/lib/recordings/control";
import { AutoRecordToggle } from "./auto-record-toggle";
import { RecordControl } from "./record-control";
import { useForumRecording } from "./use-forum-recording";

export function RunRecordingBox({ slug, forumId, forumTitle, initial }: { slug: string; forumId: string; forumTitle: string; initial: ForumRecordingState }) {
  const t = useTranslations("recordingsConsole");
  const read = useCallback(() => recordingStateAction(forumId), [forumId]);
  const { state, control, refresh } = useForumRecording(read, initial);
  return (
    <section aria-labelledby="run-recording" className="space-y-3 rounded border border-slate-300 p-3" data-testid="run-recording">
      <h2 id="run-recording" className="text-sm font-semibold uppercase tracking-wide text-slate-700">
        {t("runSheet.heading")}
      </h2>
      <RecordControl forumTitle={forumTitle} state={control} start={() => startRecordingAction(forumId)} stop={() => stopForumRecordingAction(forumId)} onChanged={refresh} />
      <AutoRecordToggle forumId={forumId} on={state?.autoRecord ?? initial.autoRecord} onChanged={refresh} />
      <Link href={`/organizer/events/${slug}/recordings`} className="text-sky-900 underline">
        {t("runSheet.console")}
      </Link>
    </section>
  );
}
