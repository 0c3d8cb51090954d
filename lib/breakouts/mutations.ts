// The organizers' set-up of a forum's breakout rooms: make, rename, delete them; put people in
// them by hand, at random or by organisation pairs; let people choose. Each change is audited.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { LocalizedText } from "@/lib/i18n/localized";
import { assignOrganizationPairs, assignRandom } from "./assign";
import { getBreakoutPeople } from "./data";
import { withForumLock } from "./lock";
import type { BreakoutOrganizer } from "./organizer";
import { runPhase, type BreakoutMode } from "@/lib/rooms/breakouts";

/** A new room's name until an organizer renames it: the words people know from video calls. */
const defaultTitle = (n: number): LocalizedText => ({ ko: `소회의실 ${n}`, zh: `分组讨论室 ${n}`, en: `Breakout room ${n}` });

function entry(tx: Tx, { forum, actorId }: BreakoutOrganizer, action: string, data: Record<string, string | number | null>) {
  return audit(tx, { eventId: forum.eventId, actorId, action, entityType: "forum", entityId: forum.forumId, data: { room: forum.roomName, ...data } });
}

async function assertNotRunning(tx: Tx, forumId: string) {
  const run = await tx.breakoutRun.findUnique({ where: { forumId } });
  if (runPhase(run, new Date()) !== "closed") throw new AppError("CONFLICT", "breakoutsRunning");
}

export async function createBreakouts(org: BreakoutOrganizer, count: number): Promise<void> {
  await withForumLock(org.forum.forumId, async (tx) => {
    const existing = await tx.breakout.count({ where: { forumId: org.forum.forumId } });
    if (existing + count > 50) throw new AppError("BAD_REQUEST", "tooManyBreakouts");
    for (let i = 1; i <= count; i++) await tx.breakout.create({ data: { forumId: org.forum.forumId, position: existing + i, title: defaultTitle(existing + i) } });
    await entry(tx, org, "breakout.created", { count });
  });
}

export async function renameBreakout(org: BreakoutOrganizer, breakoutId: string, title: LocalizedText): Promise<void> {
  await withForumLock(org.forum.forumId, async (tx) => {
    const { count } = await tx.breakout.updateMany({ where: { id: breakoutId, forumId: org.forum.forumId }, data: { title } });
    if (!count) throw new AppError("NOT_FOUND", "breakoutNotFound");
    await entry(tx, org, "breakout.renamed", { breakoutId });
  });
}

/** Only while the rooms are closed: nobody is in one to be lost. Its attendance keeps its time
 * (the rows' breakout becomes null). */
export async function deleteBreakout(org: BreakoutOrganizer, breakoutId: string): Promise<void> {
  await withForumLock(org.forum.forumId, async (tx) => {
    await assertNotRunning(tx, org.forum.forumId);
    const { count } = await tx.breakout.deleteMany({ where: { id: breakoutId, forumId: org.forum.forumId } });
    if (!count) throw new AppError("NOT_FOUND", "breakoutNotFound");
    await entry(tx, org, "breakout.deleted", { breakoutId });
  });
}

/** Puts one person in a room (or in none). Only someone who may be on the forum's stage. */
export async function assignPerson(org: BreakoutOrganizer, userId: string, breakoutId: string | null): Promise<void> {
  const people = await getBreakoutPeople(org.forum.forumId);
  if (!people.some((p) => p.userId === userId)) throw new AppError("FORBIDDEN", "notAssignable");
  await withForumLock(org.forum.forumId, async (tx) => {
    const key = { forumId_userId: { forumId: org.forum.forumId, userId } };
    if (breakoutId === null) {
      await tx.breakoutAssignment.deleteMany({ where: { forumId: org.forum.forumId, userId } });
    } else {
      const room = await tx.breakout.findFirst({ where: { id: breakoutId, forumId: org.forum.forumId }, select: { id: true } });
      if (!room) throw new AppError("NOT_FOUND", "breakoutNotFound");
      await tx.breakoutAssignment.upsert({ where: key, create: { forumId: org.forum.forumId, userId, breakoutId }, update: { breakoutId } });
    }
    await entry(tx, org, "breakout.assigned", { userId, breakoutId });
  });
}

/**
 * Splits everyone but interpreters over the rooms (interpreters are put in a room by hand, where
 * their language is needed), replacing their earlier rooms. `seed` makes "random" repeatable.
 */
export async function assignAll(org: BreakoutOrganizer, strategy: "random" | "pairs", seed = Date.now()): Promise<number> {
  const people = (await getBreakoutPeople(org.forum.forumId)).filter((p) => p.role !== "interpreter");
  const assignees = people.map((p) => ({ userId: p.userId, organization: p.organization?.key ?? null, country: p.organization?.country ?? null }));
  return withForumLock(org.forum.forumId, async (tx) => {
    await assertNotRunning(tx, org.forum.forumId);
    const rooms = (await tx.breakout.findMany({ where: { forumId: org.forum.forumId }, orderBy: { position: "asc" }, select: { id: true } })).map((b) => b.id);
    if (rooms.length === 0) throw new AppError("CONFLICT", "noBreakouts");
    const split = strategy === "pairs" ? assignOrganizationPairs(assignees, rooms) : assignRandom(assignees, rooms, seed);
    await tx.breakoutAssignment.deleteMany({ where: { forumId: org.forum.forumId, userId: { in: assignees.map((a) => a.userId) } } });
    await tx.breakoutAssignment.createMany({ data: [...split].map(([userId, breakoutId]) => ({ forumId: org.forum.forumId, userId, breakoutId })) });
    await entry(tx, org, "breakout.assignedAll", { strategy, people: split.size });
    return split.size;
  });
}

/** "choose": people pick a room themselves while the rooms are open (their picks are assignments). */
export async function setBreakoutMode(org: BreakoutOrganizer, mode: BreakoutMode): Promise<void> {
  await withForumLock(org.forum.forumId, async (tx) => {
    await assertNotRunning(tx, org.forum.forumId);
    await tx.breakoutRun.upsert({ where: { forumId: org.forum.forumId }, create: { forumId: org.forum.forumId, mode }, update: { mode } });
    await entry(tx, org, "breakout.modeSet", { mode });
  });
}
