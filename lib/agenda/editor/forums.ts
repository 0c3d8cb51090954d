// Organizers' writes of forums: create, edit (optimistic concurrency), reorder, delete.
import "server-only";
import { lockAgenda } from "@/lib/agenda/lock";
import { blockConflicts, type Conflict } from "@/lib/agenda/conflicts";
import type { Actor } from "@/lib/auth/session";
import { audit } from "@/lib/audit/audit";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/time/zones";
import type { ForumInput } from "./schema";
import { diffInputs } from "./values";

/** What the editor (and the spreadsheet import) read of a forum to compare and audit it. */
export const forumSelect = {
  id: true,
  eventId: true,
  slug: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  version: true,
  position: true,
  hosts: { select: { organization: { select: { key: true } } } },
} as const satisfies Prisma.ForumSelect;

type ForumRow = Prisma.ForumGetPayload<{ select: typeof forumSelect }>;

export function toForumInput(row: ForumRow, zone: string): ForumInput {
  return {
    slug: row.slug,
    title: toLocalized(row.title),
    description: toLocalized(row.description),
    zone,
    startsAt: utcToZonedLocal(row.startsAt, zone),
    endsAt: utcToZonedLocal(row.endsAt, zone),
    hosts: row.hosts.map((h) => h.organization.key).sort(),
  };
}

async function findForum(tx: Tx, eventId: string, id: string): Promise<ForumRow> {
  const row = await tx.forum.findUnique({ where: { id }, select: forumSelect });
  if (!row || row.eventId !== eventId) throw new AppError("NOT_FOUND", "forumNotFound");
  return row;
}

/** Sessions the block would leave outside, and the block's own problems. */
async function blockProblems(tx: Tx, eventId: string, forumId: string | null, startsAt: Date, endsAt: Date): Promise<Conflict[]> {
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { startsAt: true, endsAt: true } });
  const own = blockConflicts({ startsAt, endsAt }, event);
  if (own.length || !forumId) return own;
  const outside = await tx.session.findMany({
    where: { forumId, OR: [{ startsAt: { lt: startsAt } }, { endsAt: { gt: endsAt } }] },
    select: { id: true, title: true },
  });
  return outside.map((s) => ({ type: "sessionOutside", sessionId: s.id, title: toLocalized(s.title) }));
}

export async function saveForum(eventId: string, actor: Actor, target: { id: string; version: number } | null, input: ForumInput) {
  return db.$transaction(async (tx) => {
    await lockAgenda(tx, eventId);
    const before = target ? await findForum(tx, eventId, target.id) : null;
    if (before && target && before.version !== target.version) throw new AppError("CONFLICT", "forumChanged", { version: before.version, current: toForumInput(before, input.zone) });
    const startsAt = zonedLocalToUtc(input.startsAt, input.zone);
    const endsAt = zonedLocalToUtc(input.endsAt, input.zone);
    if (!startsAt || !endsAt) throw new AppError("BAD_REQUEST", "invalidTime");
    const problems = await blockProblems(tx, eventId, before?.id ?? null, startsAt, endsAt);
    if (problems.length) throw new AppError("BAD_REQUEST", "conflicts", { conflicts: problems });
    const clash = await tx.forum.findFirst({ where: { eventId, slug: input.slug, NOT: before ? { id: before.id } : undefined }, select: { id: true } });
    if (clash) throw new AppError("BAD_REQUEST", "slugTaken");
    const orgs = await tx.organization.findMany({ where: { key: { in: input.hosts } }, select: { id: true } });
    if (orgs.length !== new Set(input.hosts).size) throw new AppError("BAD_REQUEST", "unknownOrganization");
    const data = { slug: input.slug, title: input.title, description: input.description, startsAt, endsAt };
    let id: string;
    if (before) {
      await tx.forum.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } });
      await tx.forumHost.deleteMany({ where: { forumId: before.id } });
      id = before.id;
    } else {
      const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { slug: true, forums: { select: { position: true, roomName: true } } } });
      const position = Math.max(0, ...event.forums.map((f) => f.position)) + 1;
      // The room name is fixed at creation: renaming the forum's slug must not move its stage.
      const taken = await tx.forum.count({ where: { roomName: { startsWith: `${event.slug}--${input.slug}` } } });
      const roomName = `${event.slug}--${input.slug}${taken ? `-${taken + 1}` : ""}`;
      id = (await tx.forum.create({ data: { ...data, eventId, position, roomName }, select: { id: true } })).id;
    }
    await tx.forumHost.createMany({ data: orgs.map((o) => ({ forumId: id, organizationId: o.id })) });
    const after = await findForum(tx, eventId, id);
    await audit(tx, {
      eventId,
      actorId: actor.userId,
      action: before ? "forum.updated" : "forum.created",
      entityType: "forum",
      entityId: id,
      data: { changes: diffInputs(before ? toForumInput(before, "UTC") : null, toForumInput(after, "UTC")) } as Prisma.InputJsonValue,
    });
    return { id, slug: after.slug, version: after.version };
  });
}

/** Moves a forum one place up (-1) or down (+1) in the agenda's order. */
export async function moveForum(eventId: string, actor: Actor, forumId: string, direction: -1 | 1) {
  await db.$transaction(async (tx) => {
    await lockAgenda(tx, eventId);
    const forums = await tx.forum.findMany({ where: { eventId }, orderBy: [{ position: "asc" }, { startsAt: "asc" }], select: { id: true } });
    const i = forums.findIndex((f) => f.id === forumId);
    if (i < 0) throw new AppError("NOT_FOUND", "forumNotFound");
    const j = i + direction;
    if (j < 0 || j >= forums.length) return;
    [forums[i], forums[j]] = [forums[j], forums[i]];
    await tx.$executeRaw`
      UPDATE forums SET position = v.position
      FROM unnest(${forums.map((f) => f.id)}::text[]) WITH ORDINALITY AS v(id, position)
      WHERE forums.id = v.id`;
    await audit(tx, { eventId, actorId: actor.userId, action: "forum.moved", entityType: "forum", entityId: forumId, data: { position: j + 1 } });
  });
}

/** Deletes a forum without sessions (sessions are moved or deleted first, so none is lost by accident). */
export async function deleteForum(eventId: string, actor: Actor, forumId: string) {
  await db.$transaction(async (tx) => {
    await lockAgenda(tx, eventId);
    const row = await findForum(tx, eventId, forumId);
    if (await tx.session.count({ where: { forumId } })) throw new AppError("CONFLICT", "forumHasSessions");
    await tx.forum.delete({ where: { id: forumId } });
    await audit(tx, { eventId, actorId: actor.userId, action: "forum.deleted", entityType: "forum", entityId: forumId, data: { slug: row.slug, title: row.title } as Prisma.InputJsonValue });
  });
}
