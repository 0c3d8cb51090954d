// A forum: its time block, its host organisations, its sessions in order.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LiveStatusProvider } from "@/components/agenda/live/live-status-provider";
import { SessionRow } from "@/components/agenda/session-row";
import { ViewerTime } from "@/components/agenda/viewer-time";
import { VisitorProvider } from "@/components/event/visitor";
import { ViewerDays } from "@/components/agenda/viewer-days";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { shownZones, zonePlace } from "@/lib/agenda/display-zones";
import { forumRow, RowOrgs } from "@/lib/agenda/rows";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import { getActor } from "@/lib/auth/current";
import { getWatchView } from "@/lib/broadcast/data";
import { Link } from "@/lib/i18n/navigation";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { PageSection } from "@/components/ui/page-section";
import { pickText } from "@/lib/i18n/localized";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string; forumSlug: string }>;

async function load(params: Params) {
  const locale = await pageLocale(params);
  const { slug, forumSlug } = await params;
  const agenda = await orNotFound(getAgendaOrThrow(slug));
  const forum = agenda.forums.find((f) => f.slug === forumSlug);
  if (!forum) notFound();
  return { locale, agenda, forum };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, forum } = await load(params);
  return { title: pickText(forum.title, locale) };
}

export default async function ForumPage({ params }: { params: Params }) {
  const { locale, agenda, forum } = await load(params);
  const { event } = agenda;
  const t = await getTranslations("forum");
  const tw = await getTranslations("watch");
  const watch = await getWatchView(await getActor(), locale, event.slug, forum.slug);
  const broadcasts = watch.settings.webrtc || watch.settings.hls;
  const onAir = watch.broadcast?.status === "live" || watch.broadcast?.status === "starting";
  const zones = shownZones(event.displayZones, locale);
  const orgs = new RowOrgs(locale);
  const rows = forumRow(forum, locale, orgs);
  return (
    <article className="space-y-6">
      <Breadcrumbs
        items={[
          { href: `/events/${event.slug}`, label: pickText(event.title, locale) },
          { href: `/events/${event.slug}/agenda`, label: t("agenda") },
        ]}
      />
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">{pickText(forum.title, locale)}</h1>
        <ViewerTime start={forum.startsAt.toISOString()} end={forum.endsAt.toISOString()} />
        <ZonedTimes start={forum.startsAt.toISOString()} end={forum.endsAt.toISOString()} zones={zones} />
        <p className="max-w-3xl">{pickText(forum.description, locale)}</p>
        {broadcasts && (
          <p>
            <Link
              href={`/events/${event.slug}/forums/${forum.slug}/watch`}
              className="inline-block rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
              data-testid="watch-live-link"
            >
              {tw("link")}
              {onAir && <span className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold uppercase">{tw("onAirNow")}</span>}
            </Link>
          </p>
        )}
      </header>
      <PageSection id="hosts" title={t("hosts")}>
        <ul className="mt-2 list-inside list-disc" data-testid="forum-hosts">
          {forum.hosts.map((h) => (
            <li key={h.key}>
              {pickText(h.name, locale)} <span className="text-slate-600">({h.country})</span>
            </li>
          ))}
        </ul>
      </PageSection>
      <PageSection id="sessions" title={t("sessions")}>
        <LiveStatusProvider slug={event.slug} now={new Date().toISOString()}>
          <VisitorProvider slug={event.slug}>
            <ViewerDays
              homeZone={event.timeZone}
              homePlace={zonePlace(event.timeZone, event.displayZones, locale)}
              level={3}
              testId="forum-day"
              items={[
                {
                  key: forum.id,
                  startsAt: forum.startsAt.toISOString(),
                  node: (
                    <ol className="mt-2">
                      {rows.sessions.map((s) => (
                        <SessionRow key={s.id} session={s} zones={zones} orgs={orgs.list} />
                      ))}
                    </ol>
                  ),
                },
              ]}
            />
          </VisitorProvider>
        </LiveStatusProvider>
      </PageSection>
    </article>
  );
}
