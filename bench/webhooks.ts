// Webhook ingestion over HTTP (issue 8): bursts of LiveKit participant_joined / participant_left
// webhooks to POST /api/livekit/webhook of the production build (`next start`), signed as the
// LiveKit server signs them (a JWT from the API key and secret whose sha256 claim is the body's
// hash), 64 in flight from this process (a separate one from the server). Participants join the
// five forums' rooms, then leave, joins and leaves interleaved as a busy server sends them; then
// a tenth of the events are delivered again, as LiveKit redelivers when it missed an answer. The
// database is checked afterwards: one attendance row per participant, joined and left, each event
// id recorded once, nothing lost and nothing applied twice. Target ≥ 1,000 events/s.
// Run: npm run bench:webhooks (--quick: a smaller burst; --rebuild: build the app first;
// --profile: CPU profiles of the
// server into .data/profiles).
import { pathToFileURL } from "node:url";
import { attendanceBurst, createWriteEvent, type Delivery } from "../test/write-requests";
import { profileArgs, sendAll, type Sent } from "./fetch-load";
import { floorRowForSent } from "./floor";
import { combineLoads, printHttpTable, type HttpRow } from "./http";
import { benchDatabase, verdict } from "./lib";
import { startProductionApp, type ProductionApp } from "./server";

const TARGET = 1000;
const IN_FLIGHT = 64;
const KEY = "benchkey";
const SECRET = "bench-secret-bench-secret-bench-secret";
const FORUMS = 5;
/** Joins from 01:10 UTC, inside the forums' session (01:00–03:00 on createWriteEvent's day). */
const AT = Date.parse("2030-03-01T01:10:00Z");

/** 200 with the outcome the route reports. */
const answered = (outcome: string) => (s: Sent) => s.status === 200 && JSON.parse(s.body).outcome === outcome;

export async function webhookIngestion({ quick = false, instances = 1 }: { quick?: boolean; instances?: 1 | 2 } = {}) {
  const people = quick ? 1500 : 5000;
  const bench = await benchDatabase();
  const apps: ProductionApp[] = [];
  try {
    const { prisma } = bench;
    const event = await createWriteEvent(bench.databaseUrl, { slug: "hooks", capacity: 10_000, forums: FORUMS + 1 });
    const rooms = event.forums.map((f) => f.roomName);
    // The last forum takes the warm-up, the others the measured burst.
    const warm = await attendanceBurst(rooms.slice(FORUMS), 100, AT, KEY, SECRET);
    const started = performance.now();
    const deliveries = await attendanceBurst(rooms.slice(0, FORUMS), people, AT, KEY, SECRET);
    console.log(`[bench] ${deliveries.length} webhooks signed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // LiveKit redelivers what it saw no answer to: a tenth of the events again, after the burst.
    const replays = deliveries.filter((_, i) => i % 10 === 3);

    const env = { DATABASE_URL: bench.databaseUrl, LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET };
    apps.push(await startProductionApp({ env, nodeArgs: profileArgs() }));
    if (instances === 2) apps.push(await startProductionApp({ env, nodeArgs: profileArgs() }));
    const spread = async (list: Delivery[], outcome: string) => {
      const runs = await Promise.all(
        apps.map((app, a) =>
          sendAll({ url: app.url, requests: list.filter((_, i) => i % apps.length === a).map((d) => d.request), inFlight: IN_FLIGHT / apps.length, server: app, ok: answered(outcome) }),
        ),
      );
      return runs.length === 1 ? runs[0].result : combineLoads(runs[0].result, runs[1].result);
    };
    const warmed = await spread(warm, "applied");
    if (warmed.errors.total) throw new Error(`warm-up webhooks failed (${JSON.stringify(warmed.errors.statuses)}); server log: ${apps[0].log}`);
    const burst = await spread(deliveries, "applied");
    const again = await spread(replays, "replayed");

    const forumRooms = rooms.slice(0, FORUMS);
    const rows = await prisma.attendance.findMany({ where: { forum: { roomName: { in: forumRooms } } }, select: { participantSid: true, joinedAt: true, leftAt: true, sessionId: true } });
    const ids = new Set(deliveries.map((d) => d.id));
    const recorded = await prisma.webhookEvent.count({ where: { id: { in: [...ids] } } });
    const complete = rows.filter((r) => r.leftAt && r.sessionId && r.leftAt > r.joinedAt).length;
    const lost = ids.size - recorded + (people - rows.length);
    const duplicated = rows.length - new Set(rows.map((r) => r.participantSid)).size + Math.max(0, rows.length - people);
    const problems: string[] = [];
    if (lost) problems.push(`${lost} lost (events recorded ${recorded} of ${ids.size}, attendance rows ${rows.length} of ${people})`);
    if (duplicated) problems.push(`${duplicated} duplicated`);
    if (complete !== people) problems.push(`${people - complete} attendance rows without their leave or session`);
    if (burst.errors.total) problems.push(`${burst.errors.total} deliveries of the burst not applied (${JSON.stringify(burst.errors.statuses)})`);
    if (again.errors.total) problems.push(`${again.errors.total} redeliveries not answered "replayed"`);
    const label = instances === 2 ? ", two app instances" : "";
    const result: HttpRow[] = [
      {
        workload: `${deliveries.length} joins and leaves of ${people} participants in ${FORUMS} rooms, ${IN_FLIGHT} in flight${label}`,
        result: burst,
        notes: `lost ${lost}, duplicated ${duplicated}, ${complete} complete attendance rows${problems.length ? `; PROBLEMS: ${problems.join("; ")}` : ""}`,
      },
      { workload: `${replays.length} redeliveries of the same events${label}`, result: again, notes: `all answered "replayed": ${again.errors.total ? "no" : "yes"}` },
    ];
    return { rows: result, eventsPerSecond: burst.rps, problems };
  } finally {
    for (const app of apps) await app.stop();
    await bench.close();
  }
}

async function main() {
  const quick = process.argv.includes("--quick");
  const one = await webhookIngestion({ quick });
  // The framework's floor for the same load (issue 22): a bare Next route answering from memory.
  const floor = await floorRowForSent(one.rows[0], {
    route: "json",
    count: one.rows[0].result.requests,
    inFlight: IN_FLIGHT,
    note: "the framework's floor for any request (a GET of a JSON route, no signature, no database)",
  });
  const two = quick ? undefined : await webhookIngestion({ quick, instances: 2 });
  printHttpTable("LiveKit webhook ingestion over HTTP", [...one.rows, floor, ...(two?.rows ?? [])]);
  const best = Math.max(one.eventsPerSecond, two?.eventsPerSecond ?? 0);
  const problems = [...one.problems, ...(two?.problems ?? [])];
  verdict(
    `≥ ${TARGET} events/s, 0 lost, 0 duplicated`,
    best >= TARGET,
    `${one.eventsPerSecond.toFixed(0)} events/s on one instance${two ? `, ${two.eventsPerSecond.toFixed(0)} on two` : ""}`,
    problems,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
