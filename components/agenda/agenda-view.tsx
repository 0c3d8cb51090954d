// The agenda: days × forums × sessions, with the filters' form, live/next markers, what is happening
// now and bookmarks, printable. Rendered by the cached agenda page (no filters) and by the filtered
// one (query string): the same for every visitor, so the visitor's own parts (their zone, Join,
// their bookmarks) are filled in by the browser.
import { getTranslations } from "next-intl/server";
import { AgendaFilters } from "@/components/agenda/agenda-filters";
import { LiveStatusProvider } from "@/components/agenda/live/live-status-provider";
import { AgendaForums } from "@/components/agenda/agenda-forums";
import { HappeningNow } from "@/components/event/happening-now";
import { VisitorProvider } from "@/components/event/visitor";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { agendaDays, filterAgenda, markLiveAndNext } from "@/lib/agenda/agenda";
import { shownZones, zonePlace } from "@/lib/agenda/display-zones";
import { forumRow, RowOrgs, shownRows } from "@/lib/agenda/rows";
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
  const orgs = new RowOrgs(locale);
  const all = agenda.forums.map((f) => forumRow(f, locale, orgs, marks));
  const rows = shownRows(all, shown);
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
          <HappeningNow slug={slug} forums={all} homeZone={zone} />
          <AgendaFilters
            days={agendaDays(agenda.forums, zone).map((d) => ({ value: d, label: `${formatDay(dayNoon(d), "UTC", locale)} (${place})` }))}
            forums={agenda.forums.map((f) => ({ value: f.slug, label: pickText(f.title, locale) }))}
            languages={event.languages.map((l) => ({ value: l, label: tl(l) }))}
            selected={filters}
          />
          {shown.length === 0 && <p data-testid="agenda-empty">{t("noResults")}</p>}
          <AgendaForums slug={slug} forums={rows} orgs={orgs.list} zones={zones} homeZone={zone} homePlace={place} />
        </VisitorProvider>
      </LiveStatusProvider>
    </article>
  );
}
