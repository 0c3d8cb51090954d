// Download the draft agenda: a plain GET form, so it works without JavaScript; the second button
// sends the same choice to the XLSX address.
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

const buttonClass = "rounded bg-sky-900 px-4 py-2 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700";

export async function ExportForm({ slug, locale, zone }: { slug: string; locale: Locale; zone: string }) {
  const t = await getTranslations("transfer.export");
  const base = `/api/organizer/events/${slug}/agenda`;
  return (
    <section aria-labelledby="transfer-export" className="space-y-3 rounded border border-slate-300 p-4">
      <h2 id="transfer-export" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("hint", { zone })}</p>
      <form method="get" action={`${base}.csv`} className="flex flex-wrap items-end gap-3" data-testid="transfer-export">
        <div>
          <label htmlFor="transfer-lang" className="block text-sm font-medium text-slate-800">
            {t("headerLanguage")}
          </label>
          <select id="transfer-lang" name="lang" defaultValue={locale} className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5 focus-visible:outline-2 focus-visible:outline-sky-700">
            <option value="">{t("keys")}</option>
            <option value="ko">{t("ko")}</option>
            <option value="zh">{t("zh")}</option>
            <option value="en">{t("en")}</option>
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          {t("csv")}
        </button>
        <button type="submit" formAction={`${base}.xlsx`} className={buttonClass}>
          {t("xlsx")}
        </button>
      </form>
    </section>
  );
}
