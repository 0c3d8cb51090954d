// No N+1: the public reads make the same number of database queries whatever the agenda's size —
// counted at the driver (every query node-postgres sends) for an event of 10 sessions and one of
// 500, through the agenda JSON route, the session page's read and the recordings library.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "./db";

let queries = 0;
const original = pg.Client.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(pg.Client.prototype as any).query = function (this: pg.Client, ...args: unknown[]) {
  queries++;
  return (original as (...a: unknown[]) => unknown).apply(this, args);
};

async function counted(fn: () => Promise<unknown>, beforeCount = () => {}): Promise<number> {
  await fn(); // warm: connections, prepared statements
  beforeCount();
  queries = 0;
  await fn();
  return queries;
}

describe("query counts of the public reads", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  const slugs: Record<number, string> = {};
  const sessionIds: Record<number, string> = {};

  beforeAll(async () => {
    db = await migratedDatabase("query-count");
    process.env.DATABASE_URL = db.databaseUrl;
    const { publishAgenda } = await import("../../lib/agenda/publish");
    const text = (t: string) => ({ ko: t, zh: t, en: t });
    for (const count of [10, 500]) {
      const slug = `count-${count}-${Date.now().toString(36)}`;
      const start = Date.parse("2030-03-01T00:00:00Z");
      const perForum = count / 5;
      const event = await db.prisma.event.create({
        data: {
          slug,
          title: text(slug),
          description: text("d"),
          venue: text("v"),
          hostCountries: ["KR", "CN"],
          languages: ["ko", "zh", "en"],
          timeZone: "Asia/Seoul",
          displayZones: [],
          startsAt: new Date(start),
          endsAt: new Date(start + 30 * 86_400_000),
          capacity: 10,
          publishedAt: new Date(),
          forums: {
            create: Array.from({ length: 5 }, (_, f) => ({
              slug: `f${f}`,
              title: text(`Forum ${f}`),
              description: text("d"),
              position: f,
              roomName: `${slug}--f${f}`,
              startsAt: new Date(start),
              endsAt: new Date(start + perForum * 600_000),
            })),
          },
        },
        include: { forums: true },
      });
      const org = await db.prisma.organization.create({ data: { key: `org-${slug}`, name: text("Org"), country: "KR" } });
      for (const forum of event.forums) {
        await db.prisma.session.createMany({
          data: Array.from({ length: perForum }, (_, i) => ({
            forumId: forum.id,
            key: `s${i}`,
            title: text(`Session ${forum.slug}-${i}`),
            abstract: text("a"),
            language: "ko" as const,
            startsAt: new Date(start + i * 600_000),
            endsAt: new Date(start + (i + 1) * 600_000),
          })),
        });
        const sessions = await db.prisma.session.findMany({ where: { forumId: forum.id }, select: { id: true } });
        await db.prisma.sessionSpeaker.createMany({ data: sessions.map((s) => ({ sessionId: s.id, name: "Speaker", organizationId: org.id, position: 0 })) });
        const rec = await db.prisma.recording.create({
          data: { forumId: forum.id, status: "ready", published: true, visibility: "public", location: "x.mp4", startedAt: new Date(start), durationMs: perForum * 600_000 },
        });
        await db.prisma.chapter.createMany({ data: sessions.map((s, i) => ({ recordingId: rec.id, sessionId: s.id, title: text("c"), offsetMs: i * 600_000 })) });
      }
      await publishAgenda(event.id, null, { client: db.prisma });
      slugs[count] = slug;
      sessionIds[count] = (await db.prisma.session.findFirstOrThrow({ where: { forum: { eventId: event.id } }, orderBy: { startsAt: "desc" } })).id;
    }
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
    await db?.drop();
  });

  it("reads the agenda JSON in the same number of queries for 10 and 500 sessions", async () => {
    const route = await import("../../app/api/events/[slug]/agenda/route");
    const { forgetPublicAgendas } = await import("../../lib/agenda/public");
    const read = (count: number) => () => route.GET(new Request(`http://127.0.0.1/api/events/${slugs[count]}/agenda`), { params: Promise.resolve({ slug: slugs[count] }) }).then((r) => r.json());
    // Counted from the database: the instance's kept copy is forgotten first.
    const small = await counted(read(10), forgetPublicAgendas);
    const large = await counted(read(500), forgetPublicAgendas);
    expect((await read(500)()).forums.flatMap((f: { sessions: unknown[] }) => f.sessions)).toHaveLength(500);
    expect([small, large]).toEqual([small, small]);
    // The latest publication and the live statuses (a transaction's BEGIN/COMMIT would count too).
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThanOrEqual(3);
  });

  it("reads a session page's agenda context and the recordings library in fixed numbers of queries", async () => {
    const data = await import("../../lib/agenda/data");
    const recordings = await import("../../lib/recordings/data");
    const context = (count: number) => () => data.getSessionContextOrThrow(sessionIds[count]);
    const contextQueries = await counted(context(10));
    expect(contextQueries).toBeGreaterThan(0);
    expect(await counted(context(500))).toBe(contextQueries);
    const library = (count: number) => () => recordings.getRecordingsLibrary(null, slugs[count], "Speaker");
    const { shown, days } = await recordings.getRecordingsLibrary(null, slugs[500], "Speaker");
    expect(shown).toBe(5);
    expect(days.flatMap((d) => d.forums.flatMap((f) => f.entries.flatMap((e) => e.sessions)))).toHaveLength(500);
    const libraryQueries = await counted(library(10));
    expect(libraryQueries).toBeGreaterThan(0);
    expect(await counted(library(500))).toBe(libraryQueries);
  });
});
