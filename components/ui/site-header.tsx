// The bar on every page: the product, the person's menu, the language switcher.
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { signOutAction } from "@/lib/auth/actions";
import { getCurrentUser } from "@/lib/auth/current";
import { getOrganizedEvents } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { NameText } from "./lang-text";
import { LocaleSwitcher } from "./locale-switcher";

const navLink = "rounded px-2 py-1 text-sky-900 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations("common");
  // The header must render even when the database is down (the error page sits inside it).
  const user = await getCurrentUser().catch(() => null);
  const organizes = user ? (await getOrganizedEvents(user.id).catch(() => [])).length > 0 : false;
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
          {user ? (
            <>
              <span className="px-2 text-slate-700" data-testid="signed-in-as">
                {user.name ? <NameText name={user.name} locale={locale} /> : user.email}
              </span>
              <Link href="/me" className={navLink}>
                {t("myConference")}
              </Link>
              {organizes && (
                <Link href="/organizer" className={navLink}>
                  {t("organizer")}
                </Link>
              )}
              <form action={signOutAction.bind(null, locale)}>
                <button type="submit" className={navLink}>
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : (
            <Link href="/sign-in" className={navLink}>
              {t("signIn")}
            </Link>
          )}
        </nav>
        <Suspense>
          <LocaleSwitcher />
        </Suspense>
      </div>
    </header>
  );
}
