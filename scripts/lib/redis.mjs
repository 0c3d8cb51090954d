// Debian's redis-server for the LiveKit cluster of a test run: on a free loopback port, in its own
// temporary directory, with no persistence (a test's cluster state dies with the run). `redisCommand`
// is a one-shot RESP client, enough for a test to read LiveKit's keys without a Redis library.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./postgres.mjs";

/** `redis-server` on PATH or in /usr/bin (Debian's package), else null. */
export function findRedisServer(env = process.env) {
  for (const dir of [...(env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/bin"]) {
    const candidate = dir && path.join(dir, "redis-server");
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** Sends one command; resolves to the reply (bulk strings as Buffers, arrays as arrays). */
export function redisCommand(port, ...args) {
  const request = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join("")}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    let data = Buffer.alloc(0);
    socket.on("data", (chunk) => {
      data = Buffer.concat([data, chunk]);
      const parsed = parseReply(data, 0);
      if (!parsed) return;
      socket.end();
      if (parsed.value instanceof Error) reject(parsed.value);
      else resolve(parsed.value);
    });
    socket.once("error", reject);
  });
}

/** One RESP reply from `offset`, or null while it is still incomplete. */
function parseReply(buf, offset) {
  const eol = buf.indexOf("\r\n", offset);
  if (eol < 0) return null;
  const head = buf.toString("utf8", offset + 1, eol);
  const next = eol + 2;
  switch (String.fromCharCode(buf[offset])) {
    case "+":
      return { value: head, end: next };
    case "-":
      return { value: new Error(head), end: next };
    case ":":
      return { value: Number(head), end: next };
    case "$": {
      const length = Number(head);
      if (length < 0) return { value: null, end: next };
      if (buf.length < next + length + 2) return null;
      return { value: buf.subarray(next, next + length), end: next + length + 2 };
    }
    case "*": {
      const items = [];
      let at = next;
      for (let i = 0; i < Number(head); i++) {
        const item = parseReply(buf, at);
        if (!item) return null;
        items.push(item.value);
        at = item.end;
      }
      return { value: items, end: at };
    }
    default:
      throw new Error(`redis: unexpected reply ${JSON.stringify(buf.toString("utf8", offset, eol))}`);
  }
}

/** A hash as a plain object of UTF-8 strings (LiveKit's `room_node_map`: room name → node id). */
export async function redisHash(port, key) {
  const flat = await redisCommand(port, "HGETALL", key);
  const out = {};
  for (let i = 0; i < flat.length; i += 2) out[flat[i].toString("utf8")] = flat[i + 1].toString("utf8");
  return out;
}

/** Starts redis-server on a free loopback port; resolves once it answers PING. */
export async function startRedis({ bin = findRedisServer(), timeoutMs = 10_000 } = {}) {
  if (!bin) throw new Error("No redis-server found (Debian: apt-get install redis-server)");
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-redis-"));
  // No RDB snapshots, no AOF, no config file: nothing outlives the process.
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--logfile", path.join(dir, "redis.log")];
  const child = spawn(bin, args, { stdio: "ignore" });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pong = await redisCommand(port, "PING").catch(() => null);
    if (pong === "PONG") break;
    if (child.exitCode !== null || Date.now() > deadline) {
      const log = fs.existsSync(path.join(dir, "redis.log")) ? fs.readFileSync(path.join(dir, "redis.log"), "utf8").slice(-1000) : "";
      await stop();
      throw new Error(`redis-server did not answer on 127.0.0.1:${port}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, address: `127.0.0.1:${port}`, pid: child.pid, stop };
}
