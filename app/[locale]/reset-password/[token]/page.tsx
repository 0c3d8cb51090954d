// Choose a new password from a reset link.
import { getTranslations } from "next-intl/server";
import { NewPasswordForm } from "@/components/auth/reset-forms";
import { FormAlert } from "@/components/ui/field";
import { isResetTokenUsable } from "@/lib/account/reset";
import { pageLocale } from "@/lib/http/page";
import { Link } from "@/lib/i18n/navigation";
import { PageMessages } from "@/components/ui/page-messages";

export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const locale = await pageLocale(params);
  const { token } = await params;
  const t = await getTranslations("auth");
  const te = await getTranslations("errors");
  const usable = await isResetTokenUsable(token);
  return (
    <PageMessages add={["forms"]}>
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold">{t("newPasswordTitle")}</h1>
        {usable ? (
          <NewPasswordForm locale={locale} token={token} />
        ) : (
          <>
            <FormAlert message={te("resetInvalid")} />
            <Link href="/reset-password" className="text-sky-900 underline">
              {t("forgotPassword")}
            </Link>
          </>
        )}
      </section>
    </PageMessages>
  );
}
