// Chapters of a forum recording: where each of the forum's sessions begins on the recording's
// timeline, from the times the sessions really ran. Pure, so the organizers' chapter editor and
// the webhook that finishes a recording compute the very same offsets.
import type { LocalizedText } from "@/lib/i18n/localized";

export interface ChapterRecording {
  /** The wall-clock instant of the recording's first frame. */
  startedAt: Date;
  endedAt: Date | null;
  durationMs: number | null;
}

export interface ChapterSession {
  id: string;
  title: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  liveAt: Date | null;
  endedAt: Date | null;
  status: "scheduled" | "live" | "ended" | "cancelled";
}

export interface Chapter {
  sessionId: string;
  title: LocalizedText;
  offsetMs: number;
}

interface Span {
  session: ChapterSession;
  start: number;
  end: number;
}

/**
 * When each session really ran: from going live (else its scheduled start) to being ended (else
 * its scheduled end, or open while live). A forum's stage holds one session at a time, so a
 * session is over once the next one starts, whatever its own end says — an organizer may start
 * the next session without ending the last.
 */
function realSpans(sessions: ChapterSession[]): Span[] {
  const spans = sessions
    .filter((s) => s.status !== "cancelled")
    .map((session) => {
      const start = (session.liveAt ?? session.startsAt).getTime();
      let end = session.endedAt?.getTime() ?? (session.status === "live" ? Infinity : session.endsAt.getTime());
      // A late start past the scheduled end leaves no usable end: the next session's start decides.
      if (end <= start) end = Infinity;
      return { session, start, end };
    })
    .sort((a, b) => a.start - b.start || a.session.startsAt.getTime() - b.session.startsAt.getTime());
  return spans.map((span, i) => {
    const next = spans.slice(i + 1).find((s) => s.start > span.start);
    return next ? { ...span, end: Math.min(span.end, next.start) } : span;
  });
}

/**
 * The chapters of `recording`: every session that ran while it was recording, at its start's
 * offset. A recording started late opens on the session already running, at offset 0; a restarted
 * recording is a second recording, and a session running across the restart opens it at 0 too.
 */
export function computeChapters(recording: ChapterRecording, sessions: ChapterSession[]): Chapter[] {
  const recStart = recording.startedAt.getTime();
  const recEnd = recording.endedAt?.getTime() ?? (recording.durationMs !== null ? recStart + recording.durationMs : Infinity);
  const chapters: Chapter[] = [];
  for (const { session, start, end } of realSpans(sessions)) {
    if (start >= recEnd || end <= recStart) continue;
    // Offsets are unique per recording in the database: a tie (odd liveAt data) keeps sort order 1 ms apart.
    const previous = chapters.at(-1)?.offsetMs ?? -1;
    const offsetMs = Math.max(0, start - recStart, previous + 1);
    if (recording.durationMs !== null && offsetMs >= recording.durationMs) break;
    chapters.push({ sessionId: session.id, title: session.title, offsetMs });
  }
  return chapters;
}

/** The index of the chapter playing at `positionMs` (chapters in ascending order), or -1 before the first. */
export function chapterAt(chapters: readonly { offsetMs: number }[], positionMs: number): number {
  let found = -1;
  for (let i = 0; i < chapters.length && chapters[i].offsetMs <= positionMs; i++) found = i;
  return found;
}

/** `H:MM:SS` from an hour on, `M:SS` below: how players and `?t=` links show a position. */
export function formatOffset(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

const clockPattern = /^(?:(?:(\d+):)?(\d+):)?(\d+)(?:\.(\d{1,3}))?$/;
const unitsPattern = /^(?=.)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)(?:\.(\d{1,3}))?s)?$/i;

/**
 * A position typed by an organizer or carried by a `?t=` link, in ms: `1:02:03`, `62:03`, `3723`,
 * `1:02:03.5`, or YouTube's `1h2m3s`, `90s`, `2m`. Null when it is none of these.
 */
export function parseOffset(text: string): number | null {
  const t = text.trim();
  const clock = clockPattern.exec(t);
  const parts = clock ?? unitsPattern.exec(t);
  if (!parts) return null;
  const [, h, m, s, frac] = parts;
  // In clock form a field below a larger one stays under 60 ("1:75" is a typo); "3723" alone is fine.
  if (clock && ((h !== undefined && Number(m) >= 60) || (m !== undefined && Number(s) >= 60))) return null;
  const ms = ((Number(h ?? 0) * 60 + Number(m ?? 0)) * 60 + Number(s ?? 0)) * 1000 + (frac ? Number(frac.padEnd(3, "0")) : 0);
  return Number.isSafeInteger(ms) ? ms : null;
}
