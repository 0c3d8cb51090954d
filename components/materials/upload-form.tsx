"use client";
// Uploads one material with a progress bar; the file goes as the raw body, so the server streams it
// to storage as it arrives.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert, inputClass, SubmitButton, TextField } from "@/components/ui/field";
import { UploadProgress } from "@/components/ui/upload-progress";
import { answerError, useUpload } from "@/components/ui/use-upload";
import { VisibilitySelect } from "./visibility-select";

const knownErrors = ["fileTooLarge", "fileTypeRefused", "fileNameMissing", "signInRequired", "organizersOnly", "sessionNotFound", "tooLong"];

export function UploadForm({ sessionId, locale, maxMegabytes, accept }: { sessionId: string; locale: string; maxMegabytes: number; accept: string }) {
  const t = useTranslations("materials");
  const router = useRouter();
  const { progress, busy, send } = useUpload();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const file = form.get("file");
    setError(null);
    setDone(null);
    if (!(file instanceof File) || !file.name) return setError("fileNameMissing");
    // Refused here already to spare the wait; the server checks again.
    if (file.size > maxMegabytes * 1024 * 1024) return setError("fileTooLarge");
    const query = new URLSearchParams({ locale, visibility: String(form.get("visibility")) });
    for (const [key, name] of [
      ["titleKo", "titleKo"],
      ["titleZh", "titleZh"],
      ["titleEn", "titleEn"],
    ])
      query.set(key, String(form.get(name) ?? ""));
    const outcome = await send(`/api/organizer/sessions/${sessionId}/materials?${query}`, file, {
      "content-type": "application/octet-stream",
      "x-file-name": encodeURIComponent(file.name),
    });
    if (outcome.kind === "answered" && outcome.status === 201) {
      setDone(file.name);
      formEl.reset();
      router.refresh();
      return;
    }
    const code = answerError(outcome).message ?? "uploadFailed";
    setError(knownErrors.includes(code) ? code : "uploadFailed");
  }

  return (
    <form onSubmit={upload} className="max-w-xl space-y-3" aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="text-xl font-semibold">
        {t("upload.heading")}
      </h2>
      <div>
        <label htmlFor="material-file" className="block text-sm font-medium text-slate-800">
          {t("upload.file")}
        </label>
        <input id="material-file" type="file" name="file" accept={accept} required aria-describedby="material-file-hint" className={inputClass} />
        <p id="material-file-hint" className="mt-1 text-xs text-slate-600">
          {t("upload.fileHint", { max: maxMegabytes })}
        </p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm text-slate-700">{t("upload.titleHint")}</legend>
        <TextField name="titleKo" id="upload-title-ko" label={t("upload.titleKo")} lang="ko" maxLength={200} />
        <TextField name="titleZh" id="upload-title-zh" label={t("upload.titleZh")} lang="zh" maxLength={200} />
        <TextField name="titleEn" id="upload-title-en" label={t("upload.titleEn")} lang="en" maxLength={200} />
      </fieldset>
      <VisibilitySelect id="upload-visibility" label={t("upload.visibility")} defaultValue="registered" />
      <SubmitButton pending={busy}>{busy ? t("upload.uploading") : t("upload.submit")}</SubmitButton>
      {progress !== null && <UploadProgress id="upload-progress" label={t("upload.progress")} value={progress} />}
      <div aria-live="polite">{done && <FormAlert tone="info" message={t("upload.done", { name: done })} />}</div>
      {error && <FormAlert message={t(`errors.${error}`, { max: maxMegabytes })} />}
    </form>
  );
}
