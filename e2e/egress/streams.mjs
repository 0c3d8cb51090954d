// One RTMP(S) stream of an egress while it runs: ffmpeg pushes FLV (H.264 + AAC, a keyframe every 4 s
// as Egress's StreamKeyframeInterval) to the URL in real time. The stream counts as started once the
// server has taken the publish and media flows (Egress: rtmp2sink's create-stream), and fails when
// the URL cannot be reached, answers nothing for 10 s, or the connection ends early. Egress would
// reconnect a stream that had been flowing for a while before failing it; the stand-in fails it at
// once. Error texts name the redacted URL, never the stream key.
import { liveMediaArgs, spawnLive } from "./media.mjs";

/**
 * @param {{
 *   ffmpeg: string, stream: import("./outputs.mjs").StreamPlan, media: { video: boolean, audio: boolean, frequency: number },
 *   onSpawn: (child: import("node:child_process").ChildProcess) => void,
 *   onStarted: () => void, onFailed: (err: Error) => void,
 * }} opts
 */
export function createStreamPusher({ ffmpeg, stream, media, onSpawn, onStarted, onFailed }) {
  /** @type {ReturnType<typeof spawnLive> | null} */
  let proc = null;
  let stopping = false;
  const target = stream.parsedUrl.replace(/ live=1$/, "");
  const redact = (text) => text.replaceAll(target, stream.redactedUrl).replaceAll(stream.streamId, stream.redactedUrl.slice(stream.redactedUrl.lastIndexOf("/") + 1));

  return {
    start() {
      const args = [
        ...liveMediaArgs({ ...media, keyframeSeconds: 4 }),
        "-progress",
        "pipe:1",
        "-stats_period",
        "0.5",
        "-rw_timeout",
        "10000000",
        "-f",
        "flv",
        "-flvflags",
        "no_duration_filesize",
        target,
      ];
      proc = spawnLive(ffmpeg, args, onSpawn);
      let started = false;
      proc.child.stdout?.on("data", (chunk) => {
        if (!started && String(chunk).includes("progress=")) {
          started = true;
          onStarted();
        }
      });
      void proc.exited.then(({ code, signal, error }) => {
        if (stopping) return;
        const last = error.split("\n").filter(Boolean).pop() ?? "";
        onFailed(new Error(redact(last || `ffmpeg ${signal ? `killed by ${signal}` : `exited with ${code}`}`)));
      });
    },

    /** Ends the stream as a finished one (ffmpeg closes the FLV and the connection). */
    async stop() {
      stopping = true;
      if (!proc) return;
      proc.child.kill("SIGINT");
      const timer = setTimeout(() => proc?.child.kill("SIGKILL"), 5000);
      await proc.exited;
      clearTimeout(timer);
    },

    kill() {
      stopping = true;
      proc?.child.kill("SIGKILL");
    },
  };
}
