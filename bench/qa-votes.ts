// Q&A and polls under an audience (issue 19), against the production build (`next start`):
// 1,000 signed-in viewers vote for one question at the same instant, then answer one poll at the
// same instant — each their own request with their own session cookie, the routes' JSON posts —
// and the database must hold exactly one vote per viewer. Then the fan-out: 1,000 open live
// streams (the event's server-sent events, half on each of two instances), one more vote, and the
// time until the last stream has the `qa` event that tells its page to read the list again.
// Target: the 1,000 votes within one second (p99 < 1 s), every vote counted. Run: npm run bench:qa
// (--quick: 300 viewers; --rebuild: build the app even if the build looks current; --profile: CPU
// profiles of the first instance into .data/profiles).
import http from "node:http";
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createWriteEvent, sessionCookie, type Prepared } from "../test/write-requests";
import { profileArgs, sendAll } from "./fetch-load";
import { floorRowForSent } from "./floor";
import { printHttpTable, type HttpRow } from "./http";
import { benchDatabase, printTable, verdict, type Row } from "./lib";
import { startProductionApp, type ProductionApp } from "./server";

const TARGET_MS = 1000;
const HOUR = 3_600_000;

async function makeViewers(prisma: PrismaClient, eventId: string, forumId: string, n: number) {
  const emails = Array.from({ length: n }, (_, i) => `viewer${i}@bench.example`);
  await prisma.user.createMany({ data: emails.map((email) => ({ email, name: email, emailVerified: new Date() })) });
  const users = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, name: true } });
  await prisma.registration.createMany({
    data: users.map((u) => ({ eventId, userId: u.id, role: "delegate" as const, status: "approved" as const, country: "KR", timeZone: "Asia/Seoul", decidedAt: new Date() })),
  });
  const regs = await prisma.registration.findMany({ where: { eventId, userId: { in: users.map((u) => u.id) } }, select: { id: true } });
  await prisma.registrationForum.createMany({ data: regs.map((r) => ({ registrationId: r.id, forumId })) });
  return users;
}

const jsonPost = (path: string, cookie: string, origin: string, body: unknown): Prepared => ({
  path,
  method: "POST",
  headers: { "cookie": cookie, "origin": origin, "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** Opens `n` live streams on `url` (node:http, a connection each, as that many browsers would) and
 * resolves each one's wait for its first `qa` event, in ms after `since()` (NaN if it closed first). */
async function openStreams(url: string, slug: string, n: number, since: () => number) {
  const requests: http.ClientRequest[] = [];
  const opened = await Promise.all(
    Array.from(
      { length: n },
      () =>
        // The wait is wrapped: a promise resolved with a promise would wait for it.
        new Promise<{ heard: Promise<number> }>((resolveOpened, reject) => {
          const req = http.get(`${url}/api/events/${slug}/live`, { agent: false }, (res) => {
            if (res.statusCode !== 200) return reject(new Error(`live stream answered ${res.statusCode}`));
            res.setEncoding("utf8");
            let text = "";
            let subscribed = false;
            let heard: (ms: number) => void = () => {};
            const heardAt = new Promise<number>((r) => (heard = r));
            res.on("data", (chunk: string) => {
              text += chunk;
              // The snapshot comes first: the stream is subscribed once it has arrived.
              if (!subscribed && text.includes("event: snapshot")) {
                subscribed = true;
                text = "";
                resolveOpened({ heard: heardAt });
              } else if (subscribed && text.includes("event: qa")) heard(performance.now() - since());
            });
            res.on("close", () => heard(NaN));
          });
          req.on("error", reject);
          requests.push(req);
        }),
    ),
  );
  return { heard: opened.map((o) => o.heard), close: () => requests.forEach((r) => r.destroy()) };
}

async function main() {
  const quick = process.argv.includes("--quick");
  const viewersCount = quick ? 300 : 1000;
  const bench = await benchDatabase();
  const apps: ProductionApp[] = [];
  try {
    const { prisma } = bench;
    const event = await createWriteEvent(bench.databaseUrl, { slug: "qa-bench", capacity: viewersCount + 10 });
    const forumId = event.forums[0].id;
    // Live now: the forum and its session around the present, published again with these times.
    const now = Date.now();
    await prisma.event.update({ where: { id: event.eventId }, data: { startsAt: new Date(now - 2 * HOUR), endsAt: new Date(now + 4 * HOUR) } });
    await prisma.forum.update({ where: { id: forumId }, data: { startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) } });
    await prisma.session.updateMany({ where: { forumId }, data: { startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR), status: "live" } });
    const { publishAgenda } = await import("../lib/agenda/publish");
    await publishAgenda(event.eventId, null, { client: prisma });
    const session = await prisma.session.findFirstOrThrow({ where: { forumId }, select: { id: true } });
    const viewers = await makeViewers(prisma, event.eventId, forumId, viewersCount);
    const asker = viewers[0];
    const question = await prisma.question.create({ data: { sessionId: session.id, userId: asker.id, body: "벤치마크 질문", language: "ko", status: "approved" } });
    const warmQuestion = await prisma.question.create({ data: { sessionId: session.id, userId: asker.id, body: "warm-up", language: "ko", status: "approved" } });
    const text = { ko: "어느 쪽입니까?", zh: "哪一个？", en: "Which one?" };
    const options = [1, 2, 3].map((i) => ({ id: `o${i}`, label: { ko: `${i}안`, zh: `方案${i}`, en: `Option ${i}` } }));
    const poll = await prisma.poll.create({ data: { sessionId: session.id, question: text, options, status: "open", openedAt: new Date() } });

    const env = { DATABASE_URL: bench.databaseUrl };
    apps.push(await startProductionApp({ env, nodeArgs: profileArgs() }));
    apps.push(await startProductionApp({ env: { ...env, AUTH_SECRET: apps[0].authSecret } }));
    const [one] = apps;
    const cookies = await Promise.all(viewers.map((v) => sessionCookie(v, one.authSecret)));

    // Warm-up: code paths and the pool, on a question of its own.
    const warm = cookies.slice(0, 30).map((c) => jsonPost(`/api/questions/${warmQuestion.id}/vote`, c, one.url, { vote: true }));
    const warmed = await sendAll({ url: one.url, requests: warm, inFlight: 10 });
    if (warmed.result.errors.total)
      throw new Error(`warm-up votes failed (${JSON.stringify(warmed.result.errors.statuses)}, ${warmed.sent.find((s) => s.status !== 200)?.body}); server log: ${one.log}`);

    const problems: string[] = [];
    const rows: HttpRow[] = [];
    // 1. Every viewer votes for the question at once.
    const votes = cookies.map((c) => jsonPost(`/api/questions/${question.id}/vote`, c, one.url, { vote: true }));
    const voted = await sendAll({ url: one.url, requests: votes, inFlight: Infinity, server: one });
    const counted = await prisma.questionVote.count({ where: { questionId: question.id } });
    if (counted !== viewersCount) problems.push(`question: ${counted} votes for ${viewersCount} voters`);
    if (voted.result.errors.total) problems.push(`question: ${voted.result.errors.total} votes refused (${JSON.stringify(voted.result.errors.statuses)})`);
    const highest = Math.max(...voted.sent.map((s) => (s.status === 200 ? (JSON.parse(s.body) as { votes: number }).votes : 0)));
    rows.push({ workload: `${viewersCount} viewers vote for one question at once`, result: voted.result, notes: `${counted} votes in the database, highest count answered ${highest}` });

    // 2. Every viewer answers the poll at once.
    const choices = cookies.map((_, i) => options[i % options.length].id);
    const answers = cookies.map((c, i) => jsonPost(`/api/polls/${poll.id}/vote`, c, one.url, { choices: [choices[i]] }));
    const answered = await sendAll({ url: one.url, requests: answers, inFlight: Infinity, server: one });
    const tally = await prisma.pollVote.groupBy({ by: ["choices"], where: { pollId: poll.id }, _count: true });
    const total = tally.reduce((sum, t) => sum + t._count, 0);
    if (total !== viewersCount) problems.push(`poll: ${total} answers for ${viewersCount} voters`);
    for (const o of options) {
      const expected = choices.filter((c) => c === o.id).length;
      const got = tally.find((t) => t.choices.length === 1 && t.choices[0] === o.id)?._count ?? 0;
      if (got !== expected) problems.push(`poll: ${o.id} has ${got} answers, ${expected} chose it`);
    }
    if (answered.result.errors.total) problems.push(`poll: ${answered.result.errors.total} answers refused (${JSON.stringify(answered.result.errors.statuses)})`);
    rows.push({
      workload: `${viewersCount} viewers answer one poll at once`,
      result: answered.result,
      notes: `${total} answers in the database (${options.map((o) => `${o.id} ${tally.find((t) => t.choices[0] === o.id)?._count ?? 0}`).join(", ")})`,
    });
    // The framework's floor for the same burst (issue 22): a bare Next route answering from memory.
    const floorNote = "the framework's floor for any request (a GET of a JSON route, no session, no database)";
    rows.push(await floorRowForSent(rows[0], { route: "json", count: voted.result.requests, inFlight: Infinity, note: floorNote }));
    printHttpTable("Q&A and polls: votes over HTTP", rows);

    // 3. Fan-out: the viewers' open streams, half on each instance; one vote (the asker takes theirs
    // back) and the time until each stream has heard of it.
    let sentAt = 0;
    const half = Math.ceil(viewersCount / 2);
    console.log(`[bench] opening ${viewersCount} live streams…`);
    const streams = await Promise.all([openStreams(apps[0].url, event.slug, half, () => sentAt), openStreams(apps[1].url, event.slug, viewersCount - half, () => sentAt)]);
    console.log("[bench] streams open; one vote");
    sentAt = performance.now();
    const change = await fetch(new URL(`/api/questions/${question.id}/vote`, one.url), jsonPost("", cookies[0], one.url, { vote: false }));
    if (change.status !== 200) problems.push(`the fan-out's vote answered ${change.status}`);
    console.log(`[bench] the vote answered ${change.status} after ${(performance.now() - sentAt).toFixed(0)} ms`);
    const deadline = new Promise<number[]>((resolve) => setTimeout(() => resolve([]), 30_000));
    const heard = await Promise.race([Promise.all(streams.flatMap((s) => s.heard)), deadline]);
    for (const s of streams) s.close();
    const missed = heard.length ? heard.filter((ms) => Number.isNaN(ms)).length : viewersCount;
    if (missed) problems.push(`${missed} of ${viewersCount} streams never heard of the vote within 30 s`);
    const fan: Row[] = [
      {
        workload: `one vote announced to ${viewersCount} open live streams (two instances)`,
        samples: heard.filter((ms) => !Number.isNaN(ms)),
        extra: "ms from sending the vote until each stream has its `qa` event; the max is the last one",
      },
    ];
    printTable("Q&A and polls: fan-out to open pages", fan);

    const p99 = voted.result.p99;
    const lastHeard = Math.max(...fan[0].samples);
    verdict(
      `${viewersCount} votes within ${TARGET_MS} ms (p99), every one counted`,
      p99 < TARGET_MS && answered.result.p99 < TARGET_MS,
      `question p99 ${p99.toFixed(0)} ms (all in ${(voted.result.seconds * 1000).toFixed(0)} ms), poll p99 ${answered.result.p99.toFixed(0)} ms, last stream heard after ${lastHeard.toFixed(0)} ms`,
      problems,
    );
  } finally {
    for (const app of apps) await app.stop();
    await bench.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
