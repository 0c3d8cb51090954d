// Where organizers restream a forum: an ingest URL and a stream key, the key sealed before it is
// stored and never shown again in full. A destination added while on air starts streaming at once;
// one removed stops.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { restreamIfOnAir, stopRestreamsOf } from "./control";
import { restreamDestinationSchema } from "./schema";
import { requireForumOrganizer } from "./settings";
import { encryptStreamKey, streamKeyHint } from "./stream-keys";

/** At most this many destinations per forum (each is a full encode at Egress). */
export const MAX_DESTINATIONS = 5;

export interface RestreamDestinationView {
  id: string;
  label: string;
  url: string;
  keyHint: string;
  enabled: boolean;
}

export async function addRestreamDestination(actor: Actor | null, forumId: string, input: unknown): Promise<RestreamDestinationView> {
  const { forum, actorId } = await requireForumOrganizer(actor, forumId);
  const parsed = restreamDestinationSchema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "invalidInput");
  const { label, url, streamKey } = parsed.data;
  const sealed = encryptStreamKey(streamKey);
  const created = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM forums WHERE id = ${forum.id} FOR UPDATE`;
    if ((await tx.restreamDestination.count({ where: { forumId: forum.id } })) >= MAX_DESTINATIONS) throw new AppError("CONFLICT", "tooManyDestinations");
    const row = await tx.restreamDestination.create({
      data: { forumId: forum.id, label, url, keyCiphertext: sealed, keyHint: streamKeyHint(streamKey), createdById: actorId },
      select: { id: true, label: true, url: true, keyHint: true, enabled: true },
    });
    // The key itself never goes into the audit log.
    await audit(tx, { eventId: forum.eventId, actorId, action: "restream.added", entityType: "forum", entityId: forum.id, data: { destinationId: row.id, label, url } });
    return row;
  });
  await restreamIfOnAir(forum.id, created.id).catch((err) => console.error(`Restream ${created.id} did not start`, err));
  return created;
}

export async function removeRestreamDestination(actor: Actor | null, destinationId: string): Promise<void> {
  const row = await db.restreamDestination.findUnique({ where: { id: destinationId }, select: { forumId: true, label: true } });
  if (!row) throw new AppError("NOT_FOUND", "destinationNotFound");
  const { forum, actorId } = await requireForumOrganizer(actor, row.forumId);
  await stopRestreamsOf(destinationId).catch((err) => console.error(`Restream to ${destinationId} did not stop`, err));
  await db.$transaction(async (tx) => {
    await tx.restreamDestination.delete({ where: { id: destinationId } });
    await audit(tx, { eventId: forum.eventId, actorId, action: "restream.removed", entityType: "forum", entityId: forum.id, data: { destinationId, label: row.label } });
  });
}

export async function listRestreamDestinations(forumId: string): Promise<RestreamDestinationView[]> {
  return db.restreamDestination.findMany({ where: { forumId }, orderBy: { createdAt: "asc" }, select: { id: true, label: true, url: true, keyHint: true, enabled: true } });
}
