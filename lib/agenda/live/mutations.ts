// Live control on the day: Start, End and "Next session" for a forum. Organizers only. Each
// command runs in one transaction that locks the forum's row (so concurrent commands on one forum
// are decided one after another and a forum never has two live sessions), writes the statuses and
// their instants, audits every change and NOTIFYs the live channel, which PostgreSQL delivers only
// on commit.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { LIVE_CHANNEL, type StatusMessage } from "@/lib/agenda/live/message";
import { afterAgendaChange } from "../hooks";
import { plan, type StatusChange } from "./control";
import { liveCommandSchema, type LiveCommandInput } from "./schema";
import { forgetPublicAgendas } from "../public";

export interface LiveChange extends StatusChange {
  forumId: string;
  at: Date;
}

async function lockForum(tx: Tx, forumId: string) {
  await tx.$queryRaw`SELECT id FROM forums WHERE id = ${forumId} FOR UPDATE`;
}

/** The forum a command acts on, within the organizer's own event (another event's ids are unknown here). */
async function forumOf(tx: Tx, eventId: string, input: { sessionId?: string; forumSlug?: string }): Promise<string> {
  if (input.forumSlug) {
    const forum = await tx.forum.findFirst({ where: { eventId, slug: input.forumSlug }, select: { id: true } });
    if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
    return forum.id;
  }
  const session = await tx.session.findFirst({ where: { id: input.sessionId, forum: { eventId } }, select: { forumId: true } });
  if (!session) throw new AppError("NOT_FOUND", "sessionNotFound");
  return session.forumId;
}

// A targeted update: status and its instant only. `version` is the editors' optimistic-concurrency
// counter and `updated_at` marks agenda edits; running the day is neither.
async function write(tx: Tx, change: StatusChange, at: Date) {
  const count =
    change.to === "live"
      ? await tx.$executeRaw`UPDATE sessions SET status = 'live'::"SessionStatus", live_at = ${at}::timestamptz WHERE id = ${change.sessionId} AND status = ${change.from}::"SessionStatus"`
      : await tx.$executeRaw`UPDATE sessions SET status = 'ended'::"SessionStatus", ended_at = ${at}::timestamptz WHERE id = ${change.sessionId} AND status = ${change.from}::"SessionStatus"`;
  if (count !== 1) throw new AppError("CONFLICT", "runSheetStale");
}

async function run(actor: Actor | null, slug: string, input: LiveCommandInput): Promise<LiveChange[]> {
  const changes = await transition(actor, slug, input);
  forgetPublicAgendas(slug);
  // Forums set to record themselves start or stop their recording (lib/recordings/hooks.ts);
  // Egress's answer does not hold up the run sheet, and the session's change stands whatever it says.
  for (const forumId of new Set(changes.map((c) => c.forumId))) afterAgendaChange("forumLiveChanged", { forumId });
  return changes;
}

async function transition(actor: Actor | null, slug: string, input: LiveCommandInput): Promise<LiveChange[]> {
  const { eventId, actor: organizer } = await requireOrganizer(actor, slug);
  const command = liveCommandSchema.parse(input);
  return db.$transaction(async (tx) => {
    const forumId = await forumOf(tx, eventId, command);
    await lockForum(tx, forumId);
    const sessions = await tx.session.findMany({ where: { forumId }, select: { id: true, status: true, startsAt: true } });
    const changes = plan(command.command, sessions, command);
    const at = new Date();
    for (const change of changes) await write(tx, change, at);
    await audit(
      tx,
      changes.map((c) => ({
        eventId,
        actorId: organizer.userId,
        action: `session.${c.to}`,
        entityType: "session",
        entityId: c.sessionId,
        data: { from: c.from, to: c.to, command: command.command, forumId, at: at.toISOString() },
      })),
    );
    for (const c of changes) {
      const message: StatusMessage = { type: "session.status", eventId, eventSlug: slug, sessionId: c.sessionId, forumId, status: c.to, at: at.toISOString() };
      await tx.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
    }
    return changes.map((c) => ({ ...c, forumId, at }));
  });
}

/** Takes a session live; any other live session of its forum ends at the same instant. */
export function startSession(actor: Actor | null, slug: string, sessionId: string): Promise<LiveChange[]> {
  return run(actor, slug, { command: "start", sessionId });
}

/** Ends a live session (CONFLICT `notLive` / `alreadyEnded` otherwise). */
export function endSession(actor: Actor | null, slug: string, sessionId: string): Promise<LiveChange[]> {
  return run(actor, slug, { command: "end", sessionId });
}

/**
 * Ends the forum's live session and starts the next scheduled one in running order.
 * `expectedLiveId`: the live session the caller saw (null for none); omit it to skip that check.
 */
export function startNextSession(actor: Actor | null, slug: string, forumSlug: string, expectedLiveId?: string | null): Promise<LiveChange[]> {
  return run(actor, slug, { command: "next", forumSlug, expectedLiveId });
}
