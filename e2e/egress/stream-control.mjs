// A streaming egress's URLs while it runs, as Egress's Controller handles them: each stream starts
// when its server takes the publish (startedAt), fails on its own (FAILED, the egress FAILED with
// 503 when no output is left), and UpdateStream adds URLs and then removes them (FINISHED; removing
// the last output ends the egress: "All streams stopped"). An egress_updated follows each change once
// no added stream is still connecting. UpdateStream's errors are collected and answered together
// with the first one's code, as egress's ErrArray does.
import { planStream } from "./outputs.mjs";
import { nowNs, protocol } from "./protocol.mjs";
import { validateRtmpUrl } from "./stream-output.mjs";
import { createStreamPusher } from "./streams.mjs";
import { passedOn, TwirpError } from "./twirp.mjs";

const { EgressStatus: S, StreamInfo_Status: Stream } = protocol;

/** @typedef {import("./outputs.mjs").StreamPlan & { pusher?: ReturnType<typeof createStreamPusher> }} LiveStream */

/** Config.Stream.UpdateEndTime. */
export function endStream(info, at) {
  info.endedAt = at;
  if (info.startedAt === 0n) info.startedAt = at;
  else info.duration = at - info.startedAt;
}

/**
 * @param {{
 *   ffmpeg: string, webhooks: ReturnType<typeof import("./webhooks.mjs").createWebhookSender>, log: (line: string) => void,
 *   onSpawn: (child: import("node:child_process").ChildProcess) => void,
 *   media: (entry: import("./egresses.mjs").Entry) => { video: boolean, audio: boolean, frequency: number },
 *   fail: (entry: import("./egresses.mjs").Entry, err: Error, code?: number) => void,
 *   endActive: (entry: import("./egresses.mjs").Entry, reason: string) => void,
 * }} opts
 */
export function createStreamControl({ ffmpeg, webhooks, log, onSpawn, media, fail, endActive }) {
  /** Controller.streamUpdated: an update once no stream is still connecting. */
  function streamUpdated(entry) {
    entry.info.updatedAt = nowNs();
    if ([...entry.streams.values()].some((s) => s.info.status === Stream.ACTIVE && s.info.startedAt === 0n)) return;
    if (entry.info.status < S.EGRESS_COMPLETE) webhooks.send("egress_updated", entry.info);
  }

  /** @param {import("./egresses.mjs").Entry} entry @param {LiveStream} stream */
  function start(entry, stream) {
    stream.pusher = createStreamPusher({
      ffmpeg,
      stream,
      media: media(entry),
      onSpawn,
      onStarted() {
        if (!entry.streams.has(stream.parsedUrl) || entry.info.status !== S.EGRESS_ACTIVE) return;
        stream.info.startedAt = nowNs();
        log(`egress ${entry.info.egressId}: stream ${stream.redactedUrl} started`);
        streamUpdated(entry);
      },
      onFailed(err) {
        if (!entry.streams.delete(stream.parsedUrl) || entry.info.status >= S.EGRESS_COMPLETE) return;
        Object.assign(stream.info, { status: Stream.FAILED, error: err.message });
        endStream(stream.info, nowNs());
        log(`egress ${entry.info.egressId}: stream ${stream.redactedUrl} failed: ${err.message}`);
        if (--entry.outputs === 0) fail(entry, err, 503);
        else streamUpdated(entry);
      },
    });
    stream.pusher.start();
  }

  return {
    start,
    /** @param {import("./egresses.mjs").Entry} entry @param {string[]} addOutputUrls @param {string[]} removeOutputUrls */
    update(entry, addOutputUrls, removeOutputUrls) {
      const { info } = entry;
      if (!entry.plan.streams) throw passedOn("invalid_argument", "UpdateStream called on non-streaming egress");
      /** @type {TwirpError[]} */
      const errors = [];
      const collect = (err) => errors.push(err instanceof TwirpError ? err : new TwirpError("internal", String(err)));
      for (const url of addOutputUrls) {
        try {
          const stream = planStream(url);
          info.streamResults.push(stream.info);
          if (info.result.case === "stream") info.result.value.info.push(stream.info);
          entry.streams.set(stream.parsedUrl, stream);
          entry.outputs++;
          if (info.status === S.EGRESS_ACTIVE) start(entry, stream);
        } catch (err) {
          collect(err);
        }
      }
      for (const url of removeOutputUrls) {
        let stream;
        try {
          stream = entry.streams.get(validateRtmpUrl(url).parsedUrl);
        } catch {
          stream = undefined;
        }
        if (!stream) {
          collect(passedOn("not_found", `stream ${url} not found`));
          continue;
        }
        entry.streams.delete(stream.parsedUrl);
        stream.info.status = Stream.FINISHED;
        endStream(stream.info, nowNs());
        void stream.pusher?.stop();
        if (--entry.outputs === 0 && info.status === S.EGRESS_ACTIVE) endActive(entry, "All streams stopped");
      }
      streamUpdated(entry);
      if (errors.length) throw passedOn(errors[0].code, errors.map((e) => e.message.replace(/^twirp error unknown: /, "")).join("\n"));
    },
  };
}
