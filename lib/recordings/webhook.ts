// Egress's reports (egress_started / egress_updated / egress_ended webhooks) become the state of
// the recording row they concern: found by egress id, or by the file path the request named (a
// report may arrive before our own write of the id). Each event is applied once: its id goes into
// webhook_events in the same transaction. States only move forward, so a late `egress_updated`
// never undoes `egress_ended`.
import "server-only";
import { EgressStatus, type EgressInfo, type WebhookEvent } from "livekit-server-sdk";
import { db, type Tx } from "@/lib/db";
import type { RecordingStatus } from "@/lib/generated/prisma/client";
import { rowOfFilePath } from "./keys";
import { refreshChapters, subtitlesFromCaptions } from "./store";

export type EgressOutcome = "applied" | "replayed" | "unknownEgress";

const rank: Record<RecordingStatus, number> = { starting: 0, recording: 1, processing: 2, ready: 3, failed: 3 };

const nsToDate = (ns: bigint) => (ns > 0n ? new Date(Number(ns / 1_000_000n)) : null);

/** The file path(s) an egress request asked for. */
export function requestedFilePaths(info: EgressInfo): string[] {
  const req = info.request;
  if (req.case === "roomComposite" || req.case === "web" || req.case === "participant" || req.case === "trackComposite") {
    const paths = req.value.fileOutputs.map((f) => f.filepath);
    const legacy = "output" in req.value ? req.value.output : undefined;
    if (legacy?.case === "file") paths.push(legacy.value.filepath);
    return paths;
  }
  if (req.case === "track" && req.value.output.case === "file") return [req.value.output.value.filepath];
  return [];
}

interface Change {
  status: RecordingStatus;
  data: { startedAt?: Date; endedAt?: Date; durationMs?: number; sizeBytes?: bigint; error?: string | null; missingAt?: null };
}

/** What an EgressInfo says about the row. */
export function changeOf(info: EgressInfo): Change {
  const file = info.fileResults[0];
  switch (info.status) {
    case EgressStatus.EGRESS_STARTING:
      return { status: "starting", data: {} };
    case EgressStatus.EGRESS_ACTIVE:
      return { status: "recording", data: { startedAt: nsToDate(info.startedAt) ?? undefined } };
    case EgressStatus.EGRESS_ENDING:
      return { status: "processing", data: {} };
    case EgressStatus.EGRESS_COMPLETE:
    case EgressStatus.EGRESS_LIMIT_REACHED:
      // A limit reached still leaves the file written up to the limit.
      if (file && file.size > 0n)
        return {
          status: "ready",
          data: {
            startedAt: nsToDate(file.startedAt) ?? nsToDate(info.startedAt) ?? undefined,
            endedAt: nsToDate(file.endedAt) ?? nsToDate(info.endedAt) ?? undefined,
            durationMs: Number(file.duration / 1_000_000n),
            sizeBytes: file.size,
            error: info.status === EgressStatus.EGRESS_LIMIT_REACHED ? "egressLimitReached" : null,
            missingAt: null,
          },
        };
      return { status: "failed", data: { error: info.error || "egressNoFile", endedAt: nsToDate(info.endedAt) ?? undefined } };
    default:
      return { status: "failed", data: { error: info.error || EgressStatus[info.status] || "egressFailed", endedAt: nsToDate(info.endedAt) ?? undefined } };
  }
}

type Target = { kind: "stage"; id: string; status: RecordingStatus } | { kind: "audio"; id: string; status: RecordingStatus };

async function findTarget(tx: Tx, info: EgressInfo): Promise<Target | null> {
  const egressId = info.egressId;
  // Locked, so two reports of one egress apply one after the other.
  const stage = await tx.$queryRaw<{ id: string; status: RecordingStatus }[]>`SELECT id, status FROM recordings WHERE egress_id = ${egressId} FOR UPDATE`;
  if (stage.length) return { kind: "stage", ...stage[0] };
  const audio = await tx.$queryRaw<{ id: string; status: RecordingStatus }[]>`SELECT id, status FROM recording_audio WHERE egress_id = ${egressId} FOR UPDATE`;
  if (audio.length) return { kind: "audio", ...audio[0] };
  for (const filepath of requestedFilePaths(info)) {
    const row = rowOfFilePath(filepath);
    if (row?.kind === "stage") {
      const found = await tx.$queryRaw<{ id: string; status: RecordingStatus }[]>`
        UPDATE recordings SET egress_id = ${egressId} WHERE id = ${row.recordingId} AND egress_id IS NULL RETURNING id, status`;
      if (found.length) return { kind: "stage", ...found[0] };
    }
    if (row?.kind === "audio") {
      const found = await tx.$queryRaw<{ id: string; status: RecordingStatus }[]>`
        UPDATE recording_audio SET egress_id = ${egressId} WHERE id = ${row.audioId} AND egress_id IS NULL RETURNING id, status`;
      if (found.length) return { kind: "audio", ...found[0] };
    }
  }
  return null;
}

export async function applyEgressEvent(event: WebhookEvent): Promise<EgressOutcome> {
  const info = event.egressInfo;
  if (!info?.egressId) return "unknownEgress";
  const outcome = await db.$transaction(async (tx) => {
    const target = await findTarget(tx, info);
    if (!target) return "unknownEgress" as const;
    const fresh = await tx.$executeRaw`
      INSERT INTO webhook_events (id, event, created_at) VALUES (${event.id}, ${event.event}, ${new Date(Number(event.createdAt) * 1000)}::timestamptz)
      ON CONFLICT (id) DO NOTHING`;
    if (!fresh) return "replayed" as const;
    const change = changeOf(info);
    // Forward only; `recording` may still learn its start time from a repeated ACTIVE report.
    if (rank[change.status] < rank[target.status] || (rank[change.status] === rank[target.status] && rank[change.status] === 3)) return "applied" as const;
    const data = { status: change.status, ...Object.fromEntries(Object.entries(change.data).filter(([, v]) => v !== undefined)) };
    if (target.kind === "stage") {
      await tx.recording.update({ where: { id: target.id }, data });
      if (change.status === "ready") {
        await refreshChapters(tx, target.id);
        await subtitlesFromCaptions(tx, target.id);
      }
    } else {
      await tx.recordingAudio.update({ where: { id: target.id }, data });
    }
    return "applied" as const;
  });
  return outcome;
}
