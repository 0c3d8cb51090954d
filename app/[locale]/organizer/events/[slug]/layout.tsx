// The console of one event: the check that this person organizes it, and the tabs (the current one
// marked).
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { ConsoleTabs } from "@/components/ui/console-tabs";

export default async function OrganizerEventLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string; slug: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const allowed = await requireOrganizerPage(locale, slug, "");
  const t = await getTranslations("organizer");
  if (!allowed) {
    return (
      <section className="py-8" data-testid="forbidden">
        <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
        <p className="mt-2">{t("forbiddenBody")}</p>
      </section>
    );
  }
  const tabs = [
    { href: `/organizer/events/${slug}`, label: t("tabs.dashboard"), exact: true },
    { href: `/organizer/events/${slug}/agenda`, label: t("tabs.agenda"), also: ["forums", "sessions", "event"].map((p) => `/organizer/events/${slug}/${p}`) },
    { href: `/organizer/events/${slug}/registrations`, label: t("tabs.registrations") },
    { href: `/organizer/events/${slug}/invitations`, label: t("tabs.invitations") },
    { href: `/organizer/events/${slug}/attendance`, label: (await getTranslations("attendance"))("tab") },
    { href: `/organizer/events/${slug}/recordings`, label: (await getTranslations("recordingsConsole"))("tab") },
    { href: `/organizer/events/${slug}/meetings`, label: (await getTranslations("meetings"))("console.tab") },
    { href: `/organizer/events/${slug}/settings`, label: t("tabs.settings") },
  ];
  return (
    <div className="space-y-6">
      <ConsoleTabs label={t("consoleNav")} tabs={tabs} />
      {children}
    </div>
  );
}
