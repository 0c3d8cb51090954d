// Each egress's life as LiveKit Egress reports it (egress pkg/pipeline/controller.go, livekit-server
// pkg/service/ioservice.go): STARTING (egress_started) → ACTIVE once media flows (egress_updated; the
// file's startedAt) → on StopEgress ENDING (egress_updated) → COMPLETE with the file written
// (egress_ended). A stop before ACTIVE aborts; a failure ends it FAILED. Outcomes chosen by a test
// make the next egress fail shortly after its start, or stay silent (no webhook, never done).
import fs from "node:fs";
import path from "node:path";
import { contentTypes, planFileOutput, redacted } from "./file-output.mjs";
import { renderMedia } from "./media.mjs";
import { guid, nowNs, protocol } from "./protocol.mjs";
import { store } from "./storage.mjs";
import { passedOn, TwirpError } from "./twirp.mjs";

const { EgressInfo, EgressSourceType, EgressStatus: S, FileInfo } = protocol;
const MIN_SECONDS = 1;
const MAX_SECONDS = 15 * 60;
export const outcomes = ["complete", "fail", "silent"];

/**
 * @typedef {"complete" | "fail" | "silent"} Outcome
 * @typedef {{ info: InstanceType<typeof EgressInfo>, file: InstanceType<typeof FileInfo>, plan: import("./file-output.mjs").FilePlan, outcome: Outcome, frequency: number }} Entry
 */

function sourceTypeOf(kind, req) {
  if (kind === "web") return EgressSourceType.WEB;
  if (kind === "roomComposite") return req.audioOnly && !req.layout && !req.customBaseUrl ? EgressSourceType.SDK : EgressSourceType.WEB;
  if (kind === "egress") return req.source.case === "media" ? EgressSourceType.SDK : EgressSourceType.WEB;
  return EgressSourceType.SDK;
}

/** Go's encoding/json of egress's manifest: int64 as numbers, empty fields left out. */
function manifestJson(info, filename, location) {
  const manifest = {
    egress_id: info.egressId,
    room_id: info.roomId || undefined,
    room_name: info.roomName || undefined,
    started_at: `${info.startedAt}`,
    ended_at: `${info.endedAt}`,
    files: [{ filename, location }],
  };
  return JSON.stringify(manifest).replace(/"(started_at|ended_at)":"(\d+)"/g, '"$1":$2') + "\n";
}

/**
 * @param {{ ffmpeg: string, webhooks: ReturnType<typeof import("./webhooks.mjs").createWebhookSender>, log: (line: string) => void, fileRoot: string, workDir: string, activeAfterMs?: number, failAfterMs?: number }} opts
 */
export function createEgresses({ ffmpeg, webhooks, log, fileRoot, workDir, activeAfterMs = 300, failAfterMs = 300 }) {
  /** @type {Map<string, Entry>} */
  const egresses = new Map();
  /** Outcomes for the next egress, per room name ("" for any room). */
  const pending = new Map();
  const timers = new Set();
  const children = new Set();
  let audioOnlyCount = 0;
  let closed = false;

  const later = (ms, fn) => {
    const timer = setTimeout(() => (timers.delete(timer), fn()), ms);
    timers.add(timer);
  };
  const statusName = (status) => S[status];

  function get(egressId) {
    const entry = egresses.get(egressId);
    if (!entry) throw passedOn("not_found", "egress does not exist");
    return entry;
  }

  function takeOutcome(roomName) {
    const key = pending.has(roomName) ? roomName : pending.has("") ? "" : null;
    if (key === null) return "complete";
    const outcome = pending.get(key);
    pending.delete(key);
    return outcome;
  }

  function end(entry, status, error, errorCode) {
    const now = nowNs();
    Object.assign(entry.info, { status, updatedAt: now, endedAt: now, ...(error ? { error, errorCode } : {}) });
    webhooks.send("egress_ended", entry.info);
  }

  function fail(entry, err) {
    if (entry.info.status >= S.EGRESS_COMPLETE) return;
    entry.info.details ||= "End reason: Failure";
    log(`egress ${entry.info.egressId} failed: ${err.message}`);
    end(entry, S.EGRESS_FAILED, err.message, 500);
  }

  function activate(entry) {
    if (entry.info.status !== S.EGRESS_STARTING) return;
    const now = nowNs();
    Object.assign(entry.info, { status: S.EGRESS_ACTIVE, updatedAt: now });
    entry.file.startedAt = now;
    webhooks.send("egress_updated", entry.info);
  }

  async function finish(entry, seconds) {
    const { info, file, plan } = entry;
    const tmp = path.join(workDir, `${info.egressId}.${plan.outputType}`);
    try {
      const onSpawn = (child) => (children.add(child), child.once("close", () => children.delete(child)));
      await renderMedia({ ffmpeg, file: tmp, seconds, outputType: plan.outputType, video: plan.video, audio: plan.audio, frequency: entry.frequency, onSpawn });
      const body = await fs.promises.readFile(tmp);
      const { location, size } = await store(plan.storage, plan.storagePath, body, contentTypes[plan.outputType], fileRoot);
      if (closed) return;
      Object.assign(file, { location, size: BigInt(size) });
      const now = nowNs();
      Object.assign(info, { status: S.EGRESS_COMPLETE, updatedAt: now, endedAt: now });
      if (!plan.disableManifest) {
        const manifestPath = path.posix.join(path.posix.dirname(plan.storagePath), `${info.egressId}.json`);
        // As in egress, a manifest that cannot be written is logged, not a failure.
        const manifest = Buffer.from(manifestJson(info, plan.storagePath, location));
        info.manifestLocation = await store(plan.storage, manifestPath, manifest, "application/json", fileRoot).then(
          (r) => r.location,
          (err) => (log(`egress ${info.egressId}: ${err.message}`), ""),
        );
      }
      log(`egress ${info.egressId} complete: ${location} (${seconds.toFixed(3)} s, ${size} bytes)`);
      webhooks.send("egress_ended", info);
    } catch (err) {
      if (!closed) fail(entry, err instanceof Error ? err : new Error(String(err)));
    } finally {
      await fs.promises.rm(tmp, { force: true });
    }
  }

  return {
    /** Starts an egress of `kind` (EgressInfo's request case); answers its STARTING info. */
    start(kind, req, roomId = "") {
      const roomName = req.roomName ?? "";
      const plan = planFileOutput(kind, req, { roomName, roomId });
      const outcome = takeOutcome(roomName);
      const now = nowNs();
      const file = new FileInfo({ filename: plan.storagePath });
      const info = new EgressInfo({ egressId: guid("EG_"), roomId, roomName, sourceType: sourceTypeOf(kind, req), status: S.EGRESS_STARTING, startedAt: now, updatedAt: now });
      Object.assign(info, { request: { case: kind, value: redacted(kind, req) }, fileResults: [file], result: { case: "file", value: file } });
      const entry = { info, file, plan, outcome, frequency: plan.video ? 440 : 300 + 100 * (audioOnlyCount++ % 17) };
      egresses.set(info.egressId, entry);
      const media = plan.video ? plan.outputType : `${plan.outputType}, audio only, ${entry.frequency} Hz`;
      log(`egress ${info.egressId} ${kind} room=${roomName || "-"} → ${plan.storage.kind}:${plan.storagePath} (${media}), outcome ${outcome}`);
      if (outcome === "silent") return entry;
      // Queued before the answer, as livekit-server stores the egress and notifies before replying.
      webhooks.send("egress_started", info);
      if (outcome === "fail") later(failAfterMs, () => fail(entry, new Error('pipeline failed (the Egress stand-in was told: setNextOutcome("fail"))')));
      else later(activeAfterMs, () => activate(entry));
      return entry;
    },

    stop(egressId) {
      const entry = get(egressId);
      const { info, file } = entry;
      if (info.status >= S.EGRESS_COMPLETE) throw new TwirpError("failed_precondition", `egress with status ${statusName(info.status)} cannot be stopped`);
      if (entry.outcome === "silent") {
        // Takes the stop and then, like a lost egress, never reports back.
        Object.assign(info, { status: S.EGRESS_ENDING, updatedAt: nowNs() });
        return entry;
      }
      if (info.status === S.EGRESS_ENDING) return entry;
      info.details = "End reason: StopEgress API";
      if (info.status === S.EGRESS_STARTING) {
        end(entry, S.EGRESS_ABORTED, "Stop called before pipeline could start", 412);
        return entry;
      }
      const now = nowNs();
      const seconds = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Number(now - file.startedAt) / 1e9));
      file.duration = BigInt(Math.round(seconds * 1e9));
      file.endedAt = file.startedAt + file.duration;
      Object.assign(info, { status: S.EGRESS_ENDING, updatedAt: now });
      webhooks.send("egress_updated", info);
      void finish(entry, seconds);
      return entry;
    },

    /**
     * ListEgress: one egress by id (not_found when unknown), else by room and/or still running.
     * @returns {Entry[]}
     */
    list({ egressId, roomName, active }) {
      if (egressId) return [get(egressId)];
      return [...egresses.values()].filter((e) => (!roomName || e.info.roomName === roomName) && (!active || e.info.status < S.EGRESS_COMPLETE));
    },

    /** UpdateLayout: livekit-server passes the layout to the recorder's page; the info is unchanged. */
    updateLayout(egressId) {
      return get(egressId);
    },

    updateStream(egressId) {
      const { info } = get(egressId);
      if (info.status >= S.EGRESS_COMPLETE) throw new TwirpError("failed_precondition", `egress with status ${statusName(info.status)} cannot be updated`);
      throw passedOn("invalid_argument", "UpdateStream called on non-streaming egress");
    },

    /** @param {Outcome} outcome @param {string} [roomName] only for an egress of this room */
    setNextOutcome(outcome, roomName = "") {
      if (!outcomes.includes(outcome)) throw new Error(`unknown outcome ${JSON.stringify(outcome)} (one of ${outcomes.join(", ")})`);
      if (outcome === "complete") pending.delete(roomName);
      else pending.set(roomName, outcome);
    },

    resetOutcomes() {
      pending.clear();
    },

    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      for (const child of children) child.kill("SIGKILL");
    },
  };
}
