// Attendance writes from LiveKit webhooks. An event's id is recorded in webhook_events and its
// effect applied only when that insert took, in ONE statement, so the id and the effect commit
// together (a statement is its own transaction) and a redelivery finds the id and does nothing.
// Concurrent redeliveries wait on the id's unique index, then see it taken. Events arriving
// together are group-committed (group.ts); this is the statement of one event alone.
import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseRoomName } from "@/lib/rooms/room-name";
import type { AttendanceChange } from "./webhook";

export type AttendanceOutcome = "applied" | "replayed" | "unknownRoom";

/** The writes of one change, run after `fresh` (the id took) and `forum` (the room's forum). */
function effectOf(c: AttendanceChange, breakoutId: string | null): Prisma.Sql {
  // Time in a breakout room is the forum's, marked with the breakout (if it still exists).
  const breakout = Prisma.sql`(SELECT b.id FROM breakouts b WHERE b.id = ${breakoutId} AND b.forum_id = forum.id)`;
  switch (c.kind) {
    // Joins and leaves upsert by participant sid, so whichever arrives first makes the row and the
    // other completes it: a leave never reopens, a join never clears left_at.
    case "joined":
    case "left": {
      const leftAt = c.kind === "left" ? c.at : null;
      const onConflict = c.kind === "joined" ? Prisma.sql`joined_at = EXCLUDED.joined_at, session_id = EXCLUDED.session_id` : Prisma.sql`left_at = EXCLUDED.left_at`;
      return Prisma.sql`
        INSERT INTO attendances (id, forum_id, session_id, user_id, identity, participant_sid, joined_at, left_at, breakout_id)
        SELECT ${crypto.randomUUID()}, forum.id,
          (SELECT s.id FROM sessions s WHERE s.forum_id = forum.id AND s.starts_at <= ${c.joinedAt}::timestamptz
             AND s.ends_at > ${c.joinedAt}::timestamptz ORDER BY s.starts_at DESC LIMIT 1),
          (SELECT u.id FROM users u WHERE u.id = ${c.identity}),
          ${c.identity}, ${c.sid}, ${c.joinedAt}::timestamptz, ${leftAt}::timestamptz, ${breakout}
        FROM forum, fresh
        ON CONFLICT (participant_sid) DO UPDATE SET ${onConflict}`;
    }
    case "aborted":
      return Prisma.sql`
        UPDATE attendances a SET left_at = ${c.at}::timestamptz FROM forum, fresh
        WHERE a.participant_sid = ${c.sid} AND a.forum_id = forum.id AND a.left_at IS NULL`;
    // A forum's room is reused across its sessions and days: close only connections made before
    // this instance of the room finished, and only that room's (the stage's, or one breakout's).
    case "roomFinished":
      return Prisma.sql`
        UPDATE attendances a SET left_at = ${c.at}::timestamptz FROM forum, fresh
        WHERE a.forum_id = forum.id AND a.left_at IS NULL AND a.joined_at <= ${c.at}::timestamptz
          AND a.breakout_id IS NOT DISTINCT FROM ${breakout}`;
  }
}

/** The forum's room a change counts for, and its breakout: a breakout room counts for its forum;
 * the backstage (as before) and meetings for none. */
export function forumRoomOf(room: string): { forumRoom: string; breakoutId: string | null } {
  const parsed = parseRoomName(room);
  return parsed.kind === "breakout" ? { forumRoom: parsed.stageRoomName, breakoutId: parsed.breakoutId } : { forumRoom: room, breakoutId: null };
}

/** One change, in its own statement. */
export async function applyOneChange(c: AttendanceChange): Promise<AttendanceOutcome> {
  const { forumRoom, breakoutId } = forumRoomOf(c.room);
  // Data-modifying CTEs run to completion whether or not the final SELECT reads them.
  const [row] = await db.$queryRaw<{ fresh: number; known: number }[]>`
    WITH fresh AS (
      INSERT INTO webhook_events (id, event, created_at) VALUES (${c.id}, ${c.event}, ${c.at}::timestamptz)
      ON CONFLICT (id) DO NOTHING RETURNING id
    ), forum AS (
      SELECT id FROM forums WHERE room_name = ${forumRoom}
    ), effect AS (${effectOf(c, breakoutId)})
    SELECT (SELECT count(*) FROM fresh)::int AS fresh, (SELECT count(*) FROM forum)::int AS known`;
  if (!row.fresh) return "replayed";
  return row.known ? "applied" : "unknownRoom";
}
