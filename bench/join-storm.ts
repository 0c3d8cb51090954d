// The join storm (issue 6): signed-in delegates asking for stage tokens at once — the session's
// published forum, the person's registration and the grant checked for each, as
// POST /api/livekit/token does. Run: npm run bench:join (add --quick for a smaller storm).
import { seed } from "../prisma/seed";
import { benchDatabase, printTable, timed, type Row } from "./lib";

const quick = process.argv.includes("--quick");
const CONCURRENCY = quick ? 200 : 1000;
const TOTAL = quick ? 2000 : 10_000;
const PEOPLE = CONCURRENCY;

async function main() {
  const bench = await benchDatabase();
  const { issueStageToken } = await import("../lib/rooms/token");
  const { publishAgenda } = await import("../lib/agenda/publish");
  const rows: Row[] = [];
  try {
    await seed(bench.prisma);
    // The seeded conference is in 2021: move the first forum to now so its room is open.
    const event = await bench.prisma.event.findUniqueOrThrow({ where: { slug: "clean-sky-2021" }, include: { forums: { orderBy: { position: "asc" }, take: 1 } } });
    const forum = event.forums[0];
    const delta = Date.now() - forum.startsAt.getTime() - 5 * 60_000;
    await bench.prisma.$executeRaw`UPDATE forums SET starts_at = starts_at + ${delta} * interval '1 millisecond', ends_at = ends_at + ${delta} * interval '1 millisecond' WHERE id = ${forum.id}`;
    await bench.prisma
      .$executeRaw`UPDATE sessions SET starts_at = starts_at + ${delta} * interval '1 millisecond', ends_at = ends_at + ${delta} * interval '1 millisecond' WHERE forum_id = ${forum.id}`;
    await bench.prisma.$executeRaw`UPDATE events SET ends_at = GREATEST(ends_at, now() + interval '1 day') WHERE id = ${event.id}`;
    await publishAgenda(event.id, null, { client: bench.prisma });
    const session = await bench.prisma.session.findFirstOrThrow({ where: { forumId: forum.id }, orderBy: { startsAt: "asc" } });

    const emails = Array.from({ length: PEOPLE }, (_, i) => `storm${i}@bench.example`);
    await bench.prisma.user.createMany({ data: emails.map((email, i) => ({ email, name: `Delegate ${i}` })) });
    const users = await bench.prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
    await bench.prisma.registration.createMany({
      data: users.map((u) => ({ eventId: event.id, userId: u.id, role: "delegate" as const, status: "approved" as const, country: "KR", timeZone: "Asia/Seoul" })),
    });
    const regs = await bench.prisma.registration.findMany({ where: { eventId: event.id, userId: { in: users.map((u) => u.id) } }, select: { id: true } });
    await bench.prisma.registrationForum.createMany({ data: regs.map((r) => ({ registrationId: r.id, forumId: forum.id })) });

    // Warm the pool and the code paths, then the storm: CONCURRENCY callers, TOTAL requests.
    await Promise.all(users.slice(0, 20).map((u) => issueStageToken({ userId: u.id, sessionVersion: 0 }, session.id)));
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const cpuBefore = process.cpuUsage();
    const [wall] = await timed(() =>
      Promise.all(
        users.map(async (u) => {
          while (next < TOTAL) {
            next++;
            const [ms] = await timed(() => issueStageToken({ userId: u.id, sessionVersion: 0 }, session.id).catch(() => void errors++));
            latencies.push(ms);
          }
        }),
      ),
    );
    const cpu = process.cpuUsage(cpuBefore);
    rows.push({
      workload: `${TOTAL} stage tokens, ${CONCURRENCY} concurrent delegates`,
      samples: latencies,
      extra: `${((TOTAL / wall) * 1000).toFixed(0)} tokens/s, ${errors} errors, app CPU ${((cpu.user + cpu.system) / 1000 / TOTAL).toFixed(2)} ms/token (target ≥ 1,500/s, p99 < 100 ms)`,
    });
  } finally {
    await bench.close();
  }
  printTable("Join storm", rows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
