// The library's search: a plain GET form (?q=), so results have an address and work without JavaScript.
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";

export async function LibrarySearch({ query }: { query: string }) {
  const t = await getTranslations("library");
  return (
    <form method="get" role="search" aria-label={t("searchTitle")} className="flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-slate-50 p-3 print:hidden">
      <label className="min-w-64 flex-1 text-sm font-medium text-slate-800">
        {t("searchLabel")}
        <input type="search" name="q" defaultValue={query} maxLength={200} className={inputClass} />
      </label>
      <button type="submit" className="rounded bg-sky-900 px-3 py-1.5 text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
        {t("search")}
      </button>
      {query && (
        <a href="?" className="px-1 py-1.5 text-sm text-sky-900 underline">
          {t("clear")}
        </a>
      )}
    </form>
  );
}
