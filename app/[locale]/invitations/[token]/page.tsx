// Accept an invitation: the registration form pre-filled from it; submitting approves it.
import { getTranslations } from "next-intl/server";
import { RegisterSection } from "@/components/registration/register-section";
import { FormAlert } from "@/components/ui/field";
import { pageLocale } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { registerAction } from "@/lib/registration/actions";
import { getRegistrationContextOrThrow } from "@/lib/registration/data";
import { getInvitation } from "@/lib/registration/invitations";
import { PageMessages } from "@/components/ui/page-messages";

export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const locale = await pageLocale(params);
  const { token } = await params;
  const t = await getTranslations("register");
  const te = await getTranslations("errors");
  const invitation = await getInvitation(token);
  if (!invitation) {
    return (
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold">{t("invitationTitle")}</h1>
        <FormAlert message={te("invitationInvalid")} />
      </section>
    );
  }
  const ctx = await getRegistrationContextOrThrow(invitation.event.slug);
  return (
    <PageMessages add={["forms"]}>
      <section className="space-y-6">
        <h1 className="text-3xl font-semibold">{t("invitationTitle")}</h1>
        <p>{t("invitationIntro", { event: pickText(ctx.event.title, locale), name: invitation.name })}</p>
        <RegisterSection
          ctx={ctx}
          locale={locale}
          lockedEmail={invitation.email}
          // The invitation fixes the tier: one to watch only asks for no forum.
          tiers={[invitation.role === "audience" ? "audience" : "delegate"]}
          action={registerAction.bind(null, invitation.event.slug, locale, token)}
          prefill={{
            name: invitation.name,
            organizationKey: invitation.organization?.key ?? (invitation.organizationOther ? "other" : ""),
            organizationOther: invitation.organizationOther ?? "",
            role: invitation.role === "organizer" ? "delegate" : invitation.role,
            forums: invitation.forumSlugs,
            preferredLanguage: invitation.language,
          }}
        />
      </section>
    </PageMessages>
  );
}
