// The HLS serving path under an audience (issue 20), against the production build (`next start`,
// one instance): a real live broadcast — the Egress stand-in writes the stage's and three
// channels' HLS with ffmpeg, 2 s segments, started by an organizer through startBroadcast, its
// webhooks going to the app — and N simulated viewers (5,000; --quick 1,000) playing it as hls.js
// does: the master playlist once, then every 2 s the stage's media playlist (and for ~30 % of them
// one interpretation channel's as well), and every segment listed that the viewer has not fetched
// yet (the last three on joining, as hls.js starts three target durations from the live edge).
// Two modes: (a) origin only — every viewer asks the app for every playlist and segment; (b)
// behind a cache — a tiny caching proxy on loopback (this file, in a process of its own) that
// honours Cache-Control max-age / immutable / stale-while-revalidate and collapses concurrent
// misses, as a CDN edge would, so the app sees about one request per file per second. Each mode
// for a registered-only forum (a `?token=` on every URL) and a public one (none).
// Target: 5,000 viewers polling every 2 s = 2,500 stage playlist answers/s (3,250 with the
// channels) from one instance, p99 under the 2 s poll interval, no errors.
// The viewers are split over one load-generator process per core, each sharing a pool of 256
// keep-alive sockets (not 5,000 of them): the load generators run on the same two cores as the
// app, PostgreSQL, ffmpeg and the proxy, and their CPU is printed beside the app's. Last, the
// media playlist answer's own work (the 5-minute window over Egress's growing full playlist),
// timed in-process for a broadcast 3 minutes, 1 hour and 8 hours in.
// Run: npm run bench:hls (--quick: 1,000 viewers, shorter runs; --viewers=N: another audience;
// --captions=0.5: half of them with live captions shown, polling a subtitle rendition too;
// --rebuild: build the app first).
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { freePort } from "../scripts/lib/postgres.mjs";
import { machineCpu, machineLine, ownCpuMs, percentile, verdict } from "./lib";
import { runFloorLoad, startFloor } from "./floor";
import { printHttpTable } from "./http";
import { processStats, startProductionApp, type ProductionApp } from "./server";

const quick = process.argv.includes("--quick");
const VIEWERS = Number(process.argv.find((a) => a.startsWith("--viewers="))?.slice(10) ?? (quick ? 1000 : 5000));
/** Viewers join spread over this many seconds, then the run settles before it is measured. */
const RAMP_S = quick ? 4 : 10;
const SETTLE_S = 4;
const MEASURE_S = quick ? 10 : 25;
const POLL_MS = 2000;
const CHANNEL_SHARE = 0.3;
/** --captions=0.5: the share of viewers with live captions shown, who also poll a subtitle rendition (issue 23). */
const CAPTIONS_SHARE = Number(process.argv.find((a) => a.startsWith("--captions="))?.slice(11) ?? 0);
/** Keep-alive sockets the viewers share (to the app, or to the proxy). */
const SOCKETS = 256;
const TIMEOUT_MS = 10_000;
/** Load-generator processes, one per core: one event loop cannot play 5,000 viewers. */
const GENERATORS = Math.max(1, Math.min(4, os.cpus().length));
const KEY = "devkey";
const SECRET = "secret";
const LANGS = ["ko", "zh", "en"] as const;

// ---------------------------------------------------------------------------------------------
// The caching proxy (a CDN edge on loopback), run as `hls-viewers.ts --cache-proxy=<origin>`.

interface Entry {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  storedAt: number;
  freshMs: number;
  staleMs: number;
}

/** Freshness from Cache-Control: public with max-age (immutable: as long as max-age says), else not stored. */
function freshness(cacheControl: string | undefined): { freshMs: number; staleMs: number } | null {
  const cc = (cacheControl ?? "").toLowerCase();
  if (!cc.includes("public") || /no-store|no-cache|private/.test(cc)) return null;
  const maxAge = Number(/max-age=(\d+)/.exec(cc)?.[1] ?? NaN);
  if (!(maxAge > 0)) return null;
  const swr = Number(/stale-while-revalidate=(\d+)/.exec(cc)?.[1] ?? 0);
  return { freshMs: maxAge * 1000, staleMs: swr * 1000 };
}

function runCacheProxy(origin: string) {
  const target = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();
  const counts = { hits: 0, stale: 0, misses: 0, collapsed: 0, origin: 0, originBytes: 0 };

  const fromOrigin = (key: string): Promise<Entry> => {
    const inFlight = pending.get(key);
    if (inFlight) {
      counts.collapsed++;
      return inFlight;
    }
    const p = new Promise<Entry>((resolve, reject) => {
      counts.origin++;
      const req = http.get({ host: target.hostname, port: target.port, path: key, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          counts.originBytes += body.length;
          const headers: Record<string, string> = {};
          for (const h of ["content-type", "cache-control", "access-control-allow-origin"]) if (res.headers[h]) headers[h] = String(res.headers[h]);
          const entry: Entry = { status: res.statusCode ?? 502, headers, body, storedAt: Date.now(), freshMs: 0, staleMs: 0 };
          const f = entry.status === 200 ? freshness(headers["cache-control"]) : null;
          if (f) cache.set(key, Object.assign(entry, f));
          resolve(entry);
        });
        res.on("error", reject);
      });
      req.on("error", reject);
    }).finally(() => pending.delete(key));
    pending.set(key, p);
    return p;
  };

  const send = (res: http.ServerResponse, e: Entry, state: string) => {
    res.writeHead(e.status, { ...e.headers, "content-length": String(e.body.length), "age": String(Math.floor((Date.now() - e.storedAt) / 1000)), "x-cache": state });
    res.end(e.body);
  };

  // Segments are immutable but a live window moves on: forget what is a minute old.
  setInterval(() => {
    const old = Date.now() - 60_000;
    for (const [k, e] of cache) if (e.storedAt < old) cache.delete(k);
  }, 10_000).unref();

  const server = http.createServer((req, res) => {
    const key = req.url ?? "/";
    if (key === "/_proxy/stats") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(counts));
      return;
    }
    const e = cache.get(key);
    const age = e ? Date.now() - e.storedAt : Infinity;
    if (e && age < e.freshMs) {
      counts.hits++;
      return send(res, e, "HIT");
    }
    if (e && age < e.freshMs + e.staleMs) {
      counts.stale++;
      // Served stale while one request brings it up to date.
      if (!pending.has(key)) fromOrigin(key).catch(() => {});
      return send(res, e, "STALE");
    }
    counts.misses++;
    fromOrigin(key).then(
      (fresh) => send(res, fresh, "MISS"),
      () => {
        res.writeHead(502);
        res.end();
      },
    );
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address() as { port: number };
    process.stdout.write(`listening ${address.port}\n`);
  });
}

async function startCacheProxy(origin: string): Promise<{ url: string; pid: number; stats(): Promise<Record<string, number>>; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--cache-proxy=${origin}`], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`cache proxy exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid!,
    stats: async () => (await (await fetch(`${url}/_proxy/stats`)).json()) as Record<string, number>,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The viewers.

type Kind = "master" | "playlist" | "segment";

interface Tally {
  latencies: Record<Kind, number[]>;
  answers: Record<Kind, number>;
  bytes: number;
  segmentBytes: number;
  playlistBytes: number;
  errors: Record<string, number>;
  /** Media playlist polls begun (a viewer on the stage and a channel polls twice every 2 s). */
  polls: number;
}

const newTally = (): Tally => ({
  latencies: { master: [], playlist: [], segment: [] },
  answers: { master: 0, playlist: 0, segment: 0 },
  bytes: 0,
  segmentBytes: 0,
  playlistBytes: 0,
  errors: {},
  polls: 0,
});

interface Got {
  status: number;
  body: Buffer | null;
}

class Viewers {
  private agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS, maxFreeSockets: SOCKETS });
  private running = true;
  private loops: Promise<void>[] = [];
  /** Counted from window[0] to window[1] (performance.now()), by when a request was sent. */
  window: [number, number] = [Infinity, Infinity];
  tally = newTally();

  constructor(private base: URL) {}

  private error(what: string) {
    this.tally.errors[what] = (this.tally.errors[what] ?? 0) + 1;
  }

  /** GET `target` (a path with query); playlists' bodies are kept, segments' only checked and counted. */
  private get(target: string, kind: Kind): Promise<Got> {
    const started = performance.now();
    const counted = started >= this.window[0] && started < this.window[1];
    return new Promise<Got>((resolve) => {
      const req = http.get({ host: this.base.hostname, port: this.base.port, path: target, agent: this.agent, timeout: TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        let first: number | undefined;
        res.on("data", (c: Buffer) => {
          if (first === undefined) first = c[0];
          bytes += c.length;
          if (kind !== "segment") chunks.push(c);
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const body = kind === "segment" ? null : Buffer.concat(chunks);
          // A segment is MPEG-TS (sync byte 0x47) or, for captions, WebVTT ("W"); a playlist starts #EXTM3U.
          const right = status === 200 && (kind === "segment" ? (first === 0x47 && bytes % 188 === 0) || first === 0x57 : body!.subarray(0, 7).toString() === "#EXTM3U");
          if (counted) {
            if (right) {
              this.tally.answers[kind]++;
              this.tally.latencies[kind].push(performance.now() - started);
            } else this.error(`${kind} ${status}${status === 200 ? " wrong body" : ""}`);
            this.tally.bytes += bytes;
            if (kind === "segment") this.tally.segmentBytes += bytes;
            if (kind === "playlist") this.tally.playlistBytes += bytes;
          }
          resolve({ status: right ? status : 0, body });
        });
        res.on("error", () => resolve({ status: 0, body: null }));
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", (err) => {
        if (counted) this.error(`${kind} ${err.message === "timeout" ? "timeout" : "connection"}`);
        resolve({ status: 0, body: null });
      });
    });
  }

  /** One viewer: the master, then the stage (and maybe a channel) every 2 s. */
  async viewer(masterPath: string, withChannel: boolean, withCaptions = false) {
    const master = await this.get(masterPath, "master");
    if (!master.body) return;
    const lines = master.body.toString("utf8").split("\n");
    const masterUrl = new URL(masterPath, this.base);
    const stage = lines.find((l) => l && !l.startsWith("#"));
    const channels = lines.flatMap((l) => /^#EXT-X-MEDIA:TYPE=AUDIO.*URI="([^"]+)"/.exec(l)?.[1] ?? []);
    const at = (uri: string) => {
      const u = new URL(uri, masterUrl);
      return u.pathname + u.search;
    };
    if (!stage) return this.error("master without a stage");
    const loops = [this.rendition(at(stage))];
    if (withChannel && channels.length) loops.push(this.rendition(at(channels[Math.floor(Math.random() * channels.length)])));
    // Captions shown: the subtitle rendition's playlist every 2 s and each new WebVTT segment, as hls.js loads them.
    const captions = lines.flatMap((l) => /^#EXT-X-MEDIA:TYPE=SUBTITLES.*URI="([^"]+)"/.exec(l)?.[1] ?? []);
    if (withCaptions && !captions.length) return this.error("master without captions");
    if (withCaptions) loops.push(this.rendition(at(captions[Math.floor(Math.random() * captions.length)])));
    await Promise.all(loops);
  }

  private async rendition(playlistPath: string) {
    const playlistUrl = new URL(playlistPath, this.base);
    let fetched = new Set<string>();
    let first = true;
    while (this.running) {
      const started = performance.now();
      if (started >= this.window[0] && started < this.window[1]) this.tally.polls++;
      const playlist = await this.get(playlistPath, "playlist");
      if (playlist.body) {
        const listed = playlist.body
          .toString("utf8")
          .split("\n")
          .filter((l) => l && !l.startsWith("#"))
          .map((uri) => {
            const u = new URL(uri, playlistUrl);
            return u.pathname + u.search;
          });
        const wanted = first ? listed.slice(-3) : listed.filter((s) => !fetched.has(s));
        first = false;
        // One after another, as hls.js loads a stream's fragments.
        for (const s of wanted) if (this.running) await this.get(s, "segment");
        fetched = new Set(listed);
      }
      const wait = started + POLL_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }

  /** `count` viewers joining evenly over `rampMs`. */
  /** Viewers `first`… (`count` of them) of `total` joining evenly over `rampMs` from now. */
  start(first: number, count: number, total: number, rampMs: number, masterPaths: string[]) {
    for (let i = first; i < first + count; i++) {
      const withChannel = i % 10 < CHANNEL_SHARE * 10;
      const withCaptions = (i * 7) % 10 < CAPTIONS_SHARE * 10;
      this.loops.push(new Promise<void>((r) => setTimeout(r, (rampMs * i) / total)).then(() => this.viewer(masterPaths[i % masterPaths.length], withChannel, withCaptions)));
    }
  }

  async stop() {
    this.running = false;
    await Promise.all(this.loops);
    this.agent.destroy();
  }
}

interface ViewersJob {
  base: string;
  masterPaths: string[];
  first: number;
  count: number;
  total: number;
  rampMs: number;
  /** The measured window, in epoch ms (each process has its own performance clock). */
  window: [number, number];
}

/** A load-generator process (`hls-viewers.ts --viewers-worker`): takes a job, plays it out, sends its tally. */
function runViewersWorker() {
  process.once("message", (job: ViewersJob) => {
    const viewers = new Viewers(new URL(job.base));
    viewers.window = [job.window[0] - performance.timeOrigin, job.window[1] - performance.timeOrigin];
    viewers.start(job.first, job.count, job.total, job.rampMs, job.masterPaths);
    setTimeout(async () => {
      await viewers.stop();
      process.send!(viewers.tally, () => process.exit(0));
    }, viewers.window[1] - performance.now());
  });
  process.send!("ready");
}

/** GENERATORS processes ready for a job: the viewers' load spread over the machine's cores. */
async function startGenerators(n: number) {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--viewers-worker", `--captions=${CAPTIONS_SHARE}`], {
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      await new Promise<void>((resolve, reject) => {
        child.once("message", () => resolve());
        child.once("exit", (code) => reject(new Error(`load generator exited (${code})`)));
      });
      const tally = new Promise<Tally>((resolve, reject) => {
        child.once("message", (t) => resolve(t as Tally));
        child.once("exit", (code) => reject(new Error(`load generator exited (${code}) without its tally`)));
      });
      return { child, stats: processStats(child.pid!), tally };
    }),
  );
}

function mergeTallies(tallies: Tally[]): Tally {
  const t = newTally();
  for (const x of tallies) {
    for (const k of ["master", "playlist", "segment"] as Kind[]) {
      t.answers[k] += x.answers[k];
      t.latencies[k].push(...x.latencies[k]);
    }
    t.bytes += x.bytes;
    t.segmentBytes += x.segmentBytes;
    t.playlistBytes += x.playlistBytes;
    t.polls += x.polls;
    for (const [k, v] of Object.entries(x.errors)) t.errors[k] = (t.errors[k] ?? 0) + v;
  }
  for (const k of Object.keys(t.latencies) as Kind[]) t.latencies[k].sort((a, b) => a - b);
  return t;
}

// ---------------------------------------------------------------------------------------------
// The runs.

interface ModeResult {
  forum: string;
  mode: string;
  tally: Tally;
  seconds: number;
  appCpuMs: number;
  proxyCpuMs: number;
  benchCpuMs: number;
  machineBusy: number;
  rssPeak: number;
  /** Requests the app answered in the window (behind the cache: the proxy's requests to it). */
  appRequests: number;
  /** PostgreSQL transactions committed in the window (each autocommitted statement is one). */
  dbStatements: number;
  proxy?: Record<string, number>;
}

const pct = (xs: number[], p: number) => percentile(xs, p);
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function measure(opts: {
  forum: string;
  mode: string;
  url: string;
  app: ProductionApp;
  proxy?: Awaited<ReturnType<typeof startCacheProxy>>;
  masterPaths: string[];
  dbCommits: () => Promise<number>;
}): Promise<ModeResult> {
  const generators = await startGenerators(GENERATORS);
  const benchCpu = () => ownCpuMs() + generators.reduce((sum, g) => sum + g.stats.cpuMs(), 0);
  console.log(`[bench] ${opts.forum}, ${opts.mode}: ${fmt(VIEWERS)} viewers (${GENERATORS} load-generator processes) join over ${RAMP_S} s, measured for ${MEASURE_S} s after ${SETTLE_S} s more`);
  const begin = Date.now();
  const window: [number, number] = [begin + (RAMP_S + SETTLE_S) * 1000, begin + (RAMP_S + SETTLE_S + MEASURE_S) * 1000];
  const share = Math.ceil(VIEWERS / GENERATORS);
  generators.forEach((g, n) =>
    g.child.send({ base: opts.url, masterPaths: opts.masterPaths, first: n * share, count: Math.min(share, VIEWERS - n * share), total: VIEWERS, rampMs: RAMP_S * 1000, window } satisfies ViewersJob),
  );
  await new Promise((r) => setTimeout(r, window[0] - Date.now()));
  const proxyStats = opts.proxy ? processStats(opts.proxy.pid) : null;
  const before = { app: opts.app.cpuMs(), proxy: proxyStats?.cpuMs() ?? 0, bench: benchCpu(), machine: machineCpu(), db: await opts.dbCommits(), proxyCounts: await opts.proxy?.stats() };
  let rssPeak = opts.app.rss();
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, opts.app.rss())), 500);
  await new Promise((r) => setTimeout(r, window[1] - Date.now()));
  const after = { app: opts.app.cpuMs(), proxy: proxyStats?.cpuMs() ?? 0, bench: benchCpu(), machine: machineCpu(), proxyCounts: await opts.proxy?.stats() };
  clearInterval(sampler);
  const t = mergeTallies(await Promise.all(generators.map((g) => g.tally)));
  // PostgreSQL's counters reach pg_stat_database within a second of the commits.
  await new Promise((r) => setTimeout(r, 1500));
  const dbAfter = await opts.dbCommits();
  const proxy = before.proxyCounts && after.proxyCounts ? Object.fromEntries(Object.entries(after.proxyCounts).map(([k, v]) => [k, v - (before.proxyCounts![k] ?? 0)])) : undefined;
  const answered = t.answers.master + t.answers.playlist + t.answers.segment;
  return {
    forum: opts.forum,
    mode: opts.mode,
    tally: t,
    seconds: MEASURE_S,
    appCpuMs: after.app - before.app,
    proxyCpuMs: after.proxy - before.proxy,
    benchCpuMs: after.bench - before.bench,
    machineBusy: (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total),
    rssPeak,
    appRequests: proxy ? proxy.origin : answered,
    dbStatements: dbAfter - before.db,
    proxy,
  };
}

/** The framework's floor in the same run (issue 22): a bare Next app's JSON route answering from
 * memory, on SOCKETS connections for MEASURE_S, and the origin's CPU per answer against it. */
async function nextFloor(results: ModeResult[]) {
  const floor = await startFloor();
  try {
    const result = await runFloorLoad(floor, "json", { url: floor.url, connections: SOCKETS, seconds: MEASURE_S }, SETTLE_S);
    const workload = `floor: bare Next JSON route (from memory, 20 KB), ${SOCKETS} connections, ${MEASURE_S} s`;
    printHttpTable("HLS serving: the framework's floor", [{ workload, result, notes: "the framework's floor for any request (playlists and segments are files, not JSON)" }]);
    for (const r of results.filter((x) => !x.proxy)) {
      const perAnswer = r.appCpuMs / Math.max(1, r.appRequests);
      console.log(`${r.forum}, origin only: app CPU ${fmt(perAnswer, 2)} ms per answer, Plenary / floor ${fmt(perAnswer / result.cpuPerRequest.server, 2)}× the floor's CPU per request`);
    }
  } finally {
    await floor.stop();
  }
}

/** Media playlist polls a second at full pace: every viewer's stage, and a channel for CHANNEL_SHARE of them, every 2 s. */
const OFFERED_POLLS_PER_S = (VIEWERS * (1 + CHANNEL_SHARE + CAPTIONS_SHARE) * 1000) / POLL_MS;

function printResults(results: ModeResult[]) {
  console.log(`\nHLS serving, ${fmt(VIEWERS)} viewers polling every 2 s, one instance — ${machineLine()}`);
  console.log(
    "| forum | mode | playlist answers/s | segment answers/s | playlist p50 / p99 ms | segment p50 / p99 ms | MB/s to viewers | polls kept up | errors | app answers/s | app CPU % of a core | app CPU ms per answer | app CPU ms per viewer-minute | DB statements per app answer | app RSS peak MB |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const t = r.tally;
    const errors = Object.values(t.errors).reduce((a, b) => a + b, 0);
    const errorText = errors
      ? `${errors} (${Object.entries(t.errors)
          .map(([k, v]) => `${v}× ${k}`)
          .join(", ")})`
      : "0";
    const l = t.latencies;
    const kept = t.polls / (OFFERED_POLLS_PER_S * r.seconds);
    console.log(
      `| ${r.forum} | ${r.mode} | ${fmt(t.answers.playlist / r.seconds)} | ${fmt(t.answers.segment / r.seconds)} | ${fmt(pct(l.playlist, 50), 1)} / ${fmt(pct(l.playlist, 99), 1)} | ${fmt(pct(l.segment, 50), 1)} / ${fmt(pct(l.segment, 99), 1)} | ${fmt(t.bytes / r.seconds / 2 ** 20, 1)} | ${fmt(100 * kept)} % | ${errorText} | ${fmt(r.appRequests / r.seconds)} | ${fmt((100 * r.appCpuMs) / (r.seconds * 1000))} | ${fmt(r.appCpuMs / Math.max(1, r.appRequests), 2)} | ${fmt(r.appCpuMs / VIEWERS / (r.seconds / 60), 1)} | ${fmt(r.dbStatements / Math.max(1, r.appRequests), 1)} | ${fmt(r.rssPeak / 2 ** 20)} |`,
    );
  }
  console.log(
    `(${os.cpus().length} cores; polls kept up: media playlist polls begun / ${fmt(OFFERED_POLLS_PER_S)} a second at full pace. Load generator CPU ${results.map((r) => `${fmt((100 * r.benchCpuMs) / (r.seconds * 1000))} %`).join(" / ")}; cache proxy ${results.map((r) => (r.proxy ? `${fmt((100 * r.proxyCpuMs) / (r.seconds * 1000))} %` : "–")).join(" / ")}; machine busy ${results.map((r) => `${fmt(100 * r.machineBusy)} %`).join(" / ")})`,
  );
  for (const r of results) {
    const segments = r.tally.answers.segment;
    const playlists = r.tally.answers.playlist;
    console.log(
      `${r.forum}, ${r.mode}: segments ${segments ? fmt(r.tally.segmentBytes / segments / 1024, 1) : "–"} KB, media playlists ${playlists ? fmt(r.tally.playlistBytes / playlists / 1024, 1) : "–"} KB on average${r.proxy ? `; cache proxy ${JSON.stringify(r.proxy)}` : ""}`,
    );
    if (r.proxy) continue;
    // What the origin would need at full pace: a playlist and (about) one new segment per poll, at the CPU each answer cost here.
    const perAnswer = r.appCpuMs / Math.max(1, r.appRequests);
    console.log(
      `  at full pace (${fmt(OFFERED_POLLS_PER_S)} playlists/s and as many segments): ${fmt((2 * OFFERED_POLLS_PER_S * perAnswer) / 1000, 1)} cores of app CPU, ${fmt((2 * OFFERED_POLLS_PER_S * perAnswer * 60) / VIEWERS, 0)} ms per viewer-minute`,
    );
  }
}

/**
 * The media playlist answer's own work as the broadcast goes on: the app reads Egress's full
 * playlist (it grows all day) and slides a 5-minute window over it per request. Timed in this
 * process on a full playlist of 1 and 8 hours, written as Egress writes it.
 */
async function playlistCost() {
  const { windowPlaylist, carryQuery } = await import("../lib/broadcast/playlist");
  const { playlistToken } = await import("../lib/broadcast/access");
  const token = `token=${playlistToken(crypto.randomUUID(), crypto.randomUUID())}`;
  const start = Date.parse("2030-03-01T01:00:00Z");
  console.log("\nMedia playlist per request (read → 5-minute window → token on every URI), in-process:");
  console.log("| on air for | full playlist | answer | ms per request (median of 200) |\n|---|---|---|---|");
  for (const hours of [0.05, 1, 8]) {
    const n = Math.round((hours * 3600) / 2);
    const lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:2", "#EXT-X-MEDIA-SEQUENCE:0", "#EXT-X-PLAYLIST-TYPE:EVENT"];
    for (let i = 0; i < n; i++) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(start + i * 2000).toISOString()}`, "#EXTINF:2.000,", `seg_${String(i).padStart(5, "0")}.ts`);
    const full = Buffer.from(`${lines.join("\n")}\n`);
    const times: number[] = [];
    let answer = "";
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      answer = carryQuery(windowPlaylist(full.toString("utf8")), token);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `| ${hours < 1 ? `${Math.round(hours * 60)} min` : `${hours} h`} | ${fmt(full.length / 1024)} KB, ${fmt(n)} segments | ${fmt(answer.length / 1024, 1)} KB | ${fmt(pct(times, 50), 2)} |`,
    );
  }
}

async function main() {
  const { benchDatabase } = await import("./lib");
  const { createWriteEvent } = await import("../test/write-requests");
  const { startEgressStandInForTests } = await import("../e2e/egress/stand-in.mjs");
  const bench = await benchDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-hls-bench-"));
  let app: ProductionApp | null = null;
  let standIn: Awaited<ReturnType<typeof startEgressStandInForTests>> | null = null;
  let proxy: Awaited<ReturnType<typeof startCacheProxy>> | null = null;
  let outcome: Parameters<typeof verdict> | null = null;
  try {
    const { prisma } = bench;
    const event = await createWriteEvent(bench.databaseUrl, { slug: "hls-bench", capacity: 10, forums: 2 });
    const organizer = await prisma.user.create({ data: { email: "organizer@bench.example", name: "Organizer", emailVerified: new Date() } });
    await prisma.registration.create({ data: { eventId: event.eventId, userId: organizer.id, role: "organizer", status: "approved", country: "KR", timeZone: "Asia/Seoul" } });
    const actor = { userId: organizer.id };

    // The app's port first: the stand-in sends its webhooks there.
    const port = await freePort();
    const started = await startEgressStandInForTests({ apiKey: KEY, apiSecret: SECRET, webhookUrls: [`http://127.0.0.1:${port}/api/livekit/webhook`] });
    if ("skipped" in started) throw new Error(started.skipped);
    standIn = started;
    const env = {
      DATABASE_URL: bench.databaseUrl,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      RECORDINGS_DIR: dir,
      LIVEKIT_EGRESS_URL: standIn.url,
      LIVEKIT_API_KEY: KEY,
      LIVEKIT_API_SECRET: SECRET,
      // Nothing answers here: opening the room fails at once and is only logged (no LiveKit needed).
      LIVEKIT_URL: "ws://127.0.0.1:2",
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      PLENARY_LOCAL_RUN: "1",
    };
    // This process starts the broadcasts (lib/broadcast/control.ts) and signs the watch page's master URL with the app's secret.
    Object.assign(process.env, env);
    delete process.env.S3_BUCKET;
    app = await startProductionApp({ env, port });
    const control = await import("../lib/broadcast/control");
    const { setBroadcastSettings } = await import("../lib/broadcast/settings");
    const { masterUrl } = await import("../lib/broadcast/data");
    const dbCommits = async () => Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()`)[0].n);

    const [registered, open] = event.forums;
    await setBroadcastSettings(actor, open.id, { audience: "public" });
    const results: ModeResult[] = [];
    for (const [forum, audience, label] of [
      [registered, "registered", "registered-only (token)"],
      [open, "public", "public"],
    ] as const) {
      // No LiveKit server here: startBroadcast's "could not open room" is expected (Egress's stand-in needs no room); keep it to one line.
      const logError = console.error;
      let roomRefused = 0;
      console.error = (...args: unknown[]) => (String(args[0]).startsWith("LiveKit call failed") || String(args[0]).includes("could not open room") ? roomRefused++ : logError(...args));
      const broadcast = await control.startBroadcast(actor, forum.id).finally(() => (console.error = logError));
      if (roomRefused) console.log("[bench] (no LiveKit server: the room was not opened, as expected; the Egress stand-in needs none)");
      if (broadcast.renditions.length !== 4) throw new Error(`broadcast started with ${broadcast.renditions.join(", ")}`);
      // On air once Egress's webhooks have made every rendition active and three stage segments are written.
      const stageFile = path.join(dir, `broadcasts/${broadcast.id}/stage/live.m3u8`);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const row = await prisma.broadcast.findUniqueOrThrow({ where: { id: broadcast.id }, include: { renditions: true } });
        const segments = fs.existsSync(stageFile) ? (fs.readFileSync(stageFile, "utf8").match(/\.ts/g) ?? []).length : 0;
        if (row.status === "live" && row.renditions.every((r) => r.status === "active") && segments >= 3) break;
        if (Date.now() > deadline) throw new Error(`broadcast not live with segments after 60 s (${row.status}, ${segments} segments); server log: ${app.log}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      console.log(`[bench] ${label}: broadcast ${broadcast.id} live (${broadcast.renditions.join(", ")})`);
      // What the watch page hands each viewer: the master in their language, signed for a registered-only forum.
      const masterPaths = LANGS.map((lang) => masterUrl(forum.id, broadcast.id, audience, lang));
      results.push(await measure({ forum: label, mode: "origin only", url: app.url, app, masterPaths, dbCommits }));
      proxy = await startCacheProxy(app.url);
      results.push(await measure({ forum: label, mode: "behind a cache", url: proxy.url, app, proxy, masterPaths, dbCommits }));
      await proxy.stop();
      proxy = null;
      await control.stopBroadcast(actor, forum.id);
    }
    printResults(results);
    await nextFloor(results);
    await playlistCost();

    const stageTarget = VIEWERS / 2;
    const allTarget = OFFERED_POLLS_PER_S;
    const meets = (r: ModeResult) => r.tally.answers.playlist / r.seconds >= 0.95 * allTarget && pct(r.tally.latencies.playlist, 99) < POLL_MS;
    const problems = results.flatMap((r) => {
      const errors = Object.values(r.tally.errors).reduce((a, b) => a + b, 0);
      // Behind the cache every answer must be right; at the origin errors under overload are a measurement.
      return r.proxy && errors ? [`${r.forum}, ${r.mode}: ${errors} errors (${JSON.stringify(r.tally.errors)})`] : [];
    });
    for (const r of results) console.log(`${r.forum}, ${r.mode}: ${meets(r) ? "meets" : "misses"} the target`);
    outcome = [
      `${fmt(stageTarget)} stage playlist answers/s (${fmt(allTarget)} with channels) within 5 %, p99 < ${POLL_MS} ms, from one instance`,
      results.every(meets),
      results.map((r) => `${r.forum} ${r.mode}: ${fmt(r.tally.answers.playlist / r.seconds)}/s p99 ${fmt(pct(r.tally.latencies.playlist, 99))} ms`).join("; "),
      problems,
    ];
  } finally {
    await proxy?.stop();
    await app?.stop();
    if (standIn && !("skipped" in standIn)) await standIn.stop();
    await bench.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // After the clean-up: a failed verdict exits the process.
  verdict(...outcome);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const proxyOrigin = process.argv.find((a) => a.startsWith("--cache-proxy="))?.slice(14);
  if (proxyOrigin) runCacheProxy(proxyOrigin);
  else if (process.argv.includes("--viewers-worker")) runViewersWorker();
  else
    main().catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
