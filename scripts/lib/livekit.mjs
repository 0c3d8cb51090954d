// The real LiveKit server for test runs: find the binary, write its config from
// e2e/livekit/livekit.template.yaml on free loopback ports, start it, wait until it answers, stop it.
import { spawn, spawnSync } from "node:child_process";
import dgram from "node:dgram";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./postgres.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const template = path.join(root, "e2e", "livekit", "livekit.template.yaml");
const clusterTemplate = path.join(root, "e2e", "livekit", "livekit.cluster.template.yaml");
export const LIVEKIT_API_KEY = "devkey";
export const LIVEKIT_API_SECRET = "secret";
/** Where .ci/run builds the server (`GOBIN=… go install …/cmd/server@v1.13.5`), outside the repo. */
export const cachedServerPath = path.join(process.env.PLENARY_CACHE_DIR ?? path.join(os.homedir(), ".cache", "plenary"), "bin", "server");

/** LIVEKIT_SERVER_BIN, else `livekit-server` on PATH, else the CI cache; null when none exists. */
export function findLiveKitServer(env = process.env) {
  if (env.LIVEKIT_SERVER_BIN) return fs.existsSync(env.LIVEKIT_SERVER_BIN) ? env.LIVEKIT_SERVER_BIN : null;
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    const candidate = dir && path.join(dir, "livekit-server");
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return fs.existsSync(cachedServerPath) ? cachedServerPath : null;
}

/** A UDP port nobody holds right now (LiveKit muxes all WebRTC UDP traffic through one). */
function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket("udp4").once("error", reject);
    socket.bind(0, "127.0.0.1", () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

async function distinctPorts(count) {
  const ports = new Set();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/** The config for one server; with `REDIS_ADDRESS`, for one node of a cluster sharing that Redis. */
export function renderConfig(values) {
  const urls = values.webhookUrls.length ? values.webhookUrls.map((u) => `    - ${u}`).join("\n") : "    []";
  const text = fs.readFileSync(template, "utf8") + (values.REDIS_ADDRESS ? fs.readFileSync(clusterTemplate, "utf8") : "");
  return text.replace("${WEBHOOK_URLS}", urls).replace(/\$\{(\w+)\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`livekit template: no value for \${${name}}`);
    return String(values[name]);
  });
}

async function waitUntilReady(httpUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`livekit-server exited with code ${child.exitCode}`);
    const ok = await fetch(httpUrl, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`livekit-server did not answer on ${httpUrl} within ${timeoutMs} ms`);
}

/**
 * Starts the server at `bin` on free loopback ports, posting webhooks to `webhookUrls`.
 * Returns its URLs, keys and `stop()`. Its log goes to `logFile` (or is dropped).
 */
export async function startLiveKit({ bin = findLiveKitServer(), webhookUrls = [], logFile, logLevel = "info", timeoutMs = 20_000, redisAddress } = {}) {
  if (!bin) throw new Error("No livekit-server binary found");
  const [signalPort, tcpPort, stunPort] = await distinctPorts(3);
  const udpPort = await freeUdpPort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-livekit-"));
  const configFile = path.join(dir, "livekit.yaml");
  fs.writeFileSync(
    configFile,
    renderConfig({ SIGNAL_PORT: signalPort, RTC_TCP_PORT: tcpPort, RTC_UDP_PORT: udpPort, STUN_PORT: stunPort, LOG_LEVEL: logLevel, REDIS_ADDRESS: redisAddress, webhookUrls }),
  );
  const out = logFile ? fs.openSync(logFile, "a") : "ignore";
  // Its flags also read these variables, which would override the config file.
  const { LIVEKIT_KEYS: _keys, LIVEKIT_CONFIG: _config, NODE_IP: _ip, UDP_PORT: _udp, REDIS_HOST: _redis, ...env } = process.env;
  const child = spawn(bin, ["--config", configFile], { stdio: ["ignore", out, out], env });
  if (typeof out === "number") fs.closeSync(out);
  const httpUrl = `http://127.0.0.1:${signalPort}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      // LiveKit drains rooms on SIGTERM; a test run does not need to wait for that.
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(httpUrl, child, timeoutMs);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `ws://127.0.0.1:${signalPort}`, httpUrl, apiKey: LIVEKIT_API_KEY, apiSecret: LIVEKIT_API_SECRET, ports: { signalPort, tcpPort, udpPort }, configFile, pid: child.pid, stop };
}

/**
 * A LiveKit cluster: redis-server on loopback and `nodes` servers sharing it, each on its own API
 * and RTC ports, posting webhooks to `webhookUrls` (or to `webhookUrls(i)` for node i, so a test
 * can tell which node sent one). Returns the nodes (URLs, pid, node
 * id, log file), Redis's port and `stop()`; logs stay in `logDir` (default: a temporary one).
 */
export async function startLiveKitCluster({ bin = findLiveKitServer(), redisBin, nodes = 2, webhookUrls = [], logDir, logLevel = "info", timeoutMs = 20_000 } = {}) {
  const { redisCommand, startRedis } = await import("./redis.mjs");
  const dir = logDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "plenary-lk-cluster-"));
  const redis = await startRedis({ bin: redisBin });
  const started = [];
  const stop = async () => {
    await Promise.all(started.map((n) => n.stop()));
    await redis.stop();
    if (!logDir) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    // One after another: a node registers itself in Redis's `nodes` hash before it answers, so
    // the id that is new after each start is that node's.
    for (let i = 0; i < nodes; i++) {
      const logFile = path.join(dir, `node-${i}.log`);
      const urls = typeof webhookUrls === "function" ? webhookUrls(i) : webhookUrls;
      const node = await startLiveKit({ bin, webhookUrls: urls, logFile, logLevel, timeoutMs, redisAddress: redis.address });
      started.push(node);
      const ids = (await redisCommand(redis.port, "HKEYS", "nodes")).map(String);
      const nodeId = ids.find((id) => !started.some((n) => n.nodeId === id));
      if (!nodeId || ids.length !== started.length) throw new Error(`LiveKit node ${i} is not registered in Redis (nodes: ${ids.join(", ")})`);
      Object.assign(node, { logFile, nodeId });
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { nodes: started, redisPort: redis.port, apiKey: LIVEKIT_API_KEY, apiSecret: LIVEKIT_API_SECRET, logDir: dir, stop };
}

/**
 * The server for a test run, or `{ skipped }` with the reason when no binary is installed. Under
 * CI a missing server is an error: CI builds it (.ci/run), so its absence is a broken set-up.
 */
export async function startLiveKitForTests(opts = {}) {
  const bin = findLiveKitServer();
  if (!bin) {
    const missing =
      "no livekit-server found (set LIVEKIT_SERVER_BIN, put livekit-server on PATH, or build it: " +
      `GOBIN=${path.dirname(cachedServerPath)} go install github.com/livekit/livekit-server/cmd/server@v1.13.5)`;
    if (process.env.CI === "true" || process.env.CI === "1") throw new Error(`CI=true needs the real LiveKit server: ${missing}`);
    return { skipped: `LiveKit tests skipped: ${missing}` };
  }
  const version = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim();
  const server = await startLiveKit({ bin, ...opts });
  return { ...server, version };
}

/** The cluster for a test run, or `{ skipped }` when the LiveKit server or redis-server is missing (an error under CI). */
export async function startLiveKitClusterForTests(opts = {}) {
  const { findRedisServer } = await import("./redis.mjs");
  const bin = findLiveKitServer();
  const redisBin = findRedisServer();
  const missing = [!bin && "no livekit-server found (see startLiveKitForTests)", !redisBin && "no redis-server found (Debian: apt-get install redis-server)"].filter(Boolean).join("; ");
  if (missing) {
    if (process.env.CI === "true" || process.env.CI === "1") throw new Error(`CI=true needs the LiveKit cluster: ${missing}`);
    return { skipped: `LiveKit cluster tests skipped: ${missing}` };
  }
  return startLiveKitCluster({ bin, redisBin, ...opts });
}
