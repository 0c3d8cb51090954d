"use client";
// Shown instead of a stack trace when a page fails (e.g. the database is down).
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <section className="py-12" role="alert" data-testid="error-page">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-sky-900 px-4 py-2 text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
        {t("retry")}
      </button>
    </section>
  );
}
