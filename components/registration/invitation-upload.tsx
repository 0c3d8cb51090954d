"use client";
// Uploads an invitation CSV with a progress bar, then shows the per-row report and refreshes the
// page's list of sent invitations.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { FormAlert } from "@/components/ui/field";
import { UploadProgress } from "@/components/ui/upload-progress";
import { answerError, useUpload } from "@/components/ui/use-upload";
import type { ImportReport } from "@/lib/registration/invitations";

export function InvitationUpload({ slug, defaultLanguage }: { slug: string; defaultLanguage: string }) {
  const t = useTranslations("invitations");
  const te = useTranslations("errors");
  const id = useId();
  const { progress, send } = useUpload();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const router = useRouter();

  async function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setReport(null);
    setFailure(null);
    const outcome = await send(`/api/organizer/events/${slug}/invitations`, data);
    const error = answerError(outcome);
    if (outcome.kind === "answered" && outcome.body && !error.message) {
      setReport(outcome.body as ImportReport);
      // The list of sent invitations below is rendered on the server: fetch it again.
      router.refresh();
    } else setFailure(error.message && te.has(error.message) ? error.message : "uploadFailed");
  }

  const rejected = report?.rows.filter((r) => r.problems.length) ?? [];
  return (
    <div className="space-y-4">
      <form onSubmit={upload} className="space-y-3" encType="multipart/form-data">
        <label className="block text-sm font-medium">
          {t("file")}
          <input type="file" name="file" accept=".csv,text/csv" required className="mt-1 block" />
        </label>
        <p className="text-sm text-slate-700">{t("format", { language: defaultLanguage })}</p>
        <button type="submit" className="rounded bg-sky-900 px-4 py-2 text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
          {t("upload")}
        </button>
      </form>
      {progress !== null && <UploadProgress id={`${id}-progress`} label={t("progress")} value={progress} />}
      <div aria-live="polite">{report && rejected.length === 0 && !report.fileProblem && <FormAlert tone="info" message={t("imported", { count: report.imported })} />}</div>
      {failure && <FormAlert message={te(failure)} />}
      {report?.fileProblem && <FormAlert message={te(report.fileProblem)} />}
      {rejected.length > 0 && (
        <div className="space-y-2" data-testid="import-report">
          <FormAlert message={t("nothingImported", { count: rejected.length })} />
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-1">
                  {t("row")}
                </th>
                <th scope="col" className="p-1">
                  {t("email")}
                </th>
                <th scope="col" className="p-1">
                  {t("problems")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rejected.map((r) => (
                <tr key={r.line} className="border-b border-slate-200" data-testid="rejected-row">
                  <td className="p-1 tabular-nums">{r.line}</td>
                  <td className="p-1">{r.email}</td>
                  <td className="p-1">{r.problems.map((p) => te(p)).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
