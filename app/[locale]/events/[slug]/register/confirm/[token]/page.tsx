// Confirm a registration's address with the mailed link: with the password chosen (a new account),
// or signed in as the account whose address it is.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmForm } from "@/components/registration/confirm-form";
import { FormAlert } from "@/components/ui/field";
import { getActor } from "@/lib/auth/current";
import { pageLocale } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { confirmRegistrationAction } from "@/lib/registration/actions";
import { getConfirmation } from "@/lib/registration/confirmation";
import { PageMessages } from "@/components/ui/page-messages";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "register" }))("confirmTitle") };
}

export default async function ConfirmRegistrationPage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const { slug, token } = await params;
  const t = await getTranslations("register");
  const te = await getTranslations("errors");
  const confirmation = await getConfirmation(token);
  if (!confirmation || confirmation.event.slug !== slug) {
    return (
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold">{t("confirmTitle")}</h1>
        <FormAlert message={te("confirmationInvalid")} />
        <Link href={`/events/${slug}/register`} className="text-sky-900 underline">
          {t("registerAgain")}
        </Link>
      </section>
    );
  }
  const actor = await getActor();
  const here = `/${locale}/events/${slug}/register/confirm/${token}`;
  const mustSignIn = !!confirmation.userId && actor?.userId !== confirmation.userId;
  return (
    <PageMessages add={["forms"]}>
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold">{t("confirmTitle")}</h1>
        <p>{t("confirmIntro", { event: pickText(confirmation.event.title, locale), email: confirmation.email })}</p>
        {mustSignIn ? (
          <p>
            {t("signInToConfirm", { email: confirmation.email })}{" "}
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className="text-sky-900 underline">
              {t("signIn")}
            </Link>
          </p>
        ) : (
          <ConfirmForm action={confirmRegistrationAction.bind(null, slug, locale, token)} email={confirmation.email} needsPassword={confirmation.needsPassword} />
        )}
      </section>
    </PageMessages>
  );
}
