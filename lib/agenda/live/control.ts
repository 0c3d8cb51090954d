// Pure rules of running a forum on the day: which status changes a Start, End or "Next session"
// makes, and which session is current and which comes next. Status only moves forward
// (scheduled → live → ended), and a forum has at most one live session: its stage shows one thing.
import { AppError } from "@/lib/errors";
import type { SessionStatus } from "../types";

export interface RunSession {
  id: string;
  status: SessionStatus;
  startsAt: Date;
}

export interface StatusChange {
  sessionId: string;
  from: SessionStatus;
  to: "live" | "ended";
}

export type LiveCommand = "start" | "end" | "next";

/** The forum's sessions in running order: start time, then id so equal starts stay stable. */
export function runningOrder<T extends RunSession>(sessions: T[]): T[] {
  return [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * The live session, and the scheduled one that follows it in running order. With nothing live,
 * "next" follows the last session that already ran, so sessions skipped earlier are not picked
 * up again by "Next session" (an organizer can still start them one by one).
 */
export function currentAndNext<T extends RunSession>(sessions: T[]): { current: T | null; next: T | null } {
  const ordered = runningOrder(sessions);
  const liveAt = ordered.findIndex((s) => s.status === "live");
  let anchor = liveAt;
  if (anchor < 0) anchor = ordered.findLastIndex((s) => s.status !== "scheduled");
  const next = ordered.slice(anchor + 1).find((s) => s.status === "scheduled") ?? null;
  return { current: liveAt >= 0 ? ordered[liveAt] : null, next };
}

function find(sessions: RunSession[], sessionId: string): RunSession {
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
  return session;
}

function endOthers(sessions: RunSession[], keep: string): StatusChange[] {
  return sessions.filter((s) => s.status === "live" && s.id !== keep).map((s) => ({ sessionId: s.id, from: s.status, to: "ended" }));
}

/** Starts a scheduled session, ending whatever else of its forum is live. */
export function planStart(sessions: RunSession[], sessionId: string): StatusChange[] {
  const session = find(sessions, sessionId);
  if (session.status === "live") throw new AppError("CONFLICT", "alreadyLive");
  if (session.status === "ended") throw new AppError("CONFLICT", "alreadyEnded");
  return [...endOthers(sessions, sessionId), { sessionId, from: "scheduled", to: "live" }];
}

export function planEnd(sessions: RunSession[], sessionId: string): StatusChange[] {
  const session = find(sessions, sessionId);
  if (session.status !== "live") throw new AppError("CONFLICT", session.status === "ended" ? "alreadyEnded" : "notLive");
  return [{ sessionId, from: "live", to: "ended" }];
}

/**
 * Ends the live session and starts the next scheduled one. `expectedLiveId` is the live session
 * the organizer saw (null: none); when another organizer moved on meanwhile, pressing "Next"
 * twice must not skip a session, so a stale view is refused instead.
 */
export function planNext(sessions: RunSession[], expectedLiveId?: string | null): StatusChange[] {
  const { current, next } = currentAndNext(sessions);
  if (expectedLiveId !== undefined && (current?.id ?? null) !== expectedLiveId) throw new AppError("CONFLICT", "runSheetStale");
  if (!next) throw new AppError("CONFLICT", "noNextSession");
  return planStart(sessions, next.id);
}

export function plan(command: LiveCommand, sessions: RunSession[], input: { sessionId?: string; expectedLiveId?: string | null }): StatusChange[] {
  if (command === "next") return planNext(sessions, input.expectedLiveId);
  if (!input.sessionId) throw new AppError("BAD_REQUEST", "sessionNotFound");
  return command === "start" ? planStart(sessions, input.sessionId) : planEnd(sessions, input.sessionId);
}
