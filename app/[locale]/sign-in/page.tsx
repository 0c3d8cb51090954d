// Sign in with a password or a link by mail.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormAlert } from "@/components/ui/field";
import { pageLocale } from "@/lib/http/page";
import { Link } from "@/lib/i18n/navigation";
import { PageMessages } from "@/components/ui/page-messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "auth" }))("signInTitle") };
}

export default async function SignInPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Search }) {
  const locale = await pageLocale(params);
  const t = await getTranslations("auth");
  const { callbackUrl, reset, error } = await searchParams;
  return (
    <PageMessages add={["forms"]}>
      <section className="space-y-6">
        <h1 className="text-3xl font-semibold">{t("signInTitle")}</h1>
        {reset && <FormAlert tone="info" message={t("passwordChanged")} />}
        {error && <FormAlert message={t("linkFailed")} />}
        <SignInForm locale={locale} callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/reset-password" className="text-sky-900 underline">
            {t("forgotPassword")}
          </Link>
        </p>
      </section>
    </PageMessages>
  );
}
