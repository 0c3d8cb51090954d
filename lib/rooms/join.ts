// Whether a person may be on a session's stage now: the one join check behind the live page, the
// join token and every call made from inside the room (hands, booths, chat), so they never differ.
import "server-only";
import { requireActor, type Actor } from "@/lib/auth/session";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { AppError } from "@/lib/errors";
import { getStageMember, getStageMemberWithBreakouts, getStageOfSessionOrThrow, type BreakoutJoinState, type Stage, type StageMember } from "./data";
import { decideJoin, type JoinRefusal, type StageGrant } from "./grants";

// Declared, never created: only checkStageJoin makes a StageAccess, so what takes one was checked.
declare const joinChecked: unique symbol;

/** Proof that `member` may be on `stage` at the instant checked, with the grant decided there. */
export interface StageAccess {
  readonly stage: Stage;
  readonly member: StageMember;
  readonly grant: StageGrant;
  /** The forum's breakout state for the member, read in the same statement when asked for. */
  readonly breakouts?: BreakoutJoinState;
  readonly [joinChecked]: true;
}

export type StageRefusal = JoinRefusal | "notRegistered";

export type JoinOutcome = { stage: Stage; member: StageMember | null } & ({ access: StageAccess; refusal: null } | { access: null; refusal: StageRefusal });

/** The join decision of `actor` for the session's stage at `now` (NOT_FOUND for no such session).
 * The registration is read at the actor's cookie session version when it carries one, so a
 * cookie-only actor whose sessions were ended finds none: one round trip for the whole check. */
export async function checkStageJoin(actor: Actor, sessionId: string, now = new Date(), { breakouts = false }: JoinReadOptions = {}): Promise<JoinOutcome> {
  const stage = await getStageOfSessionOrThrow(sessionId);
  let member: StageMember | null;
  let breakoutState: BreakoutJoinState | undefined;
  if (breakouts) {
    const read = await getStageMemberWithBreakouts(stage, actor.userId, actor.sessionVersion);
    member = read?.member ?? null;
    breakoutState = read?.breakouts;
  } else {
    member = await getStageMember(stage, actor.userId, actor.sessionVersion);
  }
  if (!member) return { stage, member, access: null, refusal: "notRegistered" };
  const decision = decideJoin({ ...member, forum: stage, now });
  if (!decision.allowed) return { stage, member, access: null, refusal: decision.reason };
  return { stage, member, access: { stage, member, grant: decision.grant, ...(breakoutState ? { breakouts: breakoutState } : {}) } as StageAccess, refusal: null };
}

export interface JoinReadOptions {
  /** Also read the forum's breakout state for the person, in the same statement (access.breakouts). */
  breakouts?: boolean;
}

/** The actor's access to the session's stage now; UNAUTHENTICATED when signed out (or the account
 * or its session is gone), FORBIDDEN with the refusal's message key otherwise. */
export async function requireStageJoin(actor: Actor | null, sessionId: string, now = new Date(), options?: JoinReadOptions): Promise<StageAccess> {
  const signedIn = requireActor(actor);
  const outcome = await checkStageJoin(signedIn, sessionId, now, options);
  if (outcome.access) return outcome.access;
  // Only here is the account itself looked for: a refusal costs a second read, a join never does.
  if (!outcome.member && !(await isSessionCurrent(signedIn))) throw new AppError("UNAUTHENTICATED", "signInRequired");
  throw new AppError("FORBIDDEN", outcome.refusal);
}
