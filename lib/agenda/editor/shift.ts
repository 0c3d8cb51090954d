// The delay on the day: shift the rest of a forum by N minutes, checked like any other edit.
import "server-only";
import { lockAgenda } from "@/lib/agenda/lock";
import { frameConflicts } from "@/lib/agenda/conflicts";
import { publishAgenda } from "@/lib/agenda/publish";
import { planShift } from "@/lib/agenda/shift";
import type { Actor } from "@/lib/auth/session";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadFrame } from "./frame";

export interface ShiftRequest {
  forumId: string;
  fromSessionId: string;
  minutes: number;
  publish: boolean;
}

/** Moves the session and the forum's later ones; each moved session gets its own audit entry. */
export async function shiftForum(eventId: string, actor: Actor, req: ShiftRequest): Promise<{ moved: number; published: number | null }> {
  const moved = await db.$transaction(async (tx) => {
    await lockAgenda(tx, eventId);
    const forum = await tx.forum.findFirst({
      where: { id: req.forumId, eventId },
      select: { id: true, endsAt: true, sessions: { select: { id: true, startsAt: true, endsAt: true, status: true } } },
    });
    if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
    const plan = planShift(forum.sessions, req.fromSessionId, req.minutes, forum.endsAt);
    if (!plan) throw new AppError("BAD_REQUEST", "invalidShift");
    const frame = await loadFrame(tx, eventId);
    const newTimes = new Map(plan.moved.map((m) => [m.id, m]));
    frame.forums = frame.forums.map((f) => (f.id === forum.id ? { ...f, endsAt: plan.blockEndsAt } : f));
    frame.sessions = frame.sessions.map((s) => ({ ...s, ...(newTimes.get(s.id) ?? {}) }));
    const conflicts = frameConflicts(frame).filter((r) => newTimes.has(r.sessionId));
    if (conflicts.length) throw new AppError("BAD_REQUEST", "conflicts", { conflicts: conflicts.flatMap((r) => r.conflicts) });
    // A block stretched past the event's end shows up above as the moved sessions' outsideEvent.
    if (plan.blockEndsAt.getTime() !== forum.endsAt.getTime()) {
      await tx.forum.update({ where: { id: forum.id }, data: { endsAt: plan.blockEndsAt, version: { increment: 1 } } });
    }
    const before = new Map(forum.sessions.map((s) => [s.id, s]));
    for (const m of plan.moved) {
      await tx.session.update({ where: { id: m.id }, data: { startsAt: m.startsAt, endsAt: m.endsAt, version: { increment: 1 } } });
    }
    await audit(
      tx,
      plan.moved.map((m) => ({
        eventId,
        actorId: actor.userId,
        action: "session.shifted",
        entityType: "session",
        entityId: m.id,
        data: {
          minutes: req.minutes,
          changes: {
            startsAt: { before: before.get(m.id)!.startsAt.toISOString(), after: m.startsAt.toISOString() },
            endsAt: { before: before.get(m.id)!.endsAt.toISOString(), after: m.endsAt.toISOString() },
          },
        },
      })),
    );
    return plan.moved.length;
  });
  const published = req.publish ? (await publishAgenda(eventId, actor)).version : null;
  return { moved, published };
}
