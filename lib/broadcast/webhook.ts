// Egress's reports about a broadcast's outputs (egress_started / egress_updated / egress_ended)
// become their rows' states, once each (the event id goes into webhook_events in the same
// transaction) and only forward. An egress Egress reports before we wrote its id is waited for:
// its room names the forum, whose broadcast lock the start holds until the id is written.
import "server-only";
import { EgressStatus, type EgressInfo, type WebhookEvent } from "livekit-server-sdk";
import { db, type Tx } from "@/lib/db";
import { stopEgress } from "@/lib/egress/client";
import type { BroadcastOutputStatus } from "@/lib/generated/prisma/client";
import { lockBroadcasts, settleBroadcast } from "./control";

export type BroadcastEgressOutcome = "applied" | "replayed" | "unknownEgress";

const rank: Record<BroadcastOutputStatus, number> = { starting: 0, active: 1, ending: 2, complete: 3, failed: 3 };
const nsToDate = (ns: bigint) => (ns > 0n ? new Date(Number(ns / 1_000_000n)) : null);

interface OutputChange {
  status: BroadcastOutputStatus;
  startedAt?: Date;
  endedAt?: Date;
  error?: string;
}

/** What an EgressInfo says about an output. A restream whose one stream failed has failed, even
 * while Egress still calls the egress active (it may keep other outputs going). */
export function outputChangeOf(info: EgressInfo): OutputChange {
  const stream = info.streamResults.find((s) => s.status === 2 /* StreamInfo_Status.FAILED */);
  const ended = nsToDate(info.endedAt) ?? undefined;
  if (stream && info.status <= EgressStatus.EGRESS_ENDING) return { status: "failed", error: stream.error || "streamFailed", endedAt: ended ?? new Date() };
  switch (info.status) {
    case EgressStatus.EGRESS_STARTING:
      return { status: "starting" };
    case EgressStatus.EGRESS_ACTIVE: {
      const first = info.segmentResults[0]?.startedAt ?? info.streamResults[0]?.startedAt ?? 0n;
      return { status: "active", startedAt: nsToDate(first) ?? nsToDate(info.startedAt) ?? new Date() };
    }
    case EgressStatus.EGRESS_ENDING:
      return { status: "ending" };
    case EgressStatus.EGRESS_COMPLETE:
    case EgressStatus.EGRESS_LIMIT_REACHED:
      return { status: "complete", endedAt: ended };
    default:
      return { status: "failed", error: info.error || EgressStatus[info.status] || "egressFailed", endedAt: ended };
  }
}

type Target = { kind: "rendition" | "restream"; id: string; status: BroadcastOutputStatus; broadcastId: string; name?: string };

async function findTarget(tx: Tx, egressId: string): Promise<Target | null> {
  const r = await tx.$queryRaw<{ id: string; status: BroadcastOutputStatus; broadcast_id: string; name: string }[]>`
    SELECT id, status, broadcast_id, name FROM broadcast_renditions WHERE egress_id = ${egressId} FOR UPDATE`;
  if (r.length) return { kind: "rendition", id: r[0].id, status: r[0].status, broadcastId: r[0].broadcast_id, name: r[0].name };
  const s = await tx.$queryRaw<{ id: string; status: BroadcastOutputStatus; broadcast_id: string }[]>`
    SELECT id, status, broadcast_id FROM restreams WHERE egress_id = ${egressId} FOR UPDATE`;
  if (s.length) return { kind: "restream", id: s[0].id, status: s[0].status, broadcastId: s[0].broadcast_id };
  return null;
}

export async function applyBroadcastEgressEvent(event: WebhookEvent): Promise<BroadcastEgressOutcome> {
  const info = event.egressInfo;
  if (!info?.egressId) return "unknownEgress";
  const toStop: string[] = [];
  const outcome = await db.$transaction(
    async (tx) => {
      let target = await findTarget(tx, info.egressId);
      if (!target && info.roomName) {
        const forum = await tx.forum.findUnique({ where: { roomName: info.roomName }, select: { id: true } });
        if (!forum) return "unknownEgress" as const;
        // A start under way holds this lock until it has written the egress id.
        await lockBroadcasts(tx, forum.id);
        target = await findTarget(tx, info.egressId);
      }
      if (!target) return "unknownEgress" as const;
      const fresh = await tx.$executeRaw`
        INSERT INTO webhook_events (id, event, created_at) VALUES (${event.id}, ${event.event}, ${new Date(Number(event.createdAt) * 1000)}::timestamptz)
        ON CONFLICT (id) DO NOTHING`;
      if (!fresh) return "replayed" as const;
      const change = outputChangeOf(info);
      if (rank[change.status] < rank[target.status] || (rank[target.status] === 3 && rank[change.status] === 3)) return "applied" as const;
      const data = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
      if (target.kind === "rendition") await tx.broadcastRendition.update({ where: { id: target.id }, data });
      else await tx.restream.update({ where: { id: target.id }, data });
      if (target.name === "stage") {
        if (change.status === "active") {
          await tx.broadcast.updateMany({ where: { id: target.broadcastId, status: "starting" }, data: { status: "live", startedAt: change.startedAt } });
        } else if (change.status === "failed") {
          // The stage's HLS is the broadcast's picture: without it the broadcast failed.
          const failed = await tx.broadcast.updateMany({
            where: { id: target.broadcastId, status: { in: ["starting", "live"] } },
            data: { status: "failed", error: change.error ?? "egressFailed", endedAt: new Date() },
          });
          if (failed.count) {
            const others = await tx.broadcastRendition.findMany({
              where: { broadcastId: target.broadcastId, status: { notIn: ["complete", "failed"] }, egressId: { not: null } },
              select: { egressId: true },
            });
            const streams = await tx.restream.findMany({ where: { broadcastId: target.broadcastId, status: { notIn: ["complete", "failed"] }, egressId: { not: null } }, select: { egressId: true } });
            toStop.push(...[...others, ...streams].map((o) => o.egressId as string));
          }
        }
      }
      if (rank[change.status] === 3) await settleBroadcast(tx, target.broadcastId);
      return "applied" as const;
    },
    { timeout: 30_000, maxWait: 15_000 },
  );
  await Promise.allSettled(toStop.map((e) => stopEgress(e)));
  return outcome;
}
