// Organizers' switch for a forum's live captions, and what the app does with it: the captions
// worker is asked for when the stage room starts only while the switch is on; turning it on while
// the room is open asks for it at once, turning it off takes it out at once.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { callLiveKit } from "@/lib/rooms/livekit";
import { CAPTIONS_AGENT, dispatchCaptions, dispatchClient } from "./dispatch";
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

async function captionsIfOpen(roomName: string): Promise<void> {
  const open = await callLiveKit((svc) => svc.listRooms([roomName]));
  if (open.length) await dispatchCaptions(roomName);
}

async function removeCaptions(roomName: string): Promise<void> {
  const dispatches = dispatchClient();
  for (const d of await dispatches.listDispatch(roomName)) if (d.agentName === CAPTIONS_AGENT) await dispatches.deleteDispatch(d.id, roomName);
  const present = await callLiveKit((svc) => svc.listParticipants(roomName), "roomNotFound").catch(() => []);
  for (const p of present.filter((p) => p.kind === AGENT_KIND)) await callLiveKit((svc) => svc.removeParticipant(roomName, p.identity)).catch(() => undefined);
}
