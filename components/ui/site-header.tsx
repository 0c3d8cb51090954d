// The bar on every page: the product, the language switcher.
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/lib/i18n/navigation";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader() {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white print:border-0">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-sky-900 focus-visible:outline-2 focus-visible:outline-sky-700">
          {t("appName")}
        </Link>
        <Suspense>
          <LocaleSwitcher />
        </Suspense>
      </div>
    </header>
  );
}
