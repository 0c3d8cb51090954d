"use client";
// Agenda filters as a plain GET form, so they live in the URL and work without JavaScript;
// with JavaScript a change applies at once.
import { useTranslations } from "next-intl";

export interface FilterOption {
  value: string;
  label: string;
}

interface Props {
  days: FilterOption[];
  forums: FilterOption[];
  languages: FilterOption[];
  selected: { day?: string; forum?: string; lang?: string; now?: string };
}

export function AgendaFilters({ days, forums, languages, selected }: Props) {
  const t = useTranslations("agenda");
  const field = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-700";
  const select = (name: "day" | "forum" | "lang", label: string, all: string, options: FilterOption[]) => (
    <label className="block text-sm font-medium text-slate-800">
      {label}
      <select name={name} defaultValue={selected[name] ?? ""} className={field} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" role="search" aria-label={t("filters")} className="grid gap-3 rounded border border-slate-200 bg-slate-50 p-3 sm:grid-cols-[1fr_1fr_1fr_auto] print:hidden">
      {select("day", t("day"), t("allDays"), days)}
      {select("forum", t("forum"), t("allForums"), forums)}
      {select("lang", t("language"), t("allLanguages"), languages)}
      {selected.now && <input type="hidden" name="now" value={selected.now} />}
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-sky-900 px-3 py-1.5 text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
          {t("apply")}
        </button>
        <a href="?" className="px-1 py-1.5 text-sm text-sky-900 underline">
          {t("clear")}
        </a>
      </div>
    </form>
  );
}
