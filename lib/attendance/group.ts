// Group commit of attendance webhooks: the joins and leaves that arrive together are written in
// one statement — their ids into webhook_events, and the effect of each id that took — so a burst
// costs one commit per group. The group's statement means what the events' own statements would,
// in arrival order: a group is cut into runs in which no event id or participant repeats (one
// statement cannot upsert a row twice, and a redelivery must see its first delivery committed);
// room_finished and aborted connections, whose effect depends on what came before, run alone.
// If a run's statement fails, each of its events is retried alone, so one bad event fails only
// its own request.
import "server-only";
import crypto from "node:crypto";
import { groupCommit, type Settled } from "@/lib/batching/group-commit";
import { db } from "@/lib/db";
import { applyOneChange, forumRoomOf, type AttendanceOutcome } from "./mutations";
import type { AttendanceChange } from "./webhook";

type Presence = Extract<AttendanceChange, { kind: "joined" | "left" }>;

/** Consecutive runs of the group, each written in one statement. */
export function runsOf(changes: AttendanceChange[]): AttendanceChange[][] {
  const runs: AttendanceChange[][] = [];
  let run: Presence[] = [];
  const keys = new Set<string>();
  const close = () => {
    if (run.length) runs.push(run);
    run = [];
    keys.clear();
  };
  for (const c of changes) {
    if (c.kind !== "joined" && c.kind !== "left") {
      close();
      runs.push([c]);
      continue;
    }
    if (keys.has(`id:${c.id}`) || keys.has(`sid:${c.sid}`)) close();
    run.push(c);
    keys.add(`id:${c.id}`).add(`sid:${c.sid}`);
  }
  close();
  return runs;
}

/** Joins and leaves of distinct ids and participants, in one statement (applyOneChange's, for many). */
async function applyPresences(run: Presence[]): Promise<AttendanceOutcome[]> {
  const input = run.map((c, n) => {
    const { forumRoom, breakoutId } = forumRoomOf(c.room);
    return {
      n,
      id: c.id,
      event: c.event,
      at: c.at,
      room: forumRoom,
      breakout: breakoutId,
      row_id: crypto.randomUUID(),
      sid: c.sid,
      identity: c.identity,
      joined_at: c.joinedAt,
      left_at: c.kind === "left" ? c.at : null,
    };
  });
  // A leave carries left_at and a join none: that tells the upsert which columns the event owns
  // (a join sets joined_at and the session, a leave left_at; whichever comes first makes the row).
  // Rows are taken in one order (ids, then participants) so two instances' groups cannot deadlock.
  const rows = await db.$queryRaw<{ n: number; fresh: boolean; known: boolean }[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS t(n int, id text, event text, at timestamptz,
        room text, breakout text, row_id text, sid text, identity text, joined_at timestamptz, left_at timestamptz)
    ), fresh AS (
      INSERT INTO webhook_events (id, event, created_at) SELECT id, event, at FROM input ORDER BY id
      ON CONFLICT (id) DO NOTHING RETURNING id
    ), effect AS (
      INSERT INTO attendances (id, forum_id, session_id, user_id, identity, participant_sid, joined_at, left_at, breakout_id)
      SELECT i.row_id, forum.id,
        (SELECT s.id FROM sessions s WHERE s.forum_id = forum.id AND s.starts_at <= i.joined_at AND s.ends_at > i.joined_at ORDER BY s.starts_at DESC LIMIT 1),
        (SELECT u.id FROM users u WHERE u.id = i.identity),
        i.identity, i.sid, i.joined_at, i.left_at,
        (SELECT b.id FROM breakouts b WHERE b.id = i.breakout AND b.forum_id = forum.id)
      FROM input i JOIN fresh ON fresh.id = i.id JOIN forums forum ON forum.room_name = i.room
      ORDER BY i.sid
      ON CONFLICT (participant_sid) DO UPDATE SET
        joined_at = CASE WHEN EXCLUDED.left_at IS NULL THEN EXCLUDED.joined_at ELSE attendances.joined_at END,
        session_id = CASE WHEN EXCLUDED.left_at IS NULL THEN EXCLUDED.session_id ELSE attendances.session_id END,
        left_at = COALESCE(EXCLUDED.left_at, attendances.left_at)
    )
    SELECT i.n, EXISTS (SELECT 1 FROM fresh WHERE fresh.id = i.id) AS fresh, EXISTS (SELECT 1 FROM forums f WHERE f.room_name = i.room) AS known
    FROM input i ORDER BY i.n`;
  return rows.map((r) => (!r.fresh ? "replayed" : r.known ? "applied" : "unknownRoom"));
}

const settle = (p: Promise<AttendanceOutcome>): Promise<Settled<AttendanceOutcome>> =>
  p.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

async function applyRun(run: AttendanceChange[]): Promise<Settled<AttendanceOutcome>[]> {
  if (run.length > 1) {
    const outcomes = await applyPresences(run as Presence[]).catch((err: unknown) => {
      console.warn(`attendance: a group of ${run.length} webhooks failed together, retried one by one`, err);
      return null;
    });
    if (outcomes) return outcomes.map((value) => ({ ok: true, value }));
  }
  const alone: Settled<AttendanceOutcome>[] = [];
  for (const c of run) alone.push(await settle(applyOneChange(c)));
  return alone;
}

async function applyGroup(changes: AttendanceChange[]): Promise<Settled<AttendanceOutcome>[]> {
  const settled: Settled<AttendanceOutcome>[] = [];
  for (const run of runsOf(changes)) settled.push(...(await applyRun(run)));
  return settled;
}

/** Applies a change; answers once the statement that wrote it (shared with the changes that
 * arrived with it) has committed. */
export const applyAttendanceChange: (c: AttendanceChange) => Promise<AttendanceOutcome> = groupCommit(applyGroup);
