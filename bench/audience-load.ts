// View-only audience per LiveKit node (issue 20): the stage (one VP8 video and one Opus audio
// track) and N hidden, subscribe-only subscribers with the audience's grant, stepped up on one
// node until a step degrades; then the same on a two-node cluster sharing one Redis, first one
// room reached through both nodes' addresses, then one room hosted on each node. Per step: who
// connected, tracks received, each node's CPU and RSS (from /proc), bitrate, packet loss.
// The subscribers come from bench/audience-load/ (Go, LiveKit's Go SDK): `lk load-test` signs
// its own tokens with every grant, so its subscribers are neither hidden nor subscribe-only.
// Run: npm run bench:audience (--quick: two small steps). AUDIENCE_LOAD_BIN picks the binary.
import { execFileSync, spawn, type ChildProcessByStdio } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import { AccessToken, RoomServiceClient } from "livekit-server-sdk";
import { LIVEKIT_API_KEY, LIVEKIT_API_SECRET, startLiveKit, startLiveKitCluster, type LiveKitServer } from "../scripts/lib/livekit.mjs";
import { redisHash } from "../scripts/lib/redis.mjs";
import { machineCpu, machineLine, processCpuMs, processRssMb } from "./lib";

const quick = process.argv.includes("--quick");
const cacheDir = process.env.PLENARY_CACHE_DIR ?? path.join(os.homedir(), ".cache", "plenary");
const source = path.join(import.meta.dirname, "audience-load");
const BIN = process.env.AUDIENCE_LOAD_BIN || path.join(cacheDir, "bin", "audience-load");
const ONE_NODE = quick ? [20, 50] : [50, 100, 200, 300, 400, 600];
const CLUSTER = quick ? [50] : [200, 400];
const VISIBLE = quick ? 20 : 200;
const HOLD_SECONDS = quick ? 4 : 10;
const PER_SECOND = 40;
const MAX_LOSS = 2;
/** The tool's own log (the Go SDK's errors), beside LiveKit's. */
let toolLog = "ignore" as "ignore" | number;

interface Measured {
  scenario: string;
  held?: boolean;
  subscribers: number;
  connected: number;
  complete: number;
  tracks: number;
  expectedTracks: number;
  /** Received by all subscribers during the hold, Mbit/s, and per subscriber kbit/s. */
  mbps: number;
  kbpsEach: number;
  lossPercent: number;
  errors: string[];
  /** Per node: cores used during the hold, RSS after it, CPU ms per subscriber while they joined. */
  nodes: { cores: number; rssMb: number; joinMs: number }[];
  tool: { cores: number };
  machineBusy: number;
}

/** Builds the subscriber tool when its source is newer than the binary (Go, like the server). */
function ensureTool() {
  if (process.env.AUDIENCE_LOAD_BIN) return;
  const newest = Math.max(...fs.readdirSync(source).map((f) => fs.statSync(path.join(source, f)).mtimeMs));
  if (fs.existsSync(BIN) && fs.statSync(BIN).mtimeMs >= newest) return;
  console.log(`[bench] building ${BIN} from bench/audience-load (go build)…`);
  execFileSync("go", ["build", "-o", BIN, "."], { cwd: source, stdio: "inherit" });
}

/** Ten seconds of stage: a moving test picture (VP8, 640×360, 30 fps, ~600 kbit/s) and a tone (Opus). */
function makeMedia(dir: string) {
  const video = path.join(dir, "stage.ivf");
  const audio = path.join(dir, "floor.ogg");
  const ff = (args: string[]) => execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args]);
  ff(["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t", "10", "-c:v", "libvpx", "-b:v", "600k", "-deadline", "realtime", "-cpu-used", "8", "-g", "30", video]);
  ff(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "10", "-ac", "2", "-c:a", "libopus", "-b:a", "32k", "-page_duration", "20000", audio]);
  return { video, audio };
}

/** The audience's grant (DESIGN.md): hidden, subscribe-only, no data (`hidden` false only to compare). */
function audienceToken(room: string, identity: string, hidden = true) {
  const at = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, { identity, ttl: 3600 });
  at.addGrant({ roomJoin: true, room, hidden, canSubscribe: true, canPublish: false, canPublishData: false, canPublishSources: [], canUpdateOwnMetadata: false });
  return at.toJwt();
}

function stageToken(room: string) {
  const at = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, { identity: `stage-${room}`, ttl: 3600 });
  at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: false });
  return at.toJwt();
}

/** Runs the tool with `input`; calls `onLine` for each JSON line it prints, resolves to the last. */
function runTool(input: object, onLine: (line: Record<string, unknown>) => void = () => {}) {
  const child = spawn(BIN, [], { stdio: ["pipe", "pipe", toolLog] }) as ChildProcessByStdio<Writable, Readable, null>;
  child.stdin.write(JSON.stringify(input));
  let last: Record<string, unknown> = {};
  readline.createInterface({ input: child.stdout }).on("line", (l) => {
    last = JSON.parse(l);
    onLine(last);
  });
  const done = new Promise<Record<string, unknown>>((resolve, reject) => child.once("exit", (code) => (code === 0 ? resolve(last) : reject(new Error(`audience-load exited ${code}`)))));
  return { child, done };
}

/** Starts the stage publishing into `room` through `url`; resolves once its tracks are up. */
async function startStage(url: string, room: string, media: { video: string; audio: string }) {
  let ready!: () => void;
  const up = new Promise<void>((r) => (ready = r));
  const { child, done } = runTool({ publish: { url, token: await stageToken(room), ...media } }, (l) => l.ready && ready());
  await Promise.race([up, done.then(() => Promise.reject(new Error("the stage stopped before publishing")))]);
  // Leave the stdin open: the stage publishes until it closes.
  return { stop: () => (child.stdin.end(), done.catch(() => ({}))) };
}

/** One step: `subscribers` audience members, each joining rooms[i % rooms.length] via urls[i % urls.length]. */
async function step(scenario: string, servers: LiveKitServer[], targets: { url: string; room: string }[], subscribers: number, tag: string, hidden: boolean): Promise<Measured> {
  const endpoints = await Promise.all(
    Array.from({ length: subscribers }, async (_, i) => {
      const t = targets[i % targets.length];
      return { url: t.url, token: await audienceToken(t.room, `${tag}-${i}`, hidden) };
    }),
  );
  let at: { cpu: number[]; tool: number; machine: ReturnType<typeof machineCpu>; t: number } | undefined;
  let measured: Measured["nodes"] = [];
  const joining = servers.map((s) => processCpuMs(s.pid));
  let tool = { cores: 0 };
  let machineBusy = 0;
  const sample = (pid: number) => ({ cpu: servers.map((s) => processCpuMs(s.pid)), tool: processCpuMs(pid), machine: machineCpu(), t: performance.now() });
  const { child, done } = runTool({ subscribers: endpoints, perSecond: PER_SECOND, holdSeconds: HOLD_SECONDS, expectTracks: 2 }, (l) => {
    if (l.phase === "hold") at = sample(child.pid!);
    if (l.phase === "held" && at) {
      const end = sample(child.pid!);
      const ms = end.t - at.t;
      measured = servers.map((s, i) => ({ cores: (end.cpu[i] - at!.cpu[i]) / ms, rssMb: processRssMb(s.pid), joinMs: (at!.cpu[i] - joining[i]) / subscribers }));
      tool = { cores: (end.tool - at.tool) / ms };
      machineBusy = (end.machine.busy - at.machine.busy) / (end.machine.total - at.machine.total);
    }
  });
  const r = (await done) as { connected: number; complete: number; tracks: number; expectedTracks: number; bytes: number; packets: number; lost: number; holdSeconds: number; errors: string[] };
  const mbps = (r.bytes * 8) / r.holdSeconds / 1e6;
  return {
    scenario,
    subscribers,
    connected: r.connected,
    complete: r.complete,
    tracks: r.tracks,
    expectedTracks: r.expectedTracks,
    mbps,
    kbpsEach: r.connected ? (mbps * 1000) / r.connected : 0,
    lossPercent: r.packets + r.lost ? (100 * r.lost) / (r.packets + r.lost) : 0,
    errors: r.errors,
    nodes: measured,
    tool,
    machineBusy,
  };
}

/** Every subscriber connected with every track, under MAX_LOSS % lost, at no less than 80 % of the first step's bitrate each. */
function held(m: Measured, baseline: number): boolean {
  return m.connected === m.subscribers && m.complete === m.subscribers && m.lossPercent < MAX_LOSS && m.errors.length === 0 && m.kbpsEach >= 0.8 * baseline;
}

/** Runs the steps in order; with `untilDegraded`, stops after the first that does not hold. */
async function stepUp(scenario: string, servers: LiveKitServer[], targets: { url: string; room: string }[], steps: number[], results: Measured[], { untilDegraded = true, hidden = true } = {}) {
  let baseline = 0;
  for (const [i, n] of steps.entries()) {
    const m = await step(scenario, servers, targets, n, `${scenario.replace(/\W+/g, "")}${i}`, hidden);
    baseline ||= m.kbpsEach;
    m.held = held(m, baseline);
    results.push(m);
    const nodes = m.nodes.map((x, j) => `node ${j} ${x.cores.toFixed(2)} cores ${x.rssMb.toFixed(0)} MB`).join(", ");
    console.log(
      `[bench] ${scenario}, ${n} subscribers: ${m.complete}/${n} complete, ${m.tracks}/${m.expectedTracks} tracks, ${m.kbpsEach.toFixed(0)} kbit/s each, loss ${m.lossPercent.toFixed(2)}%; ${nodes}`,
    );
    if (!m.held && untilDegraded) break;
    // Let the last step's subscribers leave before the next joins.
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** Rooms named `${prefix}-<i>` created through alternate nodes until one is hosted on each node. */
async function roomOnEachNode(cluster: Awaited<ReturnType<typeof startLiveKitCluster>>, prefix: string) {
  const byNode = new Map<number, string>();
  for (let i = 0; byNode.size < cluster.nodes.length && i < 40; i++) {
    const node = cluster.nodes[i % cluster.nodes.length];
    await new RoomServiceClient(node.httpUrl, LIVEKIT_API_KEY, LIVEKIT_API_SECRET).createRoom({ name: `${prefix}-${i}`, emptyTimeout: 600 });
    const map = await redisHash(cluster.redisPort, "room_node_map");
    const host = cluster.nodes.findIndex((n) => n.nodeId === map[`${prefix}-${i}`]);
    if (!byNode.has(host)) byNode.set(host, `${prefix}-${i}`);
  }
  return cluster.nodes.map((_, i) => byNode.get(i)!);
}

function printResults(results: Measured[]) {
  console.log(`\nView-only audience per LiveKit node — ${machineLine()}`);
  console.log(
    "| scenario | subscribers | connected | with both tracks | tracks got/expected | received (total, per subscriber) | packet loss | held | node 0 CPU, RSS | node 1 CPU, RSS | CPU per join, node 0 / 1 | load generator CPU | machine busy |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const m of results) {
    const node = (i: number) => (m.nodes[i] ? `${m.nodes[i].cores.toFixed(2)} cores, ${m.nodes[i].rssMb.toFixed(0)} MB` : "—");
    console.log(
      `| ${m.scenario} | ${m.subscribers} | ${m.connected} | ${m.complete} | ${m.tracks}/${m.expectedTracks} | ${m.mbps.toFixed(1)} Mbit/s (${m.kbpsEach.toFixed(0)} kbit/s) | ${m.lossPercent.toFixed(2)}% | ${m.held ? "yes" : "**no**"} | ${node(0)} | ${node(1)} | ${m.nodes.map((n) => `${n.joinMs.toFixed(1)} ms`).join(" / ")} | ${m.tool.cores.toFixed(2)} cores | ${(m.machineBusy * 100).toFixed(0)}% |`,
    );
  }
  // LiveKit's CPU per subscriber, the figure that decides how many one node holds.
  console.log("\nLiveKit CPU (all nodes, cores) by subscribers; █ = 0.05 core");
  for (const m of results) {
    const cores = m.nodes.reduce((a, n) => a + n.cores, 0);
    console.log(`${m.scenario.padEnd(32)} ${String(m.subscribers).padStart(4)} ${"█".repeat(Math.round(cores / 0.05)).padEnd(40)} ${cores.toFixed(2)}`);
  }
}

async function main() {
  ensureTool();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-bench-audience-"));
  const log = path.join(dir, "livekit.log");
  toolLog = fs.openSync(path.join(dir, "audience-load.log"), "a");
  const load = os.loadavg()[0];
  const media = makeMedia(dir);
  const results: Measured[] = [];
  try {
    const one = await startLiveKit({ logLevel: "warn", logFile: log });
    try {
      const stage = await startStage(one.url, "stage", media);
      await stepUp("one node", [one], [{ url: one.url, room: "stage" }], ONE_NODE, results);
      // The same audience not hidden: what announcing every viewer to everyone costs.
      await stepUp("one node, visible (to compare)", [one], [{ url: one.url, room: "stage" }], [VISIBLE], results, { untilDegraded: false, hidden: false });
      await stage.stop();
    } finally {
      await one.stop();
    }
    const cluster = await startLiveKitCluster({ nodes: 2, logLevel: "warn", logDir: dir });
    try {
      // One room: it lives on one node, whichever address its audience used.
      const [room] = await roomOnEachNode(cluster, "shared");
      const map = await redisHash(cluster.redisPort, "room_node_map");
      const host = cluster.nodes.findIndex((n) => n.nodeId === map[room]);
      const shared = await startStage(cluster.nodes[host].url, room, media);
      const both = cluster.nodes.map((n) => ({ url: n.url, room }));
      await stepUp(`cluster, one room on node ${host}`, cluster.nodes, both, CLUSTER, results, { untilDegraded: false });
      await shared.stop();
      // A room on each node, each with the stage: the audience split between them.
      const rooms = await roomOnEachNode(cluster, "overflow");
      const stages = await Promise.all(rooms.map((r, i) => startStage(cluster.nodes[i].url, r, media)));
      await stepUp(
        "cluster, a room on each node",
        cluster.nodes,
        rooms.map((r, i) => ({ url: cluster.nodes[i].url, room: r })),
        CLUSTER,
        results,
        { untilDegraded: false },
      );
      await Promise.all(stages.map((s) => s.stop()));
    } finally {
      await cluster.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  printResults(results);
  const last = results.filter((m) => m.scenario === "one node" && m.held).at(-1);
  const first = results.find((m) => m.scenario === "one node" && !m.held);
  console.log(
    `(${os.cpus().length} cores, shared with other work: load average ${load.toFixed(1)} at the start; the load generator runs on the same cores as the nodes) one node held ${last ? last.subscribers : "none"} hidden subscribers; ${first ? `degraded at ${first.subscribers}` : "every step held"}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
