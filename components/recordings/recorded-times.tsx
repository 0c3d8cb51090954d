// When a recording was made: the time range in the viewer's own zone and in each of the event's
// zones, each with the date it falls on there (as the agenda shows sessions).
import { ViewerTime } from "@/components/agenda/viewer-time";
import { ZonedTimes } from "@/components/agenda/zoned-times";
import { shownZones } from "@/lib/agenda/display-zones";
import type { AgendaEvent } from "@/lib/agenda/types";
import type { Locale } from "@/lib/i18n/routing";

/** A recording's span: from its first frame; an upload without one takes its session's or forum's block. */
export function recordingSpan(recording: { startedAt: Date | null; endedAt: Date | null; durationMs: number | null }, fallback: { startsAt: Date; endsAt: Date }): { start: Date; end: Date } {
  const start = recording.startedAt;
  if (!start) return { start: fallback.startsAt, end: fallback.endsAt };
  const end = recording.endedAt ?? (recording.durationMs !== null ? new Date(start.getTime() + recording.durationMs) : start);
  return { start, end };
}

export function RecordedTimes({ start, end, event, locale }: { start: Date; end: Date; event: AgendaEvent; locale: Locale }) {
  return (
    <div data-testid="recorded-times">
      <ViewerTime start={start.toISOString()} end={end.toISOString()} />
      <ZonedTimes start={start.toISOString()} end={end.toISOString()} zones={shownZones(event.displayZones, locale)} />
    </div>
  );
}
