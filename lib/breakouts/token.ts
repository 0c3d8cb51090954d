// Join tokens for a forum's breakout rooms. The same trust rules as its stage (requireStageJoin:
// registration, forum, ban, join window), then the breakout decision (lib/breakouts/rules): a
// person gets a token for their own room only, while the rooms are open; organizers visit any.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { stageGrant, type StageRole } from "@/lib/rooms/grants";
import { requireStageJoin } from "@/lib/rooms/join";
import { breakoutRoomName } from "@/lib/rooms/room-name";
import type { StageToken } from "@/lib/rooms/schema";
import { mintToken } from "@/lib/rooms/token";
import { getBreakoutJoinState } from "@/lib/rooms/breakout-join";
import { BREAKOUT_CLOSES_ATTRIBUTE, breakoutGrant, decideBreakout, runPhase } from "@/lib/rooms/breakouts";

export async function issueBreakoutToken(actor: Actor | null, sessionId: string, asked: string | null, now = new Date()): Promise<StageToken> {
  const { stage, member } = await requireStageJoin(actor, sessionId, now);
  const state = await getBreakoutJoinState(stage.forumId, member.userId);
  const decision = decideBreakout({ role: member.role, run: state.run, assigned: state.assigned, asked, breakouts: state.breakouts, now });
  if (!decision.allowed) throw new AppError(decision.reason === "breakoutNotFound" ? "NOT_FOUND" : "FORBIDDEN", decision.reason);
  const roomName = breakoutRoomName(stage.roomName, decision.breakoutId);
  const grant = member.role === "organizer" ? stageGrant("organizer") : breakoutGrant(member.role as StageRole);
  const closing: Record<string, string> = runPhase(state.run, now) === "closing" && state.run?.closesAt ? { [BREAKOUT_CLOSES_ATTRIBUTE]: state.run.closesAt.toISOString() } : {};
  if (member.role === "organizer") {
    await audit(db, {
      eventId: stage.eventId,
      actorId: member.userId,
      action: "breakout.visited",
      entityType: "forum",
      entityId: stage.forumId,
      data: { room: roomName, breakoutId: decision.breakoutId },
    });
  }
  return mintToken(member, grant, roomName, closing);
}
