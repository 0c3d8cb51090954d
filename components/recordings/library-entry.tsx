// One recording in the attendees' library: title, when, duration, interpretation channels and
// subtitle languages, and its sessions, each linking to its moment (search matches marked).
import { getTranslations } from "next-intl/server";
import type { AgendaEvent } from "@/lib/agenda/types";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { formatOffset } from "@/lib/recordings/chapters";
import type { LibraryEntry as Entry } from "@/lib/recordings/data";
import { RecordedTimes, recordingSpan } from "./recorded-times";

export async function LibraryEntry({ entry, forum, event, locale }: { entry: Entry; forum: { startsAt: Date; endsAt: Date }; event: AgendaEvent; locale: Locale }) {
  const t = await getTranslations("library");
  const tc = await getTranslations("recordings.channels");
  const { recording, sessions } = entry;
  const href = `/events/${event.slug}/recordings/${recording.id}`;
  const { start, end } = recordingSpan(recording, forum);
  const languages = (list: { language: Locale }[]) => list.map((x) => tc(x.language)).join(", ") || t("none");
  return (
    <li className="space-y-2 rounded border border-slate-200 p-4" data-testid="library-recording" data-recording-id={recording.id}>
      <h4 className="font-semibold">
        <Link href={href} className="text-sky-900 underline-offset-4 hover:underline">
          {pickText(recording.title, locale)}
        </Link>
      </h4>
      <RecordedTimes start={start} end={end} event={event} locale={locale} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        {recording.durationMs !== null && (
          <>
            <dt className="text-slate-600">{t("duration")}</dt>
            <dd className="tabular-nums">{formatOffset(recording.durationMs)}</dd>
          </>
        )}
        <dt className="text-slate-600">{t("interpretation")}</dt>
        <dd data-testid="library-channels">{languages(recording.channels)}</dd>
        <dt className="text-slate-600">{t("subtitles")}</dt>
        <dd data-testid="library-subtitles">{languages(recording.subtitles)}</dd>
      </dl>
      {sessions.length > 0 && (
        <ol className="space-y-1" aria-label={t("sessionsOf", { title: pickText(recording.title, locale) })}>
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-baseline gap-x-2" data-testid="library-session" data-session-id={s.id} data-match={s.matches}>
              <Link href={`${href}?t=${Math.floor(s.offsetMs / 1000)}`} className="text-sky-900 underline-offset-4 hover:underline">
                <span className="mr-2 tabular-nums text-slate-700">{formatOffset(s.offsetMs)}</span>
                {s.matches ? <mark className="rounded bg-amber-200 px-0.5 text-slate-900">{pickText(s.title, locale)}</mark> : pickText(s.title, locale)}
              </Link>
              {s.speakers.length > 0 && <span className="text-sm text-slate-600">{s.speakers.join(", ")}</span>}
              {s.matches && <span className="text-xs font-medium text-amber-900">{t("match")}</span>}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
