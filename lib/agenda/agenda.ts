// Pure agenda rules: grouping by day, filters, the live and next markers, neighbours.
import { dayKey } from "@/lib/time/zones";
import type { Locale } from "@/lib/i18n/routing";
import type { Agenda, AgendaForum, AgendaSession } from "./types";

export interface AgendaFilters {
  day?: string;
  forum?: string;
  lang?: Locale;
}

export interface AgendaDay {
  day: string;
  forums: AgendaForum[];
}

/** Forums grouped under the day (in the event's home zone) on which they start, in order. */
export function groupByDay(forums: AgendaForum[], zone: string): AgendaDay[] {
  const days = new Map<string, AgendaForum[]>();
  const ordered = [...forums].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.position - b.position);
  for (const forum of ordered) {
    const key = dayKey(forum.startsAt, zone);
    days.set(key, [...(days.get(key) ?? []), forum]);
  }
  return [...days].map(([day, list]) => ({ day, forums: list }));
}

/** The distinct days of the agenda, for the day filter. */
export function agendaDays(forums: AgendaForum[], zone: string): string[] {
  return groupByDay(forums, zone).map((d) => d.day);
}

/** Applies the URL filters; forums left without sessions drop out. */
export function filterAgenda(forums: AgendaForum[], filters: AgendaFilters, zone: string): AgendaForum[] {
  return forums
    .filter((f) => !filters.forum || f.slug === filters.forum)
    .filter((f) => !filters.day || dayKey(f.startsAt, zone) === filters.day)
    .map((f) => ({ ...f, sessions: f.sessions.filter((s) => !filters.lang || s.language === filters.lang) }))
    .filter((f) => f.sessions.length > 0);
}

export interface LiveMarks {
  live: Set<string>;
  next: string | null;
}

/**
 * Which sessions are live at `now` and which one comes next. A session is live when an organizer
 * marked it so, or when the clock is inside its slot and nobody has ended it. Markers appear only
 * while the clock is inside the event (first session start to last session end).
 */
export function markLiveAndNext(sessions: Pick<AgendaSession, "id" | "startsAt" | "endsAt" | "status">[], now: Date): LiveMarks {
  const live = new Set<string>();
  if (sessions.length === 0) return { live, next: null };
  const t = now.getTime();
  const first = Math.min(...sessions.map((s) => s.startsAt.getTime()));
  const last = Math.max(...sessions.map((s) => s.endsAt.getTime()));
  if (t < first || t >= last) return { live, next: null };
  for (const s of sessions) {
    const inSlot = s.startsAt.getTime() <= t && t < s.endsAt.getTime();
    if (s.status === "live" || (s.status === "scheduled" && inSlot)) live.add(s.id);
  }
  const upcoming = sessions.filter((s) => s.startsAt.getTime() > t && s.status === "scheduled" && !live.has(s.id)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return { live, next: upcoming[0]?.id ?? null };
}

/** Every session of the agenda in running order (start time, then forum order). */
export function sessionsInOrder(agenda: Agenda): AgendaSession[] {
  const position = new Map<string, number>();
  for (const f of agenda.forums) for (const s of f.sessions) position.set(s.id, f.position);
  return agenda.forums.flatMap((f) => f.sessions).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

export function neighbours<T extends { id: string }>(ordered: T[], id: string): { previous: T | null; next: T | null } {
  const i = ordered.findIndex((s) => s.id === id);
  if (i < 0) return { previous: null, next: null };
  return { previous: ordered[i - 1] ?? null, next: ordered[i + 1] ?? null };
}

/** Pairs of sessions of one forum whose slots overlap (an agenda invariant). */
export function overlaps(sessions: AgendaSession[]): [AgendaSession, AgendaSession][] {
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const found: [AgendaSession, AgendaSession][] = [];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].startsAt.getTime() < sorted[i - 1].endsAt.getTime()) found.push([sorted[i - 1], sorted[i]]);
  }
  return found;
}
