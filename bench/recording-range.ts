// Recording media Range requests (issue 7): seeks in a 200 MB recording through the production
// app's GET /api/recordings/{id}/media — 32 connections, each request a random 64 KiB range, as a
// player's first read after a seek. Prints seeks/s, latency, errors and the server's memory
// before, at its peak and after; target ≥ 500 seeks/s on 2 cores. Run: npm run bench:range
// (--quick: 50 MB, 4 s runs; --rebuild: build the app even if .next-bench looks current).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { seed } from "../prisma/seed";
import { floorRow, startFloor as startNextFloor } from "./floor";
import { combineLoads, mb, printHttpTable, runLoad, type Answer, type Asked, type HttpRow, type LoadOptions, type LoadResult } from "./http";
import { benchDatabase } from "./lib";
import { processStats, startProductionApp, type ProductionApp } from "./server";

const quick = process.argv.includes("--quick");
const SIZE = (quick ? 50 : 200) * 2 ** 20;
const SECONDS = quick ? 4 : 20;
const SIGNED_IN_SECONDS = quick ? 2 : 10;
const WARM_SECONDS = quick ? 1 : 3;
const CONNECTIONS = 32;
const SEEK_BYTES = 65_536;
const TARGET = 500;
const KEY = "bench/recording.mp4";

/**
 * The file's bytes are its 16-byte lines' offsets in hex ("0000000000abcd0\n"): the server never
 * parses a recording, so content does not matter, and any answer can be checked against the
 * range asked without keeping the file in memory.
 */
function expectedBytes(start: number, length: number): string {
  let text = "";
  for (let line = Math.floor(start / 16); line * 16 < start + length; line++) text += `${(line * 16).toString(16).padStart(15, "0")}\n`;
  const from = start % 16;
  return text.slice(from, from + length);
}

function writeRecording(file: string, size: number) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const chunk = Buffer.alloc(2 ** 20);
  // Within a 1 MB chunk only the low five hex digits change: write them once, the rest per chunk.
  for (let i = 0; i < chunk.length; i += 16) chunk.write(`0000000000${i.toString(16).padStart(5, "0")}\n`, i, "latin1");
  const fd = fs.openSync(file, "w");
  for (let n = 0; n * chunk.length < size; n++) {
    const high = Buffer.from(n.toString(16).padStart(10, "0"), "latin1");
    for (let i = 0; i < chunk.length; i += 16) high.copy(chunk, i);
    fs.writeSync(fd, chunk, 0, Math.min(chunk.length, size - n * chunk.length));
  }
  fs.closeSync(fd);
}

function seekRequest(mediaPath: string): () => Asked {
  return () => {
    const start = Math.floor(Math.random() * (SIZE - SEEK_BYTES));
    return { path: mediaPath, headers: { range: `bytes=${start}-${start + SEEK_BYTES - 1}` } };
  };
}

let chunked = 0;

/** A 206 with the asked range's Content-Range, length and first and last bytes. */
function checkSeek(answer: Answer, asked: Asked): boolean {
  const start = Number(/bytes=(\d+)-/.exec(asked.headers?.range ?? "")?.[1]);
  const end = start + SEEK_BYTES - 1;
  const { status, body, headers } = answer;
  // The route sets Content-Length, but Next's server may drop it and answer chunked: counted, not wrong.
  if (headers["content-length"] === undefined) chunked++;
  return (
    status === 206 &&
    headers["content-range"] === `bytes ${start}-${end}/${SIZE}` &&
    (headers["content-length"] ?? String(SEEK_BYTES)) === String(SEEK_BYTES) &&
    body.length === SEEK_BYTES &&
    body.startsWith(expectedBytes(start, 32)) &&
    body.endsWith(expectedBytes(end - 31, 32))
  );
}

/** bench/range-floor.mjs serving the same file, in a process of its own. */
async function startFloor(file: string) {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "range-floor.mjs"), file], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (d) => resolve(String(d).trim()));
    child.once("exit", (code) => reject(new Error(`range-floor.mjs exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, ...processStats(child.pid!), stop: () => child.kill() };
}

async function main() {
  const bench = await benchDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-bench-recordings-"));
  let app: ProductionApp | undefined;
  let app2: ProductionApp | undefined;
  try {
    await seed(bench.prisma);
    const forum = await bench.prisma.forum.findFirstOrThrow({ where: { event: { slug: "clean-sky-2021" } }, orderBy: { position: "asc" } });
    const started = performance.now();
    writeRecording(path.join(dir, KEY), SIZE);
    console.log(`[bench] ${mb(SIZE)} recording written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const recording = (visibility: "public" | "registered") =>
      bench.prisma.recording.create({
        data: {
          forumId: forum.id,
          origin: "upload",
          status: "ready",
          published: true,
          visibility,
          storage: "local",
          location: KEY,
          mimeType: "video/mp4",
          fileName: "recording.mp4",
          sizeBytes: BigInt(SIZE),
        },
      });
    const publicRec = await recording("public");
    const registeredRec = await recording("registered");
    const user = await bench.prisma.user.create({ data: { email: "viewer@bench.example", name: "Bench Viewer" } });
    await bench.prisma.registration.create({ data: { eventId: forum.eventId, userId: user.id, role: "delegate", status: "approved", country: "KR", timeZone: "Asia/Seoul" } });

    // --trace-gc: RSS alone cannot tell garbage not yet collected from memory kept.
    app = await startProductionApp({ env: { DATABASE_URL: bench.databaseUrl, RECORDINGS_DIR: dir }, nodeArgs: ["--trace-gc"] });
    // Auth.js's session cookie over http: a JWT encrypted with AUTH_SECRET, salted with its name.
    const cookie = "authjs.session-token";
    const session = await encode({ token: { sub: user.id, email: user.email, name: user.name }, secret: app.authSecret, salt: cookie });
    const load = (mediaPath: string, seconds: number, headers?: Record<string, string>): LoadOptions => ({
      url: app!.url,
      connections: CONNECTIONS,
      seconds,
      headers,
      request: seekRequest(mediaPath),
      check: checkSeek,
      server: app!,
    });
    const publicPath = `/api/recordings/${publicRec.id}/media`;
    const registeredPath = `/api/recordings/${registeredRec.id}/media`;
    const signedIn = { cookie: `${cookie}=${session}` };

    // Warm-up: compiled code paths, the database pool and the page cache, then memory "before".
    await runLoad(load(publicPath, WARM_SECONDS));
    const warm = await runLoad(load(registeredPath, WARM_SECONDS, signedIn));
    if (warm.errors.failedChecks === warm.requests) throw new Error(`the signed-in viewer's requests all failed (${JSON.stringify(warm.errors.statuses)}); server log: ${app.log}`);
    const rssBefore = app.rss();
    const gcsBefore = app.heapAfterFullGcs();
    const rows: HttpRow[] = [];
    const pub = await runLoad(load(publicPath, SECONDS));
    rows.push({ workload: `public recording, random 64 KiB ranges of ${mb(SIZE)}, ${CONNECTIONS} connections, ${SECONDS} s`, result: pub });
    // The app is stateless: a second instance on the same build and database (one event loop per
    // core, as a deployment runs it behind a balancer), half the connections each, at once.
    app2 = await startProductionApp({ env: { DATABASE_URL: bench.databaseUrl, RECORDINGS_DIR: dir, AUTH_SECRET: app.authSecret } });
    const half = (a: ProductionApp): LoadOptions => ({ ...load(publicPath, SECONDS), url: a.url, server: a, connections: CONNECTIONS / 2 });
    await Promise.all([runLoad({ ...half(app), seconds: WARM_SECONDS }), runLoad({ ...half(app2), seconds: WARM_SECONDS })]);
    const [one, two] = await Promise.all([runLoad(half(app)), runLoad(half(app2))]);
    const pair = combineLoads(one, two);
    rows.push({ workload: `public recording, two app instances (one per core), ${CONNECTIONS / 2} connections each, ${SECONDS} s`, result: pair });
    await app2.stop();
    app2 = undefined;
    const reg = await runLoad(load(registeredPath, SIGNED_IN_SECONDS, signedIn));
    rows.push({ workload: `registered recording, signed-in approved delegate, same ranges, ${SIGNED_IN_SECONDS} s`, result: reg });
    const rssAfter = app.rss();
    const gcsDuring = app.heapAfterFullGcs().slice(gcsBefore.length);
    let floorRun: LoadResult | undefined;
    const floor = await startFloor(path.join(dir, KEY));
    try {
      floorRun = await runLoad({ ...load(publicPath, SIGNED_IN_SECONDS), url: floor.url, server: floor });
      rows.push({ workload: `floor: the same ranges from plain node:http + fs (no Next, session or database), ${SIGNED_IN_SECONDS} s`, result: floorRun });
    } finally {
      floor.stop();
    }
    // Next's own floor (issue 22): a bare Next app's JSON route answering from memory, same connections.
    const nextFloor = await startNextFloor();
    try {
      const note = "the framework's floor for any request (a GET of a JSON route from memory, 20 KB)";
      rows.push(await floorRow(nextFloor, "json", rows[0], load(publicPath, SECONDS), { warmSeconds: WARM_SECONDS, note }));
    } finally {
      await nextFloor.stop();
    }

    printHttpTable("Recording media Range requests", rows);
    const seeks = (r: LoadResult) => (r.requests - r.errors.failedChecks) / r.seconds;
    const peak = Math.max(pub.serverRssPeak, reg.serverRssPeak);
    console.log(`Server (pid ${app.pid}) RSS: before ${mb(rssBefore)}, peak ${mb(peak)}, after ${mb(rssAfter)} (${rssAfter >= rssBefore ? "+" : "−"}${mb(Math.abs(rssAfter - rssBefore))})`);
    const heaps = (list: number[]) => list.map((h) => `${h.toFixed(1)} MB`).join(", ");
    console.log(
      gcsDuring.length
        ? `Live JS heap after each full GC during the runs: ${heaps(gcsDuring)} (last before them: ${heaps(gcsBefore.slice(-1)) || "none"}).`
        : "No full GC ran during the runs: RSS alone cannot tell garbage from memory kept.",
    );
    if (chunked) console.log(`${chunked} answers (warm-up included) came chunked, without the Content-Length the route sets.`);
    console.log("The file is a pattern (each line its own offset), not video: the server never parses it, and each answer's status, headers, length and first and last bytes were checked.");
    const appMs = pub.cpuPerRequest.server;
    const floorMs = floorRun?.cpuPerRequest.server ?? NaN;
    console.log(`Server CPU per public seek: ${appMs.toFixed(2)} ms in the app, ${floorMs.toFixed(2)} ms in plain node:http (×${(appMs / floorMs).toFixed(0)}).`);
    const best = Math.max(seeks(pub), seeks(pair));
    console.log(
      `Target ≥ ${TARGET} seeks/s on ${os.cpus().length} cores: ${best >= TARGET ? "PASS" : "MISS"} — ${seeks(pair).toFixed(0)} seeks/s public with two instances (p99 ${pair.p99.toFixed(1)} ms), ${seeks(pub).toFixed(0)} with one (p99 ${pub.p99.toFixed(1)} ms), ${seeks(reg).toFixed(0)} signed in (p99 ${reg.p99.toFixed(1)} ms)`,
    );
  } finally {
    await app2?.stop();
    await app?.stop();
    await bench.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
