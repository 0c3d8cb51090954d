import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase, query } from "./db";
import { enrol, makeEvent, makeUsers } from "./fixtures";

type Lib = {
  mutations: typeof import("../../lib/agenda/live/mutations");
  bus: typeof import("../../lib/agenda/live/bus");
  stream: typeof import("../../lib/agenda/live/stream");
  publish: typeof import("../../lib/agenda/publish");
};

type Notice = { sessionId: string; status: string; eventSlug: string; forumId: string; at: string; eventId: string };

/** A listener of its own, as another app instance would have: its connection is not the app's. */
async function listen(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const received: Notice[] = [];
  client.on("notification", (n) => received.push(JSON.parse(n.payload!)));
  await client.query("LISTEN plenary_live");
  return { received, close: () => client.end() };
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("live control on real PostgreSQL", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let lib: Lib;
  let listener: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    db = await migratedDatabase("live");
    process.env.DATABASE_URL = db.databaseUrl;
    lib = {
      mutations: await import("../../lib/agenda/live/mutations"),
      bus: await import("../../lib/agenda/live/bus"),
      stream: await import("../../lib/agenda/live/stream"),
      publish: await import("../../lib/agenda/publish"),
    };
    listener = await listen(db.databaseUrl);
  });
  afterAll(async () => {
    await lib.bus.liveBus().close();
    await listener.close();
    await db.drop();
  });

  /** An event whose forum "main" holds `count` back-to-back sessions s0…, and its organizer. */
  async function setUp(count = 3) {
    const event = await makeEvent(db.prisma, { capacity: 10, policy: "open" });
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId: event.id } });
    const text = { ko: "세션", zh: "会议", en: "Session" };
    for (let i = 0; i < count; i++) {
      await db.prisma.session.create({
        data: { forumId: forum.id, key: `s${i}`, title: text, abstract: text, language: "ko", startsAt: new Date(Date.UTC(2030, 0, 1, i)), endsAt: new Date(Date.UTC(2030, 0, 1, i + 1)) },
      });
    }
    const sessions = await db.prisma.session.findMany({ where: { forumId: forum.id }, orderBy: { startsAt: "asc" } });
    // The public stream lists the published agenda's sessions.
    await lib.publish.publishAgenda(event.id, null, { client: db.prisma });
    const [organizer, delegate] = await makeUsers(db.prisma, `live-${event.slug}`, 2);
    await enrol(db.prisma, event.id, organizer.id, "organizer");
    await enrol(db.prisma, event.id, delegate.id, "delegate");
    const statuses = async () => (await db.prisma.session.findMany({ where: { forumId: forum.id }, orderBy: { startsAt: "asc" } })).map((s) => s.status);
    return { event, forum, sessions, organizer: { userId: organizer.id }, delegate: { userId: delegate.id }, statuses };
  }

  it("starts a session with its real instant, audits it and notifies a separate listener, leaving the editors' version alone", async () => {
    const { event, forum, sessions, organizer } = await setUp();
    const before = await db.prisma.session.findUniqueOrThrow({ where: { id: sessions[0].id } });
    const changes = await lib.mutations.startSession(organizer, event.slug, sessions[0].id);
    expect(changes).toMatchObject([{ sessionId: sessions[0].id, from: "scheduled", to: "live", forumId: forum.id }]);

    const after = await db.prisma.session.findUniqueOrThrow({ where: { id: sessions[0].id } });
    expect(after.status).toBe("live");
    expect(after.liveAt?.getTime()).toBe(changes[0].at.getTime());
    expect(after.endedAt).toBeNull();
    expect(after.version).toBe(before.version);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());

    const log = await db.prisma.auditLog.findMany({ where: { eventId: event.id, entityType: "session" } });
    expect(log).toMatchObject([{ action: "session.live", entityType: "session", entityId: sessions[0].id, actorId: organizer.userId }]);

    await until(() => listener.received.some((n) => n.sessionId === sessions[0].id));
    expect(listener.received.find((n) => n.sessionId === sessions[0].id)).toEqual({
      type: "session.status",
      eventId: event.id,
      eventSlug: event.slug,
      sessionId: sessions[0].id,
      forumId: forum.id,
      status: "live",
      at: changes[0].at.toISOString(),
    });
  });

  it("keeps one live session per forum: starting another ends the first, and Next moves on in running order", async () => {
    const { event, forum, sessions, organizer, statuses } = await setUp(3);
    await lib.mutations.startSession(organizer, event.slug, sessions[0].id);
    await lib.mutations.startSession(organizer, event.slug, sessions[1].id);
    expect(await statuses()).toEqual(["ended", "live", "scheduled"]);
    const first = await db.prisma.session.findUniqueOrThrow({ where: { id: sessions[0].id } });
    expect(first.endedAt).not.toBeNull();

    await lib.mutations.startNextSession(organizer, event.slug, forum.slug, sessions[1].id);
    expect(await statuses()).toEqual(["ended", "ended", "live"]);
    await lib.mutations.endSession(organizer, event.slug, sessions[2].id);
    expect(await statuses()).toEqual(["ended", "ended", "ended"]);

    const actions = await db.prisma.auditLog.findMany({ where: { eventId: event.id, entityType: "session" }, orderBy: { createdAt: "asc" }, select: { action: true, entityId: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["session.ended", "session.ended", "session.ended", "session.live", "session.live", "session.live"]);
    await until(() => listener.received.filter((n) => n.eventSlug === event.slug).length === 6);
  });

  it("refuses bad transitions with CONFLICT and changes, audits and notifies nothing", async () => {
    const { event, forum, sessions, organizer, statuses } = await setUp(2);
    await expect(lib.mutations.endSession(organizer, event.slug, sessions[0].id)).rejects.toMatchObject({ code: "CONFLICT", message: "notLive" });
    await lib.mutations.startSession(organizer, event.slug, sessions[1].id);
    await expect(lib.mutations.startSession(organizer, event.slug, sessions[1].id)).rejects.toMatchObject({ code: "CONFLICT", message: "alreadyLive" });
    await expect(lib.mutations.startNextSession(organizer, event.slug, forum.slug, sessions[1].id)).rejects.toMatchObject({ code: "CONFLICT", message: "noNextSession" });
    await lib.mutations.endSession(organizer, event.slug, sessions[1].id);
    await expect(lib.mutations.startSession(organizer, event.slug, sessions[1].id)).rejects.toMatchObject({ code: "CONFLICT", message: "alreadyEnded" });
    expect(await statuses()).toEqual(["scheduled", "ended"]);
    expect(await db.prisma.auditLog.count({ where: { eventId: event.id, entityType: "session" } })).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(listener.received.filter((n) => n.eventSlug === event.slug)).toHaveLength(2);
  });

  it("refuses people who do not organize the event, and sessions of another event, and nothing changes", async () => {
    const { event, sessions, delegate, statuses } = await setUp(2);
    const other = await setUp(1);
    await expect(lib.mutations.startSession(delegate, event.slug, sessions[0].id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.mutations.startSession(null, event.slug, sessions[0].id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(lib.mutations.startNextSession(delegate, event.slug, "main")).rejects.toMatchObject({ code: "FORBIDDEN" });
    // An organizer of another event cannot reach this one's sessions through their own event either.
    await expect(lib.mutations.startSession(other.organizer, other.event.slug, sessions[0].id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lib.mutations.startSession(other.organizer, event.slug, sessions[0].id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await statuses()).toEqual(["scheduled", "scheduled"]);
    expect(await db.prisma.auditLog.count({ where: { eventId: event.id, entityType: "session" } })).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(listener.received.filter((n) => n.eventSlug === event.slug)).toHaveLength(0);
  });

  it("lets only one of two organizers pressing Next at once move the forum on, so no session is skipped", async () => {
    const { event, forum, organizer, statuses } = await setUp(3);
    const results = await Promise.allSettled([lib.mutations.startNextSession(organizer, event.slug, forum.slug, null), lib.mutations.startNextSession(organizer, event.slug, forum.slug, null)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT", message: "runSheetStale" } });
    expect(await statuses()).toEqual(["live", "scheduled", "scheduled"]);
  });

  it("fans NOTIFYs out through the process's bus and re-syncs its subscribers after the connection drops", async () => {
    const { event, sessions, organizer } = await setUp(2);
    const bus = lib.bus.liveBus();
    const signals: string[] = [];
    const unsubscribe = bus.subscribe((s) =>
      signals.push(s.kind === "resync" ? "resync" : s.kind === "qa" ? `qa:${s.message.sessionId}` : s.kind === "lobby" ? `lobby:${s.message.forumId}` : `${s.message.sessionId}:${s.message.status}`),
    );
    await until(() => bus.isListening);
    await lib.mutations.startSession(organizer, event.slug, sessions[0].id);
    await until(() => signals.includes(`${sessions[0].id}:live`));

    const killed = await query<{ ok: boolean }>(db.databaseUrl, "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", [
      lib.bus.BUS_APPLICATION_NAME,
    ]);
    expect(killed).toEqual([{ ok: true }]);
    const resyncs = signals.filter((s) => s === "resync").length;
    await until(() => signals.filter((s) => s === "resync").length > resyncs, 15_000);
    await lib.mutations.startSession(organizer, event.slug, sessions[1].id);
    await until(() => signals.includes(`${sessions[1].id}:live`));
    unsubscribe();
  });

  it("streams a snapshot of every session's status, then each change of its own event only, and stops on disconnect", async () => {
    const { event, sessions, organizer } = await setUp(2);
    const other = await setUp(1);
    const abort = new AbortController();
    const reader = (await lib.stream.openLiveStream(event.slug, abort.signal)).getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil("event: snapshot");
    await readUntil("\n\n");
    const snapshot = JSON.parse(/event: snapshot\ndata: (.*)\n/.exec(text)![1]);
    expect(snapshot.sessions).toEqual(sessions.map((s) => ({ id: s.id, forumId: s.forumId, status: "scheduled" })));

    await lib.mutations.startSession(other.organizer, other.event.slug, other.sessions[0].id);
    await lib.mutations.startSession(organizer, event.slug, sessions[1].id);
    await readUntil("event: status");
    await readUntil(`"status":"live"`);
    expect(text).not.toContain(other.sessions[0].id);
    expect(text).toContain(`"sessionId":"${sessions[1].id}"`);
    expect(text).not.toContain(event.id);

    const subscribers = lib.bus.liveBus().subscriberCount;
    abort.abort();
    expect(lib.bus.liveBus().subscriberCount).toBe(subscribers - 1);
    await expect(lib.stream.openLiveStream("no-such-event", new AbortController().signal)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
