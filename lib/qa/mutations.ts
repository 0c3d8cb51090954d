// Writes of a session's Q&A. Asking, voting and withdrawing are for whoever may be in the forum's
// room (access.ts); moderation takes an OrganizerAccess and is audited. Every change notifies the
// live channel in its transaction, so open pages read the list again within a second.
import "server-only";
import { audit, organizerEntry } from "@/lib/audit/audit";
import type { Actor, OrganizerAccess } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hitLimits, type Limit } from "@/lib/rate-limit/limit";
import { getNextSession, getQaSettings, requireQaAccess, type QaAccess } from "./access";
import { ALL_SESSIONS, LIVE_CHANNEL } from "@/lib/agenda/live/message";
import { notifyQaChange, qaMessage } from "./live";
import { DEFAULT_QA_SETTINGS, flowsToNext, initialStatus, mayEdit, mayPin, mayVote, mayWithdraw, moderate, qaOpen, type ModerationCommand, type QaSettings, type QuestionStatus } from "./rules";
import { askSchema, moderationCommandSchema, qaSettingsSchema, questionTextSchema } from "./schema";

/** A question every 20 s on average per person, with room for a few at once. */
export const ASK_LIMIT = { max: 6, windowSeconds: 120 };
/** Votes (and taking them back) per person: enough to go through a long list quickly. */
export const VOTE_LIMIT = { max: 120, windowSeconds: 60 };

async function limit(what: string, userId: string, l: Omit<Limit, "key">) {
  const result = await hitLimits([{ key: `qa:${what}:${userId}`, ...l }]);
  if (!result.allowed) throw new AppError("RATE_LIMITED", "tooManyRequests", { retryAfterSeconds: result.retryAfterSeconds });
}

function requireOpen(access: QaAccess) {
  if (!qaOpen(access.session, new Date())) throw new AppError("CONFLICT", "qaClosed");
}

/** Where a question asked to `asked` is kept: there, or — at the boundary, when the event chose
 * so — the forum's next session, provided it is published and the asker may be in it. */
async function destination(actor: Actor | null, asked: QaAccess, settings: QaSettings): Promise<QaAccess> {
  if (settings.boundary !== "next") return asked;
  const next = await getNextSession(asked.stage.forumId, asked.session);
  if (!flowsToNext(settings.boundary, asked.session, next, new Date()) || !next) return asked;
  try {
    return await requireQaAccess(actor, next.id);
  } catch (err) {
    // Not published yet (or, however unlikely, refused): the question stays where it was asked.
    if (err instanceof AppError) return asked;
    throw err;
  }
}

/** Asks a question; it waits for approval when the event moderates first (not an organizer's own).
 * Asked as a session ends, it may go to the forum's next session (the event's choice): the answer
 * names the session that has it. */
export async function askQuestion(actor: Actor | null, sessionId: string, raw: unknown): Promise<{ id: string; status: QuestionStatus; sessionId: string }> {
  const asked = await requireQaAccess(actor, sessionId);
  const input = askSchema.parse(raw);
  const settings = await getQaSettings(asked.stage.eventId);
  const access = await destination(actor, asked, settings);
  requireOpen(access);
  await limit("ask", access.viewer.userId, ASK_LIMIT);
  const status = initialStatus(settings.moderation, !!access.organizer);
  const to = access.session.id;
  return db.$transaction(async (tx) => {
    const q = await tx.question.create({
      data: { sessionId: to, userId: access.viewer.userId, body: input.body, language: input.language, anonymous: input.anonymous, status },
      select: { id: true, status: true, sessionId: true },
    });
    await notifyQaChange(tx, { eventId: access.stage.eventId, sessionId: to, what: "questions" });
    return q;
  });
}

async function questionOrThrow(questionId: string) {
  const q = await db.question.findUnique({ where: { id: questionId }, select: { id: true, sessionId: true, userId: true, anonymous: true, status: true } });
  if (!q) throw new AppError("NOT_FOUND", "questionNotFound");
  return q;
}

/** The actor's vote for a question (`vote: false` takes it back); one per person, by the primary key. */
export async function voteQuestion(actor: Actor | null, questionId: string, vote: boolean): Promise<{ votes: number; voted: boolean }> {
  const q = await questionOrThrow(questionId);
  const access = await requireQaAccess(actor, q.sessionId);
  requireOpen(access);
  if (!mayVote(q.status)) throw new AppError("CONFLICT", "questionNotOpen");
  const userId = access.viewer.userId;
  await limit("vote", userId, VOTE_LIMIT);
  // One statement each, so a storm of votes needs no interactive transaction (nor a connection
  // held across round trips): the vote and its NOTIFY commit together, and a vote already there
  // (the primary key) changes nothing and announces nothing.
  const message = JSON.stringify(qaMessage(access.stage.eventId, q.sessionId, "questions"));
  // The count is read in the same statement: its snapshot does not see the statement's own change,
  // so that change (one row or none) is added or taken away.
  const [row] = vote
    ? await db.$queryRaw<{ votes: number }[]>`
      WITH cast_vote AS (INSERT INTO question_votes (question_id, user_id) VALUES (${questionId}, ${userId}) ON CONFLICT DO NOTHING RETURNING 1),
           notified AS (SELECT pg_notify(${LIVE_CHANNEL}, ${message}) FROM cast_vote)
      SELECT ((SELECT count(*) FROM question_votes WHERE question_id = ${questionId}) + (SELECT count(*) FROM notified))::int AS votes`
    : await db.$queryRaw<{ votes: number }[]>`
      WITH taken_back AS (DELETE FROM question_votes WHERE question_id = ${questionId} AND user_id = ${userId} RETURNING 1),
           notified AS (SELECT pg_notify(${LIVE_CHANNEL}, ${message}) FROM taken_back)
      SELECT ((SELECT count(*) FROM question_votes WHERE question_id = ${questionId}) - (SELECT count(*) FROM notified))::int AS votes`;
  return { votes: row.votes, voted: vote };
}

/** The asker takes back their question while it is unanswered. */
export async function withdrawQuestion(actor: Actor | null, questionId: string): Promise<void> {
  const q = await questionOrThrow(questionId);
  const access = await requireQaAccess(actor, q.sessionId);
  if (!mayWithdraw(access.viewer, q)) throw new AppError(q.userId === access.viewer.userId ? "CONFLICT" : "FORBIDDEN", q.userId === access.viewer.userId ? "questionNotOpen" : "notYourQuestion");
  await db.$transaction(async (tx) => {
    const { count } = await tx.question.updateMany({ where: { id: questionId, status: { in: ["pending", "approved"] } }, data: { status: "withdrawn" } });
    if (!count) throw new AppError("CONFLICT", "questionNotOpen");
    await tx.questionPin.deleteMany({ where: { questionId } });
    await notifyQaChange(tx, { eventId: access.stage.eventId, sessionId: q.sessionId, what: "questions" });
  });
}

/** The question, locked for this transaction, when it belongs to the organizer's event. */
async function lockQuestion(tx: Tx, organizer: OrganizerAccess, questionId: string) {
  await tx.$queryRaw`SELECT 1 FROM questions WHERE id = ${questionId} FOR UPDATE`;
  const q = await tx.question.findFirst({ where: { id: questionId, session: { forum: { eventId: organizer.eventId } } }, select: { id: true, sessionId: true, status: true, body: true } });
  if (!q) throw new AppError("NOT_FOUND", "questionNotFound");
  return q;
}

const auditOf = (organizer: OrganizerAccess, action: string, questionId: string, data: Record<string, string | null>) => organizerEntry(organizer, action, "question", questionId, data);

/** Approves, dismisses or marks a question answered (CONFLICT `questionStateChanged` when the command
 * does not apply to its state now); a dismissed or answered question is no longer pinned. */
export async function moderateQuestion(organizer: OrganizerAccess, questionId: string, rawCommand: ModerationCommand): Promise<{ status: QuestionStatus }> {
  const command = moderationCommandSchema.parse(rawCommand);
  return db.$transaction(async (tx) => {
    const q = await lockQuestion(tx, organizer, questionId);
    const to = moderate(command, q.status);
    if (!to) throw new AppError("CONFLICT", "questionStateChanged");
    await tx.question.update({ where: { id: questionId }, data: { status: to } });
    if (to !== "approved") await tx.questionPin.deleteMany({ where: { questionId } });
    await audit(tx, auditOf(organizer, `qa.${to}`, questionId, { sessionId: q.sessionId, from: q.status }));
    await notifyQaChange(tx, { eventId: organizer.eventId, sessionId: q.sessionId, what: "questions" });
    return { status: to };
  });
}

/** Corrects a question's text; the text it replaces is kept as its history. */
export async function editQuestion(organizer: OrganizerAccess, questionId: string, rawBody: string): Promise<void> {
  const body = questionTextSchema.parse(rawBody);
  await db.$transaction(async (tx) => {
    const q = await lockQuestion(tx, organizer, questionId);
    if (!mayEdit(q.status)) throw new AppError("CONFLICT", "questionStateChanged");
    if (q.body === body) return;
    await tx.questionEdit.create({ data: { questionId, body: q.body, editedById: organizer.actor.userId } });
    await tx.question.update({ where: { id: questionId }, data: { body } });
    await audit(tx, auditOf(organizer, "qa.edited", questionId, { sessionId: q.sessionId, before: q.body }));
    await notifyQaChange(tx, { eventId: organizer.eventId, sessionId: q.sessionId, what: "questions" });
  });
}

/** Pins the question as the one answered now (replacing the session's previous one), or with null
 * unpins the session's. */
export async function pinQuestion(organizer: OrganizerAccess, sessionId: string, questionId: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.session.findFirst({ where: { id: sessionId, forum: { eventId: organizer.eventId } }, select: { id: true } });
    if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
    if (questionId === null) {
      const { count } = await tx.questionPin.deleteMany({ where: { sessionId } });
      if (count) await audit(tx, { ...auditOf(organizer, "qa.unpinned", sessionId, { sessionId }), entityType: "session" });
    } else {
      const q = await lockQuestion(tx, organizer, questionId);
      if (q.sessionId !== sessionId) throw new AppError("NOT_FOUND", "questionNotFound");
      if (!mayPin(q.status)) throw new AppError("CONFLICT", "questionStateChanged");
      await tx.questionPin.deleteMany({ where: { sessionId } });
      await tx.questionPin.create({ data: { sessionId, questionId } });
      await audit(tx, auditOf(organizer, "qa.pinned", questionId, { sessionId }));
    }
    await notifyQaChange(tx, { eventId: organizer.eventId, sessionId, what: "questions" });
  });
}

/** The organizer's whole event's Q&A settings, either or both: open Q&A or approve-first (questions
 * already asked keep their state), and where questions asked as a session ends go. Every open Q&A
 * of the event reads them again at once. */
export async function setQaSettings(organizer: OrganizerAccess, raw: Partial<QaSettings>): Promise<QaSettings> {
  const change = qaSettingsSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const settings = await tx.qaSetting.upsert({
      where: { eventId: organizer.eventId },
      create: { ...DEFAULT_QA_SETTINGS, ...change, eventId: organizer.eventId },
      update: change,
      select: { moderation: true, boundary: true },
    });
    await audit(tx, organizerEntry(organizer, "qa.settings", "event", organizer.eventId, { ...change }));
    await notifyQaChange(tx, { eventId: organizer.eventId, sessionId: ALL_SESSIONS, what: "questions" });
    return settings;
  });
}
