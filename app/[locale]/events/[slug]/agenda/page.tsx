// The agenda: days × forums × sessions, filters in the URL, live/next markers, printable.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgendaFilters } from "@/components/agenda/agenda-filters";
import { LiveStatusProvider } from "@/components/agenda/live-status-provider";
import { SessionRow } from "@/components/agenda/session-row";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { agendaDays, filterAgenda, groupByDay, markLiveAndNext } from "@/lib/agenda/agenda";
import { getPublicAgenda } from "@/lib/agenda/public";
import { agendaFiltersSchema, firstValues } from "@/lib/agenda/schema";
import { orNotFound, pageLocale } from "@/lib/http/page";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { formatDay, parseInstant } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const t = await getTranslations({ locale, namespace: "agenda" });
  const agenda = await orNotFound(getPublicAgenda(slug).then((p) => p.agenda));
  return { title: `${t("title")} · ${pickText(agenda.event.title, locale)}` };
}

export default async function AgendaPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const filters = agendaFiltersSchema.parse(firstValues(await searchParams));
  const t = await getTranslations("agenda");
  const tl = await getTranslations("languages");
  const tr = await getTranslations("library");
  const agenda = await orNotFound(getPublicAgenda(slug).then((p) => p.agenda));
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
              <section key={forum.id} aria-labelledby={`forum-${forum.id}`} className="mt-4" data-testid="agenda-forum" data-forum={forum.slug}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 id={`forum-${forum.id}`} className="text-xl font-semibold">
                    <Link href={`/events/${slug}/forums/${forum.slug}`} className="text-sky-900 underline-offset-4 hover:underline">
                      {pickText(forum.title, locale)}
                    </Link>
                  </h3>
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
