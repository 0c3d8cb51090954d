// Read workloads against the production app (issue 8): the public agenda page in ko/zh/en mixed,
// the agenda JSON API, and the join storm over HTTP — POST /api/livekit/token from signed-in
// approved delegates (real Auth.js session cookies) on 1,000 connections at once. The seeded
// event, its first forum moved to "now" and published; autocannon in this process, `next start`
// in its own — each workload on one instance, then split over two (one per core). Every answer is
// checked. Run: npm run bench:read (--quick: 3 s runs, 1,000 delegates instead of 10,000;
// --only=page,json,token: some of them; --storm-connections=N: the token storm on N connections; --cpu-prof: a V8 CPU profile of the first instance into
// .data/bench-prof).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { langTag } from "../lib/i18n/lang";
import type { Locale } from "../lib/i18n/routing";
import { seed } from "../prisma/seed";
import { combineLoads, printHttpTable, runLoad, type Answer, type HttpRow, type LoadOptions, type LoadResult } from "./http";
import { floorRow, startFloor, type Floor } from "./floor";
import { benchDatabase } from "./lib";
import { startProductionApp, type ProductionApp } from "./server";

const quick = process.argv.includes("--quick");
const profile = process.argv.includes("--cpu-prof");
const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const runs = (name: string) => !only || only.includes(name);
const SECONDS = quick ? 3 : 20;
const WARM_SECONDS = quick ? 1 : 5;
const DELEGATES = quick ? 1_000 : 10_000;
const PAGE_CONNECTIONS = 32;
const JSON_CONNECTIONS = 32;
/** --storm-connections=N: the join storm on fewer connections (a busy shared machine times out 1,000). */
const STORM_CONNECTIONS = Number(process.argv.find((a) => a.startsWith("--storm-connections="))?.slice(20) ?? 1_000);
const SLUG = "clean-sky-2021";
const LOCALES = ["ko", "zh", "en"] as const;
/** Auth.js's session cookie over plain http: a JWT encrypted with AUTH_SECRET, salted with its name. */
const COOKIE = "authjs.session-token";

/** The seeded event's first forum moved so that it runs now (its room is open), then published. */
async function openFirstForum(prisma: Awaited<ReturnType<typeof benchDatabase>>["prisma"]) {
  const { publishAgenda } = await import("../lib/agenda/publish");
  const event = await prisma.event.findUniqueOrThrow({ where: { slug: SLUG }, include: { forums: { orderBy: { position: "asc" }, take: 1 } } });
  const forum = event.forums[0];
  const delta = Date.now() - forum.startsAt.getTime() - 5 * 60_000;
  await prisma.$executeRaw`UPDATE forums SET starts_at = starts_at + ${delta} * interval '1 millisecond', ends_at = ends_at + ${delta} * interval '1 millisecond' WHERE id = ${forum.id}`;
  await prisma.$executeRaw`UPDATE sessions SET starts_at = starts_at + ${delta} * interval '1 millisecond', ends_at = ends_at + ${delta} * interval '1 millisecond' WHERE forum_id = ${forum.id}`;
  await prisma.$executeRaw`UPDATE events SET ends_at = GREATEST(ends_at, now() + interval '1 day') WHERE id = ${event.id}`;
  await publishAgenda(event.id, null, { client: prisma });
  const session = await prisma.session.findFirstOrThrow({ where: { forumId: forum.id }, orderBy: { startsAt: "asc" } });
  return { event, forum, session };
}

/** A response header by name, whatever its case on the wire (autocannon keeps the server's). */
function header(a: Answer, name: string): string | undefined {
  const key = Object.keys(a.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : String(a.headers[key]);
}

/** What Chromium and Firefox send. */
const BROWSER_ENCODINGS = "gzip, deflate, br, zstd";

/** The cached agenda page's document per locale, as sent without and with compression: checked
 * (its language, its forums) and its bytes printed, the React payload's share among them. */
async function agendaDocuments(url: string) {
  for (const locale of LOCALES) {
    const path = `${url}/${locale}/events/${SLUG}/agenda`;
    const html = await (await fetch(path, { headers: { "accept-encoding": "identity" } })).text();
    if (!html.includes(`<html lang="${langTag[locale]}"`) || !html.includes(`data-testid="agenda-forum"`)) throw new Error(`${path}: not the agenda in ${locale}`);
    const wire = await onTheWire(path);
    const payload = [...html.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((n, m) => n + Buffer.byteLength(m[0]), 0);
    console.log(`[bench] agenda document, ${locale}: ${Buffer.byteLength(html)} B (React payload scripts ${payload} B), ${wire.encoding} ${wire.bytes} B`);
  }
}

/** The body's bytes and encoding as sent for a browser's Accept-Encoding (node:http does not decode). */
async function onTheWire(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": BROWSER_ENCODINGS } }, (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "identity") }));
      })
      .on("error", reject);
  });
}

/** `count` approved delegates of the forum, as their user ids. */
async function delegates(prisma: Awaited<ReturnType<typeof benchDatabase>>["prisma"], eventId: string, forumId: string, count: number) {
  const emails = Array.from({ length: count }, (_, i) => `delegate${i}@bench.example`);
  await prisma.user.createMany({ data: emails.map((email, i) => ({ email, name: `Delegate ${i}` })) });
  const users = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, name: true } });
  await prisma.registration.createMany({ data: users.map((u) => ({ eventId, userId: u.id, role: "delegate" as const, status: "approved" as const, country: "KR", timeZone: "Asia/Seoul" })) });
  const regs = await prisma.registration.findMany({ where: { eventId, userId: { in: users.map((u) => u.id) } }, select: { id: true } });
  await prisma.registrationForum.createMany({ data: regs.map((r) => ({ registrationId: r.id, forumId })) });
  return users;
}

function okJson(check: (body: Record<string, unknown>) => boolean) {
  return (a: Answer) => {
    if (a.status !== 200) return false;
    try {
      return check(JSON.parse(a.body) as Record<string, unknown>);
    } catch {
      return false;
    }
  };
}

/** The same load split over two instances of the app (one event loop per core, as behind a
 * balancer), half the connections each, run at the same time and counted as one. */
async function onTwo(opts: LoadOptions, apps: ProductionApp[]): Promise<LoadResult> {
  const half = Math.ceil(opts.connections / 2);
  const [a, b] = await Promise.all(apps.map((app) => runLoad({ ...opts, url: app.url, server: app, connections: half })));
  return combineLoads(a, b);
}

async function main() {
  const bench = await benchDatabase();
  let app: ProductionApp | undefined;
  let second: ProductionApp | undefined;
  let floor: Floor | undefined;
  try {
    await seed(bench.prisma);
    const { event, forum, session } = await openFirstForum(bench.prisma);
    const users = await delegates(bench.prisma, event.id, forum.id, DELEGATES);
    const profDir = path.resolve(import.meta.dirname, "..", ".data", "bench-prof");
    if (profile) fs.mkdirSync(profDir, { recursive: true });
    app = await startProductionApp({ env: { DATABASE_URL: bench.databaseUrl, LIVEKIT_URL: "ws://127.0.0.1:7880" }, nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [] });
    // The second instance shares the first one's AUTH_SECRET, so one session cookie works on both.
    second = await startProductionApp({ env: { DATABASE_URL: bench.databaseUrl, LIVEKIT_URL: "ws://127.0.0.1:7880", AUTH_SECRET: app.authSecret } });
    const apps = [app, second];
    floor = await startFloor();
    const started = performance.now();
    const cookies = await Promise.all(users.map(async (u) => `${COOKIE}=${await encode({ token: { sub: u.id, email: u.email, name: u.name }, secret: app!.authSecret, salt: COOKIE })}`));
    console.log(`[bench] ${cookies.length} session cookies minted in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    let locale = 0;
    // The page as browsers ask for it (issue 22): compressed, so the language and the sessions are
    // checked once per locale on the decompressed page (agendaDocuments), each answer for its encoding.
    const page: LoadOptions = {
      url: app.url,
      connections: PAGE_CONNECTIONS,
      seconds: SECONDS,
      server: app,
      request: () => ({ path: `/${LOCALES[locale++ % LOCALES.length]}/events/${SLUG}/agenda`, headers: { "accept-encoding": BROWSER_ENCODINGS } }),
      check: (a) => a.status === 200 && header(a, "content-encoding") === "gzip" && a.body.length > 1_000,
    };
    // Without Accept-Encoding (curl, most bots): the page in the asked language, with the agenda's sessions in it.
    const pageIdentity: LoadOptions = {
      ...page,
      request: () => ({ path: `/${LOCALES[locale++ % LOCALES.length]}/events/${SLUG}/agenda` }),
      check: (a, asked) => a.status === 200 && a.body.includes(`<html lang="${langTag[asked.path!.split("/")[1] as Locale]}"`) && a.body.includes(`data-testid="agenda-forum"`),
    };
    const json: LoadOptions = {
      url: app.url,
      path: `/api/events/${SLUG}/agenda`,
      connections: JSON_CONNECTIONS,
      seconds: SECONDS,
      server: app,
      check: okJson((b) => (b.event as { slug?: string })?.slug === SLUG && Array.isArray(b.forums) && b.forums.length > 0),
    };
    let next = 0;
    const storm: LoadOptions = {
      url: app.url,
      path: "/api/livekit/token",
      connections: STORM_CONNECTIONS,
      seconds: SECONDS,
      server: app,
      request: () => ({ headers: { cookie: cookies[next++ % cookies.length] } }),
      check: okJson((b) => typeof b.participantToken === "string" && b.roomName === forum.roomName),
    };
    // autocannon sends method and body from the options of every request.
    const post = { method: "POST" as const, body: JSON.stringify({ sessionId: session.id }), headers: { "content-type": "application/json" } };

    const rows: HttpRow[] = [];
    if (runs("page")) {
      await runLoad({ ...page, seconds: WARM_SECONDS });
      await onTwo({ ...page, seconds: WARM_SECONDS }, apps);
      const target = "target ≥ 1,500 req/s, p99 < 50 ms, 0 errors";
      await agendaDocuments(app.url);
      const one: HttpRow = { workload: `agenda page, ko/zh/en in turn, one instance, ${PAGE_CONNECTIONS} connections, ${SECONDS} s`, result: await runLoad(page), notes: target };
      rows.push(one, await floorRow(floor, "page", one, page, { warmSeconds: WARM_SECONDS }));
      rows.push({ workload: `agenda page, ko/zh/en in turn, two instances, ${PAGE_CONNECTIONS / 2} connections each, ${SECONDS} s`, result: await onTwo(page, apps), notes: target });
      rows.push({ workload: `agenda page without Accept-Encoding, one instance, ${PAGE_CONNECTIONS} connections, ${SECONDS} s`, result: await runLoad(pageIdentity), notes: "uncompressed" });
    }
    if (runs("json")) {
      await runLoad({ ...json, seconds: WARM_SECONDS });
      await onTwo({ ...json, seconds: WARM_SECONDS }, apps);
      const target = "target ≥ 3,000 req/s, p99 < 30 ms";
      const one: HttpRow = { workload: `agenda JSON API, one instance, ${JSON_CONNECTIONS} connections, ${SECONDS} s`, result: await runLoad(json), notes: target };
      rows.push(one, await floorRow(floor, "json", one, json, { warmSeconds: WARM_SECONDS }));
      rows.push({ workload: `agenda JSON API, two instances, ${JSON_CONNECTIONS / 2} connections each, ${SECONDS} s`, result: await onTwo(json, apps), notes: target });
    }
    if (runs("token")) {
      await runLoad({ ...storm, ...post, connections: 50, seconds: WARM_SECONDS });
      await onTwo({ ...storm, ...post, connections: 50, seconds: WARM_SECONDS }, apps);
      const target = "target ≥ 1,500 req/s, p99 < 100 ms, 0 errors";
      const one: HttpRow = {
        workload: `POST /api/livekit/token, ${cookies.length} signed-in approved delegates, one instance, ${STORM_CONNECTIONS} connections, ${SECONDS} s`,
        result: await runLoad({ ...storm, ...post }),
        notes: target,
      };
      rows.push(one, await floorRow(floor, "token", one, { ...storm, ...post }, { warmSeconds: WARM_SECONDS }));
      rows.push({
        workload: `POST /api/livekit/token, ${cookies.length} signed-in approved delegates, two instances, ${STORM_CONNECTIONS / 2} connections each, ${SECONDS} s`,
        result: await onTwo({ ...storm, ...post }, apps),
        notes: target,
      });
    }
    printHttpTable("Read workloads against next start", rows);
  } finally {
    await floor?.stop();
    await second?.stop();
    await app?.stop();
    await bench.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
