// The file format, explained where organizers need it: columns with their headers, times, speakers.
import { getTranslations } from "next-intl/server";
import { COLUMNS } from "@/lib/agenda/transfer/columns";

export async function FormatHelp() {
  const t = await getTranslations("transfer");
  return (
    <details className="rounded border border-slate-300 p-4">
      <summary className="cursor-pointer text-lg font-semibold focus-visible:outline-2 focus-visible:outline-sky-700">{t("format.heading")}</summary>
      <div className="mt-3 space-y-2 text-sm">
        <p>{t("format.columns")}</p>
        <div className="overflow-x-auto">
          <table className="text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-1">
                  {t("format.key")}
                </th>
                <th scope="col" className="p-1">
                  {t("format.name")}
                </th>
              </tr>
            </thead>
            <tbody>
              {COLUMNS.map((c) => (
                <tr key={c} className="border-b border-slate-200">
                  <td className="p-1 font-mono">{c}</td>
                  <td className="p-1">{t(`columns.${c}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{t("format.times")}</p>
        <p>{t("format.kinds")}</p>
        <p>{t("format.speakers")}</p>
        <p>{t("format.forumCells")}</p>
        <p>{t("format.sessionKey")}</p>
      </div>
    </details>
  );
}
