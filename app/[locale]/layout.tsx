// The document for one interface language: <html lang>, messages, header and footer.
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/ui/site-header";
import { PUBLIC_CLIENT_NAMESPACES, pickNamespaces } from "@/lib/i18n/client-messages";
import { langTag } from "@/lib/i18n/lang";
import { routing } from "@/lib/i18n/routing";
import { pageLocale } from "@/lib/http/page";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "common" });
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = await getTranslations("common");
  const messages = pickNamespaces(await getMessages(), PUBLIC_CLIENT_NAMESPACES);
  return (
    <html lang={langTag[locale]}>
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <NextIntlClientProvider messages={messages}>
          <SiteHeader locale={locale} />
          {/* tabIndex -1: the skip link moves the focus here, so the next Tab starts in the content. */}
          <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 focus:outline-none">
            {children}
          </main>
          <footer className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-600 print:hidden">{t("footer")}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
