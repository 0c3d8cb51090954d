"use client";
// Uploads a recording made elsewhere (MP4 / WebM) to a forum or one of its sessions, with a
// progress bar and Cancel; the file goes as the raw body, so the server streams it to storage as it
// arrives.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert, inputClass, SubmitButton } from "@/components/ui/field";
import { UploadProgress } from "@/components/ui/upload-progress";
import { answerError, useUpload } from "@/components/ui/use-upload";
import { zonedLocalToUtc } from "@/lib/time/zones";
import { readDuration } from "./read-duration";
import { useErrorText } from "./use-error-text";
import { visibilities } from "./recording-settings";

export interface UploadForum {
  id: string;
  title: string;
  sessions: { id: string; title: string }[];
}

type Outcome = { tone: "info" | "error"; text: string };

export function UploadRecordingForm({
  forums,
  zone,
  zoneLabel,
  locale,
  maxMegabytes,
  accept,
}: {
  forums: UploadForum[];
  zone: string;
  zoneLabel: string;
  locale: string;
  maxMegabytes: number;
  accept: string;
}) {
  const t = useTranslations("recordingsConsole.upload");
  const tv = useTranslations("recordings.visibility");
  const te = useTranslations("recordings.errors");
  const errorText = useErrorText();
  const router = useRouter();
  const [forumId, setForumId] = useState(forums[0]?.id ?? "");
  const upload = useUpload();
  // Reading the file's duration comes before the upload starts.
  const [reading, setReading] = useState(false);
  const busy = reading || upload.busy;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const forum = forums.find((f) => f.id === forumId);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const file = form.get("file");
    setOutcome(null);
    if (!(file instanceof File) || !file.name) return setOutcome({ tone: "error", text: errorText("fileNameMissing") });
    // Refused here already to spare the wait; the server checks again.
    if (file.size > maxMegabytes * 1024 * 1024) return setOutcome({ tone: "error", text: te("recordingTooLarge", { max: maxMegabytes }) });
    const local = String(form.get("startedAt") ?? "");
    const startedAt = local ? zonedLocalToUtc(local, zone) : null;
    if (local && !startedAt) return setOutcome({ tone: "error", text: errorText("invalidInput") });
    setReading(true);
    const durationMs = await readDuration(file);
    setReading(false);
    const query = new URLSearchParams({ forumId, locale, visibility: String(form.get("visibility")) });
    const sessionId = String(form.get("sessionId") ?? "");
    if (sessionId) query.set("sessionId", sessionId);
    if (durationMs) query.set("durationMs", String(durationMs));
    if (startedAt) query.set("startedAt", startedAt.toISOString());

    const sent = await upload.send(`/api/organizer/recordings?${query}`, file, {
      "content-type": "application/octet-stream",
      "x-file-name": encodeURIComponent(file.name),
    });
    if (sent.kind === "cancelled") return setOutcome({ tone: "info", text: t("cancelled") });
    if (sent.kind === "answered" && sent.status === 201) {
      // The choices stay for the next file of the same forum; only the file is cleared.
      (formEl.elements.namedItem("file") as HTMLInputElement).value = "";
      setOutcome({ tone: "info", text: t("done", { name: file.name }) });
      router.refresh();
      return;
    }
    // 413 / 415 come with their text in the organizer's language; other refusals with a key.
    const error = answerError(sent);
    setOutcome({ tone: "error", text: error.text ?? errorText(error.message && te.has(error.message) ? error.message : "uploadFailed") });
  }

  return (
    <form onSubmit={submit} className="max-w-xl space-y-3" aria-labelledby="upload-heading" data-testid="upload-recording">
      <h2 id="upload-heading" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <p className="text-slate-700">{t("intro")}</p>
      <div>
        <label htmlFor="upload-forum" className="block text-sm font-medium text-slate-800">
          {t("forum")}
        </label>
        <select id="upload-forum" name="forumId" value={forumId} onChange={(e) => setForumId(e.target.value)} required className={inputClass}>
          {forums.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="upload-session" className="block text-sm font-medium text-slate-800">
          {t("session")}
        </label>
        <select id="upload-session" name="sessionId" key={forumId} defaultValue="" aria-describedby="upload-session-hint" className={inputClass}>
          <option value="">{t("wholeForum")}</option>
          {forum?.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <p id="upload-session-hint" className="mt-1 text-xs text-slate-600">
          {t("sessionHint")}
        </p>
      </div>
      <div>
        <label htmlFor="upload-started" className="block text-sm font-medium text-slate-800">
          {t("startedAt")}
        </label>
        <input id="upload-started" name="startedAt" type="datetime-local" aria-describedby="upload-started-hint" className={inputClass} />
        <p id="upload-started-hint" className="mt-1 text-xs text-slate-600">
          {t("startedAtHint", { zone: zoneLabel })}
        </p>
      </div>
      <div>
        <label htmlFor="upload-visibility" className="block text-sm font-medium text-slate-800">
          {t("visibility")}
        </label>
        <select id="upload-visibility" name="visibility" defaultValue="registered" className={inputClass}>
          {visibilities.map((v) => (
            <option key={v} value={v}>
              {tv(v)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="upload-file" className="block text-sm font-medium text-slate-800">
          {t("file")}
        </label>
        <input id="upload-file" type="file" name="file" accept={accept} required aria-describedby="upload-file-hint" className={inputClass} />
        <p id="upload-file-hint" className="mt-1 text-xs text-slate-600">
          {t("fileHint", { max: maxMegabytes })}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={busy}>{busy ? t("uploading") : t("submit")}</SubmitButton>
        {upload.busy && (
          <button
            type="button"
            onClick={upload.cancel}
            className="rounded border border-slate-500 px-4 py-2 font-medium text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
          >
            {t("cancel")}
          </button>
        )}
      </div>
      {upload.progress !== null && <UploadProgress id="recording-upload-progress" label={t("progress")} value={upload.progress} />}
      <div aria-live="polite">{outcome?.tone === "info" && <FormAlert tone="info" message={outcome.text} />}</div>
      {outcome?.tone === "error" && <FormAlert message={outcome.text} />}
    </form>
  );
}
