// Page budgets (issue 8), measured in Chromium against the production build on the seeded
// database: for the agenda and a session page in ko, zh and en — first-load JavaScript (every JS
// response of a cold load, gzipped here at level 6 so the figure does not depend on whether the
// server compressed), LCP and CLS (PerformanceObserver, buffered) — and whether LiveKit's client
// code was loaded, which must happen on a room page only. Run: npm run bench:pages (--quick: one
// load per page instead of three; --rebuild: build even if .next-bench looks current).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { seed } from "../prisma/seed";
import { benchDatabase, machineLine } from "./lib";
import { startProductionApp } from "./server";

const quick = process.argv.includes("--quick");
const RUNS = quick ? 1 : 3;
const BUDGET = { jsKb: 120, lcpMs: 1000, cls: 0.05 };
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/** Logger names livekit-client registers; they survive minification and no other package has them. */
const LIVEKIT_MARK = /livekit-(engine|signal|pc-manager)/;
/** After `load`, how long to let hydration, lazy chunks and the last paint happen before reading. */
const SETTLE_MS = 2000;

interface Load {
  jsGzip: number;
  jsTransferred: number;
  compressedByServer: boolean;
  chunks: string[];
  lcp: number;
  cls: number;
}

/** The chunks of the build that hold livekit-client (by name, as the browser requests them). */
function liveKitChunks(distDir: string): Set<string> {
  const dir = path.join(distDir, "static", "chunks");
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js") && LIVEKIT_MARK.test(fs.readFileSync(p, "utf8"))) found.add(path.relative(dir, p));
    }
  };
  walk(dir);
  return found;
}

/** LCP (the last candidate) and CLS (the largest session window, as web-vitals counts it). */
function readVitals(): Promise<{ lcp: number; cls: number }> {
  return new Promise((resolve) => {
    let lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lcp = e.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    const shifts: { startTime: number; value: number }[] = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { startTime: number; value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) shifts.push(e);
    }).observe({ type: "layout-shift", buffered: true });
    // Buffered entries are delivered in a task after observe(); read them in the next one.
    setTimeout(() => {
      let cls = 0;
      let window = 0;
      let first = 0;
      let last = 0;
      for (const s of shifts) {
        if (window && (s.startTime - last > 1000 || s.startTime - first > 5000)) window = 0;
        if (!window) first = s.startTime;
        window += s.value;
        last = s.startTime;
        cls = Math.max(cls, window);
      }
      resolve({ lcp, cls });
    }, 100);
  });
}

async function measure(browser: Browser, url: string, cookie?: { name: string; value: string; url: string }): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (cookie) await context.addCookies([cookie]);
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const load: Load = { jsGzip: 0, jsTransferred: 0, compressedByServer: false, chunks: [], lcp: 0, cls: 0 };
  page.on("response", (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (!/javascript/.test(type) && !res.url().endsWith(".js")) return;
    pending.push(
      (async () => {
        const body = await res.body().catch(() => Buffer.alloc(0));
        const sizes = await res
          .request()
          .sizes()
          .catch(() => ({ responseBodySize: body.length }));
        load.jsGzip += zlib.gzipSync(body, { level: 6 }).length;
        load.jsTransferred += sizes.responseBodySize;
        if (/gzip|br|zstd/.test(res.headers()["content-encoding"] ?? "")) load.compressedByServer = true;
        load.chunks.push(new URL(res.url()).pathname);
      })(),
    );
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(SETTLE_MS);
  await Promise.all(pending);
  Object.assign(load, await page.evaluate(readVitals));
  await context.close();
  return load;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes: number) => bytes / 1024;
const mark = (ok: boolean) => (ok ? "pass" : "FAIL");

async function main() {
  const bench = await benchDatabase();
  let app: Awaited<ReturnType<typeof startProductionApp>> | undefined;
  let browser: Browser | undefined;
  try {
    await seed(bench.prisma);
    const event = await bench.prisma.event.findFirstOrThrow({ where: { slug: "clean-sky-2021" }, select: { id: true } });
    const session = await bench.prisma.session.findFirstOrThrow({ where: { forum: { eventId: event.id } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: { id: true } });
    const organizer = await bench.prisma.user.findUniqueOrThrow({ where: { email: "organizer.kr@plenary.test" } });
    app = await startProductionApp({ env: { DATABASE_URL: bench.databaseUrl } });
    const livekit = liveKitChunks(path.join(import.meta.dirname, "..", ".next-bench"));
    if (!livekit.size) throw new Error("no livekit-client chunk found in .next-bench: the marker no longer matches");
    // Organizers may open any room at any time: their room page loads the LiveKit client.
    const name = "authjs.session-token";
    const cookie = { name, value: await encode({ token: { sub: organizer.id, email: organizer.email, name: organizer.name }, secret: app.authSecret, salt: name }), url: app.url };

    const pages: { page: string; path: string; budgeted: boolean; signedIn?: boolean }[] = [];
    for (const locale of ["ko", "zh", "en"]) {
      pages.push({ page: `agenda ${locale}`, path: `/${locale}/events/clean-sky-2021/agenda`, budgeted: true });
      pages.push({ page: `session ${locale}`, path: `/${locale}/sessions/${session.id}`, budgeted: true });
    }
    pages.push({ page: "room en (organizer)", path: `/en/sessions/${session.id}/live`, budgeted: false, signedIn: true });

    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    // Warm-up: the first request of each page renders it (ISR) and fills the server's caches.
    for (const p of pages) await measure(browser, app.url + p.path, p.signedIn ? cookie : undefined);

    console.log(`\nPage budgets (production build, cold browser cache, median of ${RUNS}) — ${machineLine()}`);
    console.log(`| page | first-load JS gzip KB (≤ ${BUDGET.jsKb}) | LCP ms (< ${BUDGET.lcpMs}) | CLS (< ${BUDGET.cls}) | LiveKit client loaded | JS files | result |`);
    console.log("|---|---|---|---|---|---|---|");
    let failed = 0;
    let compressed = false;
    let transferred = 0;
    for (const p of pages) {
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i++) loads.push(await measure(browser, app.url + p.path, p.signedIn ? cookie : undefined));
      const js = median(loads.map((l) => l.jsGzip));
      const lcp = median(loads.map((l) => l.lcp));
      const cls = Math.max(...loads.map((l) => l.cls));
      const withLiveKit = loads.some((l) => l.chunks.some((c) => livekit.has(c.replace(/^.*\/static\/chunks\//, ""))));
      compressed ||= loads.some((l) => l.compressedByServer);
      transferred = Math.max(transferred, ...(p.budgeted ? loads.map((l) => l.jsTransferred) : [0]));
      const checks = p.budgeted ? [kb(js) <= BUDGET.jsKb, lcp < BUDGET.lcpMs, cls < BUDGET.cls, !withLiveKit] : [withLiveKit]; // a room page is not budgeted; it must load the LiveKit client
      const ok = checks.every(Boolean);
      if (!ok) failed++;
      const cell = (v: string, pass: boolean) => (p.budgeted ? `${v} ${mark(pass)}` : v);
      console.log(
        `| ${p.page} | ${cell(kb(js).toFixed(1), kb(js) <= BUDGET.jsKb)} | ${cell(lcp.toFixed(0), lcp < BUDGET.lcpMs)} | ${cell(cls.toFixed(3), cls < BUDGET.cls)} | ${withLiveKit ? "yes" : "no"} ${mark(p.budgeted ? !withLiveKit : withLiveKit)} | ${loads[0].chunks.length} | ${mark(ok)} |`,
      );
    }
    console.log(
      `\n${os.cpus().length} cores. JS sizes: response bodies gzipped here (level 6); next start ${compressed ? "also compressed them" : "sent them uncompressed"} (largest budgeted page: ${kb(transferred).toFixed(1)} KB on the wire). LiveKit client = the ${livekit.size} build chunk(s) holding livekit-client.`,
    );
    if (failed) {
      console.log(`${failed} page(s) over budget`);
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    await app?.stop();
    await bench.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
