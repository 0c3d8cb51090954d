// Real media files made with ffmpeg (Debian's package): a 320x180 test pattern with a running
// timestamp at 15 fps and a sine tone, H.264 + AAC in MP4 with the index up front; or the tone alone
// (AAC in MP4, Opus in OGG, MP3) for audio-only recordings, at a frequency that tells them apart.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** FFMPEG_BIN, else `ffmpeg` on PATH; null when there is none. */
export function findFfmpeg(env = process.env) {
  if (env.FFMPEG_BIN) return fs.existsSync(env.FFMPEG_BIN) ? env.FFMPEG_BIN : null;
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    const candidate = dir && path.join(dir, "ffmpeg");
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** "ffmpeg 5.1.9-0+deb12u1" from `ffmpeg -version`. */
export function ffmpegVersion(ffmpeg) {
  const out = spawnSync(ffmpeg, ["-version"], { encoding: "utf8" }).stdout ?? "";
  const version = out.match(/^ffmpeg version (\S+)/)?.[1];
  return version ? `ffmpeg ${version}` : "ffmpeg";
}

const codecArgs = {
  mp4: { video: ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"], audio: ["-c:a", "aac", "-b:a", "64k"], format: ["-movflags", "+faststart", "-f", "mp4"] },
  ogg: { video: [], audio: ["-c:a", "libopus", "-b:a", "48k"], format: ["-f", "ogg"] },
  mp3: { video: [], audio: ["-c:a", "libmp3lame", "-b:a", "64k"], format: ["-f", "mp3"] },
};

/**
 * Writes `seconds` of media to `file`. `onSpawn` receives the child, so its owner can kill it.
 * @param {{ ffmpeg: string, file: string, seconds: number, outputType?: "mp4" | "ogg" | "mp3", video?: boolean, audio?: boolean, frequency?: number, onSpawn?: (child: import("node:child_process").ChildProcess) => void }} opts
 */
export function renderMedia({ ffmpeg, file, seconds, outputType = "mp4", video = true, audio = true, frequency = 440, onSpawn }) {
  const codecs = codecArgs[outputType];
  const inputs = [];
  if (video) inputs.push("-f", "lavfi", "-i", "testsrc=size=320x180:rate=15");
  if (audio) inputs.push("-f", "lavfi", "-i", `sine=frequency=${frequency}:sample_rate=48000`);
  const maps = [video && ["-map", "0:v", ...codecs.video], audio && ["-map", `${video ? 1 : 0}:a`, ...codecs.audio]].filter(Boolean).flat();
  const args = ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", ...inputs, "-t", seconds.toFixed(3), ...maps, ...codecs.format, file];
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ["ignore", "ignore", "pipe"] });
    onSpawn?.(child);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0) resolve(undefined);
      else reject(new Error(`ffmpeg ${signal ? `killed by ${signal}` : `exited with ${code}`}: ${stderr.trim().slice(-500)}`));
    });
  });
}

/**
 * A real MP4 of `seconds` for test fixtures, without an egress: test pattern + 440 Hz tone, or
 * with `audioOnly` just the tone (AAC) at `frequency`.
 * @param {{ file: string, seconds: number, audioOnly?: boolean, frequency?: number, ffmpeg?: string }} opts
 */
export async function makeTestVideo({ file, seconds, audioOnly = false, frequency = 440, ffmpeg = findFfmpeg() ?? "" }) {
  if (!ffmpeg) throw new Error("makeTestVideo needs ffmpeg (apt-get install ffmpeg, or set FFMPEG_BIN)");
  await renderMedia({ ffmpeg, file, seconds, video: !audioOnly, frequency });
  return { file, seconds, size: fs.statSync(file).size };
}

/**
 * ffmpeg arguments for live media read at its own pace (`-re`): the test pattern with keyframes every
 * `keyframeSeconds` and the tone, as H.264 + AAC.
 * @param {{ video: boolean, audio: boolean, frequency: number, keyframeSeconds: number }} media
 */
export function liveMediaArgs({ video, audio, frequency, keyframeSeconds }) {
  const inputs = [];
  if (video) inputs.push("-re", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=15");
  if (audio) inputs.push("-re", "-f", "lavfi", "-i", `sine=frequency=${frequency}:sample_rate=48000`);
  const keyframes = ["-force_key_frames", `expr:gte(t,n_forced*${keyframeSeconds})`, "-sc_threshold", "0"];
  const videoCodec = ["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-pix_fmt", "yuv420p", ...keyframes];
  const maps = [video && ["-map", "0:v", ...videoCodec], audio && ["-map", `${video ? 1 : 0}:a`, "-c:a", "aac", "-b:a", "64k"]].filter(Boolean).flat();
  return ["-hide_banner", "-loglevel", "error", "-nostdin", ...inputs, ...maps];
}

/**
 * A long-running ffmpeg: `exited` resolves with its end (code, signal, the tail of its errors).
 * @param {string} ffmpeg @param {string[]} args
 * @param {(child: import("node:child_process").ChildProcess) => void} [onSpawn]
 */
export function spawnLive(ffmpeg, args, onSpawn) {
  const child = spawn(ffmpeg, args, { stdio: ["ignore", "pipe", "pipe"] });
  onSpawn?.(child);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
  /** @type {Promise<{ code: number | null, signal: string | null, error: string }>} */
  const exited = new Promise((resolve) => {
    child.once("error", (err) => resolve({ code: null, signal: null, error: err.message }));
    child.once("close", (code, signal) => resolve({ code, signal, error: stderr.trim() }));
  });
  return { child, exited };
}
