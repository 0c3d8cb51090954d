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

export function renderConfig(values) {
  const urls = values.webhookUrls.length ? values.webhookUrls.map((u) => `    - ${u}`).join("\n") : "    []";
  return fs
    .readFileSync(template, "utf8")
    .replace("${WEBHOOK_URLS}", urls)
    .replace(/\$\{(\w+)\}/g, (_, name) => {
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
export async function startLiveKit({ bin = findLiveKitServer(), webhookUrls = [], logFile, logLevel = "info", timeoutMs = 20_000 } = {}) {
  if (!bin) throw new Error("No livekit-server binary found");
  const [signalPort, tcpPort, stunPort] = await distinctPorts(3);
  const udpPort = await freeUdpPort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-livekit-"));
  const configFile = path.join(dir, "livekit.yaml");
  fs.writeFileSync(configFile, renderConfig({ SIGNAL_PORT: signalPort, RTC_TCP_PORT: tcpPort, RTC_UDP_PORT: udpPort, STUN_PORT: stunPort, LOG_LEVEL: logLevel, webhookUrls }));
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
  return { url: `ws://127.0.0.1:${signalPort}`, httpUrl, apiKey: LIVEKIT_API_KEY, apiSecret: LIVEKIT_API_SECRET, ports: { signalPort, tcpPort, udpPort }, configFile, stop };
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
