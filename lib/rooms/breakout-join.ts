// What the stage and its webhooks ask about a forum's breakout rooms (lib/breakouts runs them):
// the one read a join makes; the attribute a stage join carries while the rooms are open, so
// someone joining late moves to their room as those already there did; and the undoing of a join
// to a breakout room by someone who may not be there (not assigned to it, or holding a token from
// before the rooms closed), audited as backstage's is. Organizers may be in any breakout room.
import "server-only";
import type { ParticipantInfo } from "livekit-server-sdk";
import { db } from "@/lib/db";
import { BREAKOUT_ATTRIBUTE, decideBreakout, runPhase, toBreakoutAttribute, type BreakoutRunState } from "./breakouts";
import { getApprovedRole, type BreakoutJoinState, type Stage } from "./data";
import { refuseInRoom } from "./membership";

export type { BreakoutJoinState };

/** What a breakout join (or a stage join while rooms are open) decides on: one statement. */
export async function getBreakoutJoinState(forumId: string, userId: string): Promise<BreakoutJoinState> {
  const [row] = await db.$queryRaw<
    { mode: BreakoutRunState["mode"] | null; status: BreakoutRunState["status"] | null; opens_at: Date | null; closes_at: Date | null; breakouts: string[]; assigned: string | null }[]
  >`
    SELECT r.mode::text AS mode, r.status::text AS status, r.opens_at, r.closes_at,
           ARRAY(SELECT b.id FROM breakouts b WHERE b.forum_id = ${forumId} ORDER BY b.position) AS breakouts,
           (SELECT a.breakout_id FROM breakout_assignments a WHERE a.forum_id = ${forumId} AND a.user_id = ${userId}) AS assigned
    FROM (SELECT 1) one LEFT JOIN breakout_runs r ON r.forum_id = ${forumId}`;
  const run = row.status ? { mode: row.mode!, status: row.status, opensAt: row.opens_at, closesAt: row.closes_at } : null;
  return { run, breakouts: row.breakouts, assigned: row.assigned };
}

export async function stageBreakoutAttributes(forumId: string, userId: string, now: Date): Promise<Record<string, string>> {
  return breakoutAttributes(await getBreakoutJoinState(forumId, userId), now);
}

/** stageBreakoutAttributes from a state already read (with the registration: getStageMemberWithBreakouts). */
export function breakoutAttributes({ run, assigned }: Pick<BreakoutJoinState, "run" | "assigned">, now: Date): Record<string, string> {
  const phase = runPhase(run, now);
  if (!run || (phase !== "open" && phase !== "opening")) return {};
  const target = assigned ?? (run.mode === "choose" ? "choose" : null);
  return target ? { [BREAKOUT_ATTRIBUTE]: toBreakoutAttribute(target, run.opensAt) } : {};
}

/** `room.roomName` is the breakout room joined. */
export async function enforceBreakout(
  room: Pick<Stage, "eventId" | "forumId" | "roomName">,
  breakoutId: string,
  participant: Pick<ParticipantInfo, "identity">,
  now = new Date(),
): Promise<"kept" | "removed"> {
  const role = await getApprovedRole(room.eventId, participant.identity);
  // No registration: reconcileParticipant has removed them already.
  if (!role || role === "organizer") return "kept";
  const state = await getBreakoutJoinState(room.forumId, participant.identity);
  const decision = decideBreakout({ role, run: state.run, assigned: state.assigned, asked: breakoutId, breakouts: state.breakouts, now });
  if (decision.allowed) return "kept";
  return (await refuseInRoom(room, participant.identity, decision.reason, null)) ? "removed" : "kept";
}
