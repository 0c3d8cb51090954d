// Register for an event: its policy and window decide whether the form is offered.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { RegisterSection } from "@/components/registration/register-section";
import { FormAlert } from "@/components/ui/field";
import { getActor } from "@/lib/auth/current";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { registerAction } from "@/lib/registration/actions";
import { getMembership, getRegistrationContextOrThrow } from "@/lib/registration/data";
import { formatDay, formatClock } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: "register" }))("title") };
}

export default async function RegisterPage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const t = await getTranslations("register");
  const ctx = await orNotFound(getRegistrationContextOrThrow(slug));
  const actor = await getActor();
  const membership = actor ? await getMembership(actor.userId, ctx.event.id) : null;
  if (membership && membership.status !== "cancelled") redirect(`/${locale}/me`);
  const { event } = ctx;
  const when = (d: Date | null) => (d ? `${formatDay(d, event.timeZone, locale)} ${formatClock(d, event.timeZone)} (${event.timeZone})` : "");
  const blocked = event.policy === "invitation" ? t("invitationOnly") : event.window === "notYet" ? t("notYetOpen", { when: when(event.opensAt) }) : event.window === "closed" ? t("closed", { when: when(event.closesAt) }) : null;
  return (
    <section className="space-y-6">
      <Breadcrumbs items={[{ href: `/events/${slug}`, label: pickText(event.title, locale) }]} />
      <h1 className="text-3xl font-semibold">{t("title")}</h1>
      {blocked ? (
        <FormAlert message={blocked} />
      ) : (
        <>
          <p className="text-slate-700">{event.policy === "open" ? t("policyOpen") : t("policyApproval")}</p>
          {event.closesAt && <p className="text-sm text-slate-700">{t("closesAt", { when: when(event.closesAt) })}</p>}
          {!actor && (
            <p className="text-sm">
              {t("haveAccount")}{" "}
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/events/${slug}/register`)}`} className="text-sky-900 underline">
                {t("signInFirst")}
              </Link>
            </p>
          )}
          <RegisterSection ctx={ctx} locale={locale} action={registerAction.bind(null, slug, locale, null)} />
        </>
      )}
    </section>
  );
}
