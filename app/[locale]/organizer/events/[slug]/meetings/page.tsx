// The organizers' meetings console (/{locale}/organizer/events/{slug}/meetings): who may hold
// one-to-one meetings, the figures with a chart, and every meeting of the event (filtered by state
// and day in ?status=&day=, paged by ?page=) with the organizers' cancel.
import { getTranslations } from "next-intl/server";
import { MeetingsTable } from "@/components/meetings/console/meetings-table";
import { MeetingPolicyForm } from "@/components/meetings/policy-form";
import { BarChart } from "@/components/ui/bar-chart";
import { FilterSelect } from "@/components/ui/filter-select";
import { shownZones } from "@/lib/agenda/display-zones";
import { firstValues } from "@/lib/agenda/schema";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { getMeetingsConsole } from "@/lib/meetings/console";
import { MEETING_STATUSES } from "@/lib/meetings/rules";
import { meetingsConsoleQuerySchema } from "@/lib/meetings/schema";
import { zoneLabel } from "@/lib/time/zone-names";
import { formatDay, zonedLocalToUtc } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function MeetingsConsolePage({ params, searchParams }: { params: Promise<{ locale: string; slug: string }>; searchParams: Search }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const query = meetingsConsoleQuerySchema.parse(firstValues(await searchParams));
  const t = await getTranslations("meetings");
  const access = await requireOrganizerPage(locale, slug, "/meetings");
  // The layout explains a refusal; the page then renders nothing.
  if (!access) return null;
  const now = new Date();
  const c = await getMeetingsConsole(access, query);
  const home = c.event.timeZone;
  const dayName = (day: string) => formatDay(zonedLocalToUtc(`${day}T12:00`, home) ?? now, home, locale);
  const figures = [
    ["requestedTotal", c.figures.requested],
    ["waiting", c.figures.byStatus.requested],
    ["accepted", c.figures.byStatus.accepted],
    ["declined", c.figures.byStatus.declined],
    ["cancelled", c.figures.byStatus.cancelled],
  ] as const;
  const pageHref = (page: number) => `?${new URLSearchParams({ ...(query.status ? { status: query.status } : {}), ...(query.day ? { day: query.day } : {}), page: String(page) })}`;
  const link = "rounded px-2 py-1 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700";
  return (
    <section className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-semibold">{t("console.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("console.intro")}</p>
      </div>

      <section aria-labelledby="meeting-settings" className="space-y-2">
        <h2 id="meeting-settings" className="text-xl font-semibold">
          {t("console.policy")}
        </h2>
        <MeetingPolicyForm slug={slug} policy={c.event.policy} />
      </section>

      <section aria-labelledby="meeting-figures" className="space-y-4">
        <h2 id="meeting-figures" className="text-xl font-semibold">
          {t("console.figures")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="meeting-figures">
          {figures.map(([key, n]) => (
            <div key={key} className="rounded border border-slate-200 p-3" data-key={key} data-count={n}>
              <dt className="text-sm text-slate-700">{t(`console.${key}`)}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{n}</dd>
            </div>
          ))}
        </dl>
        <BarChart
          testId="chart-meetings-per-day"
          caption={t("console.perDay", { zone: zoneLabel(home, locale, c.event.startsAt) })}
          bars={c.figures.acceptedPerDay.map((d) => ({ key: d.day, label: dayName(d.day), count: d.count }))}
        />
      </section>

      <section aria-labelledby="meeting-list" className="space-y-4">
        <h2 id="meeting-list" className="text-xl font-semibold">
          {t("console.list")}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3" data-testid="meeting-filter">
          <FilterSelect
            name="status"
            label={t("console.filterStatus")}
            allLabel={t("console.anyStatus")}
            value={query.status}
            options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <FilterSelect name="day" label={t("console.filterDay")} allLabel={t("console.anyDay")} value={query.day} options={c.days.map((d) => ({ value: d, label: dayName(d) }))} />
          <button type="submit" className="rounded bg-sky-900 px-4 py-2 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
            {t("console.show")}
          </button>
        </form>
        <p role="status" className="text-sm text-slate-700">
          {t("yourZone", { zone: zoneLabel(c.viewerZone, locale, now) })} {t("console.matching", { count: c.matching })}
        </p>
        {c.meetings.length === 0 ? (
          <p>{t("console.none")}</p>
        ) : (
          <MeetingsTable slug={slug} meetings={c.meetings} locale={locale} zone={c.viewerZone} zones={shownZones(c.event.displayZones, locale)} now={now} />
        )}
        {c.pages > 1 && (
          <nav aria-label={t("console.pages")} className="flex items-center gap-3 text-sm">
            {c.page > 1 && (
              <a href={pageHref(c.page - 1)} className={link}>
                {t("console.previous")}
              </a>
            )}
            <span>{t("console.page", { page: c.page, pages: c.pages })}</span>
            {c.page < c.pages && (
              <a href={pageHref(c.page + 1)} className={link}>
                {t("console.next")}
              </a>
            )}
          </nav>
        )}
      </section>
    </section>
  );
}
