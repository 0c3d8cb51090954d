"use client";
// "Someone saved this first": which fields they changed, their value beside the user's, and the
// two ways on — take theirs, or save mine over theirs knowingly.
import { useTranslations } from "next-intl";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" && v && "name" in v ? String((v as { name: string }).name) : show(v))).join(", ") || "—";
  if (typeof value === "object")
    return (
      Object.values(value as Record<string, unknown>)
        .filter(Boolean)
        .map(show)
        .join(" / ") || "—"
    );
  return String(value);
}

export function StaleNotice<T extends object>({
  mine,
  theirs,
  labels,
  onTakeTheirs,
  onKeepMine,
}: {
  mine: T;
  theirs: T;
  labels: Partial<Record<keyof T, string>>;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const t = useTranslations("editor.stale");
  const fields = (Object.keys(theirs) as (keyof T)[]).filter((k) => k !== "zone" && JSON.stringify(theirs[k]) !== JSON.stringify(mine[k]));
  return (
    <div role="alert" className="space-y-2 rounded border border-red-700 bg-red-50 p-3 text-red-950" data-testid="stale-notice">
      <p className="font-medium">{t("title")}</p>
      {fields.length ? (
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-2">
                {t("field")}
              </th>
              <th scope="col" className="pr-2">
                {t("theirs")}
              </th>
              <th scope="col">{t("mine")}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((k) => (
              <tr key={String(k)} className="align-top">
                <th scope="row" className="pr-2 text-left font-medium">
                  {labels[k] ?? String(k)}
                </th>
                <td className="pr-2">{show(theirs[k])}</td>
                <td>{show(mine[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm">{t("same")}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onTakeTheirs} className="rounded border border-red-800 px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-sky-700">
          {t("takeTheirs")}
        </button>
        <button type="button" onClick={onKeepMine} className="rounded bg-red-800 px-3 py-1.5 text-white focus-visible:outline-2 focus-visible:outline-sky-700">
          {t("keepMine")}
        </button>
      </div>
    </div>
  );
}
