// A new session, in the forum named by ?forum= (or the first), starting where that forum's last session ends.
import { getTranslations } from "next-intl/server";
import { SessionEditor } from "@/components/agenda/editor/session-editor";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import { previewSessionAction, saveSessionAction, searchPeopleAction } from "@/lib/agenda/editor/actions";
import { getEditorEvent, getForumLastEnd, getNewSessionChoices, getOrganizationChoices } from "@/lib/agenda/editor/data";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { utcToZonedLocal } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

export default async function NewSessionPage({ params, searchParams }: { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<{ forum?: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const access = await requireOrganizerPage(locale, slug, "/sessions/new");
  if (!access) return null;
  const t = await getTranslations("editor");
  const wanted = (await searchParams).forum;
  const [forums, organizations, event] = await Promise.all([getNewSessionChoices(access), getOrganizationChoices(), getEditorEvent(access)]);
  const forum = forums.find((f) => f.slug === wanted) ?? forums[0];
  const lastEnd = forum ? await getForumLastEnd(access, forum.id) : null;
  const start = lastEnd ?? (forum ? new Date(forum.startsAt) : new Date());
  const zone = event.timeZone;
  const empty = { ko: "", zh: "", en: "" };
  return (
    <section className="space-y-6">
      <Breadcrumbs items={[{ href: `/organizer/events/${slug}/agenda`, label: t("agendaTitle") }]} />
      <h1 className="text-3xl font-semibold">{t("newSession")}</h1>
      {forum ? (
        <SessionEditor
          slug={slug}
          target={null}
          initial={{
            forumId: forum.id,
            key: "",
            title: empty,
            abstract: empty,
            kind: "talk",
            language: "ko",
            zone,
            startsAt: utcToZonedLocal(start, zone),
            endsAt: utcToZonedLocal(new Date(start.getTime() + 30 * 60_000), zone),
            speakers: [],
          }}
          forums={forums}
          organizations={organizations}
          homeZone={zone}
          zones={displayZonesOf(event)}
          save={saveSessionAction.bind(null, slug)}
          preview={previewSessionAction.bind(null, slug)}
          search={searchPeopleAction.bind(null, slug)}
        />
      ) : (
        <p>{t("needForumFirst")}</p>
      )}
    </section>
  );
}
