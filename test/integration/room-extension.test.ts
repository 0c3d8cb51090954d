// Extending a room while the LiveKit server cannot be reached (nothing listens on its address):
// the organizer is told, and nothing is extended or audited — the room must not open to
// delegates with nobody in it told, and the audit log must not miss a change that happened.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "../../scripts/lib/postgres.mjs";
import { migratedDatabase } from "./db";
import { enrol, makeUsers } from "./fixtures";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

const HOUR = 3_600_000;

describe("extending a room while LiveKit is down", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let sessionId = "";
  let forumId = "";
  let organizer = "";

  beforeAll(async () => {
    db = await migratedDatabase("room_extension");
    // A loopback port that was free a moment ago: nothing answers there.
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: `ws://127.0.0.1:${await freePort()}`, LIVEKIT_API_KEY: "devkey", LIVEKIT_API_SECRET: "secret" });
    delete process.env.LIVEKIT_API_URL;
    const now = Date.now();
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    const event = await db.prisma.event.create({
      data: {
        slug: `ext-${now.toString(36)}`,
        title: text,
        description: text,
        venue: text,
        hostCountries: ["KR"],
        languages: ["ko", "en"],
        timeZone: "Asia/Seoul",
        displayZones: [],
        startsAt: new Date(now - 24 * HOUR),
        endsAt: new Date(now + 24 * HOUR),
        capacity: 10,
        publishedAt: new Date(),
        forums: {
          create: [{ slug: "past", title: text, description: text, position: 1, roomName: `ext-${now.toString(36)}--past`, startsAt: new Date(now - 3 * HOUR), endsAt: new Date(now - HOUR) }],
        },
      },
      include: { forums: true },
    });
    forumId = event.forums[0].id;
    sessionId = (await db.prisma.session.create({ data: { forumId, key: "s1", title: text, abstract: text, language: "ko", startsAt: new Date(now - 3 * HOUR), endsAt: new Date(now - HOUR) } })).id;
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    [{ id: organizer }] = await makeUsers(db.prisma, `ext-${now.toString(36)}`, 1);
    await enrol(db.prisma, event.id, organizer, "organizer");
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("tells the organizer, and extends and audits nothing", async () => {
    const { extendRoomAction } = await import("../../lib/rooms/actions");
    actor.current = { userId: organizer };
    expect(await extendRoomAction(sessionId, 15)).toEqual({ ok: false, error: "liveKitUnavailable" });
    expect((await db.prisma.forum.findUniqueOrThrow({ where: { id: forumId } })).roomExtendedUntil).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: "room.extended" } })).toBe(0);
  });
});
