// After registering without a confirmed address: the registration waits for the mailed link.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/http/page";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "register" }))("checkEmailTitle") };
}

export default async function RegisterCheckEmailPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  await pageLocale(params);
  const t = await getTranslations("register");
  return (
    <section className="space-y-3" data-testid="register-check-email">
      <h1 className="text-3xl font-semibold">{t("checkEmailTitle")}</h1>
      <p className="max-w-2xl">{t("checkEmailBody")}</p>
    </section>
  );
}
