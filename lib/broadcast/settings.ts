// A forum's broadcast settings: read with defaults (no row yet: WebRTC and HLS offered to the
// event's registered people, no backstage), written by the event's organizers.
import "server-only";
import { audit } from "@/lib/audit/audit";
import { requireOrganizer, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forget } from "./kept";
import type { BroadcastSettings } from "./types";

export const DEFAULT_BROADCAST_SETTINGS: BroadcastSettings = { webrtc: true, hls: true, audience: "registered", backstage: false };

export async function getBroadcastSettings(forumId: string): Promise<BroadcastSettings> {
  const row = await db.broadcastSetting.findUnique({ where: { forumId }, select: { webrtc: true, hls: true, audience: true, backstage: true } });
  return row ?? { ...DEFAULT_BROADCAST_SETTINGS };
}

/** The forum and its event, when `actor` organizes it (checked on the server for every call). */
export async function requireForumOrganizer(actor: Actor | null, forumId: string) {
  const forum = await db.forum.findUnique({ where: { id: forumId }, select: { id: true, roomName: true, eventId: true, event: { select: { slug: true, languages: true } } } });
  if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
  const access = await requireOrganizer(actor, forum.event.slug);
  return { forum: { id: forum.id, roomName: forum.roomName, eventId: forum.eventId, slug: forum.event.slug, languages: forum.event.languages }, actorId: access.actor.userId };
}

/** Changes some of a forum's settings; a broadcast on air takes them from its next start, except
 * the audience (who may watch) and the players offered, which apply at once. */
export async function setBroadcastSettings(actor: Actor | null, forumId: string, change: Partial<BroadcastSettings>): Promise<BroadcastSettings> {
  const { forum, actorId } = await requireForumOrganizer(actor, forumId);
  const saved = await db.$transaction(async (tx) => {
    const row = await tx.broadcastSetting.upsert({
      where: { forumId: forum.id },
      create: { forumId: forum.id, ...DEFAULT_BROADCAST_SETTINGS, ...change },
      update: change,
      select: { webrtc: true, hls: true, audience: true, backstage: true },
    });
    await audit(tx, { eventId: forum.eventId, actorId, action: "broadcast.settings", entityType: "forum", entityId: forum.id, data: { ...change } });
    return row;
  });
  // This instance applies them at once; the others within a second.
  forget(`settings:${forum.id}`);
  return saved;
}
