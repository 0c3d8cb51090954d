// Editing a forum: its form and its history.
import { getTranslations } from "next-intl/server";
import { ForumForm } from "@/components/agenda/editor/forum-form";
import { History } from "@/components/agenda/editor/history";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import { saveForumAction } from "@/lib/agenda/editor/actions";
import { getEditorEvent, getForumEditor, getHistory, getOrganizationChoices } from "@/lib/agenda/editor/data";
import { orNotFound, pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";

export const dynamic = "force-dynamic";

export default async function EditForumPage({ params }: { params: Promise<{ locale: string; slug: string; forumSlug: string }> }) {
  const locale = await pageLocale(params);
  const { slug, forumSlug } = await params;
  const access = await requireOrganizerPage(locale, slug, `/forums/${forumSlug}/edit`);
  if (!access) return null;
  const t = await getTranslations("editor");
  const event = await getEditorEvent(access);
  const editor = await orNotFound(getForumEditor(access, forumSlug, event.timeZone));
  const [organizations, history] = await Promise.all([getOrganizationChoices(), getHistory("forum", editor.id)]);
  return (
    <section className="space-y-6">
      <Breadcrumbs items={[{ href: `/organizer/events/${slug}/agenda`, label: t("agendaTitle") }]} />
      <h1 className="text-3xl font-semibold">{pickText(editor.input.title, locale)}</h1>
      <ForumForm
        slug={slug}
        target={{ id: editor.id, version: editor.version }}
        initial={editor.input}
        organizations={organizations}
        homeZone={event.timeZone}
        zones={displayZonesOf(event)}
        save={saveForumAction.bind(null, slug)}
      />
      <History entries={history} zone={event.timeZone} locale={locale} />
    </section>
  );
}
