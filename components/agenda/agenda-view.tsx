// The agenda: days × forums × sessions, with the filters' form, live/next markers, printable.
// Rendered by the cached agenda page (no filters) and by the filtered one (query string).
import { getTranslations } from "next-intl/server";
import { AgendaFilters } from "@/components/agenda/agenda-filters";
import { LiveStatusProvider } from "@/components/agenda/live-status-provider";
import { SessionRow } from "@/components/agenda/session-row";
import { ForumHeading, forumHeadingId } from "@/components/agenda/forum-heading";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { agendaDays, filterAgenda, groupByDay, markLiveAndNext } from "@/lib/agenda/agenda";
import { getPublicAgenda } from "@/lib/agenda/public";
import type { AgendaFilters as Filters } from "@/lib/agenda/schema";
import { orNotFound } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { formatDay, parseInstant } from "@/lib/time/zones";

export async function agendaTitle(slug: string, locale: Locale): Promise<string> {
  const t = await getTranslations({ locale, namespace: "agenda" });
  const { agenda } = await orNotFound(getPublicAgenda(slug));
  return `${t("title")} · ${pickText(agenda.event.title, locale)}`;
}

export async function AgendaView({ slug, locale, filters }: { slug: string; locale: Locale; filters: Filters }) {
  const t = await getTranslations("agenda");
  const tl = await getTranslations("languages");
  const tr = await getTranslations("library");
  const { agenda } = await orNotFound(getPublicAgenda(slug));
  const { event } = agenda;
  const zone = event.timeZone;
  const now = parseInstant(filters.now) ?? new Date();
  const marks = markLiveAndNext(agenda.forums.flatMap((f) => f.sessions), now);
  const shown = groupByDay(filterAgenda(agenda.forums, filters, zone), zone);
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

      <AgendaFilters
        days={agendaDays(agenda.forums, zone).map((d) => ({ value: d, label: formatDay(new Date(`${d}T12:00:00Z`), "UTC", locale) }))}
        forums={agenda.forums.map((f) => ({ value: f.slug, label: pickText(f.title, locale) }))}
        languages={event.languages.map((l) => ({ value: l, label: tl(l) }))}
        selected={filters}
      />

      {shown.length === 0 && <p data-testid="agenda-empty">{t("noResults")}</p>}

      <LiveStatusProvider slug={slug}>
        {shown.map((day) => (
          <section key={day.day} aria-labelledby={`day-${day.day}`} data-testid="agenda-day" data-day={day.day}>
            <h2 id={`day-${day.day}`} className="border-b-2 border-sky-900 pb-1 text-2xl font-semibold">
              {formatDay(day.forums[0].startsAt, zone, locale)}
            </h2>
            {day.forums.map((forum) => (
              <section key={forum.id} aria-labelledby={forumHeadingId(forum.id)} className="mt-4" data-testid="agenda-forum" data-forum={forum.slug}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <ForumHeading forum={forum} eventSlug={slug} locale={locale} />
                  <ZonedTimes start={forum.startsAt} end={forum.endsAt} zones={event.displayZones} locale={locale} homeZone={zone} />
                </div>
                <ol className="mt-2">
                  {forum.sessions.map((s) => (
                    <SessionRow
                      key={s.id}
                      session={s}
                      event={event}
                      locale={locale}
                      marker={marks.live.has(s.id) ? "live" : marks.next === s.id ? "next" : undefined}
                    />
                  ))}
                </ol>
              </section>
            ))}
          </section>
        ))}
      </LiveStatusProvider>
    </article>
  );
}
