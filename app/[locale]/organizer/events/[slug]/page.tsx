// The registration dashboard: counts by status, role, organisation, country and forum, as charts.
import { getTranslations } from "next-intl/server";
import { RunSheetLinks } from "@/components/agenda/live/run-sheet-links";
import { BarChart } from "@/components/ui/bar-chart";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { TierCounts } from "@/components/registration/tier-counts";
import { getDashboard } from "@/lib/registration/desk";

export const dynamic = "force-dynamic";

export default async function DashboardPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const t = await getTranslations("organizer");
  const ts = await getTranslations("registrationStatuses");
  const tr = await getTranslations("roles");
  const access = await requireOrganizerPage(locale, slug, "");
  if (!access) return null;
  // The layout explains a refusal; the page then renders nothing.
  const d = await getDashboard(access, locale);
  return (
    <section className="space-y-8">
      <h1 className="text-3xl font-semibold">{t("dashboardTitle")}</h1>
      <p data-testid="capacity-line">{t("capacityLine", { approved: d.seatsTaken, capacity: d.capacity })}</p>
      <TierCounts counts={d} capacity={d.capacity} audienceCapacity={d.audienceCapacity} />
      <RunSheetLinks access={access} locale={locale} />
      <div className="grid gap-8 md:grid-cols-2">
        <BarChart testId="chart-status" caption={t("byStatus")} bars={d.byStatus.map((b) => ({ ...b, label: ts(b.key) }))} />
        <BarChart testId="chart-role" caption={t("byRole")} bars={d.byRole.map((b) => ({ ...b, label: tr(b.key) }))} />
        <BarChart testId="chart-organization" caption={t("byOrganization")} bars={d.byOrganization.map((b) => ({ ...b, label: b.label || t("otherOrganization") }))} />
        <BarChart testId="chart-country" caption={t("byCountry")} bars={d.byCountry} />
        <BarChart testId="chart-forum" caption={t("byForum")} bars={d.byForum} />
      </div>
    </section>
  );
}
