// Writes of a session's polls. Organizers prepare them (drafts only may be edited or deleted),
// launch, close and reveal them — audited; whoever may be in the forum's room answers, once per
// person (the primary key), changeable until the poll closes. Every change notifies the live
// channel in its transaction (or, for an answer, in its one statement).
import "server-only";
import { audit, organizerEntry } from "@/lib/audit/audit";
import type { Actor, OrganizerAccess } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireQaAccess } from "@/lib/qa/access";
import { LIVE_CHANNEL } from "@/lib/agenda/live/message";
import { notifyQaChange, qaMessage } from "@/lib/qa/live";
import { hitLimits } from "@/lib/rate-limit/limit";
import { toOptions } from "./data";
import { applyCommand, checkChoices, closesAt, effectiveStatus, type PollCommand, type PollStatus } from "./rules";
import { pollCommandSchema, pollInputSchema, pollVoteSchema } from "./schema";

/** Answers (and changes of mind) per person and minute. */
export const POLL_VOTE_LIMIT = { max: 60, windowSeconds: 60 };

/** Answers a poll with the option ids chosen; answering again replaces the earlier answer. */
export async function votePoll(actor: Actor | null, pollId: string, raw: unknown): Promise<{ choices: string[] }> {
  const { choices: wanted } = pollVoteSchema.parse(raw);
  // Read once: the statement below checks again that the poll is open as it writes.
  const poll = await db.poll.findUnique({ where: { id: pollId }, select: { sessionId: true, status: true, openedAt: true, timerSeconds: true, options: true, multiple: true } });
  if (!poll) throw new AppError("NOT_FOUND", "pollNotFound");
  const access = await requireQaAccess(actor, poll.sessionId);
  const userId = access.viewer.userId;
  const limited = await hitLimits([{ key: `poll:vote:${userId}`, ...POLL_VOTE_LIMIT }]);
  if (!limited.allowed) throw new AppError("RATE_LIMITED", "tooManyRequests", { retryAfterSeconds: limited.retryAfterSeconds });
  const refuse = (status: PollStatus) => {
    if (status === "closed") throw new AppError("CONFLICT", "pollClosed");
    if (status === "draft") throw new AppError("CONFLICT", "pollNotOpen");
  };
  refuse(effectiveStatus(poll, new Date()));
  const checked = checkChoices(toOptions(poll.options), poll.multiple, wanted);
  if (!checked.ok) throw new AppError("BAD_REQUEST", checked.error);
  // One statement, so a thousand answers at once need no interactive transaction: the poll's row
  // is held in share mode while the answer is written (a close, which takes it for update, waits
  // for answers in flight and refuses later ones), and the answer and its NOTIFY commit together.
  const message = JSON.stringify(qaMessage(access.stage.eventId, poll.sessionId, "polls"));
  const written = await db.$executeRaw`
    WITH open_poll AS (
      SELECT id FROM polls
      WHERE id = ${pollId} AND status = 'open' AND (timer_seconds IS NULL OR opened_at + timer_seconds * interval '1 second' > now())
      FOR SHARE
    ), answer AS (
      INSERT INTO poll_votes (poll_id, user_id, choices, updated_at) SELECT id, ${userId}, ${checked.choices}, now() FROM open_poll
      ON CONFLICT (poll_id, user_id) DO UPDATE SET choices = EXCLUDED.choices, updated_at = EXCLUDED.updated_at
      RETURNING 1
    )
    SELECT pg_notify(${LIVE_CHANNEL}, ${message}) FROM answer`;
  if (!written) {
    // Closed (or the timer ran out) between the read and the write.
    const current = await db.poll.findUnique({ where: { id: pollId }, select: { status: true, openedAt: true, timerSeconds: true } });
    if (!current) throw new AppError("NOT_FOUND", "pollNotFound");
    refuse(effectiveStatus(current, new Date()));
    throw new AppError("CONFLICT", "pollClosed");
  }
  return { choices: checked.choices };
}

const withIds = (options: { ko: string; zh: string; en: string }[]) => options.map((label, i) => ({ id: `o${i + 1}`, label }));

async function sessionOfEvent(tx: Tx, organizer: OrganizerAccess, sessionId: string) {
  const session = await tx.session.findFirst({ where: { id: sessionId, forum: { eventId: organizer.eventId } }, select: { id: true } });
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
}

/** The poll, locked for this transaction, when it belongs to the organizer's event. */
async function lockPoll(tx: Tx, organizer: OrganizerAccess, pollId: string) {
  await tx.$queryRaw`SELECT 1 FROM polls WHERE id = ${pollId} FOR UPDATE`;
  const poll = await tx.poll.findFirst({
    where: { id: pollId, session: { forum: { eventId: organizer.eventId } } },
    select: { id: true, sessionId: true, status: true, revealed: true, openedAt: true, timerSeconds: true },
  });
  if (!poll) throw new AppError("NOT_FOUND", "pollNotFound");
  return poll;
}

const entry = (organizer: OrganizerAccess, action: string, pollId: string, data: Record<string, string | boolean | null>) => organizerEntry(organizer, action, "poll", pollId, data);

/** Prepares a poll (a draft) at the end of the session's list. */
export async function createPoll(organizer: OrganizerAccess, sessionId: string, raw: unknown): Promise<{ id: string }> {
  const input = pollInputSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await sessionOfEvent(tx, organizer, sessionId);
    const position = await tx.poll.count({ where: { sessionId } });
    const poll = await tx.poll.create({
      data: { sessionId, question: input.question, options: withIds(input.options), multiple: input.multiple, timerSeconds: input.timerSeconds, position },
      select: { id: true },
    });
    await audit(tx, entry(organizer, "poll.created", poll.id, { sessionId }));
    await notifyQaChange(tx, { eventId: organizer.eventId, sessionId, what: "polls" });
    return poll;
  });
}

/** Rewrites a poll nobody has seen yet (a draft; CONFLICT `pollNotDraft` otherwise). */
export async function updatePoll(organizer: OrganizerAccess, pollId: string, raw: unknown): Promise<void> {
  const input = pollInputSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const poll = await lockPoll(tx, organizer, pollId);
    if (poll.status !== "draft") throw new AppError("CONFLICT", "pollNotDraft");
    await tx.poll.update({ where: { id: pollId }, data: { question: input.question, options: withIds(input.options), multiple: input.multiple, timerSeconds: input.timerSeconds } });
    await audit(tx, entry(organizer, "poll.updated", pollId, { sessionId: poll.sessionId }));
    await notifyQaChange(tx, { eventId: organizer.eventId, sessionId: poll.sessionId, what: "polls" });
  });
}

/** Deletes a draft (a launched poll stays, with its results, as the session's record). */
export async function deletePoll(organizer: OrganizerAccess, pollId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const poll = await lockPoll(tx, organizer, pollId);
    if (poll.status !== "draft") throw new AppError("CONFLICT", "pollNotDraft");
    await tx.poll.delete({ where: { id: pollId } });
    await audit(tx, entry(organizer, "poll.deleted", pollId, { sessionId: poll.sessionId }));
    await notifyQaChange(tx, { eventId: organizer.eventId, sessionId: poll.sessionId, what: "polls" });
  });
}

const auditAction: Record<PollCommand, string> = { open: "poll.opened", close: "poll.closed", reveal: "poll.revealed", hide: "poll.hidden" };

/** Launches, closes, reveals or hides the results of a poll (CONFLICT `pollStateChanged` when the
 * command does not apply to its state now). A poll whose timer ran out is closed as of then. */
export async function commandPoll(organizer: OrganizerAccess, pollId: string, rawCommand: PollCommand): Promise<void> {
  const command = pollCommandSchema.parse(rawCommand);
  await db.$transaction(async (tx) => {
    const poll = await lockPoll(tx, organizer, pollId);
    const now = new Date();
    const status = effectiveStatus(poll, now);
    const next = applyCommand(command, { status, revealed: poll.revealed });
    if (!next) throw new AppError("CONFLICT", "pollStateChanged");
    await tx.poll.update({
      where: { id: pollId },
      data: {
        status: next.status,
        revealed: next.revealed,
        ...(command === "open" ? { openedAt: now } : {}),
        ...(next.status === "closed" && poll.status !== "closed" ? { closedAt: status === "closed" ? closesAt(poll) : now } : {}),
      },
    });
    await audit(tx, entry(organizer, auditAction[command], pollId, { sessionId: poll.sessionId }));
    await notifyQaChange(tx, { eventId: organizer.eventId, sessionId: poll.sessionId, what: "polls" });
  });
}
