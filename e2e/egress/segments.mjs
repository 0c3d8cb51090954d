// A segmented (HLS) output while its egress runs, as Egress's segment sink (pkg/pipeline/sink/
// segments.go) behaves: ffmpeg writes MPEG-TS segments in real time; each finished segment is stored
// (uploaded) first, then listed in the full (EVENT) playlist and the live one, which are stored
// after it — so a listed segment is always complete and never changes. The full playlist is stored
// after every segment in the first hour, every Nth segment in hour N (at least once a minute), as
// Egress does to keep long playlists cheap. On stop the last segment is finished and both playlists
// get `#EXT-X-ENDLIST`.
//
// Time: every egress of a room shares the room's epoch, and a segment's PTS is its wall-clock
// distance from that epoch (ffmpeg starts on a segment boundary counted from it, with
// `-output_ts_offset`), so renditions of one room line up sample for sample and their segment
// boundaries coincide; `#EXT-X-PROGRAM-DATE-TIME` is epoch + PTS, the wall-clock time it shows.
import fs from "node:fs";
import path from "node:path";
import { createEventPlaylist, createLivePlaylist } from "./m3u8.mjs";
import { liveMediaArgs, spawnLive } from "./media.mjs";
import { store } from "./storage.mjs";

const POLL_MS = 200;

/** Egress's TIMESTAMP suffix: `YYYYMMDDhhmmss` and milliseconds of the segment's start (UTC). */
function timestampOf(ms) {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19).replace(/[-:T]/g, "")}${iso.slice(20, 23)}`;
}

/** Segments listed so far in ffmpeg's own playlist: duration and file name. */
function listed(text) {
  const out = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const extinf = lines[i].match(/^#EXTINF:([\d.]+),/);
    if (extinf && lines[i + 1]) out.push({ seconds: Number(extinf[1]), name: lines[i + 1].trim() });
  }
  return out;
}

/**
 * @param {{
 *   ffmpeg: string, id: string, plan: import("./segment-output.mjs").SegmentPlan,
 *   info: import("@livekit/protocol").SegmentsInfo, media: { video: boolean, audio: boolean, frequency: number },
 *   epochMs: number, workDir: string, fileRoot: string, liveWindow: number,
 *   manifest: { location: string, segments: { filename: string, location: string }[] },
 *   log: (line: string) => void, onError: (err: Error) => void,
 *   onSpawn: (child: import("node:child_process").ChildProcess) => void,
 * }} opts
 */
export function createSegmentWriter({ ffmpeg, id, plan, info, media, epochMs, workDir, fileRoot, liveWindow, manifest, log, onError, onSpawn }) {
  const tmp = path.join(workDir, `${id}-hls`);
  const sd = plan.segmentDuration;
  const event = createEventPlaylist(sd);
  const live = plan.livePlaylistFilename ? createLivePlaylist(sd, liveWindow) : null;
  let startMs = 0;
  let offset = 0;
  let elapsed = 0;
  let done = 0;
  let lastUpload = 0;
  let failed = false;
  let stopping = false;
  /** @type {ReturnType<typeof spawnLive> | null} */
  let proc = null;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {NodeJS.Timeout | undefined} */
  let poller;
  let queue = Promise.resolve();

  const put = (name, body, type) => store(plan.storage, path.posix.join(plan.storageDir, name), body, type, fileRoot);
  const fail = (err) => {
    if (failed) return;
    failed = true;
    onError(err instanceof Error ? err : new Error(String(err)));
  };
  const enqueue = (fn) => (queue = queue.then(() => (failed ? undefined : fn())).catch(fail));

  async function storePlaylist() {
    const { location } = await put(plan.playlistFilename, Buffer.from(event.text()), "application/x-mpegurl");
    lastUpload = Date.now();
    info.playlistLocation = location;
    manifest.location = location;
  }

  async function storeLivePlaylist() {
    if (!live) return;
    const { location } = await put(plan.livePlaylistFilename, Buffer.from(live.text()), "application/x-mpegurl");
    info.livePlaylistLocation = location;
  }

  async function storeSegment({ seconds, name }) {
    const index = done;
    const segmentStart = epochMs + (offset + elapsed) * 1000;
    elapsed += seconds;
    const filename = `${plan.segmentPrefix}_${plan.timestampSuffix ? timestampOf(segmentStart) : String(index).padStart(5, "0")}.ts`;
    const local = path.join(tmp, name);
    const { location, size } = await put(filename, await fs.promises.readFile(local), "video/mp2t");
    await fs.promises.rm(local, { force: true });
    info.segmentCount += 1n;
    info.size += BigInt(size);
    manifest.segments.push({ filename: path.posix.join(plan.storageDir, filename), location });
    const segment = { startMs: segmentStart, seconds, filename };
    event.append(segment);
    live?.append(segment);
    done++;
    const hours = Math.floor((Date.now() - startMs) / 3_600_000);
    // As in Egress, a playlist that cannot be stored mid-run is retried with the next segment.
    if (!lastUpload || done % (hours + 1) === 0 || Date.now() - lastUpload > 60_000) await storePlaylist().catch((err) => log(`egress ${id}: ${err.message}`));
    await storeLivePlaylist().catch((err) => log(`egress ${id}: ${err.message}`));
  }

  async function scan() {
    const text = await fs.promises.readFile(path.join(tmp, "ff.m3u8"), "utf8").catch(() => "");
    const segments = listed(text);
    while (done < segments.length && !failed) await storeSegment(segments[done]);
  }

  function spawnNow() {
    fs.mkdirSync(tmp, { recursive: true });
    const args = [
      ...liveMediaArgs({ ...media, keyframeSeconds: sd }),
      ...["-output_ts_offset", offset.toFixed(3), "-f", "hls", "-hls_ts_options", "mpegts_copyts=1", "-hls_time", String(sd), "-hls_list_size", "0"],
      ...["-hls_flags", "temp_file", "-start_number", "0", "-hls_segment_filename", path.join(tmp, "s_%05d.ts"), path.join(tmp, "ff.m3u8")],
    ];
    proc = spawnLive(ffmpeg, args, onSpawn);
    void proc.exited.then(({ code, signal, error }) => {
      if (!stopping) fail(new Error(`ffmpeg (segments) ${signal ? `killed by ${signal}` : `exited with ${code}`}: ${error.slice(-300)}`));
    });
    poller = setInterval(() => enqueue(scan), POLL_MS);
  }

  return {
    /** Starts writing on the next segment boundary of the room's timeline. */
    start() {
      const now = Date.now();
      const step = sd * 1000;
      startMs = epochMs + Math.ceil((now - epochMs) / step) * step;
      offset = (startMs - epochMs) / 1000;
      log(`egress ${id}: segments from ${new Date(startMs).toISOString()} (PTS ${offset} s) → ${plan.storage.kind}:${plan.playlistName}`);
      timer = setTimeout(spawnNow, startMs - now);
    },

    /** Finishes the last segment and ends both playlists; rejects when the output failed. */
    async stop() {
      stopping = true;
      clearTimeout(timer);
      if (proc) {
        proc.child.kill("SIGINT");
        await proc.exited;
      }
      clearInterval(poller);
      await enqueue(scan);
      if (failed) throw new Error("segment output failed");
      event.close();
      await storePlaylist();
      live?.close();
      await storeLivePlaylist();
      await fs.promises.rm(tmp, { recursive: true, force: true });
    },

    kill() {
      stopping = true;
      clearTimeout(timer);
      clearInterval(poller);
      proc?.child.kill("SIGKILL");
      void fs.promises.rm(tmp, { recursive: true, force: true });
    },
  };
}
