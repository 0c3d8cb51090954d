// Registration benchmarks (issue 4): a burst of concurrent registrations for the last places,
// and the registration desk's list query at 10,000 registrations. Run: npm run bench:registration
// (add --quick for a smaller burst). Exits non-zero if the capacity was not held exactly.
import { loadRegistrations, LOAD_EVENT_SLUG } from "../test/load-registrations";
import { seed } from "../prisma/seed";
import { benchDatabase, printTable, timed, type Row } from "./lib";

const quick = process.argv.includes("--quick");
const BURST = quick ? 300 : 1000;
const PLACES = 109;

async function main() {
  const bench = await benchDatabase();
  process.env.MAIL_DIR ??= "/tmp/plenary-bench-mail";
  // Each registration mails a receipt; one log line per mail would bury the table.
  console.info = () => {};
  const { register } = await import("../lib/registration/mutations");
  const desk = await import("../lib/registration/desk");
  const { requireOrganizer } = await import("../lib/auth/session");
  const rows: Row[] = [];
  let failed = false;
  try {
    await seed(bench.prisma);
    const event = await bench.prisma.event.create({
      data: {
        slug: "burst",
        title: { ko: "burst", zh: "burst", en: "burst" },
        description: {},
        venue: {},
        hostCountries: ["KR"],
        languages: ["ko"],
        timeZone: "Asia/Seoul",
        displayZones: [],
        startsAt: new Date("2030-01-01T00:00:00Z"),
        endsAt: new Date("2030-01-02T00:00:00Z"),
        capacity: PLACES,
        registrationPolicy: "open",
        publishedAt: new Date(),
        forums: { create: { slug: "main", title: {}, description: {}, position: 1, startsAt: new Date("2030-01-01T00:00:00Z"), endsAt: new Date("2030-01-01T02:00:00Z"), roomName: "burst--main" } },
      },
    });
    const emails = Array.from({ length: BURST }, (_, i) => `burst${i}@bench.example`);
    await bench.prisma.user.createMany({ data: emails.map((email) => ({ email, name: email, emailVerified: new Date() /* confirmed: registrations count at once */ })) });
    const users = await bench.prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
    const input = {
      name: "벤치",
      nameLatin: "Bench",
      organizationKey: "nier",
      organizationOther: "",
      country: "KR",
      role: "delegate" as const,
      forums: ["main"],
      preferredLanguage: "ko" as const,
      timeZone: "Asia/Seoul",
      accessibilityNeeds: "",
      recordingConsent: false,
    };
    const cpuBefore = process.cpuUsage();
    const [wall, latencies] = await timed(() => Promise.all(users.map((u) => timed(() => register({ slug: event.slug, actor: { userId: u.id }, input })).then(([ms]) => ms))));
    const cpu = process.cpuUsage(cpuBefore);
    const approved = await bench.prisma.registration.count({ where: { eventId: event.id, status: "approved" } });
    const waitlisted = await bench.prisma.registration.count({ where: { eventId: event.id, status: "waitlisted" } });
    failed ||= approved !== PLACES || waitlisted !== BURST - PLACES;
    rows.push({
      workload: `${BURST} concurrent registrations for ${PLACES} places`,
      samples: latencies,
      extra: `${approved} approved, ${waitlisted} waitlisted, ${((BURST / wall) * 1000).toFixed(0)} reg/s, app CPU ${((cpu.user + cpu.system) / 1000 / BURST).toFixed(1)} ms/reg`,
    });

    const organizer = await bench.prisma.user.findUniqueOrThrow({ where: { email: "organizer.kr@plenary.test" } });
    const [loadMs] = await timed(() => loadRegistrations(bench.prisma, { organizerEmail: organizer.email }));
    console.log(`10,000-registration fixture loaded in ${loadMs.toFixed(0)} ms`);
    const actor = { userId: organizer.id };
    const queries: Record<string, Record<string, string>> = {
      "desk: first page": {},
      "desk: status + country": { status: "waitlisted", country: "JP" },
      "desk: search by name": { q: "Load Person 0424" },
      "desk: sort by name, page 100": { sort: "name", dir: "desc", page: "100" },
      "desk: forum filter": { forum: "beta", sort: "organization" },
    };
    for (const [name, q] of Object.entries(queries)) {
      const parsed = desk.deskQuerySchema.parse(q);
      const samples: number[] = [];
      for (let i = 0; i < (quick ? 20 : 100); i++) samples.push((await timed(async () => desk.getDeskPage(await requireOrganizer(actor, LOAD_EVENT_SLUG), parsed)))[0]);
      rows.push({ workload: `${name} (10,000 registrations)`, samples });
    }
  } finally {
    await bench.close();
  }
  printTable("Registration benchmarks", rows);
  if (failed) {
    console.error("FAILED: the capacity was not held exactly");
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
