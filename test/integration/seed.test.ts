import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed";
import { migratedDatabase } from "./db";

describe("the Clean Sky 2021 seed", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  beforeAll(async () => {
    db = await migratedDatabase("seed");
  });
  afterAll(() => db.drop());

  const counts = async () => {
    const event = await db.prisma.event.findUniqueOrThrow({ where: { slug: "clean-sky-2021" } });
    return {
      organizations: await db.prisma.organization.count(),
      forums: await db.prisma.forum.count({ where: { eventId: event.id } }),
      sessions: await db.prisma.session.count({ where: { forum: { eventId: event.id } } }),
      participants: await db.prisma.registration.count({ where: { eventId: event.id, role: { not: "organizer" } } }),
      organizers: await db.prisma.registration.count({ where: { eventId: event.id, role: "organizer" } }),
      speakers: await db.prisma.sessionSpeaker.count(),
      capacity: event.capacity,
    };
  };

  it("creates 6 organisations, 5 forums, at least 10 sessions and 109 participants, and is idempotent", async () => {
    await seed(db.prisma);
    const first = await counts();
    expect(first).toMatchObject({ organizations: 6, forums: 5, participants: 109, organizers: 2, capacity: 109 });
    expect(first.sessions).toBeGreaterThanOrEqual(10);
    await seed(db.prisma);
    expect(await counts()).toEqual(first);
  });

  it("gives every forum at least two sessions with titles in ko, zh and en", async () => {
    const forums = await db.prisma.forum.findMany({ include: { sessions: true } });
    for (const f of forums) {
      expect(f.sessions.length).toBeGreaterThanOrEqual(2);
      for (const s of f.sessions) {
        const title = s.title as Record<string, string>;
        expect(Object.keys(title).sort()).toEqual(["en", "ko", "zh"]);
        expect(Object.values(title).every((t) => t.length > 0)).toBe(true);
      }
    }
  });

  it("spreads participants over the six organisations and both countries", async () => {
    const byOrg = await db.prisma.registration.groupBy({ by: ["organizationId"], where: { role: { not: "organizer" } }, _count: { _all: true } });
    expect(byOrg).toHaveLength(6);
    const byCountry = await db.prisma.registration.groupBy({ by: ["country"], where: { role: { not: "organizer" } }, _count: { _all: true } });
    expect(byCountry.map((c) => c.country).sort()).toEqual(["CN", "KR"]);
  });

  it("keeps an organizer's edits when it runs again", async () => {
    const session = await db.prisma.session.findFirstOrThrow({ where: { key: "opening" }, orderBy: { startsAt: "asc" } });
    const edited = { ko: "개회식 (수정)", zh: "开幕式（已修改）", en: "Opening (edited by an organizer)" };
    await db.prisma.session.update({ where: { id: session.id }, data: { title: edited, startsAt: new Date(session.startsAt.getTime() + 5 * 60_000) } });
    await db.prisma.sessionSpeaker.deleteMany({ where: { sessionId: session.id } });
    await db.prisma.event.update({ where: { slug: "clean-sky-2021" }, data: { capacity: 120 } });
    await seed(db.prisma);
    const after = await db.prisma.session.findUniqueOrThrow({ where: { id: session.id }, include: { speakers: true } });
    expect(after.title).toEqual(edited);
    expect(after.startsAt.getTime()).toBe(session.startsAt.getTime() + 5 * 60_000);
    expect(after.speakers).toHaveLength(0);
    expect((await db.prisma.event.findUniqueOrThrow({ where: { slug: "clean-sky-2021" } })).capacity).toBe(120);
  });
});
