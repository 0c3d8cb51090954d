// The agenda editor: publishing, then every forum with its sessions — reorder, edit, delete,
// add, shift the rest of a forum — all on the draft until published.
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/agenda/editor/action-button";
import { PublishPanel } from "@/components/agenda/editor/publish-panel";
import { ShiftForm } from "@/components/agenda/editor/shift-form";
import { TransferLink } from "@/components/agenda/transfer/transfer-link";
import { StatusBadge } from "@/components/agenda/badges";
import { TimeSpan } from "@/components/agenda/time-span";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { shownZones } from "@/lib/agenda/display-zones";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import { deleteForumAction, deleteSessionAction, moveForumAction, shiftForumAction } from "@/lib/agenda/editor/actions";
import { getEditorOverview } from "@/lib/agenda/editor/data";
import { pageLocale, requireOrganizerPage } from "@/lib/http/page";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { dayKey } from "@/lib/time/zones";

export const dynamic = "force-dynamic";

const linkClass = "rounded border border-sky-800 px-3 py-1.5 text-sky-900 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-700";

export default async function AgendaEditorPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const access = await requireOrganizerPage(locale, slug, "/agenda");
  if (!access) return null;
  const t = await getTranslations("editor");
  const { event, forums, publication } = await getEditorOverview(access);
  const zones = displayZonesOf(event);
  const zone = event.timeZone;

  return (
    <section className="space-y-6">
      <h1 className="text-3xl font-semibold">{t("agendaTitle")}</h1>
      <PublishPanel slug={slug} locale={locale} zone={zone} state={publication} />
      <div className="flex flex-wrap gap-2">
        <Link href={`/organizer/events/${slug}/event`} className={linkClass}>
          {t("editEvent")}
        </Link>
        <Link href={`/organizer/events/${slug}/forums/new`} className={linkClass}>
          {t("addForum")}
        </Link>
        <TransferLink slug={slug} className={linkClass} />
      </div>
      {forums.map((forum, i) => (
        <section key={forum.id} aria-labelledby={`forum-${forum.id}`} className="space-y-3 rounded border border-slate-300 p-4" data-testid="editor-forum" data-slug={forum.slug}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <h2 id={`forum-${forum.id}`} className="text-xl font-semibold">
                {pickText(forum.title, locale)}
              </h2>
              <ZonedTimes start={forum.startsAt.toISOString()} end={forum.endsAt.toISOString()} zones={shownZones(zones, locale)} />
            </div>
            <div className="flex flex-wrap items-start gap-1">
              <ActionButton run={moveForumAction.bind(null, slug, forum.id, -1)} label={t("forumMoveUp", { title: pickText(forum.title, locale) })}>
                ↑
              </ActionButton>
              <ActionButton run={moveForumAction.bind(null, slug, forum.id, 1)} label={t("forumMoveDown", { title: pickText(forum.title, locale) })}>
                ↓
              </ActionButton>
              <Link href={`/organizer/events/${slug}/forums/${forum.slug}/edit`} className={linkClass}>
                {t("edit")}
              </Link>
              <Link href={`/organizer/events/${slug}/forums/${forum.slug}/run`} className={linkClass}>
                {t("runSheet")}
              </Link>
              {forum.sessions.length === 0 && (
                <ActionButton run={deleteForumAction.bind(null, slug, forum.id)} confirm={t("deleteForumConfirm", { title: pickText(forum.title, locale) })}>
                  {t("delete")}
                </ActionButton>
              )}
            </div>
          </div>
          <p className="sr-only">{t("position", { n: i + 1, total: forums.length })}</p>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("sessionsOf", { title: pickText(forum.title, locale) })}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left">
                  <th scope="col" className="p-2">
                    {t("table.time", { zone: zones.find((z) => z.zone === zone)?.abbr ?? zone })}
                  </th>
                  <th scope="col" className="p-2">
                    {t("table.title")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("table.status")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("table.speakers")}
                  </th>
                  <th scope="col" className="p-2">
                    <span className="sr-only">{t("table.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {forum.sessions.map((s) => (
                  <tr key={s.id} className="border-b border-slate-200" data-testid="editor-session">
                    <td className="whitespace-nowrap p-2">
                      <TimeSpan start={s.startsAt} end={s.endsAt} zone={zone} reference={dayKey(forum.startsAt, zone)} />
                    </td>
                    <td className="p-2">
                      <Link href={`/organizer/events/${slug}/sessions/${s.id}`} className="text-sky-900 underline">
                        {pickText(s.title, locale)}
                      </Link>
                    </td>
                    <td className="p-2">
                      <StatusBadge status={s.status} />
                    </td>
                    <td className="p-2">{s._count.speakers}</td>
                    <td className="p-2">
                      {s.status !== "live" && s._count.materials === 0 && (
                        <ActionButton
                          run={deleteSessionAction.bind(null, slug, s.id)}
                          confirm={t("deleteSessionConfirm", { title: pickText(s.title, locale) })}
                          label={t("deleteSession", { title: pickText(s.title, locale) })}
                        >
                          {t("delete")}
                        </ActionButton>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Link href={`/organizer/events/${slug}/sessions/new?forum=${forum.slug}`} className={`${linkClass} inline-block`}>
            {t("addSession")}
          </Link>
          <ShiftForm
            forumId={forum.id}
            zone={zone}
            sessions={forum.sessions.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt.toISOString(), status: s.status }))}
            publishByDefault={false}
            shift={shiftForumAction.bind(null, slug)}
          />
        </section>
      ))}
    </section>
  );
}
