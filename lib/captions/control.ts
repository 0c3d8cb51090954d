// Organizers' switch for a forum's live captions, and what the app does with it: the captions
// worker is asked for when the stage room starts only while the switch is on (and again on a
// person's join when none came); turning it on while the room is open asks for it at once,
// turning it off takes it out at once.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { callLiveKit } from "@/lib/rooms/livekit";
import { CAPTIONS_AGENT, captionsDispatches, dispatchCaptions, dispatchClient } from "./dispatch";
import { AGENT_KIND } from "./wire";

export async function setForumCaptions(actor: Actor | null, forumId: string, on: boolean): Promise<void> {
  const forum = await db.forum.findUnique({ where: { id: forumId }, select: { id: true, eventId: true, roomName: true, event: { select: { slug: true } } } });
  if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
  const { actor: organizer } = await requireOrganizer(actor, forum.event.slug);
  const changed = await db.$transaction(async (tx) => {
    const rows = await tx.forum.updateMany({ where: { id: forum.id, captions: !on }, data: { captions: on } });
    if (rows.count) await audit(tx, { eventId: forum.eventId, actorId: organizer.userId, action: "forum.captions", entityType: "forum", entityId: forum.id, data: { captions: on } });
    return rows.count > 0;
  });
  if (!changed) return;
  // The room as it is now; a room not open yet follows the switch when it starts (a dispatch would
  // open an empty room for the worker alone).
  if (on) await captionsIfOpen(forum.roomName).catch((err) => console.error(`captions not asked for in ${forum.roomName}`, err));
  else await removeCaptions(forum.roomName).catch((err) => console.error(`captions worker not taken out of ${forum.roomName}`, err));
}

/** On the stage's room_started: the worker, if the forum's captions are on. */
export async function captionsOnRoomStart(roomName: string): Promise<void> {
  const forum = await db.forum.findUnique({ where: { roomName }, select: { captions: true } });
  if (forum?.captions) await dispatchCaptions(roomName);
}

/** How long a dispatch may go without its worker in the room before a join asks again. */
export const DISPATCH_GRACE_MS = 20_000;
/** A room is looked at this often at most (per app instance), however many join. */
const JOIN_CHECK_MS = 15_000;
const lastJoinCheck = new Map<string, number>();

/**
 * On a person's join to a stage: the worker again if the forum is captioned and no worker has come
 * for the room's dispatch within DISPATCH_GRACE_MS. LiveKit places a dispatch once: one asked for
 * while no worker ran (or whose job ended, the worker gone) is never answered otherwise.
 */
export async function captionsOnStageJoin(roomName: string, options: { now?: number; graceMs?: number } = {}): Promise<"asked" | "present" | "skipped"> {
  const now = options.now ?? Date.now();
  const last = lastJoinCheck.get(roomName);
  if (last !== undefined && now - last < JOIN_CHECK_MS) return "skipped";
  if (lastJoinCheck.size > 10_000) lastJoinCheck.clear();
  lastJoinCheck.set(roomName, now);
  const forum = await db.forum.findUnique({ where: { roomName }, select: { captions: true } });
  if (!forum?.captions) return "skipped";
  if ((await agentsIn(roomName)).length) return "present";
  const client = dispatchClient();
  const ours = await captionsDispatches(client, roomName);
  // A dispatch younger than the grace may still be bringing its worker (state.createdAt: ns).
  const grace = options.graceMs ?? DISPATCH_GRACE_MS;
  if (ours.some((d) => now - Number((d.state?.createdAt ?? 0n) / 1_000_000n) < grace)) return "skipped";
  for (const d of ours) await client.deleteDispatch(d.id, roomName);
  await client.createDispatch(roomName, CAPTIONS_AGENT);
  return "asked";
}

/** Forgets when rooms were last looked at (tests). */
export function forgetJoinChecks(): void {
  lastJoinCheck.clear();
}

async function captionsIfOpen(roomName: string): Promise<void> {
  const open = await callLiveKit((svc) => svc.listRooms([roomName]));
  if (open.length) await dispatchCaptions(roomName);
}

/** The agents in the room now (none when it is not open). */
async function agentsIn(roomName: string) {
  const present = await callLiveKit((svc) => svc.listParticipants(roomName), "roomNotFound").catch(() => []);
  return present.filter((p) => p.kind === AGENT_KIND);
}

async function removeCaptions(roomName: string): Promise<void> {
  const client = dispatchClient();
  for (const d of await captionsDispatches(client, roomName)) await client.deleteDispatch(d.id, roomName);
  for (const p of await agentsIn(roomName)) await callLiveKit((svc) => svc.removeParticipant(roomName, p.identity)).catch(() => undefined);
}
