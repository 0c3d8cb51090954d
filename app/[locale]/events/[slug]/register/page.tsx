// Register for an event: the form only while registration is open (announcing the waitlist once the
// places are taken); otherwise when it opens or that it closed, with the way on from there. The
// form offers the tiers the event's policies allow: taking part (delegate) and watching only
// (audience), each with its own policy and places.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ZonedInstant } from "@/components/agenda/zoned-instant";
import { RegisterSection } from "@/components/registration/register-section";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { zonePlace } from "@/lib/agenda/display-zones";
import { getActor } from "@/lib/auth/current";
import { getRegistrationOfferOrThrow } from "@/lib/event-state/data";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { registerAction } from "@/lib/registration/actions";
import { getMembership, getRegistrationContextOrThrow } from "@/lib/registration/data";
import { PageMessages } from "@/components/ui/page-messages";

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
  const tc = await getTranslations("cta");
  const [ctx, { offer }] = await Promise.all([orNotFound(getRegistrationContextOrThrow(slug)), orNotFound(getRegistrationOfferOrThrow(slug))]);
  const actor = await getActor();
  const membership = actor ? await getMembership(actor.userId, ctx.event.id) : null;
  if (membership && membership.status !== "cancelled") redirect(`/${locale}/me`);
  const { event } = ctx;
  const place = zonePlace(event.timeZone, event.displayZones, locale);
  const instant = (d: Date) => <ZonedInstant at={d.toISOString()} zone={event.timeZone} place={place} />;
  const delegateOpen = offer.kind === "open";
  const audience = event.window === "open" && event.audience.kind === "open" ? event.audience : null;
  const tiers = [...(delegateOpen ? (["delegate"] as const) : []), ...(audience ? (["audience"] as const) : [])];
  return (
    <PageMessages add={["forms"]}>
      <section className="space-y-6">
        <Breadcrumbs items={[{ href: `/events/${slug}`, label: pickText(event.title, locale) }]} />
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        {tiers.length === 0 ? (
          <div className="space-y-3 rounded border border-slate-300 bg-slate-50 p-4" data-testid="registration-unavailable" data-offer={offer.kind}>
            <p>
              {offer.kind === "notYet" && (
                <>
                  {tc("opens")}: {instant(offer.opensAt)}
                </>
              )}
              {offer.kind === "closed" && (
                <>
                  {tc("closed")}: {instant(offer.closesAt)}
                </>
              )}
              {offer.kind === "invitation" && tc("invitationOnly")}
            </p>
            <p className="flex flex-wrap gap-4">
              <Link href={`/events/${slug}`} className="text-sky-900 underline">
                {pickText(event.title, locale)}
              </Link>
              <Link href={`/events/${slug}/agenda`} className="text-sky-900 underline">
                {t("agenda")}
              </Link>
            </p>
          </div>
        ) : (
          <>
            {offer.kind === "open" ? (
              <p className="text-slate-700">{offer.policy === "open" ? t("policyOpen") : t("policyApproval")}</p>
            ) : (
              <p className="text-slate-700" data-testid="audience-only">
                {t("audienceOnly")}
              </p>
            )}
            {offer.kind === "open" && offer.full && (
              <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="waitlist-notice">
                {tc("full")}
              </p>
            )}
            {audience?.policy === "approval" && <p className="text-slate-700">{t("audienceApproval")}</p>}
            {audience?.full && (
              <p role="note" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="audience-waitlist-notice">
                {t("audienceFull")}
              </p>
            )}
            {event.closesAt && (
              <p className="text-sm text-slate-700">
                {tc("closes")}: {instant(event.closesAt)}
              </p>
            )}
            {!actor && (
              <p className="text-sm">
                {t("haveAccount")}{" "}
                <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/events/${slug}/register`)}`} className="text-sky-900 underline">
                  {t("signInFirst")}
                </Link>
              </p>
            )}
            <RegisterSection ctx={ctx} locale={locale} tiers={tiers} action={registerAction.bind(null, slug, locale, null)} />
          </>
        )}
      </section>
    </PageMessages>
  );
}
