// What a person in the room (stage or breakout) asks about breakout rooms: the rooms' names, where
// the run stands, their own room; and, when people choose, their pick. The same join check as
// the stage (requireStageJoin), so nobody outside the forum reads or picks anything.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { requireStageJoin } from "@/lib/rooms/join";
import { getBreakoutJoinState } from "@/lib/rooms/breakout-join";
import { getBreakoutRooms, getBreakoutRun, type BreakoutRoomView, type BreakoutRunView } from "./data";
import { withForumLock } from "./lock";
import { runPhase } from "@/lib/rooms/breakouts";

export interface BreakoutInfo {
  run: BreakoutRunView;
  rooms: BreakoutRoomView[];
  mine: string | null;
  organizer: boolean;
}

export async function getBreakoutInfo(actor: Actor | null, sessionId: string): Promise<BreakoutInfo> {
  const { stage, member } = await requireStageJoin(actor, sessionId);
  const [run, rooms, state] = await Promise.all([getBreakoutRun(stage.forumId), getBreakoutRooms(stage.forumId), getBreakoutJoinState(stage.forumId, member.userId)]);
  return { run, rooms, mine: state.assigned, organizer: member.role === "organizer" };
}

/** A participant's pick while the rooms are open and people choose (organizers visit instead). */
export async function chooseBreakout(actor: Actor | null, sessionId: string, breakoutId: string, now = new Date()): Promise<void> {
  const { stage, member } = await requireStageJoin(actor, sessionId, now);
  if (member.role === "organizer" || member.role === "audience") throw new AppError("FORBIDDEN", "notAssignable");
  await withForumLock(stage.forumId, async (tx) => {
    const run = await tx.breakoutRun.findUnique({ where: { forumId: stage.forumId } });
    if (run?.mode !== "choose" || runPhase(run, now) !== "open") throw new AppError("CONFLICT", "breakoutsNotChoosing");
    const room = await tx.breakout.findFirst({ where: { id: breakoutId, forumId: stage.forumId }, select: { id: true } });
    if (!room) throw new AppError("NOT_FOUND", "breakoutNotFound");
    const key = { forumId_userId: { forumId: stage.forumId, userId: member.userId } };
    await tx.breakoutAssignment.upsert({ where: key, create: { forumId: stage.forumId, userId: member.userId, breakoutId }, update: { breakoutId } });
  });
}
