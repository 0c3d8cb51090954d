// One forum on the recordings console: its block in the viewer's and the event's zones, recording
// its stage now or automatically, and its recordings, newest first.
import { getTranslations } from "next-intl/server";
import { ViewerTime } from "@/components/agenda/viewer-time";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { shownZones } from "@/lib/agenda/display-zones";
import type { DisplayZone } from "@/lib/agenda/types";
import { pickText } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { ConsoleForum } from "@/lib/recordings/data";
import { AutoRecordToggle } from "./auto-record-toggle";
import { ConsoleRecordControl } from "./console-record-control";
import { RecordingCard } from "./recording-card";

export async function ForumRecordings({ forum, locale, timeZone, zones }: { forum: ConsoleForum; locale: Locale; timeZone: string; zones: DisplayZone[] }) {
  const t = await getTranslations("recordingsConsole.forum");
  const title = pickText(forum.title, locale);
  const running = forum.recording;
  const processing = forum.recordings.some((r) => r.origin === "egress" && r.status === "processing");
  const sessions = forum.sessions.map((s) => ({ id: s.id, label: pickText(s.title, locale), title: s.title }));
  return (
    <section aria-labelledby={`forum-${forum.id}`} className="space-y-4 rounded border border-slate-300 p-4" data-testid="recording-forum" data-forum-slug={forum.slug}>
      <header className="space-y-1">
        <h2 id={`forum-${forum.id}`} className="text-xl font-semibold">
          {title}
        </h2>
        <ViewerTime start={forum.startsAt.toISOString()} end={forum.endsAt.toISOString()} />
        <ZonedTimes start={forum.startsAt.toISOString()} end={forum.endsAt.toISOString()} zones={shownZones(zones, locale)} />
      </header>
      <ConsoleRecordControl
        forumId={forum.id}
        forumTitle={title}
        state={{
          recording: running && { id: running.id, status: running.status as "starting" | "recording", since: (running.startedAt ?? running.createdAt).toISOString() },
          processing,
          failure: null,
        }}
      />
      <AutoRecordToggle forumId={forum.id} on={forum.autoRecord} />
      <section aria-labelledby={`forum-${forum.id}-recordings`} className="space-y-2">
        <h3 id={`forum-${forum.id}-recordings`} className="font-semibold">
          {t("recordings", { count: forum.recordings.length })}
        </h3>
        {forum.recordings.length === 0 ? (
          <p className="text-slate-700">{t("none")}</p>
        ) : (
          <ul className="space-y-3">
            {forum.recordings.map((r) => (
              <RecordingCard key={r.id} recording={r} sessions={sessions} locale={locale} timeZone={timeZone} />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
