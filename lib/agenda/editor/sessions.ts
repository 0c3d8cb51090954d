// Organizers' writes of sessions: create, edit (optimistic concurrency), delete, and the conflict
// preview. Every write runs under the event's lock, checks the conflict rules and is audited.
import "server-only";
import { lockAgenda } from "@/lib/agenda/lock";
import { sessionConflicts, type Conflict } from "@/lib/agenda/conflicts";
import type { Actor } from "@/lib/auth/session";
import { audit } from "@/lib/audit/audit";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { zonedLocalToUtc } from "@/lib/time/zones";
import { loadFrame, sessionEditorSelect, toSessionInput } from "./frame";
import type { SessionInput } from "./schema";
import { bookedPeople, resolveSpeakers, type ResolvedSpeaker } from "./speakers";
import { diffInputs, slugify } from "./values";

function instants(input: { startsAt: string; endsAt: string; zone: string }) {
  const startsAt = zonedLocalToUtc(input.startsAt, input.zone);
  const endsAt = zonedLocalToUtc(input.endsAt, input.zone);
  if (!startsAt || !endsAt) throw new AppError("BAD_REQUEST", "invalidTime");
  return { startsAt, endsAt };
}

async function findSession(tx: Tx, eventId: string, id: string) {
  const row = await tx.session.findUnique({ where: { id }, select: { ...sessionEditorSelect, forum: { select: { eventId: true } } } });
  if (!row || row.forum.eventId !== eventId) throw new AppError("NOT_FOUND", "sessionNotFound");
  return row;
}

async function uniqueKey(tx: Tx, forumId: string, wanted: string, selfId: string | null): Promise<string> {
  const base = wanted || "session";
  const taken = new Set((await tx.session.findMany({ where: { forumId, key: { startsWith: base }, NOT: selfId ? { id: selfId } : undefined }, select: { key: true } })).map((r) => r.key));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

interface Checked {
  startsAt: Date;
  endsAt: Date;
  speakers: ResolvedSpeaker[];
  conflicts: Conflict[];
}

async function check(tx: Tx, eventId: string, selfId: string | null, input: SessionInput): Promise<Checked> {
  const forum = await tx.forum.findFirst({ where: { id: input.forumId, eventId }, select: { id: true } });
  if (!forum) throw new AppError("BAD_REQUEST", "unknownForum");
  const { startsAt, endsAt } = instants(input);
  const speakers = await resolveSpeakers(tx, eventId, input.speakers);
  const frame = await loadFrame(tx, eventId);
  const conflicts = sessionConflicts({ id: selfId ?? "", forumId: forum.id, title: input.title, startsAt, endsAt, people: bookedPeople(speakers) }, frame);
  return { startsAt, endsAt, speakers, conflicts };
}

/** The conflicts saving `input` would meet, without saving (the editor's live preview). */
export async function previewSession(eventId: string, selfId: string | null, input: SessionInput): Promise<Conflict[]> {
  return (await db.$transaction((tx) => check(tx, eventId, selfId, input))).conflicts;
}

function speakerRows(sessionId: string, speakers: ResolvedSpeaker[]): Prisma.SessionSpeakerCreateManyInput[] {
  return speakers.map((s, position) => ({ sessionId, position, ...s }));
}

/**
 * Creates a session (`target` null) or saves an edit of one. An edit names the version it was
 * made from; if someone saved in between, nothing is written and CONFLICT carries the current
 * values so the editor can show what changed.
 */
export async function saveSession(eventId: string, actor: Actor, target: { id: string; version: number } | null, input: SessionInput): Promise<{ id: string; version: number }> {
  return db.$transaction(async (tx) => {
    await lockAgenda(tx, eventId);
    const before = target ? await findSession(tx, eventId, target.id) : null;
    if (before && target && before.version !== target.version) throw new AppError("CONFLICT", "sessionChanged", { version: before.version, current: toSessionInput(before, input.zone) });
    const checked = await check(tx, eventId, before?.id ?? null, input);
    if (checked.conflicts.length) throw new AppError("BAD_REQUEST", "conflicts", { conflicts: checked.conflicts });
    const key = await uniqueKey(tx, input.forumId, input.key || slugify(input.title.en), before?.id ?? null);
    const data = {
      forumId: input.forumId,
      key,
      title: input.title,
      abstract: input.abstract,
      kind: input.kind,
      language: input.language,
      startsAt: checked.startsAt,
      endsAt: checked.endsAt,
    };
    const saved = before
      ? await tx.session.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } }, select: { id: true, version: true } })
      : await tx.session.create({ data, select: { id: true, version: true } });
    if (before) await tx.sessionSpeaker.deleteMany({ where: { sessionId: saved.id } });
    await tx.sessionSpeaker.createMany({ data: speakerRows(saved.id, checked.speakers) });
    const after = await findSession(tx, eventId, saved.id);
    const changes = diffInputs(before ? toSessionInput(before, "UTC") : null, toSessionInput(after, "UTC"));
    await audit(tx, {
      eventId,
      actorId: actor.userId,
      action: before ? "session.updated" : "session.created",
      entityType: "session",
      entityId: saved.id,
      data: { version: saved.version, changes } as Prisma.InputJsonValue,
    });
    return saved;
  });
}

/** Deletes a session that is not live and holds no materials (those are removed first, on purpose). */
export async function deleteSession(eventId: string, actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAgenda(tx, eventId);
    const row = await findSession(tx, eventId, id);
    if (row.status === "live") throw new AppError("CONFLICT", "sessionIsLive");
    if (await tx.material.count({ where: { sessionId: id } })) throw new AppError("CONFLICT", "sessionHasMaterials");
    await tx.session.delete({ where: { id } });
    await audit(tx, { eventId, actorId: actor.userId, action: "session.deleted", entityType: "session", entityId: id, data: { title: row.title } as Prisma.InputJsonValue });
  });
}
