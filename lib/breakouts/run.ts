// Running a forum's breakout rooms: open them after a countdown, broadcast a message, close them
// after a countdown that returns everyone to the stage. The state is decided under the forum's
// lock (a double click changes nothing twice); then clients are told through attributes only the
// server writes: on the stage, `plenary.breakout` (which room, from when); in a breakout, when it
// closes. Clients move by themselves at those instants; the sweep removes any that did not.
import "server-only";
import { DataPacket_Kind } from "livekit-server-sdk";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { callLiveKit } from "@/lib/rooms/livekit";
import { breakoutRoomName } from "@/lib/rooms/room-name";
import { withForumLock } from "./lock";
import type { BreakoutOrganizer, ForumRoom } from "./organizer";
import { BREAKOUT_ATTRIBUTE, BREAKOUT_CLOSES_ATTRIBUTE, BREAKOUT_MESSAGE_TOPIC, runPhase, toBreakoutAttribute } from "@/lib/rooms/breakouts";

const nobody = (err: unknown) => {
  if (err instanceof AppError && err.code === "NOT_FOUND") return [];
  throw err;
};
const gone = (err: unknown) => {
  if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
};

const participantsOf = (room: string) => callLiveKit((svc) => svc.listParticipants(room), "roomNotFound").catch(nobody);

/** Tells everyone on the stage where they go (or, with `opensAt` null, that they stay). */
async function tellStage(forum: ForumRoom, opensAt: Date | null, mode: "assigned" | "choose") {
  const onStage = await participantsOf(forum.roomName);
  if (onStage.length === 0) return;
  const rows = await db.breakoutAssignment.findMany({ where: { forumId: forum.forumId, userId: { in: onStage.map((p) => p.identity) } }, select: { userId: true, breakoutId: true } });
  const roomOf = new Map(rows.map((r) => [r.userId, r.breakoutId]));
  for (const p of onStage) {
    if (p.attributes?.role === "organizer") continue;
    const target = roomOf.get(p.identity) ?? (mode === "choose" ? "choose" : null);
    const value = opensAt ? toBreakoutAttribute(target, opensAt) : "";
    if (!value && !p.attributes?.[BREAKOUT_ATTRIBUTE]) continue;
    await callLiveKit((svc) => svc.updateParticipant(forum.roomName, p.identity, { attributes: { [BREAKOUT_ATTRIBUTE]: value } })).catch(gone);
  }
}

/** The forum's breakout rooms that exist on the LiveKit server now (a room nobody has joined
 * yet does not; sending data to one is an error, not a no-op). */
async function breakoutRoomsOf(forum: ForumRoom): Promise<string[]> {
  const rows = await db.breakout.findMany({ where: { forumId: forum.forumId }, select: { id: true } });
  if (rows.length === 0) return [];
  const open = await callLiveKit((svc) => svc.listRooms(rows.map((r) => breakoutRoomName(forum.roomName, r.id))));
  return open.map((r) => r.name);
}

/** Opens the forum's rooms `seconds` from now; CONFLICT when they are open already. Answers the instant. */
export async function openBreakouts(org: BreakoutOrganizer, seconds: number, now = new Date()): Promise<Date> {
  const { forum, actorId } = org;
  const opensAt = new Date(now.getTime() + seconds * 1000);
  const mode = await withForumLock(forum.forumId, async (tx) => {
    const run = await tx.breakoutRun.findUnique({ where: { forumId: forum.forumId } });
    if (runPhase(run, now) !== "closed") throw new AppError("CONFLICT", "breakoutsRunning");
    if ((await tx.breakout.count({ where: { forumId: forum.forumId } })) === 0) throw new AppError("CONFLICT", "noBreakouts");
    const data = { status: "open" as const, opensAt, closesAt: null, message: null };
    const saved = await tx.breakoutRun.upsert({ where: { forumId: forum.forumId }, create: { forumId: forum.forumId, ...data }, update: data });
    await audit(tx, { eventId: forum.eventId, actorId, action: "breakout.opened", entityType: "forum", entityId: forum.forumId, data: { room: forum.roomName, seconds, mode: saved.mode } });
    return saved.mode;
  });
  await tellStage(forum, opensAt, mode);
  return opensAt;
}

/** Closes the rooms `seconds` from now (everyone returns to the stage then); before they opened,
 * at once. CONFLICT when they are not open. Answers the instant they close. */
export async function closeBreakouts(org: BreakoutOrganizer, seconds: number, now = new Date()): Promise<Date> {
  const { forum, actorId } = org;
  const result = await withForumLock(forum.forumId, async (tx) => {
    const run = await tx.breakoutRun.findUnique({ where: { forumId: forum.forumId } });
    const phase = runPhase(run, now);
    if (phase === "closed" || phase === "closing") throw new AppError("CONFLICT", "breakoutsNotOpen");
    const closesAt = phase === "opening" ? now : new Date(now.getTime() + seconds * 1000);
    await tx.breakoutRun.update({ where: { forumId: forum.forumId }, data: phase === "opening" ? { status: "closed", closesAt } : { status: "closing", closesAt } });
    await audit(tx, {
      eventId: forum.eventId,
      actorId,
      action: "breakout.closed",
      entityType: "forum",
      entityId: forum.forumId,
      data: { room: forum.roomName, seconds: phase === "opening" ? 0 : seconds },
    });
    return { closesAt, mode: run!.mode };
  });
  await tellStage(forum, null, result.mode);
  for (const room of await breakoutRoomsOf(forum)) {
    for (const p of await participantsOf(room)) {
      await callLiveKit((svc) => svc.updateParticipant(room, p.identity, { attributes: { [BREAKOUT_CLOSES_ATTRIBUTE]: result.closesAt.toISOString() } })).catch(gone);
    }
  }
  // This instance ends the rooms on time; the sweep does it if this one is gone by then.
  setTimeout(
    () => void finishClosing(forum, new Date(result.closesAt.getTime() + 1000)).catch((err) => console.error("Breakout close failed", err)),
    result.closesAt.getTime() - now.getTime() + 1500,
  ).unref?.();
  return result.closesAt;
}

/** A message from the organizers to every breakout room, shown to everyone in one; audited. */
export async function broadcastToBreakouts(org: BreakoutOrganizer, text: string, now = new Date()): Promise<void> {
  const { forum, actorId } = org;
  const run = await db.breakoutRun.findUnique({ where: { forumId: forum.forumId } });
  const phase = runPhase(run, now);
  if (phase !== "open" && phase !== "closing") throw new AppError("CONFLICT", "breakoutsNotOpen");
  await db.$transaction(async (tx) => {
    await tx.breakoutRun.update({ where: { forumId: forum.forumId }, data: { message: text } });
    await audit(tx, { eventId: forum.eventId, actorId, action: "breakout.messaged", entityType: "forum", entityId: forum.forumId, data: { room: forum.roomName, text } });
  });
  const payload = new TextEncoder().encode(JSON.stringify({ text, sentAt: now.toISOString() }));
  for (const room of await breakoutRoomsOf(forum)) {
    await callLiveKit((svc) => svc.sendData(room, payload, DataPacket_Kind.RELIABLE, { topic: BREAKOUT_MESSAGE_TOPIC }), "roomNotFound").catch(gone);
  }
}

/**
 * Once a close instant has passed: the run is closed and the breakout rooms are deleted, which
 * disconnects anyone still there (their clients go back to the stage). Idempotent.
 */
export async function finishClosing(forum: ForumRoom, now = new Date()): Promise<boolean> {
  const closed = await withForumLock(forum.forumId, async (tx) => {
    const { count } = await tx.breakoutRun.updateMany({ where: { forumId: forum.forumId, status: "closing", closesAt: { lte: now } }, data: { status: "closed" } });
    return count > 0;
  });
  if (!closed) return false;
  for (const room of await breakoutRoomsOf(forum)) await callLiveKit((svc) => svc.deleteRoom(room), "roomNotFound").catch(gone);
  return true;
}

/** Every forum whose breakout close instant has passed (run by the sweeper). */
export async function sweepBreakouts(now = new Date()): Promise<number> {
  const due = await db.breakoutRun.findMany({ where: { status: "closing", closesAt: { lte: now } }, select: { forum: { select: { id: true, eventId: true, roomName: true } } } });
  let n = 0;
  for (const { forum } of due) if (await finishClosing({ forumId: forum.id, eventId: forum.eventId, roomName: forum.roomName }, now)) n++;
  return n;
}

const holder = globalThis as { plenaryBreakoutSweep?: ReturnType<typeof setInterval> };

export function startBreakoutSweeper(intervalMs = 5_000) {
  if (holder.plenaryBreakoutSweep) return;
  holder.plenaryBreakoutSweep = setInterval(() => {
    sweepBreakouts().catch((err) => console.error("Breakout sweep failed", err));
  }, intervalMs);
  holder.plenaryBreakoutSweep.unref();
}
