// The localized 404 page (unknown event, forum, session or path).
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <section className="py-12" data-testid="not-found">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("body")}</p>
      <p className="mt-6">
        <Link href="/" className="text-sky-900 underline">
          {t("home")}
        </Link>
      </p>
    </section>
  );
}
