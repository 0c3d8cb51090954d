"use client";
// Switches the interface language and keeps the current page and its query string.
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { langTag } from "@/lib/i18n/lang";
import { locales } from "@/lib/i18n/routing";

const nativeNames = { ko: "한국어", zh: "中文", en: "English" } as const;

export function LocaleSwitcher() {
  const t = useTranslations("nav");
  const current = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const query = Object.fromEntries(search.entries());
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
                "rounded px-2 py-1 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700 " +
                (locale === current ? "bg-sky-900 text-white" : "text-sky-900")
              }
            >
              {nativeNames[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
