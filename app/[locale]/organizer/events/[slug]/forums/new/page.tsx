// A new forum: its block defaults to the event's first day, in the event's home zone.
import { getTranslations } from "next-intl/server";
import { ForumForm } from "@/components/agenda/editor/forum-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import { saveForumAction } from "@/lib/agenda/editor/actions";
import { getEditorEvent, getOrganizationChoices } from "@/lib/agenda/editor/data";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { utcToZonedLocal } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

export default async function NewForumPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const access = await requireOrganizerPage(locale, slug, "/forums/new");
  if (!access) return null;
  const t = await getTranslations("editor");
  const [event, organizations] = await Promise.all([getEditorEvent(access), getOrganizationChoices()]);
  const empty = { ko: "", zh: "", en: "" };
  return (
    <section className="space-y-6">
      <Breadcrumbs items={[{ href: `/organizer/events/${slug}/agenda`, label: t("agendaTitle") }]} />
      <h1 className="text-3xl font-semibold">{t("newForum")}</h1>
      <ForumForm
        slug={slug}
        target={null}
        initial={{
          slug: "",
          title: empty,
          description: empty,
          zone: event.timeZone,
          startsAt: utcToZonedLocal(event.startsAt, event.timeZone),
          endsAt: utcToZonedLocal(new Date(event.startsAt.getTime() + 2 * 3600_000), event.timeZone),
          hosts: [],
        }}
        organizations={organizations}
        homeZone={event.timeZone}
        zones={displayZonesOf(event)}
        save={saveForumAction.bind(null, slug)}
      />
    </section>
  );
}
