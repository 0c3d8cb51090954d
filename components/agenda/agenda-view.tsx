// The agenda: days × forums × sessions, with the filters' form, live/next markers, what is happening
// now and bookmarks, printable. Rendered by the cached agenda page (no filters) and by the filtered
// one (query string): the same for every visitor, so the visitor's own parts (their zone, Join,
// their bookmarks) are filled in by the browser.
import { getTranslations } from "next-intl/server";
import { AgendaFilters } from "@/components/agenda/agenda-filters";
import { LiveStatusProvider } from "@/components/agenda/live/live-status-provider";
import { SessionRow } from "@/components/agenda/session-row";
import { ForumHeading, forumHeadingId } from "@/components/agenda/forum-heading";
import { ViewerDays } from "@/components/agenda/viewer-days";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { HappeningNow } from "@/components/event/happening-now";
import { VisitorProvider } from "@/components/event/visitor";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { agendaDays, filterAgenda, markLiveAndNext, type LiveMarks } from "@/lib/agenda/agenda";
import { shownZones, zonePlace, type ShownZone } from "@/lib/agenda/display-zones";
import type { AgendaForum } from "@/lib/agenda/types";
import { nowForums } from "@/lib/event-state/now-forums";
import { getPublicAgenda } from "@/lib/agenda/public";
import type { AgendaFilters as Filters } from "@/lib/agenda/schema";
import { orNotFound } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { dayNoon } from "@/lib/time/days";
import { formatDay, parseInstant } from "@/lib/time/zones";

export async function agendaTitle(slug: string, locale: Locale): Promise<string> {
  const t = await getTranslations({ locale, namespace: "agenda" });
  const { agenda } = await orNotFound(getPublicAgenda(slug));
  return `${t("title")} · ${pickText(agenda.event.title, locale)}`;
}

function ForumSection({ forum, slug, zones, locale, marks }: { forum: AgendaForum; slug: string; zones: ShownZone[]; locale: Locale; marks: LiveMarks }) {
  return (
    <section aria-labelledby={forumHeadingId(forum.id)} className="mt-4" data-testid="agenda-forum" data-forum={forum.slug}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <ForumHeading forum={forum} eventSlug={slug} locale={locale} />
        <ZonedTimes start={forum.startsAt.toISOString()} end={forum.endsAt.toISOString()} zones={zones} />
      </div>
      <ol className="mt-2">
        {forum.sessions.map((s) => (
          <SessionRow key={s.id} session={s} zones={zones} locale={locale} marker={marks.live.has(s.id) ? "live" : marks.next === s.id ? "next" : undefined} />
        ))}
      </ol>
    </section>
  );
}

export async function AgendaView({ slug, locale, filters }: { slug: string; locale: Locale; filters: Filters }) {
  const t = await getTranslations("agenda");
  const tl = await getTranslations("languages");
  const tr = await getTranslations("library");
  const { agenda } = await orNotFound(getPublicAgenda(slug));
  const { event } = agenda;
  const zone = event.timeZone;
  const now = parseInstant(filters.now) ?? new Date();
  const marks = markLiveAndNext(
    agenda.forums.flatMap((f) => f.sessions),
    now,
  );
  const shown = filterAgenda(agenda.forums, filters, zone);
  const zones = shownZones(event.displayZones, locale);
  const place = zonePlace(zone, event.displayZones, locale);
  const zoneNames = event.displayZones.map((z) => `${pickText(z.label, locale)} (${z.abbr})`).join(", ");

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <Breadcrumbs items={[{ href: `/events/${slug}`, label: pickText(event.title, locale) }]} />
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("timesNote", { zones: zoneNames })}</p>
        <p className="flex flex-wrap gap-3 print:hidden">
          <a href={`/api/events/${slug}/agenda.ics?lang=${locale}`} className="text-sky-900 underline" data-testid="agenda-ics">
            {t("addToCalendar")}
          </a>
          <Link href={`/events/${slug}/recordings`} className="text-sky-900 underline" data-testid="recordings-link">
            {tr("link")}
          </Link>
        </p>
      </header>

      <LiveStatusProvider slug={slug} now={now.toISOString()} frozen={!!filters.now}>
        <VisitorProvider slug={slug}>
          <HappeningNow slug={slug} forums={nowForums(agenda.forums, locale)} homeZone={zone} />
          <AgendaFilters
            days={agendaDays(agenda.forums, zone).map((d) => ({ value: d, label: `${formatDay(dayNoon(d), "UTC", locale)} (${place})` }))}
            forums={agenda.forums.map((f) => ({ value: f.slug, label: pickText(f.title, locale) }))}
            languages={event.languages.map((l) => ({ value: l, label: tl(l) }))}
            selected={filters}
          />
          {shown.length === 0 && <p data-testid="agenda-empty">{t("noResults")}</p>}
          <ViewerDays
            homeZone={zone}
            homePlace={place}
            items={shown.map((forum) => ({
              key: forum.id,
              startsAt: forum.startsAt.toISOString(),
              node: <ForumSection forum={forum} slug={slug} zones={zones} locale={locale} marks={marks} />,
            }))}
          />
        </VisitorProvider>
      </LiveStatusProvider>
    </article>
  );
}
