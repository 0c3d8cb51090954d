// Event home: what, when, who — the five forums, the organisations and the headline counts, with
// links to the agenda and the recordings, and what the event offers this visitor now: Register
// while registration is open, the forums under way with Join for those who may.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LiveStatusProvider } from "@/components/agenda/live/live-status-provider";
import { ViewerTime } from "@/components/agenda/viewer-time";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { HappeningNow } from "@/components/event/happening-now";
import { RegistrationCta } from "@/components/event/registration-cta";
import { VisitorProvider } from "@/components/event/visitor";
import { BarChart } from "@/components/ui/bar-chart";
import { getAgendaOrThrow, getEventStats } from "@/lib/agenda/data";
import { shownZones, zonePlace } from "@/lib/agenda/display-zones";
import { getActor } from "@/lib/auth/current";
import { getRegistrationOfferOrThrow, getVisitorSnapshot } from "@/lib/event-state/data";
import { nowForums } from "@/lib/event-state/now-forums";
import { eventPhase, takesRegistrations, type VisitorSnapshot } from "@/lib/event-state/state";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { PageSection } from "@/components/ui/page-section";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { formatDateRange } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const agenda = await orNotFound(getAgendaOrThrow(slug));
  return { title: pickText(agenda.event.title, locale) };
}

export default async function EventPage({ params }: { params: Params }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const t = await getTranslations("event");
  const tl = await getTranslations("library");
  const tm = await getTranslations("meetings");
  const agenda = await orNotFound(getAgendaOrThrow(slug));
  const { event, forums } = agenda;
  const now = new Date();
  const actor = await getActor();
  const [stats, { offer }, snapshot] = await Promise.all([getEventStats(event.id), getRegistrationOfferOrThrow(slug, now), getVisitorSnapshot(actor, event.id)]);
  const visitor: VisitorSnapshot = { ...snapshot, registrationOpen: takesRegistrations(offer) };
  const place = zonePlace(event.timeZone, event.displayZones, locale);
  const countryName = new Intl.DisplayNames([locale], { type: "region" });
  const counts = [
    { key: "forums", value: forums.length },
    { key: "sessions", value: forums.reduce((n, f) => n + f.sessions.length, 0) },
    { key: "participants", value: stats.participants },
    { key: "organizations", value: stats.organizations.length },
    { key: "countries", value: stats.countries.length },
  ] as const;
  return (
    <article className="space-y-8">
      <header>
        <h1 className="text-3xl font-semibold">{pickText(event.title, locale)}</h1>
        <p className="mt-2 text-lg text-slate-700" data-testid="event-dates">
          {formatDateRange(event.startsAt, event.endsAt, event.timeZone, locale)} ({place})
        </p>
        <p className="text-slate-700">{pickText(event.venue, locale)}</p>
        <p className="text-slate-700">
          {t("hostCountries")}: {event.hostCountries.map((c) => countryName.of(c)).join(" · ")}
        </p>
        <p className="mt-4 max-w-3xl">{pickText(event.description, locale)}</p>
        <div className="mt-4 space-y-4">
          <RegistrationCta slug={slug} offer={offer} phase={eventPhase(forums, now)} standing={visitor} zone={event.timeZone} place={place} />
          <LiveStatusProvider slug={slug} now={now.toISOString()}>
            <VisitorProvider slug={slug} initial={visitor}>
              <HappeningNow slug={slug} forums={nowForums(forums, locale)} homeZone={event.timeZone} />
            </VisitorProvider>
          </LiveStatusProvider>
        </div>
        <p className="mt-4 flex flex-wrap gap-3">
          <Link href={`/events/${slug}/agenda`} className="rounded bg-sky-900 px-4 py-2 text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
            {t("viewAgenda")}
          </Link>
          <a href={`/api/events/${slug}/agenda.ics?lang=${locale}`} className="rounded border border-sky-900 px-4 py-2 text-sky-900">
            {t("addAgendaToCalendar")}
          </a>
          <Link href={`/events/${slug}/recordings`} className="rounded border border-sky-900 px-4 py-2 text-sky-900" data-testid="recordings-link">
            {tl("link")}
          </Link>
          {visitor.registration?.status === "approved" && visitor.registration.role !== "audience" && (
            <Link href={`/events/${slug}/meetings`} className="rounded border border-sky-900 px-4 py-2 text-sky-900" data-testid="meetings-link">
              {tm("link")}
            </Link>
          )}
        </p>
      </header>

      <section aria-labelledby="counts">
        <h2 id="counts" className="sr-only">
          {t("countsTitle")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="event-counts">
          {counts.map((c) => (
            <div key={c.key} className="rounded border border-slate-200 p-3 text-center">
              <dt className="text-sm text-slate-700">{t(`counts.${c.key}`)}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-count={c.key}>
                {c.value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <PageSection id="forums" title={t("forumsTitle")}>
        <ol className="mt-3 grid gap-3 sm:grid-cols-2">
          {forums.map((f) => (
            <li key={f.id} className="rounded border border-slate-200 p-4" data-testid="forum-card">
              <h3 className="font-semibold">
                <Link href={`/events/${slug}/forums/${f.slug}`} className="text-sky-900 underline-offset-4 hover:underline">
                  {pickText(f.title, locale)}
                </Link>
              </h3>
              <ViewerTime start={f.startsAt.toISOString()} end={f.endsAt.toISOString()} />
              <ZonedTimes start={f.startsAt.toISOString()} end={f.endsAt.toISOString()} zones={shownZones(event.displayZones, locale)} />
            </li>
          ))}
        </ol>
      </PageSection>

      <PageSection id="organizations" title={t("organizationsTitle")}>
        <div className="mt-3">
          <BarChart
            testId="organization-chart"
            caption={t("participantsByOrganization")}
            bars={stats.organizations.map((o) => ({ key: o.key, label: `${pickText(o.name, locale)} (${o.country})`, count: o.participants }))}
          />
        </div>
      </PageSection>
    </article>
  );
}
