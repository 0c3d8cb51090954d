// A loopback RTMP server for tests, standing in for YouTube's or any platform's ingest: it listens
// on 127.0.0.1, takes a publish only for a stream key it was told to expect (the URL's last path
// segment, as in `rtmp://a.rtmp.youtube.com/live2/<key>`), records what arrives with ffmpeg and
// proves with ffprobe that it is H.264 video and AAC audio. ffmpeg's own RTMP listener takes one
// connection and any key, so each connection gets its own listening ffmpeg behind a small relay that
// reads the stream key from the client's `publish` command (AMF0) and drops the connection when
// the key is not expected, before ffmpeg sees it. ffmpeg probes only half a second of input and
// flushes every packet, so a stream can be proven while it is still arriving.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findFfmpeg } from "./egress/media.mjs";

const PUBLISH = Buffer.from("\x02\x00\x07publish", "latin1");

/** The stream name of an AMF0 `publish` command in `buf`: undefined while incomplete, null without one. */
function publishedKey(buf) {
  const at = buf.indexOf(PUBLISH);
  if (at < 0) return null;
  // "publish", transaction id (number: 0x00 + 8 bytes), command object (null: 0x05), name (string).
  const name = at + PUBLISH.length + 9 + 1;
  if (buf.length < name + 3) return undefined;
  if (buf[name] !== 0x02) return null;
  const length = buf.readUInt16BE(name + 1);
  if (buf.length < name + 3 + length) return undefined;
  return buf.toString("utf8", name + 3, name + 3 + length);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });

async function connectWithRetry(port, deadline) {
  for (;;) {
    try {
      return await new Promise((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1", () => resolve(socket)).once("error", reject);
      });
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Codecs and seconds of media in an FLV recording (seconds: first to last packet). Asynchronous, so
 * a receiver started beside the Egress stand-in never holds up its event loop.
 */
async function probe(ffprobe, file) {
  const run = async (args) => (await promisify(execFile)(ffprobe, ["-v", "error", ...args, file], { encoding: "utf8", maxBuffer: 16 << 20 }).catch(() => ({ stdout: "" }))).stdout;
  const streams = (await run(["-show_entries", "stream=codec_type,codec_name", "-of", "csv=p=0"])).trim().split("\n");
  const codec = (type) => streams.map((l) => l.split(",")).find(([, kind]) => kind === type)?.[0] ?? null;
  const times = (await run(["-show_entries", "packet=pts_time", "-of", "csv=p=0"])).trim().split("\n").map(Number).filter(Number.isFinite);
  return { videoCodec: codec("video"), audioCodec: codec("audio"), seconds: times.length ? Math.max(...times) - Math.min(...times) : 0 };
}

/**
 * @param {{ ffmpeg?: string, port?: number, app?: string, keys?: string[], log?: (line: string) => void }} [opts]
 * @returns {Promise<import("./rtmp-receiver.d.mts").RtmpReceiver>}
 */
export async function startRtmpReceiver({ ffmpeg = findFfmpeg() ?? undefined, port = 0, app = "live", keys = [], log = () => {} } = {}) {
  if (!ffmpeg) throw new Error("the RTMP receiver needs ffmpeg (apt-get install ffmpeg, or set FFMPEG_BIN)");
  const ffprobe = path.join(path.dirname(ffmpeg), "ffprobe");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-rtmp-"));
  const expected = new Set(keys);
  /** @type {string[]} */
  const rejected = [];
  /** @type {Map<string, { file: string, bytes: number, done: boolean }[]>} */
  const arrivals = new Map();
  const sockets = new Set();
  const children = new Set();
  const listeners = new Set();
  let count = 0;

  const notify = () => listeners.forEach((fn) => fn());

  async function relay(client) {
    client.pause();
    sockets.add(client);
    client.once("close", () => sockets.delete(client));
    const file = path.join(dir, `connection-${++count}.flv`);
    const internal = await freePort();
    const child = spawn(
      ffmpeg,
      [
        ...["-hide_banner", "-loglevel", "error", "-nostdin", "-analyzeduration", "500000", "-listen", "1", "-i", `rtmp://127.0.0.1:${internal}/${app}/_`],
        ...["-c", "copy", "-flush_packets", "1", "-f", "flv", file],
      ],
      { stdio: "ignore" },
    );
    children.add(child);
    child.once("close", () => children.delete(child));
    /** @type {{ file: string, bytes: number, done: boolean } | null} */
    let arrival = null;
    const exited = new Promise((resolve) => child.once("close", resolve));
    let upstream;
    try {
      upstream = await connectWithRetry(internal, Date.now() + 10_000);
    } catch {
      child.kill("SIGKILL");
      return client.destroy();
    }
    sockets.add(upstream);
    let head = Buffer.alloc(0);
    let key;
    client.on("data", (data) => {
      if (key === undefined) {
        head = Buffer.concat([head, data]).subarray(-65536);
        key = publishedKey(head) ?? undefined;
        if (key !== undefined && !expected.has(key)) {
          rejected.push(key);
          log(`RTMP receiver: refused stream key ${JSON.stringify(key)}`);
          client.destroy();
          upstream.destroy();
          child.kill("SIGKILL");
          return;
        }
        if (key !== undefined) {
          arrival = { file, bytes: 0, done: false };
          arrivals.set(key, [...(arrivals.get(key) ?? []), arrival]);
          log(`RTMP receiver: stream ${JSON.stringify(key)} publishing`);
        }
      }
      if (arrival) arrival.bytes += data.length;
      upstream.write(data);
    });
    upstream.on("data", (data) => client.write(data));
    const close = () => (client.destroy(), upstream.destroy());
    client.once("close", close).once("error", close);
    upstream.once("close", close).once("error", close);
    client.resume();
    await exited;
    if (arrival) arrival.done = true;
    notify();
  }

  const server = net.createServer((client) => void relay(client));
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {net.AddressInfo} */ (server.address());

  return {
    url: `rtmp://127.0.0.1:${address.port}/${app}`,
    rejected,
    waitForStream(key, { timeoutMs = 20_000, minSeconds = 1 } = {}) {
      expected.add(key);
      return new Promise((resolve, reject) => {
        let probing = false;
        const check = async () => {
          if (probing) return;
          probing = true;
          try {
            for (const arrival of arrivals.get(key) ?? []) {
              if (!fs.existsSync(arrival.file)) continue;
              const media = await probe(ffprobe, arrival.file);
              if ((media.videoCodec || media.audioCodec) && (media.seconds >= minSeconds || arrival.done)) return finish(null, { key, bytes: arrival.bytes, ...media });
            }
          } finally {
            probing = false;
          }
        };
        const poll = () => void check();
        const timer = setInterval(poll, 500);
        const deadline = setTimeout(
          () => finish(new Error(`no stream with key ${JSON.stringify(key)} arrived within ${timeoutMs} ms${rejected.length ? ` (refused: ${rejected.join(", ")})` : ""}`)),
          timeoutMs,
        );
        listeners.add(poll);
        function finish(err, value) {
          clearInterval(timer);
          clearTimeout(deadline);
          listeners.delete(poll);
          if (err) reject(err);
          else resolve(value);
        }
      });
    },
    async stop() {
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      for (const socket of sockets) socket.destroy();
      for (const child of children) child.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
