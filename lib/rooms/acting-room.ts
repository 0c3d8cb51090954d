// The LiveKit room an action from inside the room acts on: the forum's stage, or the breakout
// room the client says it is in — checked with the same decision its breakout token had
// (decideBreakout: one's own room while open; organizers visit any while the run is not closed).
// Chat, moderation and booths all resolve it here, so none can reach a breakout room the person
// may not be in, and none acts on the stage while its people are in a breakout.
import "server-only";
import type { RegistrationRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getBreakoutJoinState } from "./breakout-join";
import { actingRoomName, decideBreakout } from "./breakouts";
import type { Stage } from "./data";

/** Where an action from inside the room lands: `{ sessionId }` is the stage, with `breakoutId` one of its breakout rooms. */
export interface RoomRef {
  sessionId: string;
  breakoutId?: string | null;
}

/** The stage with `roomName` the room acted in, and that room's breakout (null: the stage). */
export interface ActingRoom extends Stage {
  breakoutId: string | null;
}

/** `person` already passed the stage's checks (join, or organizer); NOT_FOUND for no such breakout, FORBIDDEN when not theirs now. */
export async function resolveActingRoom(stage: Stage, person: { userId: string; role: RegistrationRole }, breakoutId: string | null | undefined, now = new Date()): Promise<ActingRoom> {
  if (!breakoutId) return { ...stage, breakoutId: null };
  const state = await getBreakoutJoinState(stage.forumId, person.userId);
  const decision = decideBreakout({ role: person.role, run: state.run, assigned: state.assigned, asked: breakoutId, breakouts: state.breakouts, now });
  if (!decision.allowed) throw new AppError(decision.reason === "breakoutNotFound" ? "NOT_FOUND" : "FORBIDDEN", decision.reason);
  return { ...stage, roomName: actingRoomName(stage.roomName, decision.breakoutId), breakoutId: decision.breakoutId };
}
