"use client";
// Uploads an agenda spreadsheet with a progress bar, to check it (a dry run) or import it, and
// shows the server's report.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FormAlert } from "@/components/ui/field";
import { UploadProgress } from "@/components/ui/upload-progress";
import { answerError, useUpload } from "@/components/ui/use-upload";
import type { ImportReport } from "@/lib/agenda/transfer/report";
import { ImportReportView } from "./import-report";

const buttonClass = "rounded px-4 py-2 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-60";

export function ImportForm({ slug, zone, maxMb }: { slug: string; zone: string; maxMb: number }) {
  const t = useTranslations("transfer");
  const id = useId();
  const { progress, busy, send, clear } = useUpload();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  function reset() {
    setReport(null);
    setFailure(null);
    clear();
  }

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(e.currentTarget);
    data.set("mode", submitter?.value === "import" ? "import" : "check");
    setReport(null);
    setFailure(null);
    const outcome = await send(`/api/organizer/events/${slug}/agenda/import`, data);
    const error = answerError(outcome);
    if (outcome.kind === "answered" && outcome.body && !error.message) setReport(outcome.body as ImportReport);
    else setFailure(error.message && t.has(`problems.${error.message}`) ? t(`problems.${error.message}` as "problems.invalid", { mb: maxMb }) : t("import.failed"));
  }

  const changes = report?.summary ? report.summary.forums.create + report.summary.forums.update + report.summary.sessions.create + report.summary.sessions.update : 0;
  const outcome = !report?.ok ? null : changes === 0 ? t("import.nothingToDo") : report.applied ? t("import.imported") : t("import.checked");
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4 rounded border border-slate-300 p-4">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {t("import.heading")}
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("import.matching")}</li>
        <li>{t("import.untouched")}</li>
        <li>{t("import.allOrNothing")}</li>
      </ul>
      <form onSubmit={submit} className="space-y-3" encType="multipart/form-data" data-testid="transfer-import">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
            {t("import.file", { mb: maxMb })}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            name="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={reset}
            className="mt-1 block w-full max-w-md text-sm"
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" value="check" disabled={busy} aria-busy={busy} className={`${buttonClass} border border-sky-900 text-sky-900 hover:bg-sky-50`}>
            {t("import.check")}
          </button>
          <button type="submit" value="import" disabled={busy} aria-busy={busy} className={`${buttonClass} bg-sky-900 text-white`}>
            {t("import.apply")}
          </button>
        </div>
      </form>
      {progress !== null && <UploadProgress id={`${id}-progress`} label={t("import.progress")} value={progress} />}
      <div aria-live="polite" className="space-y-2">
        {busy && <p className="text-sm">{t("import.working")}</p>}
        {outcome && <FormAlert tone="info" message={outcome} />}
      </div>
      {failure && <FormAlert message={failure} />}
      {report && !report.ok && <FormAlert message={t("import.rejected", { count: report.problems.length })} />}
      {report && <ImportReportView report={report} zone={zone} />}
    </section>
  );
}
