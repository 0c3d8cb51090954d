// When a recording was made: its day in the event's zone, then the time range in the viewer's own
// zone and in each of the event's zones (as the agenda shows sessions).
import { ViewerTime } from "@/components/agenda/viewer-time";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import type { AgendaEvent } from "@/lib/agenda/types";
import type { Locale } from "@/lib/i18n/routing";
import { formatDay } from "@/lib/time/zones";

/** A recording's span: from its first frame; an upload without one takes its session's or forum's block. */
export function recordingSpan(
  recording: { startedAt: Date | null; endedAt: Date | null; durationMs: number | null },
  fallback: { startsAt: Date; endsAt: Date },
): { start: Date; end: Date } {
  const start = recording.startedAt;
  if (!start) return { start: fallback.startsAt, end: fallback.endsAt };
  const end = recording.endedAt ?? (recording.durationMs !== null ? new Date(start.getTime() + recording.durationMs) : start);
  return { start, end };
}

export function RecordedTimes({ start, end, event, locale, withDay = true }: { start: Date; end: Date; event: AgendaEvent; locale: Locale; withDay?: boolean }) {
  return (
    <div data-testid="recorded-times">
      {withDay && <p className="text-slate-700">{formatDay(start, event.timeZone, locale)}</p>}
      <ViewerTime start={start.toISOString()} end={end.toISOString()} withDate={withDay} />
      <ZonedTimes start={start} end={end} zones={event.displayZones} locale={locale} homeZone={event.timeZone} />
    </div>
  );
}
