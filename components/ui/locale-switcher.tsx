"use client";
// Switches the interface language and keeps the current page and its query string. A cached
// page is rendered without a query string: the links carry the path alone until the browser
// fills the query in (Suspense), and that is also what a reader without JavaScript gets.
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { langTag } from "@/lib/i18n/lang";
import { endonym } from "@/lib/i18n/language-names";
import { locales } from "@/lib/i18n/routing";

function LocaleLinks({ query }: { query: Record<string, string> }) {
  const t = useTranslations("nav");
  const current = useLocale();
  const pathname = usePathname();
  return (
    <nav aria-label={t("language")} className="print:hidden">
      <ul className="flex gap-1 text-sm">
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={{ pathname, query }}
              locale={locale}
              hrefLang={langTag[locale]}
              lang={langTag[locale]}
              aria-current={locale === current ? "true" : undefined}
              className={
                "rounded px-2 py-1 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700 " + (locale === current ? "bg-sky-900 text-white" : "text-sky-900")
              }
            >
              {endonym(locale)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LinksWithQuery() {
  const search = useSearchParams();
  return <LocaleLinks query={Object.fromEntries(search.entries())} />;
}

export function LocaleSwitcher() {
  return (
    <Suspense fallback={<LocaleLinks query={{}} />}>
      <LinksWithQuery />
    </Suspense>
  );
}
