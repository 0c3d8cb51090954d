// The registration call to action of the event home: Register only while registration is open (with
// the waitlist announced once the places are taken), else when it opens or that it closed; a
// visitor already registered is sent to My conference instead, and a finished event to its recordings.
import { getTranslations } from "next-intl/server";
import { ZonedInstant } from "@/components/agenda/zoned-instant";
import type { EventPhase, RegistrationOffer, VisitorStanding } from "@/lib/event-state/state";
import { Link } from "@/lib/i18n/navigation";

const primary = "inline-block rounded bg-sky-900 px-4 py-2 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700";
const secondary = "inline-block rounded border border-sky-900 px-4 py-2 text-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700";

interface Props {
  slug: string;
  offer: RegistrationOffer;
  phase: EventPhase;
  standing: VisitorStanding;
  zone: string;
  place: string;
}

export async function RegistrationCta({ slug, offer, phase, standing, zone, place }: Props) {
  const t = await getTranslations("cta");
  const ts = await getTranslations("registrationStatuses");
  const reg = standing.registration;
  const registered = reg && reg.status !== "cancelled";
  return (
    <div className="space-y-2 rounded border border-slate-300 bg-slate-50 p-3" data-testid="registration-cta" data-offer={registered ? "registered" : offer.kind} data-phase={phase}>
      {phase === "over" && (
        <p className="flex flex-wrap items-center gap-3">
          <span>{t("over")}</span>
          <Link href={`/events/${slug}/recordings`} className={secondary} data-testid="cta-recordings">
            {t("watchRecordings")}
          </Link>
        </p>
      )}
      {registered ? (
        <p className="flex flex-wrap items-center gap-3">
          <span data-testid="cta-registered">{t("registered", { status: ts(reg.status) })}</span>
          <Link href="/me" className={secondary}>
            {t("myConference")}
          </Link>
        </p>
      ) : offer.kind === "open" ? (
        <>
          {offer.full && (
            <p role="note" className="text-amber-950" data-testid="cta-waitlist">
              {t("full")}
            </p>
          )}
          <p className="flex flex-wrap items-center gap-3">
            <Link href={`/events/${slug}/register`} className={primary} data-testid="register-link">
              {offer.full ? t("registerWaitlist") : t("register")}
            </Link>
            {offer.closesAt && (
              <span className="text-sm text-slate-700">
                {t("closes")}: <ZonedInstant at={offer.closesAt.toISOString()} zone={zone} place={place} />
              </span>
            )}
          </p>
        </>
      ) : offer.kind === "audienceOnly" ? (
        <>
          <p data-testid="cta-audience-only">{t("audienceOnly")}</p>
          <p className="flex flex-wrap items-center gap-3">
            <Link href={`/events/${slug}/register`} className={primary} data-testid="register-link">
              {t("registerToWatch")}
            </Link>
            {offer.closesAt && (
              <span className="text-sm text-slate-700">
                {t("closes")}: <ZonedInstant at={offer.closesAt.toISOString()} zone={zone} place={place} />
              </span>
            )}
          </p>
        </>
      ) : offer.kind === "notYet" ? (
        <p data-testid="cta-opens">
          {t("opens")}: <ZonedInstant at={offer.opensAt.toISOString()} zone={zone} place={place} />
        </p>
      ) : offer.kind === "closed" ? (
        <p data-testid="cta-closed">
          {t("closed")}: <ZonedInstant at={offer.closesAt.toISOString()} zone={zone} place={place} />
        </p>
      ) : (
        <p data-testid="cta-invitation">{t("invitationOnly")}</p>
      )}
    </div>
  );
}
