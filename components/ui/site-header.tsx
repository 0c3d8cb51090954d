// The bar on every page: the product, the person's menu, the language switcher. Nothing here
// depends on who is asking (the account menu asks from the browser), so pages may be cached.
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { AccountMenu } from "./account-menu";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-sky-900 focus-visible:outline-2 focus-visible:outline-sky-700">
          {t("appName")}
        </Link>
        <nav aria-label={t("account")} className="flex flex-wrap items-center gap-1 text-sm">
          <AccountMenu locale={locale} />
        </nav>
        <LocaleSwitcher />
      </div>
    </header>
  );
}
