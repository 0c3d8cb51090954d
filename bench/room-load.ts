// A real room under load (issue 8): LiveKit's own load tester (`lk load-test`, built from the
// LiveKit CLI's Go module into the cache like the server) puts video publishers and subscribers
// into a forum's room on the local LiveKit server, which posts its webhooks to the production
// app. Subscribers are stepped up until packet loss reaches 2 % (or the steps run out); after
// each step every tester has left, and the app's attendance rows must be exactly the tester's
// participants: one row per participant, each closed, none twice.
// Run: npm run bench:room (--quick: two short steps). LK_BIN picks the binary.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seed } from "../prisma/seed";
import { LIVEKIT_API_KEY, LIVEKIT_API_SECRET, startLiveKit } from "../scripts/lib/livekit.mjs";
import { freePort } from "../scripts/lib/postgres.mjs";
import { benchDatabase, machineCpu, machineLine } from "./lib";
import { startProductionApp, type ProductionApp } from "./server";

const quick = process.argv.includes("--quick");
const cacheDir = process.env.PLENARY_CACHE_DIR ?? path.join(os.homedir(), ".cache", "plenary");
const LK = process.env.LK_BIN ?? path.join(cacheDir, "bin", "lk");
const PUBLISHERS = 2;
const STEPS = quick ? [4, 12] : [10, 50, 100, 200, 400, 600, 800];
const STEP_SECONDS = quick ? 4 : 20;
const MAX_LOSS = 2;

interface Step {
  publishers: number;
  subscribers: number;
  tracks: string;
  bitrate: string;
  lossPercent: number;
  lostPackets: number;
  errors: number;
  /** Machine CPU busy during the step (0..1). */
  busy: number;
  attendance: { rows: number; closed: number; identities: number; expected: number };
}

/** Every subscriber got every track, with under MAX_LOSS % of packets lost and no error. (A tester
 * whose sample video cannot be read publishes nothing, and lk then reports 0 % loss of 0/N tracks.) */
function held(s: Step): boolean {
  const [got, expected] = s.tracks.split("/").map(Number);
  return got === expected && expected > 0 && s.lossPercent < MAX_LOSS && s.errors === 0;
}

/** `lk load-test` to its end; its output (the summary tables) is returned and kept in `log`. */
function loadTest(args: string[], log: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(LK, ["load-test", ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.once("error", reject);
    child.once("exit", (code) => {
      fs.appendFileSync(log, out);
      if (code === 0) resolve(out);
      else reject(new Error(`lk load-test exited ${code}; output in ${log}`));
    });
  });
}

/** The "Total" row of the subscriber summary: tracks got/expected, bitrate, lost packets (%), errors. */
function parseTotals(out: string) {
  const line = out.split("\n").find((l) => /^\W*Total\W/.test(l));
  const cells =
    line
      ?.split(/[│|┃]/)
      .map((c) => c.trim())
      .filter(Boolean) ?? [];
  const loss = /(\d+) \(([\d.]+)%\)/.exec(cells[3] ?? "");
  if (!line || cells.length < 5) throw new Error(`no summary in lk's output:\n${out.slice(-2000)}`);
  return { tracks: cells[1], bitrate: cells[2], lostPackets: loss ? Number(loss[1]) : 0, lossPercent: loss ? Number(loss[2]) : 0, errors: Number(cells[4]) || 0 };
}

async function main() {
  if (!fs.existsSync(LK)) {
    throw new Error(`no lk binary at ${LK}: build it from the LiveKit CLI's source (see bench/RESULTS.md, "Real room"), or set LK_BIN`);
  }
  const bench = await benchDatabase();
  const appPort = await freePort();
  const log = path.join(os.tmpdir(), `plenary-bench-lk-${process.pid}.log`);
  const lk = await startLiveKit({ webhookUrls: [`http://127.0.0.1:${appPort}/api/livekit/webhook`], logLevel: "warn", logFile: log });
  let app: ProductionApp | undefined;
  const steps: Step[] = [];
  try {
    await seed(bench.prisma);
    const forum = await bench.prisma.forum.findFirstOrThrow({ where: { event: { slug: "clean-sky-2021" } }, orderBy: { position: "asc" } });
    app = await startProductionApp({ port: appPort, env: { DATABASE_URL: bench.databaseUrl, LIVEKIT_URL: lk.url, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } });
    for (const [i, subscribers] of STEPS.entries()) {
      const prefix = `load${i}`;
      const before = machineCpu();
      const out = await loadTest(
        [
          "--url",
          lk.url,
          "--api-key",
          LIVEKIT_API_KEY,
          "--api-secret",
          LIVEKIT_API_SECRET,
          "--room",
          forum.roomName,
          "--identity-prefix",
          prefix,
          "--video-publishers",
          String(PUBLISHERS),
          "--subscribers",
          String(subscribers),
          "--video-resolution",
          "medium",
          "--num-per-second",
          "25",
          "--duration",
          `${STEP_SECONDS}s`,
        ],
        log,
      );
      const after = machineCpu();
      const totals = parseTotals(out);
      // Every tester has left: wait for LiveKit's last participant_left to be ingested.
      const expected = PUBLISHERS + subscribers;
      const count = async () => {
        const [row] = await bench.prisma.$queryRaw<{ rows: bigint; closed: bigint; identities: bigint }[]>`
          SELECT count(*) AS rows, count(left_at) AS closed, count(DISTINCT identity) AS identities
          FROM attendances WHERE forum_id = ${forum.id} AND identity LIKE ${`${prefix}\\_%`}`;
        return { rows: Number(row.rows), closed: Number(row.closed), identities: Number(row.identities), expected };
      };
      let attendance = await count();
      for (let t = 0; t < 60 && (attendance.closed < expected || attendance.rows < expected); t++) {
        await new Promise((r) => setTimeout(r, 500));
        attendance = await count();
      }
      const step: Step = { publishers: PUBLISHERS, subscribers, ...totals, busy: (after.busy - before.busy) / (after.total - before.total), attendance };
      steps.push(step);
      console.log(`[bench] ${PUBLISHERS} video publishers + ${subscribers} subscribers: loss ${step.lossPercent}%, tracks ${step.tracks}, attendance ${attendance.rows}/${expected} rows`);
      if (!held(step)) break;
    }
  } finally {
    await app?.stop();
    await lk.stop();
    await bench.close();
  }
  const last = steps.filter(held).at(-1);
  const exact = steps.every((s) => s.attendance.rows === s.attendance.expected && s.attendance.closed === s.attendance.expected && s.attendance.identities === s.attendance.expected);
  console.log(`\nReal room: lk load-test against the local LiveKit server — ${machineLine()}`);
  console.log("| video publishers | subscribers | tracks got/expected | bitrate (total, per subscriber) | packet loss | errors | machine busy | attendance rows / closed / distinct / testers |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const s of steps) {
    const a = s.attendance;
    console.log(
      `| ${s.publishers} | ${s.subscribers} | ${s.tracks} | ${s.bitrate} | ${s.lostPackets} (${s.lossPercent}%) | ${s.errors} | ${(s.busy * 100).toFixed(0)}% | ${a.rows} / ${a.closed} / ${a.identities} / ${a.expected} |`,
    );
  }
  console.log(
    `(${os.cpus().length} cores) video subscribers held with < ${MAX_LOSS}% packet loss: ${last ? last.subscribers : "none"}${last === steps.at(-1) && steps.length === STEPS.length ? " (every step held; the steps ran out)" : ""}; attendance = testers, none twice: ${exact ? "yes" : "NO"}`,
  );
  if (!exact) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
