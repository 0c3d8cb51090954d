// Which of a forum's sessions its stage is showing now, for the recording's lower third. Pure, so
// the layout page and its tests agree: an organizer's word (status) beats the printed schedule.
import type { SessionStatus } from "@/lib/agenda/types";

export interface TimedSession {
  id: string;
  /** UTC instants in milliseconds. */
  startsAt: number;
  endsAt: number;
  status: SessionStatus;
}

/**
 * The session marked live (the latest to start when an organizer left more than one live), else
 * the scheduled session whose slot holds `now`, else null (before, between or after sessions).
 * A session ended early by its organizer is not brought back by its slot.
 */
export function currentSession<T extends TimedSession>(sessions: readonly T[], now: number): T | null {
  const latestFirst = [...sessions].sort((a, b) => b.startsAt - a.startsAt || a.id.localeCompare(b.id));
  return latestFirst.find((s) => s.status === "live") ?? latestFirst.find((s) => s.status === "scheduled" && s.startsAt <= now && now < s.endsAt) ?? null;
}

/** The sessions with the statuses heard since the page was drawn (unknown ids keep their own). */
export function withStatuses<T extends TimedSession>(sessions: readonly T[], statuses: ReadonlyMap<string, SessionStatus>): T[] {
  return sessions.map((s) => {
    const status = statuses.get(s.id);
    return status && status !== s.status ? { ...s, status } : s;
  });
}
