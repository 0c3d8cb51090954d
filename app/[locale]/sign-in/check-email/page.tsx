// After asking for a sign-in link.
import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/env";
import { pageLocale } from "@/lib/http/page";

export const dynamic = "force-dynamic";

export default async function CheckEmailPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const t = await getTranslations("auth");
  return (
    <section className="space-y-3" data-testid="check-email">
      <h1 className="text-3xl font-semibold">{t("checkEmailTitle")}</h1>
      <p>{t("checkEmailBody", { minutes: getEnv().SIGN_IN_LINK_MINUTES })}</p>
    </section>
  );
}
