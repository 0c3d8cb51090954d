// Ask for a password-reset link.
import { getTranslations } from "next-intl/server";
import { RequestResetForm } from "@/components/auth/reset-forms";
import { pageLocale } from "@/lib/http/page";
import { PageMessages } from "@/components/ui/page-messages";

export default async function ResetRequestPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = await getTranslations("auth");
  return (
    <PageMessages add={["forms"]}>
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold">{t("resetTitle")}</h1>
        <p className="text-slate-700">{t("resetIntro")}</p>
        <RequestResetForm locale={locale} />
      </section>
    </PageMessages>
  );
}
