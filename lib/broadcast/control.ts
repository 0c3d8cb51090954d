// Putting a forum on air and taking it off. One open broadcast per forum, decided under the
// forum's row lock. Each output — the stage's HLS, each channel's HLS, each restream — is its own
// egress, asked for while holding the forum's advisory lock, so Egress's webhook about it (which
// livekit-server may send before answering the start) waits for our write of its id instead of
// finding nothing. A broadcast with HLS off still goes on air: its audience watches over WebRTC.
import "server-only";
import { randomUUID } from "node:crypto";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { egressReachable, stopEgress } from "@/lib/egress/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/routing";
import { callLiveKit } from "@/lib/rooms/livekit";
import { getStorage } from "@/lib/storage";
import { renditionDir, startChannelHls, startRestreamEgress, startStageHls, streamUrl } from "./egress";
import { forget } from "./kept";
import { getBroadcastSettings, requireForumOrganizer } from "./settings";
import { decryptStreamKey } from "./stream-keys";

export const OPEN = ["starting", "live", "stopping"] as const;
export const ON_AIR = ["starting", "live"] as const;
const FINAL = ["complete", "failed"] as const;

interface ForumRef {
  id: string;
  roomName: string;
  eventId: string;
  languages: Locale[];
}

/** Holds the forum's broadcast lock until the transaction ends (webhooks of its egresses take it too). */
export async function lockBroadcasts(tx: Tx, forumId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`broadcast:${forumId}`}))::text`;
}

const LOCKED_CALL = { timeout: 30_000, maxWait: 15_000 };

type Output = { kind: "rendition"; name: string; language: Locale | null } | { kind: "restream"; destinationId: string };

/** Starts one output of broadcast `broadcastId`; a refusal is kept on its row (and returned), not thrown. */
async function startOutput(forum: ForumRef, broadcast: { id: string; prefix: string; storage: "local" | "s3" }, output: Output): Promise<string | null> {
  const locale = forum.languages[0] ?? "en";
  return db.$transaction(async (tx) => {
    await lockBroadcasts(tx, forum.id);
    if (output.kind === "rendition") {
      const row = await tx.broadcastRendition.create({ data: { broadcastId: broadcast.id, name: output.name, language: output.language }, select: { id: true } });
      const dir = renditionDir(broadcast.prefix, output.name);
      try {
        const egressId = output.language
          ? await startChannelHls(forum.roomName, dir, broadcast.storage, locale, forum.id, output.language)
          : await startStageHls(forum.roomName, dir, broadcast.storage, locale, forum.id);
        await tx.broadcastRendition.update({ where: { id: row.id }, data: { egressId } });
        return null;
      } catch (err) {
        const error = err instanceof AppError ? err.message : "egressUnavailable";
        await tx.broadcastRendition.update({ where: { id: row.id }, data: { status: "failed", error } });
        return error;
      }
    }
    const destination = await tx.restreamDestination.findUnique({ where: { id: output.destinationId }, select: { url: true, keyCiphertext: true } });
    if (!destination) return null;
    const row = await tx.restream.create({ data: { broadcastId: broadcast.id, destinationId: output.destinationId }, select: { id: true } });
    try {
      const url = streamUrl(destination.url, decryptStreamKey(destination.keyCiphertext));
      const egressId = await startRestreamEgress(forum.roomName, url, locale, forum.id);
      await tx.restream.update({ where: { id: row.id }, data: { egressId } });
      return null;
    } catch (err) {
      const error = err instanceof AppError ? err.message : "egressUnavailable";
      await tx.restream.update({ where: { id: row.id }, data: { status: "failed", error } });
      return error;
    }
  }, LOCKED_CALL);
}

export interface StartedBroadcast {
  id: string;
  renditions: string[];
  restreams: number;
}

/** Puts the forum on air; CONFLICT `alreadyBroadcasting` when it is. */
export async function startBroadcast(actor: Actor | null, forumId: string): Promise<StartedBroadcast> {
  const { forum, actorId } = await requireForumOrganizer(actor, forumId);
  const settings = await getBroadcastSettings(forum.id);
  const destinations = await db.restreamDestination.findMany({ where: { forumId: forum.id, enabled: true }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const needsEgress = settings.hls || destinations.length > 0;
  // Told at once, before a row is written: asking an absent Egress to start waits ~20 s for it.
  if (needsEgress && !(await egressReachable())) throw new AppError("UNAVAILABLE", "egressUnavailable");
  const id = randomUUID();
  const storage = getStorage().kind;
  const prefix = `broadcasts/${id}`;
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM forums WHERE id = ${forum.id} FOR UPDATE`;
    const open = await tx.broadcast.count({ where: { forumId: forum.id, status: { in: [...OPEN] } } });
    if (open) throw new AppError("CONFLICT", "alreadyBroadcasting");
    const now = new Date();
    // Without HLS the stage itself is the broadcast: on air at once.
    await tx.broadcast.create({ data: { id, forumId: forum.id, storage, prefix, status: settings.hls ? "starting" : "live", startedAt: settings.hls ? null : now, createdById: actorId } });
    await audit(tx, {
      eventId: forum.eventId,
      actorId,
      action: "broadcast.started",
      entityType: "forum",
      entityId: forum.id,
      data: { broadcastId: id, hls: settings.hls, webrtc: settings.webrtc, restreams: destinations.length },
    });
  });
  forget(`on-air:${forum.id}`);
  // Egress records only a room that exists: open it now (a no-op when people are in it already).
  if (needsEgress) await callLiveKit((svc) => svc.createRoom({ name: forum.roomName }), "roomNotFound").catch((err) => console.error(`Broadcast ${id}: could not open room ${forum.roomName}`, err));
  const ref = { id, prefix, storage };
  const renditions: string[] = [];
  if (settings.hls) {
    const refused = await startOutput(forum, ref, { kind: "rendition", name: "stage", language: null });
    if (refused) {
      // No stage, no HLS: the broadcast failed as a whole (its restreams are not started either).
      await db.broadcast.update({ where: { id }, data: { status: "failed", error: refused, endedAt: new Date() } });
      throw new AppError("UNAVAILABLE", refused);
    }
    renditions.push("stage");
    for (const language of forum.languages) {
      if (!(await startOutput(forum, ref, { kind: "rendition", name: language, language }))) renditions.push(language);
    }
  }
  let restreams = 0;
  for (const d of destinations) if (!(await startOutput(forum, ref, { kind: "restream", destinationId: d.id }))) restreams++;
  return { id, renditions, restreams };
}

/** Outputs of a broadcast still running at Egress (not complete nor failed), with their egress ids. */
async function runningOutputs(tx: Tx, broadcastId: string) {
  const [renditions, restreams] = await Promise.all([
    tx.broadcastRendition.findMany({ where: { broadcastId, status: { notIn: [...FINAL] } }, select: { id: true, egressId: true } }),
    tx.restream.findMany({ where: { broadcastId, status: { notIn: [...FINAL] } }, select: { id: true, egressId: true } }),
  ]);
  return { renditions, restreams };
}

/** Ends a stopping broadcast once none of its outputs is still running. */
export async function settleBroadcast(tx: Tx, broadcastId: string, now = new Date()): Promise<void> {
  const running = await runningOutputs(tx, broadcastId);
  if (running.renditions.length || running.restreams.length) return;
  await tx.broadcast.updateMany({ where: { id: broadcastId, status: "stopping" }, data: { status: "ended", endedAt: now } });
}

async function stop(forum: ForumRef, actorId: string | null, reason: "organizer" | "auto"): Promise<void> {
  const now = new Date();
  const { broadcastId, egresses } = await db.$transaction(async (tx) => {
    await lockBroadcasts(tx, forum.id);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE broadcasts SET status = 'stopping'::"BroadcastStatus", stop_requested_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      WHERE forum_id = ${forum.id} AND status IN ('starting', 'live') RETURNING id`;
    if (!rows.length) throw new AppError("CONFLICT", "notBroadcasting");
    const id = rows[0].id;
    await audit(tx, { eventId: forum.eventId, actorId, action: "broadcast.stopped", entityType: "forum", entityId: forum.id, data: { broadcastId: id, reason } });
    const running = await runningOutputs(tx, id);
    // An output Egress never named cannot be stopped, nor will it report: it failed.
    await tx.broadcastRendition.updateMany({ where: { broadcastId: id, egressId: null, status: { notIn: [...FINAL] } }, data: { status: "failed", error: "egressNoReport", endedAt: now } });
    await tx.restream.updateMany({ where: { broadcastId: id, egressId: null, status: { notIn: [...FINAL] } }, data: { status: "failed", error: "egressNoReport", endedAt: now } });
    await settleBroadcast(tx, id, now);
    return { broadcastId: id, egresses: [...running.renditions, ...running.restreams].map((o) => o.egressId).filter((e): e is string => !!e) };
  });
  forget(`on-air:${forum.id}`);
  const results = await Promise.allSettled(egresses.map((e) => stopEgress(e)));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) {
    console.error(`Broadcast ${broadcastId}: an egress did not stop`, (failed as PromiseRejectedResult).reason);
    throw (failed as PromiseRejectedResult).reason;
  }
}

/** Takes the forum off air: every output stops; CONFLICT `notBroadcasting` when it is not on air. */
export async function stopBroadcast(actor: Actor | null, forumId: string): Promise<void> {
  const { forum, actorId } = await requireForumOrganizer(actor, forumId);
  await stop(forum, actorId, "organizer");
}

/** The forum's open broadcast (starting, live or stopping), if any. */
export async function openBroadcastOf(forumId: string) {
  return db.broadcast.findFirst({
    where: { forumId, status: { in: [...OPEN] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, prefix: true, storage: true, startedAt: true, createdAt: true },
  });
}

/** A destination added while the forum is on air starts streaming at once. */
export async function restreamIfOnAir(forumId: string, destinationId: string): Promise<void> {
  const forum = await db.forum.findUnique({ where: { id: forumId }, select: { id: true, roomName: true, eventId: true, event: { select: { languages: true } } } });
  const open = await openBroadcastOf(forumId);
  if (!forum || !open || open.status === "stopping") return;
  const ref = { id: forum.id, roomName: forum.roomName, eventId: forum.eventId, languages: forum.event.languages };
  await startOutput(ref, { id: open.id, prefix: open.prefix, storage: open.storage === "s3" ? "s3" : "local" }, { kind: "restream", destinationId });
}

/** A destination removed or turned off stops its stream of the open broadcast. */
export async function stopRestreamsOf(destinationId: string): Promise<void> {
  const running = await db.restream.findMany({ where: { destinationId, status: { notIn: [...FINAL] }, egressId: { not: null } }, select: { egressId: true } });
  await Promise.allSettled(running.map((r) => stopEgress(r.egressId as string)));
}

/**
 * Housekeeping (every instance, with the recordings' sweep): an output that never reported its
 * start, or its end after being stopped, failed; a stopping broadcast then ends.
 */
export async function sweepBroadcasts(now = new Date()): Promise<{ failed: number }> {
  const env = getEnv();
  const startBefore = new Date(now.getTime() - env.EGRESS_START_TIMEOUT_S * 1000);
  const endBefore = new Date(now.getTime() - env.EGRESS_END_TIMEOUT_S * 1000);
  const silent = {
    OR: [
      { status: "starting" as const, createdAt: { lt: startBefore } },
      { status: { notIn: [...FINAL] }, broadcast: { status: "stopping" as const, stopRequestedAt: { lt: endBefore } } },
    ],
  };
  const data = { status: "failed" as const, error: "egressNoReport", endedAt: now };
  const a = await db.broadcastRendition.updateMany({ where: silent, data });
  const b = await db.restream.updateMany({ where: silent, data });
  const stopping = await db.broadcast.findMany({ where: { status: "stopping" }, select: { id: true } });
  for (const s of stopping) await db.$transaction((tx) => settleBroadcast(tx, s.id, now));
  return { failed: a.count + b.count };
}

const holder = globalThis as unknown as { plenaryBroadcastSweep?: NodeJS.Timeout };

/** Runs the sweep every 30 s in this instance (from instrumentation.ts). */
export function startBroadcastSweeper(intervalMs = 30_000) {
  if (holder.plenaryBroadcastSweep) return;
  holder.plenaryBroadcastSweep = setInterval(() => {
    sweepBroadcasts().catch((err) => console.error("Broadcast sweep failed", err));
  }, intervalMs);
  holder.plenaryBroadcastSweep.unref();
}
