// The framework's floor (issue 22): a bare Next app of the project's own Next version
// (bench/floor/, built with webpack — see its next.config.mjs: a JSON route answering from memory, a token route issuing a LiveKit AccessToken
// as LiveKit Meet's does, a prerendered page), built once into .data/bench-floor (again when
// Next's version or the floor's sources change) and started with `next start` on loopback beside
// the app. Every HTTP benchmark runs its load against the matching floor route in the same run
// and prints the floor's row under its own, with the ratio "Plenary / floor".
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../scripts/lib/postgres.mjs";
import { sendAll } from "./fetch-load";
import { runLoad, type Answer, type HttpRow, type LoadOptions, type LoadResult } from "./http";
import { processStats, servingPid } from "./server";

const root = path.resolve(import.meta.dirname, "..");
const SOURCE = path.join(import.meta.dirname, "floor");
const BUILT = path.join(root, ".data", "bench-floor");
const NEXT_BIN = path.join(root, "node_modules", "next", "dist", "bin", "next");
export const NEXT_VERSION: string = JSON.parse(fs.readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")).version;

export type FloorRoute = "json" | "token" | "page";
/** What each floor route is, for the row's name. */
const ROUTES: Record<FloorRoute, { path: string; what: string }> = {
  json: { path: "/api/json", what: "JSON route (from memory)" },
  token: { path: "/api/token", what: "token route (LiveKit AccessToken, as LiveKit Meet)" },
  page: { path: "/", what: "static page (prerendered)" },
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Next's version and every floor source, hashed: the build is kept while this stays the same. */
function sourceHash(): string {
  const hash = crypto.createHash("sha256").update(NEXT_VERSION);
  for (const file of files(SOURCE).sort()) hash.update(path.relative(SOURCE, file)).update("\0").update(fs.readFileSync(file));
  return hash.digest("hex");
}

/** Builds the floor into .data/bench-floor unless the build there is of these sources and this Next. */
export function ensureFloorBuild() {
  const hash = sourceHash();
  const stamp = path.join(BUILT, "floor-sources-hash");
  if (fs.existsSync(path.join(BUILT, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) return;
  console.log(`[bench] building the floor (bare Next ${NEXT_VERSION}) into .data/bench-floor…`);
  const started = performance.now();
  fs.rmSync(BUILT, { recursive: true, force: true });
  fs.cpSync(SOURCE, BUILT, { recursive: true });
  const r = spawnSync(process.execPath, [NEXT_BIN, "build", "--webpack"], {
    cwd: BUILT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) throw new Error(`next build of the floor failed (${r.status ?? r.signal})`);
  fs.writeFileSync(stamp, hash);
  console.log(`[bench] floor built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export interface Floor {
  url: string;
  pid: number;
  cpuMs(): number;
  rss(): number;
  stop(): Promise<void>;
}

/** Builds if needed, then `next start` of the floor on 127.0.0.1 and a free port, ready once its JSON route answers. */
export async function startFloor(): Promise<Floor> {
  ensureFloorBuild();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = path.join(os.tmpdir(), `plenary-bench-floor-${process.pid}-${port}.log`);
  const out = fs.openSync(log, "w");
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: BUILT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) => child.once("exit", (code, signal) => ((exit = `${code ?? signal}`), resolve())));
  const stop = async () => {
    if (exit === null) child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && exit === null) {
    const res = await fetch(`${url}${ROUTES.json.path}`).catch(() => null);
    if (res?.status === 200) {
      const pid = servingPid(child.pid!, port);
      return { url, pid, ...processStats(pid), stop };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the floor did not answer within 60 s (${exit ?? "running"}); log: ${log}`);
}

/** The checks of the floor's answers: a JSON object, a token, the page. */
const CHECKS: Record<FloorRoute, (a: Answer) => boolean> = {
  json: (a) => a.status === 200 && a.body.startsWith('{"event":'),
  token: (a) => a.status === 200 && a.body.includes('"participantToken":"ey'),
  page: (a) => a.status === 200 && a.body.includes('data-testid="floor-item"'),
};

/**
 * The same load as `load` (connections, seconds, method, body, headers), against the floor's
 * `route` instead of the app: warmed up for `warmSeconds` first.
 */
export async function runFloorLoad(floor: Floor, route: FloorRoute, load: LoadOptions, warmSeconds = 0): Promise<LoadResult> {
  const opts: LoadOptions = {
    url: floor.url,
    path: ROUTES[route].path,
    method: route === "token" ? "POST" : undefined,
    body: route === "token" ? (load.body ?? JSON.stringify({ sessionId: "floor" })) : undefined,
    headers: route === "token" ? { "content-type": "application/json" } : load.headers,
    connections: load.connections,
    seconds: load.seconds,
    check: CHECKS[route],
    server: floor,
  };
  if (warmSeconds) await runLoad({ ...opts, seconds: warmSeconds });
  return runLoad(opts);
}

const times = (x: number) => `${x.toFixed(2)}×`;

/** "Plenary / floor" for a row's notes: answers a second and server CPU per answer against the floor's. */
export function ratioNote(plenary: LoadResult, floor: LoadResult): string {
  return `Plenary / floor: ${times(plenary.rps / floor.rps)} the req/s, ${times(plenary.cpuPerRequest.server / floor.cpuPerRequest.server)} the server CPU per request`;
}

/**
 * The floor's row for `row` (its load run against the floor's `route` in this same run), with the
 * ratio added to `row`'s notes; `note` says what the floor stands for when it is not the same
 * kind of request (e.g. the JSON route as the framework's floor under a write).
 */
export async function floorRow(floor: Floor, route: FloorRoute, row: HttpRow, load: LoadOptions, { warmSeconds = 0, note }: { warmSeconds?: number; note?: string } = {}): Promise<HttpRow> {
  const result = await runFloorLoad(floor, route, load, warmSeconds);
  row.notes = [row.notes, ratioNote(row.result, result)].filter(Boolean).join("; ");
  return { workload: `floor: bare Next ${NEXT_VERSION} ${ROUTES[route].what}, ${load.connections} connections, ${load.seconds} s`, result, notes: note };
}

/**
 * For benchmarks whose requests each differ (bench/fetch-load.ts's sendAll): starts the floor,
 * sends `count` requests to its `route` with `inFlight` at once as `row`'s were sent, stops it,
 * and answers the floor's row, adding the ratio to `row`'s notes. `note` says what the floor
 * stands for (for a write, the framework's floor for any request: the JSON route).
 */
export async function floorRowForSent(row: HttpRow, { route, count, inFlight, note }: { route: FloorRoute; count: number; inFlight: number; note?: string }): Promise<HttpRow> {
  const floor = await startFloor();
  try {
    const request = {
      path: ROUTES[route].path,
      method: route === "token" ? "POST" : "GET",
      ...(route === "token" ? { headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId: "floor" }) } : {}),
    };
    const ok = (s: { status: number; body: string }) => CHECKS[route]({ status: s.status, body: s.body, headers: {} });
    // Warm-up: the route's code compiled, as the app's warm-up does for its own.
    await sendAll({ url: floor.url, requests: Array.from({ length: Math.min(count, 200) }, () => request), inFlight: Math.min(inFlight, 64), ok });
    const { result } = await sendAll({ url: floor.url, requests: Array.from({ length: count }, () => request), inFlight, server: floor, ok });
    row.notes = [row.notes, ratioNote(row.result, result)].filter(Boolean).join("; ");
    const shape = Number.isFinite(inFlight) ? `${inFlight} in flight` : "all at once";
    return { workload: `floor: bare Next ${NEXT_VERSION} ${ROUTES[route].what}, ${count} requests, ${shape}`, result, notes: note };
  } finally {
    await floor.stop();
  }
}
