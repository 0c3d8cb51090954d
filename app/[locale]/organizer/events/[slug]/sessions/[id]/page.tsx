// One session in the editor: its form, its materials, its polls, its history.
import { getTranslations } from "next-intl/server";
import { History } from "@/components/agenda/editor/history";
import { SessionEditor } from "@/components/agenda/editor/session-editor";
import { PollEditor } from "@/components/polls/poll-editor";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import { previewSessionAction, saveSessionAction, searchPeopleAction } from "@/lib/agenda/editor/actions";
import { getEditorEvent, getHistory, getOrganizationChoices, getSessionEditor } from "@/lib/agenda/editor/data";
import { orNotFound, pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { getEditorPolls } from "@/lib/polls/data";
import { Link } from "@/lib/i18n/navigation";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const dynamic = "force-dynamic";

export default async function SessionEditorPage({ params }: { params: Promise<{ locale: string; slug: string; id: string }> }) {
  const locale = await pageLocale(params);
  const { slug, id } = await params;
  const access = await requireOrganizerPage(locale, slug, `/sessions/${id}`);
  if (!access) return null;
  const t = await getTranslations("editor");
  const event = await getEditorEvent(access);
  const [editor, organizations, history] = await Promise.all([orNotFound(getSessionEditor(access, id, event.timeZone)), getOrganizationChoices(), getHistory("session", id)]);
  const polls = await getEditorPolls(access, editor.id);
  return (
    <section className="space-y-6">
      <Breadcrumbs items={[{ href: `/organizer/events/${slug}/agenda`, label: t("agendaTitle") }]} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-semibold">{pickText(editor.input.title, locale)}</h1>
        <div className="flex gap-3">
          <Link href={`/organizer/events/${slug}/sessions/${id}/materials`} className="text-sky-900 underline">
            {t("materials")}
          </Link>
          <Link href={`/sessions/${id}`} className="text-sky-900 underline">
            {t("publicPage")}
          </Link>
        </div>
      </div>
      <SessionEditor
        slug={slug}
        target={{ id: editor.id, version: editor.version }}
        initial={editor.input}
        forums={editor.forums}
        organizations={organizations}
        homeZone={event.timeZone}
        zones={displayZonesOf(event)}
        save={saveSessionAction.bind(null, slug)}
        preview={previewSessionAction.bind(null, slug)}
        search={searchPeopleAction.bind(null, slug)}
      />
      <PollEditor slug={slug} sessionId={editor.id} initial={polls} />
      <History entries={history} zone={event.timeZone} locale={locale} />
    </section>
  );
}
