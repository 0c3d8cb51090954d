// The production app for HTTP benchmarks: `next build` into its own folder (.next-bench, or
// PLENARY_DIST_DIR when set, so two clones' benches don't share a build; rebuilt
// only when a source file is newer than that build, or with --rebuild), then `next start` on
// 127.0.0.1 and a free port, ready once /api/health answers 200. The load comes from the bench
// process, never from the server's.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../scripts/lib/postgres.mjs";

const root = path.resolve(import.meta.dirname, "..");
const DIST_DIR = process.env.PLENARY_DIST_DIR ?? ".next-bench";
const NEXT_BIN = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** What `next build` reads; lib/generated is left out because `npm install` rewrites it from the schema. */
const SOURCES = ["app", "components", "lib", "messages", "public", "prisma/schema", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package-lock.json"];
// Next's types make NODE_ENV required in NodeJS.ProcessEnv; `next` itself sets it.
type Env = Record<string, string | undefined>;
/** Linux reports CPU times in USER_HZ ticks, 100 a second on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (!st.isDirectory()) newest = Math.max(newest, st.mtimeMs);
    else for (const name of fs.readdirSync(p)) if (name !== "generated" && name !== "node_modules") walk(path.join(p, name));
  };
  for (const p of SOURCES) if (fs.existsSync(path.join(root, p))) walk(path.join(root, p));
  return newest;
}

/**
 * Builds into .next-bench unless that build saw every source file as it is now: the newest
 * source mtime at the start of the last build is kept beside it (a file saved during a build
 * makes the next run build again).
 */
export function ensureBuild(env: Env, rebuild = process.argv.includes("--rebuild")) {
  // bench/run.ts built (or checked) once for the whole run: every benchmark in it uses that build.
  if (process.env.PLENARY_BENCH_BUILT === "1" && fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID"))) return;
  const stamp = path.join(root, DIST_DIR, "bench-sources-mtime");
  const newest = newestSourceMtime();
  if (!rebuild && fs.existsSync(path.join(root, DIST_DIR, "BUILD_ID")) && fs.existsSync(stamp) && Number(fs.readFileSync(stamp, "utf8")) >= newest) return;
  console.log(`[bench] next build into ${DIST_DIR} (missing, or older than the sources)…`);
  const started = performance.now();
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: root, env: { ...process.env, ...env, PLENARY_DIST_DIR: DIST_DIR }, stdio: ["ignore", "ignore", "inherit"] });
  dropOwnTypesFromTsconfig();
  if (r.status !== 0) throw new Error(`next build failed (${r.status ?? r.signal})`);
  fs.writeFileSync(stamp, String(newest));
  console.log(`[bench] built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * `next build` adds its dist dir's types to tsconfig.json's include; take out only those lines
 * (other builds in this clone may be editing the file at the same time).
 */
function dropOwnTypesFromTsconfig() {
  const tsconfig = path.join(root, "tsconfig.json");
  const text = fs.readFileSync(tsconfig, "utf8");
  if (!text.includes(`"${DIST_DIR}/`)) return;
  const kept = text.split("\n").filter((line) => !line.includes(`"${DIST_DIR}/`));
  fs.writeFileSync(tsconfig, kept.join("\n").replace(/,(\s*\])/g, "$1"));
}

function read(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return ""; // the process ended while we looked
  }
}

/** `pid` and every process below it. */
function processTree(pid: number): number[] {
  const parentOf = (d: string) => {
    const stat = read(`/proc/${d}/stat`);
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  };
  const children = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d) && parentOf(d) === pid);
  return [pid, ...children.flatMap((c) => processTree(Number(c)))];
}

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function link(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return "";
  }
}

/**
 * The process that serves: the one in `pid`'s tree holding the socket that listens on `port`.
 * `next start` serves in its own process today, but Next has forked workers before, and the
 * memory of a parent that only forwards would say nothing.
 */
export function servingPid(pid: number, port: number): number {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const listening = ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((f) => read(f).split("\n").slice(1)).map((l) => l.trim().split(/\s+/));
  const sockets = new Set(listening.filter((f) => f[1]?.endsWith(hexPort) && f[3] === "0A").map((f) => `socket:[${f[9]}]`));
  const owner = processTree(pid).find((p) => list(`/proc/${p}/fd`).some((fd) => sockets.has(link(`/proc/${p}/fd/${fd}`))));
  if (!owner) throw new Error(`no process under ${pid} listens on port ${port}`);
  return owner;
}

/** Resident memory (VmRSS, bytes) and CPU time so far (user + system, ms) of process `pid`. */
export function processStats(pid: number): { rss(): number; cpuMs(): number } {
  return {
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`))?.[1] ?? NaN) * 1024,
    cpuMs: () => {
      // Fields after the command name: state is the first, utime the 12th, stime the 13th.
      const f = read(`/proc/${pid}/stat`).split(") ")[1]?.split(" ") ?? [];
      return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND;
    },
  };
}

async function waitForHealth(url: string, exited: () => string | null, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`next start exited (${exit}) before it was healthy`);
    const res = await fetch(`${url}/api/health`).catch(() => null);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

export interface ProductionApp {
  url: string;
  /** The secret its Auth.js session cookies are sealed with, to sign viewers in. */
  authSecret: string;
  /** The process that serves (see servingPid). */
  pid: number;
  /** Its resident memory in bytes (VmRSS). */
  rss(): number;
  /** Its CPU time so far (user + system), in ms. */
  cpuMs(): number;
  /** With nodeArgs ["--trace-gc"]: the JS heap left after each full GC so far (MB), oldest first. */
  heapAfterFullGcs(): number[];
  log: string;
  stop(): Promise<void>;
}

/**
 * Builds if needed and starts the production app with `env` (DATABASE_URL at least) on
 * 127.0.0.1. AUTH_SECRET defaults to a fresh random one; its output goes to `log`. `nodeArgs`
 * go to the server's node (e.g. --cpu-prof, which NODE_OPTIONS refuses).
 */
export async function startProductionApp({ env, port, nodeArgs = [] }: { env: Env; port?: number; nodeArgs?: string[] }): Promise<ProductionApp> {
  const listen = port ?? (await freePort());
  const url = `http://127.0.0.1:${listen}`;
  const fullEnv: Env = {
    ...process.env,
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    PUBLIC_BASE_URL: url,
    NEXT_TELEMETRY_DISABLED: "1",
    // Loopback with LiveKit's development keys: allowed for local runs only (lib/env.ts).
    PLENARY_LOCAL_RUN: "1",
    ...env,
    PLENARY_DIST_DIR: DIST_DIR,
  };
  ensureBuild(fullEnv);
  const log = path.join(os.tmpdir(), `plenary-bench-server-${process.pid}-${listen}.log`);
  const out = fs.openSync(log, "w");
  const child = spawn(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(listen)], { cwd: root, env: fullEnv as NodeJS.ProcessEnv, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exit = `${code ?? signal}`;
      resolve();
    }),
  );
  const stop = async () => {
    if (exit === null) child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitForHealth(url, () => exit);
    const pid = servingPid(child.pid!, listen);
    // V8's trace line: "Mark-Compact 215.6 (249.1) -> 78.5 (250.4) MB" — heap before -> after.
    const heapAfterFullGcs = () => [...read(log).matchAll(/Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+)/g)].map((m) => Number(m[1]));
    return { url, authSecret: fullEnv.AUTH_SECRET!, pid, ...processStats(pid), heapAfterFullGcs, log, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}; server log: ${log}`);
  }
}
