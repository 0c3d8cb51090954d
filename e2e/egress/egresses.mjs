// Each egress's life as LiveKit Egress reports it (egress pkg/pipeline/controller.go, livekit-server
// pkg/service/ioservice.go): STARTING (egress_started) → ACTIVE once media flows (egress_updated; the
// file's and segments' startedAt) → on StopEgress ENDING (egress_updated) → COMPLETE with every output
// finished (egress_ended). While ACTIVE, segment outputs write HLS and stream outputs push RTMP live;
// a stream's start, failure or UpdateStream sends egress_updated once no added stream is still
// connecting. A stream that fails is FAILED; when it was the last output the egress FAILS (503). A
// stop before ACTIVE aborts. Outcomes chosen by a test make the next egress fail shortly after its
// start, or stay silent (no webhook, never done).
import { guid, nowNs, protocol } from "./protocol.mjs";
import { redacted } from "./file-output.mjs";
import { writeFileOutput, writeManifest } from "./finish.mjs";
import { planOutputs } from "./outputs.mjs";
import { createSegmentWriter } from "./segments.mjs";
import { createStreamControl, endStream } from "./stream-control.mjs";
import { passedOn, TwirpError } from "./twirp.mjs";

const { EgressInfo, EgressSourceType, EgressStatus: S, FileInfo, SegmentsInfo, StreamInfoList, StreamInfo_Status: Stream } = protocol;
const MIN_SECONDS = 1;
const MAX_SECONDS = 15 * 60;
/** A room's timeline is kept for 12 h: PTS stay far below MPEG-TS's 26.5 h wrap. */
const EPOCH_MS = 12 * 3_600_000;
export const outcomes = ["complete", "fail", "silent"];

/**
 * @typedef {"complete" | "fail" | "silent"} Outcome
 * @typedef {import("./stream-control.mjs").LiveStream} LiveStream
 * @typedef {{
 *   info: InstanceType<typeof EgressInfo>, plan: import("./outputs.mjs").OutputPlan, outcome: Outcome, frequency: number,
 *   file: InstanceType<typeof FileInfo> | null, segments: InstanceType<typeof SegmentsInfo> | null,
 *   writer: ReturnType<typeof createSegmentWriter> | null, streams: Map<string, LiveStream>, outputs: number,
 *   manifestPlaylist: { location: string, segments: { filename: string, location: string }[] },
 * }} Entry
 */

function sourceTypeOf(kind, req) {
  if (kind === "web") return EgressSourceType.WEB;
  if (kind === "roomComposite") return req.audioOnly && !req.layout && !req.customBaseUrl ? EgressSourceType.SDK : EgressSourceType.WEB;
  if (kind === "egress") return req.source.case === "media" ? EgressSourceType.SDK : EgressSourceType.WEB;
  return EgressSourceType.SDK;
}

/**
 * @param {{ ffmpeg: string, webhooks: ReturnType<typeof import("./webhooks.mjs").createWebhookSender>, log: (line: string) => void, fileRoot: string, workDir: string, activeAfterMs?: number, failAfterMs?: number, livePlaylistWindow?: number }} opts
 */
export function createEgresses({ ffmpeg, webhooks, log, fileRoot, workDir, activeAfterMs = 300, failAfterMs = 300, livePlaylistWindow = 5 }) {
  /** @type {Map<string, Entry>} */
  const egresses = new Map();
  /** Outcomes for the next egress, per room name ("" for any room). */
  const pending = new Map();
  /** Each room's timeline origin (ms), shared by its egresses' segments. */
  const epochs = new Map();
  const timers = new Set();
  const children = new Set();
  let audioOnlyCount = 0;
  let closed = false;

  const later = (ms, fn) => {
    const timer = setTimeout(() => (timers.delete(timer), fn()), ms);
    timers.add(timer);
  };
  const onSpawn = (child) => (children.add(child), child.once("close", () => children.delete(child)));
  const statusName = (status) => S[status];
  const media = (entry) => ({ video: entry.plan.video, audio: entry.plan.audio, frequency: entry.frequency });

  function epochOf(roomName) {
    const now = Date.now();
    const epoch = epochs.get(roomName);
    if (epoch !== undefined && now - epoch < EPOCH_MS) return epoch;
    // A minute before now, so the first PTS (and AAC's priming before it) is never negative.
    const fresh = Math.floor(now / 1000) * 1000 - 60_000;
    epochs.set(roomName, fresh);
    return fresh;
  }

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

  function stopLive(entry) {
    entry.writer?.kill();
    for (const stream of entry.streams.values()) stream.pusher?.kill();
  }

  function end(entry, status, error, errorCode) {
    const now = nowNs();
    Object.assign(entry.info, { status, updatedAt: now, endedAt: now, ...(error ? { error, errorCode } : {}) });
    webhooks.send("egress_ended", entry.info);
  }

  /** @param {Entry} entry @param {Error & { errorCode?: number }} err */
  function fail(entry, err, code = err.errorCode ?? 500) {
    if (entry.info.status >= S.EGRESS_COMPLETE) return;
    stopLive(entry);
    for (const stream of entry.streams.values()) stream.info.status = Stream.FAILED;
    entry.info.details ||= "End reason: Failure";
    log(`egress ${entry.info.egressId} failed: ${err.message}`);
    end(entry, S.EGRESS_FAILED, err.message, code);
  }

  function activate(entry) {
    if (entry.info.status !== S.EGRESS_STARTING || closed) return;
    const now = nowNs();
    Object.assign(entry.info, { status: S.EGRESS_ACTIVE, updatedAt: now });
    if (entry.file) entry.file.startedAt = now;
    if (entry.segments) entry.segments.startedAt = now;
    webhooks.send("egress_updated", entry.info);
    entry.writer?.start();
    for (const stream of entry.streams.values()) streamControl.start(entry, stream);
  }

  /** Controller.SendEOS on an active egress, then its sinks' Close. */
  function endActive(entry, reason) {
    const { info, file, segments } = entry;
    info.details = `End reason: ${reason}`;
    const now = nowNs();
    Object.assign(info, { status: S.EGRESS_ENDING, updatedAt: now });
    webhooks.send("egress_updated", info);
    const streams = [...entry.streams.values()];
    for (const stream of streams) {
      stream.info.status = Stream.FINISHED;
      endStream(stream.info, now);
    }
    if (segments) Object.assign(segments, { endedAt: now, duration: now - segments.startedAt });
    let seconds = 0;
    if (file) {
      seconds = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Number(now - file.startedAt) / 1e9));
      file.duration = BigInt(Math.round(seconds * 1e9));
      file.endedAt = file.startedAt + file.duration;
    }
    void (async () => {
      try {
        await Promise.all([...streams.map((s) => s.pusher?.stop()), entry.writer?.stop()]);
        const written = file ? await writeFileOutput(entry, seconds, { ffmpeg, workDir, fileRoot, onSpawn }) : null;
        if (closed || info.status !== S.EGRESS_ENDING) return;
        Object.assign(info, { status: S.EGRESS_COMPLETE, updatedAt: nowNs(), endedAt: nowNs() });
        await writeManifest(entry, { fileRoot, log });
        if (closed) return;
        log(`egress ${info.egressId} complete${written ? `: ${written.location} (${seconds.toFixed(3)} s, ${written.size} bytes)` : ""}${segments ? `, ${segments.segmentCount} segments` : ""}`);
        webhooks.send("egress_ended", info);
      } catch (err) {
        if (!closed) fail(entry, err instanceof Error ? err : new Error(String(err)));
      }
    })();
  }

  const streamControl = createStreamControl({ ffmpeg, webhooks, log, onSpawn, media, fail, endActive });

  return {
    /** Starts an egress of `kind` (EgressInfo's request case); answers its STARTING info. */
    start(kind, req, roomId = "") {
      const roomName = req.roomName ?? "";
      const plan = planOutputs(kind, req, { roomName, roomId, now: new Date() });
      const outcome = takeOutcome(roomName);
      const now = nowNs();
      const info = new EgressInfo({ egressId: guid("EG_"), roomId, roomName, sourceType: sourceTypeOf(kind, req), status: S.EGRESS_STARTING, startedAt: now, updatedAt: now });
      const file = plan.file ? new FileInfo({ filename: plan.file.storagePath }) : null;
      const segments = plan.segments ? new SegmentsInfo({ playlistName: plan.segments.playlistName, livePlaylistName: plan.segments.livePlaylistName }) : null;
      const streams = plan.streams ?? [];
      const results = { file, segments, stream: new StreamInfoList({ info: streams.map((s) => s.info) }) };
      Object.assign(info, {
        request: { case: kind, value: redacted(kind, req) },
        fileResults: file ? [file] : [],
        streamResults: streams.map((s) => s.info),
        segmentResults: segments ? [segments] : [],
        result: plan.result ? { case: plan.result, value: results[plan.result] } : { case: undefined },
      });
      const frequency = plan.video ? 440 : 300 + 100 * (audioOnlyCount++ % 17);
      /** @type {Entry} */
      const entry = {
        info,
        plan,
        outcome,
        frequency,
        file,
        segments,
        writer: null,
        streams: new Map(streams.map((s) => [s.parsedUrl, s])),
        outputs: (file ? 1 : 0) + (segments ? 1 : 0) + streams.length,
        manifestPlaylist: { location: "", segments: [] },
      };
      if (plan.segments && segments) {
        const { egressId } = info;
        const epochMs = epochOf(roomName);
        entry.writer = createSegmentWriter({
          ffmpeg,
          id: egressId,
          plan: plan.segments,
          info: segments,
          media: media(entry),
          epochMs,
          workDir,
          fileRoot,
          liveWindow: livePlaylistWindow,
          manifest: entry.manifestPlaylist,
          log,
          onError: (err) => fail(entry, err),
          onSpawn,
        });
      }
      egresses.set(info.egressId, entry);
      const outputs = [
        plan.file && `file ${plan.file.storage.kind}:${plan.file.storagePath}`,
        plan.segments && `HLS ${plan.segments.storage.kind}:${plan.segments.playlistName}`,
        ...streams.map((s) => `RTMP ${s.redactedUrl}`),
      ].filter(Boolean);
      log(`egress ${info.egressId} ${kind} room=${roomName || "-"} → ${outputs.join(", ")} (${plan.video ? "video + audio" : `audio only, ${frequency} Hz`}), outcome ${outcome}`);
      if (outcome === "silent") return entry;
      // Queued before the answer, as livekit-server stores the egress and notifies before replying.
      webhooks.send("egress_started", info);
      if (outcome === "fail") later(failAfterMs, () => fail(entry, new Error('pipeline failed (the Egress stand-in was told: setNextOutcome("fail"))')));
      else later(activeAfterMs, () => activate(entry));
      return entry;
    },

    stop(egressId) {
      const entry = get(egressId);
      const { info } = entry;
      if (info.status >= S.EGRESS_COMPLETE) throw new TwirpError("failed_precondition", `egress with status ${statusName(info.status)} cannot be stopped`);
      if (entry.outcome === "silent") {
        // Takes the stop and then, like a lost egress, never reports back.
        Object.assign(info, { status: S.EGRESS_ENDING, updatedAt: nowNs() });
        return entry;
      }
      if (info.status === S.EGRESS_ENDING) return entry;
      if (info.status === S.EGRESS_STARTING) {
        info.details = "End reason: StopEgress API";
        end(entry, S.EGRESS_ABORTED, "Stop called before pipeline could start", 412);
        return entry;
      }
      endActive(entry, "StopEgress API");
      return entry;
    },

    /** UpdateStream: adds, then removes, stream URLs of a streaming egress. */
    updateStream(egressId, addOutputUrls = [], removeOutputUrls = []) {
      const entry = get(egressId);
      if (entry.info.status >= S.EGRESS_COMPLETE) throw new TwirpError("failed_precondition", `egress with status ${statusName(entry.info.status)} cannot be updated`);
      streamControl.update(entry, addOutputUrls, removeOutputUrls);
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
      for (const entry of egresses.values()) stopLive(entry);
      for (const child of children) child.kill("SIGKILL");
    },
  };
}
