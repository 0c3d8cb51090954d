"use client";
// The answer to a check or an import: what it would change (or changed), and every problem by
// row and column.
import { useTranslations } from "next-intl";
import type { ImportReport } from "@/lib/agenda/transfer/report";
import { useProblemText } from "./use-problem-text";

export function ImportReportView({ report, zone }: { report: ImportReport; zone: string }) {
  const t = useTranslations("transfer");
  const words = useProblemText(zone);
  const { summary, problems } = report;
  return (
    <div className="space-y-4">
      {summary && (
        <section aria-labelledby="transfer-summary" className="space-y-2" data-testid="transfer-summary">
          <h3 id="transfer-summary" className="text-lg font-semibold">
            {t("summary.heading")}
          </h3>
          <div className="overflow-x-auto">
            <table className="text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">
                    {t("summary.kind")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("summary.create")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("summary.update")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("summary.unchanged")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {(["forums", "sessions"] as const).map((kind) => (
                  <tr key={kind} className="border-b border-slate-200" data-testid={`summary-${kind}`}>
                    <th scope="row" className="p-2 text-left font-medium">
                      {t(`summary.${kind}`)}
                    </th>
                    <td className="p-2 tabular-nums">{summary[kind].create}</td>
                    <td className="p-2 tabular-nums">{summary[kind].update}</td>
                    <td className="p-2 tabular-nums">{summary[kind].unchanged}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-sm text-slate-700">{t("summary.untouched", { count: summary.untouched })}</p>
        </section>
      )}
      {problems.length > 0 && (
        <section aria-labelledby="transfer-problems" className="space-y-2" data-testid="transfer-report">
          <h3 id="transfer-problems" className="text-lg font-semibold">
            {t("report.heading")}
          </h3>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">
                    {t("report.row")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("report.column")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("report.problem")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {problems.map((p, i) => (
                  <tr key={i} className="border-b border-slate-200 align-top" data-testid="problem-row" data-row={p.row ?? ""}>
                    <td className="p-2 tabular-nums">{p.row ?? t("report.wholeFile")}</td>
                    <td className="p-2">{p.column ? words.column(p.column) : t("report.wholeFile")}</td>
                    <td className="p-2">{words.problem(p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
