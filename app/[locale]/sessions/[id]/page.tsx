// A session: titles, abstract, speakers, time in the viewer's and the event's zones, calendar and
// My agenda, the Join control for this visitor now, its recording once published (the status, the
// Join control and the player agreeing), and links to its neighbours in the running order.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KindBadge, LanguageBadge } from "@/components/agenda/badges";
import { LiveStatusBadge } from "@/components/agenda/live/live-status-badge";
import { LiveStatusProvider } from "@/components/agenda/live/live-status-provider";
import { JoinControl } from "@/components/agenda/join-control";
import { MaterialList } from "@/components/materials/material-list";
import { BookmarkButton } from "@/components/my-agenda/bookmark-button";
import { VisitorProvider } from "@/components/event/visitor";
import { SessionQa } from "@/components/qa/session-qa";
import { SessionRecording } from "@/components/recordings/session-recording";
import { SpeakerList } from "@/components/agenda/speaker-list";
import { ViewerTime } from "@/components/agenda/viewer-time";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getSessionContextOrThrow } from "@/lib/agenda/data";
import { shownZones, zonePlace } from "@/lib/agenda/display-zones";
import { getActor } from "@/lib/auth/current";
import { getRegistrationOfferOrThrow, getVisitorSnapshot } from "@/lib/event-state/data";
import { takesRegistrations, type VisitorSnapshot } from "@/lib/event-state/state";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { PageSection } from "@/components/ui/page-section";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { locales } from "@/lib/i18n/routing";
import { getRecordingAvailability } from "@/lib/recordings/availability";
import { parseOffset } from "@/lib/recordings/chapters";
import { parseInstant } from "@/lib/time/zones";
import { PageMessages } from "@/components/ui/page-messages";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { id } = await params;
  const { session } = await orNotFound(getSessionContextOrThrow(id));
  return { title: pickText(session.title, locale) };
}

export default async function SessionPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const locale = await pageLocale(params);
  const { id } = await params;
  const { now: nowParam, t: atParam } = await searchParams;
  const fixedNow = parseInstant(Array.isArray(nowParam) ? nowParam[0] : nowParam);
  const now = fixedNow ?? new Date();
  const at = Array.isArray(atParam) ? atParam[0] : atParam;
  const t = await getTranslations("session");
  const { agenda, forum, session, previous, next } = await orNotFound(getSessionContextOrThrow(id));
  const { event } = agenda;
  const actor = await getActor();
  const [{ offer }, snapshot, recording] = await Promise.all([getRegistrationOfferOrThrow(event.slug, now), getVisitorSnapshot(actor, event.id), getRecordingAvailability(actor, session.id)]);
  const visitor: VisitorSnapshot = { ...snapshot, registrationOpen: takesRegistrations(offer) };
  const title = pickText(session.title, locale);
  const speakers = session.speakers.filter((sp) => sp.role !== "interpreter");
  const interpreters = session.speakers.filter((sp) => sp.role === "interpreter");
  const otherTitles = locales.filter((l) => l !== locale && session.title[l] && session.title[l] !== session.title[locale]);

  return (
    <PageMessages add={["qa", "player"]}>
      <article className="space-y-6">
        <Breadcrumbs
          items={[
            { href: `/events/${event.slug}`, label: pickText(event.title, locale) },
            { href: `/events/${event.slug}/agenda`, label: t("agenda") },
            { href: `/events/${event.slug}/forums/${forum.slug}`, label: pickText(forum.title, locale) },
          ]}
        />

        <header className="space-y-3">
          <div className="flex flex-wrap gap-2">
            <LiveStatusProvider slug={event.slug} now={now.toISOString()} frozen={!!fixedNow}>
              <LiveStatusBadge sessionId={session.id} initial={session.status} slot={{ startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString() }} />
            </LiveStatusProvider>
            <KindBadge kind={session.kind} />
            <LanguageBadge language={session.language} />
          </div>
          <h1 className="text-3xl font-semibold">{title}</h1>
          {otherTitles.length > 0 && (
            <ul className="text-slate-700" aria-label={t("otherTitles")}>
              {otherTitles.map((l) => (
                <li key={l} lang={l}>
                  {session.title[l]}
                </li>
              ))}
            </ul>
          )}
        </header>

        <section aria-labelledby="when" className="space-y-1">
          <h2 id="when" className="text-xl font-semibold">
            {t("when")}
          </h2>
          <ViewerTime start={session.startsAt.toISOString()} end={session.endsAt.toISOString()} />
          <ZonedTimes start={session.startsAt.toISOString()} end={session.endsAt.toISOString()} zones={shownZones(event.displayZones, locale)} />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 pt-2">
            <a href={`/api/sessions/${session.id}/ics?lang=${locale}`} className="text-sky-900 underline" data-testid="session-ics">
              {t("addToCalendar")}
            </a>
            <VisitorProvider slug={event.slug} initial={visitor}>
              <BookmarkButton sessionId={session.id} title={title} offerSignIn />
            </VisitorProvider>
          </div>
        </section>

        <JoinControl
          session={session}
          forum={forum}
          slug={event.slug}
          locale={locale}
          now={now}
          visitor={visitor}
          recording={recording.kind}
          zone={event.timeZone}
          place={zonePlace(event.timeZone, event.displayZones, locale)}
        />

        <SessionRecording availability={recording} locale={locale} startMs={at ? parseOffset(at) : null} />

        <PageSection id="abstract" title={t("abstract")}>
          <p className="mt-2 max-w-3xl whitespace-pre-line">{pickText(session.abstract, locale)}</p>
        </PageSection>

        <PageSection id="speakers" title={t("speakers")}>
          <div className="mt-2" data-testid="speakers">
            {speakers.length ? <SpeakerList speakers={speakers} locale={locale} roleLabels={{ moderator: t("moderator") }} /> : <p>{t("noSpeakers")}</p>}
          </div>
        </PageSection>

        {interpreters.length > 0 && (
          <PageSection id="interpreters" title={t("interpreters")}>
            <div className="mt-2" data-testid="interpreters">
              <SpeakerList speakers={interpreters} locale={locale} />
            </div>
          </PageSection>
        )}

        <MaterialList sessionId={session.id} locale={locale} />

        <SessionQa sessionId={session.id} />

        <nav aria-label={t("neighbours")} className="flex flex-wrap justify-between gap-4 border-t border-slate-200 pt-4 print:hidden">
          {previous ? (
            <Link href={`/sessions/${previous.id}`} rel="prev" className="text-sky-900 underline" data-testid="previous-session">
              ← {t("previous")}: {pickText(previous.title, locale)}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={`/sessions/${next.id}`} rel="next" className="text-right text-sky-900 underline" data-testid="next-session">
              {t("next")}: {pickText(next.title, locale)} →
            </Link>
          )}
        </nav>
      </article>
    </PageMessages>
  );
}
