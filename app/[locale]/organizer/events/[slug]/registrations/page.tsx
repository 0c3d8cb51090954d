// The registration desk: search, filters, sorting and paging in the URL; decisions and role
// changes one by one or in bulk; the CSV export.
import { getTranslations } from "next-intl/server";
import { DeskTable } from "@/components/registration/desk-table";
import { TierCounts } from "@/components/registration/tier-counts";
import { ExportForm } from "@/components/exports/export-form";
import { sheetZone } from "@/lib/exports/format";
import { speakerName } from "@/components/agenda/speaker-list";
import { inputClass } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import { firstValues } from "@/lib/agenda/schema";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { deskAction } from "@/lib/registration/actions";
import { countryOptions } from "@/lib/registration/countries";
import { deskQuerySchema, getDeskPage, type DeskQuery } from "@/lib/registration/desk";
import { allRoles, statuses } from "@/lib/registration/schema";
import { zoneCity } from "@/lib/time/zone-names";
import { formatShortDate } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;

function href(q: DeskQuery, change: Partial<DeskQuery>) {
  const merged = { ...q, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) params.set(k, String(v));
  return `?${params}`;
}

export default async function DeskPage({ params, searchParams }: { params: Promise<{ locale: string; slug: string }>; searchParams: Search }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const q = deskQuerySchema.parse(firstValues(await searchParams));
  const t = await getTranslations("desk");
  const ts = await getTranslations("registrationStatuses");
  const tr = await getTranslations("roles");
  const access = await requireOrganizerPage(locale, slug, "/registrations");
  if (!access) return null;
  // The layout explains a refusal; the page then renders nothing.
  const page = await getDeskPage(access, q);
  const countries = countryOptions(locale, ["KR", "CN"]);
  const countryName = new Map(countries.map((c) => [c.value, c.label]));
  const forumTitles = new Map(page.forums.map((f) => [f.slug, pickText(f.title, locale)]));
  const sortHeader = (key: DeskQuery["sort"], label: string) => {
    const active = q.sort === key;
    const dir = active && q.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" className="p-2" aria-sort={active ? (q.dir === "asc" ? "ascending" : "descending") : undefined}>
        <a href={href(q, { sort: key, dir, page: 1 })} className="text-sky-900 underline">
          {label}
          {active && (q.dir === "asc" ? " ↑" : " ↓")}
        </a>
      </th>
    );
  };
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <ExportForm
          action={`/api/organizer/events/${slug}/registrations.csv`}
          fields={Object.fromEntries(
            Object.entries(q)
              .filter(([k, v]) => k !== "page" && v !== undefined && v !== "")
              .map(([k, v]) => [k, String(v)]),
          )}
          eventZone={page.event.timeZone}
          eventPlace={sheetZone(page.event.timeZone, locale, new Date())}
        />
      </div>
      <TierCounts counts={page.event} capacity={page.event.capacity} audienceCapacity={page.event.audienceCapacity} />
      <form method="get" role="search" aria-label={t("filters")} className="grid gap-3 rounded border border-slate-200 bg-slate-50 p-3 sm:grid-cols-3 lg:grid-cols-6">
        <label className="block text-sm font-medium sm:col-span-3 lg:col-span-6">
          {t("search")}
          <input type="search" name="q" defaultValue={q.q} className={inputClass} />
        </label>
        <FilterSelect name="status" label={t("status")} allLabel={t("any")} value={q.status} options={statuses.map((s) => ({ value: s, label: ts(s) }))} />
        <FilterSelect name="tier" label={t("tier")} allLabel={t("any")} value={q.tier} options={(["participants", "audience"] as const).map((v) => ({ value: v, label: t(`tiers.${v}`) }))} />
        <FilterSelect name="role" label={t("role")} allLabel={t("any")} value={q.role} options={allRoles.map((r) => ({ value: r, label: tr(r) }))} />
        <FilterSelect
          name="organization"
          label={t("organization")}
          allLabel={t("any")}
          value={q.organization}
          options={page.organizations.map((o) => ({ value: o.key, label: pickText(o.name, locale) }))}
        />
        <FilterSelect name="country" label={t("country")} allLabel={t("any")} value={q.country} options={countries} />
        <FilterSelect name="forum" label={t("forum")} allLabel={t("any")} value={q.forum} options={page.forums.map((f) => ({ value: f.slug, label: pickText(f.title, locale) }))} />
        <FilterSelect name="requests" label={t("requests")} allLabel={t("any")} value={q.requests} options={[{ value: "waiting", label: t("requestsWaiting") }]} />
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-sky-900 px-3 py-1.5 text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700">
            {t("applyFilters")}
          </button>
          <a href="?" className="text-sm text-sky-900 underline">
            {t("clear")}
          </a>
        </div>
      </form>
      <p role="status" data-testid="desk-total">
        {t("total", { count: page.total })}
      </p>
      <DeskTable
        action={deskAction.bind(null, slug)}
        headers={
          <>
            {sortHeader("name", t("name"))}
            {sortHeader("organization", t("organization"))}
            {sortHeader("country", t("country"))}
            {sortHeader("role", t("role"))}
            {sortHeader("status", t("status"))}
            <th scope="col" className="p-2">
              {t("forums")}
            </th>
            {sortHeader("arrival", `${t("registered")} (${zoneCity(page.event.timeZone, locale)})`)}
          </>
        }
        rows={page.rows.map((r) => ({
          id: r.id,
          name: speakerName({ name: r.name ?? r.email, nameLatin: r.nameLatin }, locale),
          email: r.email,
          organization: r.organization ? pickText(r.organization.name, locale) : (r.organizationOther ?? ""),
          requestedOrganization: r.requestedOrganization ? pickText(r.requestedOrganization.name, locale) : (r.requestedOrganizationOther ?? null),
          country: countryName.get(r.country) ?? r.country,
          role: r.role,
          requestedRole: r.requestedRole,
          status: r.status,
          forums: r.forums.map((slug) => forumTitles.get(slug) ?? slug).join(" · "),
          registeredAt: formatShortDate(r.createdAt, page.event.timeZone, locale),
        }))}
      />
      <nav aria-label={t("paging")} className="flex items-center gap-4">
        {q.page > 1 && (
          <a href={href(q, { page: q.page - 1 })} rel="prev" className="text-sky-900 underline">
            ← {t("previous")}
          </a>
        )}
        <span data-testid="desk-page">{t("pageOf", { page: q.page, pages: page.pages })}</span>
        {q.page < page.pages && (
          <a href={href(q, { page: q.page + 1 })} rel="next" className="text-sky-900 underline">
            {t("next")} →
          </a>
        )}
      </nav>
    </section>
  );
}
