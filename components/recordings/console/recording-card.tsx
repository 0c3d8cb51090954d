// One recording on the console: its state (a broken file above all), what it is, and the
// organizer's controls — who may watch, publish, chapters, subtitles, delete.
import { getTranslations } from "next-intl/server";
import { pickText } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { formatBytes, formatUploadedAt } from "@/lib/materials/format";
import { formatOffset } from "@/lib/recordings/chapters";
import type { RecordingView } from "@/lib/recordings/data";
import { ChapterEditor, type EditorSession } from "./chapter-editor";
import { DeleteRecording } from "./delete-recording";
import { RecordingSettings } from "./recording-settings";
import { RecordingStatusBadge } from "./status-badge";
import { SubtitleManager } from "./subtitle-manager";

export async function RecordingCard({ recording: r, sessions, locale, timeZone }: { recording: RecordingView; sessions: EditorSession[]; locale: Locale; timeZone: string }) {
  const t = await getTranslations("recordingsConsole.card");
  const ts = await getTranslations("recordings.status");
  const tc = await getTranslations("recordings.channels");
  const te = await getTranslations("recordings.errors");
  const errorText = (e: string) => (te.has(e) ? te(e) : e);
  const when = (d: Date | null) => (d ? formatUploadedAt(d, timeZone, locale) : t("unknown"));
  const title = pickText(r.title, locale);
  // Several recordings of one forum share its title: the creation time tells them apart.
  const label = `${title} (${formatUploadedAt(r.createdAt, timeZone, locale)})`;
  const running = r.status === "starting" || r.status === "recording";
  const channels = r.audio.map((a) => `${tc(a.language)}: ${a.missing ? ts("missing") : ts(a.status)}${a.error ? ` (${errorText(a.error)})` : ""}`);
  return (
    <li className="space-y-3 rounded border border-slate-300 p-3" data-testid="recording" data-recording-id={r.id} data-status={r.missing ? "missing" : r.status}>
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="font-semibold">{title}</h4>
        <RecordingStatusBadge status={r.status} missing={r.missing} />
      </div>
      {r.missing && (
        <p role="alert" className="text-sm font-medium text-red-900">
          {t("broken")}
        </p>
      )}
      {r.error && (
        <p className={`text-sm ${r.status === "failed" ? "font-medium text-red-900" : "text-slate-700"}`} data-testid="recording-error">
          {errorText(r.error)}
        </p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700 sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt>{t("origin")}</dt>
        <dd>{t(`origins.${r.origin}`)}</dd>
        <dt>{t("created")}</dt>
        <dd>{when(r.createdAt)}</dd>
        <dt>{t("started")}</dt>
        <dd data-testid="recording-started">{when(r.startedAt)}</dd>
        <dt>{t("ended")}</dt>
        <dd>{when(r.endedAt)}</dd>
        <dt>{t("duration")}</dt>
        <dd className="tabular-nums" data-testid="recording-duration">
          {r.durationMs !== null ? formatOffset(r.durationMs) : t("unknown")}
        </dd>
        <dt>{t("size")}</dt>
        <dd>{r.sizeBytes !== null ? formatBytes(r.sizeBytes, locale) : t("unknown")}</dd>
        {r.fileName && (
          <>
            <dt>{t("file")}</dt>
            <dd className="break-all" data-testid="recording-file">
              {r.fileName}
            </dd>
          </>
        )}
        <dt>{t("channels")}</dt>
        <dd>{channels.length ? channels.join(" · ") : t("noChannels")}</dd>
      </dl>
      <RecordingSettings id={r.id} label={label} visibility={r.visibility} published={r.published} ready={r.status === "ready" && !r.missing} />
      {r.status === "ready" && !r.missing && (
        <Link href={`/events/${r.eventSlug}/recordings/${r.id}`} className="inline-block text-sky-900 underline" aria-label={t("watchLabel", { title: label })}>
          {t("watch")}
        </Link>
      )}
      <details>
        <summary className="cursor-pointer text-sky-900 underline">{t("chapters", { count: r.chapters.length })}</summary>
        <ChapterEditor
          id={r.id}
          durationMs={r.durationMs}
          chapters={r.chapters.map((c) => ({ offsetMs: c.offsetMs, sessionId: c.sessionId, title: c.title }))}
          sessions={sessions}
          edited={r.chaptersEdited}
        />
      </details>
      <details>
        <summary className="cursor-pointer text-sky-900 underline">{t("subtitles", { count: r.subtitles.length })}</summary>
        <SubtitleManager id={r.id} locale={locale} subtitles={r.subtitles} />
      </details>
      {!running && <DeleteRecording id={r.id} label={label} />}
    </li>
  );
}
