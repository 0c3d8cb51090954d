// One forum's sessions on My conference: each with its time in the person's zone (against the day
// heading above) and the event's zones, marked when saved or the person's own, with the toggle
// that takes it in or out of My agenda.
import { getTranslations } from "next-intl/server";
import { ViewerTime } from "@/components/agenda/viewer-time";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import type { ShownZone } from "@/lib/agenda/display-zones";
import type { AgendaForum } from "@/lib/agenda/types";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { BookmarkButton } from "./bookmark-button";

interface Props {
  forum: AgendaForum;
  zones: ShownZone[];
  locale: Locale;
  marks: { bookmarked: Set<string>; speaking: Set<string> };
}

export async function MySessions({ forum, zones, locale, marks }: Props) {
  const t = await getTranslations("myAgenda");
  const title = pickText(forum.title, locale);
  return (
    <section aria-label={title} className="mt-3" data-testid="my-forum" data-forum={forum.slug}>
      <p className="font-semibold">{title}</p>
      <ol className="mt-1 space-y-2" data-testid="my-sessions">
        {forum.sessions.map((s) => {
          const sessionTitle = pickText(s.title, locale);
          return (
            <li key={s.id} className="grid gap-1 border-t border-slate-200 pt-2 sm:grid-cols-[16rem_1fr]" data-testid="my-session" data-session-id={s.id}>
              <div data-testid="my-time">
                <ViewerTime start={s.startsAt.toISOString()} end={s.endsAt.toISOString()} />
                <ZonedTimes start={s.startsAt.toISOString()} end={s.endsAt.toISOString()} zones={zones} />
              </div>
              <div className="space-y-1">
                <Link href={`/sessions/${s.id}`} className="text-sky-900 underline">
                  {sessionTitle}
                </Link>
                {marks.speaking.has(s.id) && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-900">{t("speaking")}</span>}
                <div>
                  <BookmarkButton sessionId={s.id} title={sessionTitle} refresh />
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
