// `npm start -- --demo` (prisma/seed-demo.ts): a published demo event whose forum is open now, run
// by the seeded organizers, with a demo speaker and delegate who may join its room at once; each
// start moves it to the new hour.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed";
import { DEMO_SLUG, seedDemo } from "../../prisma/seed-demo";
import { migratedDatabase } from "./db";

describe("the demo event", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  beforeAll(async () => {
    db = await migratedDatabase("demo_seed");
    process.env.DATABASE_URL = db.databaseUrl;
    await seed(db.prisma);
  });
  afterAll(() => db.drop());

  it("opens its forum's room now for its organizers, speaker and delegate, and moves it to the next start's hour", async () => {
    const now = new Date();
    const first = await seedDemo(db.prisma, now);
    expect(first.startsAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(first.endsAt.getTime()).toBeGreaterThan(now.getTime());

    const { getStageOfSessionOrThrow, getStageMember } = await import("../../lib/rooms/data");
    const { decideJoin } = await import("../../lib/rooms/grants");
    const sessions = await db.prisma.session.findMany({ where: { forumId: first.forumId }, orderBy: { startsAt: "asc" } });
    const stage = await getStageOfSessionOrThrow(sessions[0].id);
    const members = await db.prisma.registration.findMany({ where: { event: { slug: DEMO_SLUG } }, include: { user: true } });
    expect(members.map((m) => [m.user.email, m.role]).sort()).toEqual([
      ["demo.delegate@plenary.test", "delegate"],
      ["demo.speaker@plenary.test", "speaker"],
      ["organizer.cn@plenary.test", "organizer"],
      ["organizer.kr@plenary.test", "organizer"],
    ]);
    for (const m of members) {
      const member = (await getStageMember(stage, m.userId))!;
      expect(decideJoin({ ...member, forum: stage, now }).allowed).toBe(true);
    }

    // The next start, a day later: the same event, forum and people, moved.
    const later = new Date(now.getTime() + 24 * 3_600_000);
    const second = await seedDemo(db.prisma, later);
    expect(second.forumId).toBe(first.forumId);
    expect(second.startsAt.getTime()).toBeGreaterThan(first.startsAt.getTime());
    expect(await db.prisma.registration.count({ where: { event: { slug: DEMO_SLUG } } })).toBe(4);
    expect(await db.prisma.agendaPublication.count({ where: { event: { slug: DEMO_SLUG } } })).toBe(2);
  });
});
