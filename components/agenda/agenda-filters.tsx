"use client";
// Agenda filters as a plain GET form, so they live in the URL and work without JavaScript;
// with JavaScript a change applies at once.
import { useTranslations } from "next-intl";
import { FilterSelect, type FilterOption } from "@/components/ui/filter-select";

interface Props {
  days: FilterOption[];
  forums: FilterOption[];
  languages: FilterOption[];
  selected: { day?: string; forum?: string; lang?: string; now?: string };
}

export function AgendaFilters({ days, forums, languages, selected }: Props) {
  const t = useTranslations("agenda");
  return (
    <form method="get" role="search" aria-label={t("filters")} className="grid gap-3 rounded border border-slate-200 bg-slate-50 p-3 sm:grid-cols-[1fr_1fr_1fr_auto] print:hidden">
      <FilterSelect name="day" label={t("day")} allLabel={t("allDays")} value={selected.day} options={days} autoSubmit />
      <FilterSelect name="forum" label={t("forum")} allLabel={t("allForums")} value={selected.forum} options={forums} autoSubmit />
      <FilterSelect name="lang" label={t("language")} allLabel={t("allLanguages")} value={selected.lang} options={languages} autoSubmit />
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
