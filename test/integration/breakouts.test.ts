// Breakout rooms (issue 21) on the real LiveKit server, with real participants in headless
// Chromium holding the app's own tokens: who may run them (every action's authorization), who gets
// a breakout token (only the person assigned; organizers visit), a forged join removed by the
// webhook, opening and closing done once under concurrent clicks, the close that empties the rooms,
// and attendance per breakout. Webhooks from LiveKit reach the app's own route.
import { RoomServiceClient, TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeUsers } from "./fixtures";
import { startStageBrowser, type Participant } from "./stage-browser";
import { forwardWebhooks, type WebhookForwarder } from "./webhook-forwarder";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

const livekit = inject("livekit");
const skipped = "skipped" in livekit ? livekit.skipped : null;

const HOUR = 3_600_000;
type Role = "organizer" | "interpreter" | "delegate" | "observer";

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!!skipped)("breakout rooms: organizers run them, people join only their own (real LiveKit server)", () => {
  const lk = livekit as { url: string; apiKey: string; apiSecret: string; webhookPort: number };
  let hook: WebhookForwarder | undefined;
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let tokenRoute: typeof import("../../app/api/livekit/token/route");
  let actions: typeof import("../../lib/breakouts/actions");
  let rooms: RoomServiceClient;
  let browser: Awaited<ReturnType<typeof startStageBrowser>>;
  let roomName = "";
  let forumId = "";
  let sessionId = "";
  let eventSlug = "";
  let breakouts: string[] = [];
  const user: Record<string, string> = {};

  beforeAll(async () => {
    db = await migratedDatabase("breakouts");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret });
    delete process.env.LIVEKIT_API_URL;
    rooms = new RoomServiceClient(lk.url.replace("ws://", "http://"), lk.apiKey, lk.apiSecret);
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    roomName = `breakouts-${tag}--open`;
    const makeEvent = (slug: string, forumRoom: string) =>
      db.prisma.event.create({
        data: {
          slug,
          title: text,
          description: text,
          venue: text,
          hostCountries: ["KR", "CN"],
          languages: ["ko", "zh", "en"],
          timeZone: "Asia/Seoul",
          displayZones: [],
          startsAt: new Date(now - 24 * HOUR),
          endsAt: new Date(now + 48 * HOUR),
          capacity: 100,
          publishedAt: new Date(),
          forums: { create: [{ slug: "open", title: text, description: text, position: 1, roomName: forumRoom, startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) }] },
        },
        include: { forums: true },
      });
    const event = await makeEvent(`breakouts-${tag}`, roomName);
    const other = await makeEvent(`breakouts-other-${tag}`, `breakouts-other-${tag}--open`);
    forumId = event.forums[0].id;
    eventSlug = event.slug;
    sessionId = (await db.prisma.session.create({ data: { forumId, key: "s1", title: text, abstract: text, language: "ko", startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) } })).id;
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    const orgs: Record<string, string> = {};
    for (const [key, country] of [
      ["kr1", "KR"],
      ["kr2", "KR"],
      ["kr3", "KR"],
      ["cn1", "CN"],
      ["cn2", "CN"],
      ["cn3", "CN"],
    ]) {
      orgs[key] = (await db.prisma.organization.create({ data: { key: `${key}-${tag}`, name: { ko: key, zh: key, en: key }, country } })).id;
    }
    const people: [string, Role, string | null][] = [
      ["organizer", "organizer", null],
      ["k1", "delegate", "kr1"],
      ["k2", "delegate", "kr2"],
      ["k3", "delegate", "kr3"],
      ["c1", "delegate", "cn1"],
      ["c2", "observer", "cn2"],
      ["c3", "delegate", "cn3"],
      ["interpreter", "interpreter", null],
    ];
    const users = await makeUsers(db.prisma, `breakouts-${tag}`, people.length + 2);
    for (const [i, [who, role, org]] of people.entries()) {
      user[who] = users[i].id;
      const r = await enrol(db.prisma, event.id, user[who], role);
      await db.prisma.registration.update({ where: { id: r.id }, data: { preferredLanguage: "en", organizationId: org ? orgs[org] : null, forums: { create: [{ forumId }] } } });
    }
    // An organizer of another event, and someone registered for nothing.
    user.otherOrganizer = users[people.length].id;
    await enrol(db.prisma, other.id, user.otherOrganizer, "organizer");
    user.stranger = users[people.length + 1].id;
    tokenRoute = await import("../../app/api/livekit/token/route");
    actions = await import("../../lib/breakouts/actions");
    browser = await startStageBrowser();
    hook = await forwardWebhooks(lk.webhookPort);
  });
  afterAll(async () => {
    await hook?.close();
    await browser?.close();
    await db?.drop();
  });

  const as = <T>(who: string | null, fn: () => Promise<T>) => {
    actor.current = who ? { userId: user[who] } : null;
    return fn();
  };

  async function token(who: string | null, body: Record<string, string> = {}) {
    actor.current = who ? { userId: user[who] } : null;
    const req = new Request("http://127.0.0.1/api/livekit/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId, ...body }) });
    const res = await tokenRoute.POST(req, { params: Promise.resolve({}) });
    return { status: res.status, body: await res.json() };
  }

  async function join(who: string, body: Record<string, string> = {}): Promise<Participant> {
    const { status, body: t } = await token(who, body);
    expect(status).toBe(200);
    const p = await browser.join(t.serverUrl, t.participantToken);
    await until(
      () => inRoom(t.roomName),
      (ids) => ids.includes(user[who]),
    );
    return p;
  }

  const inRoom = async (name: string) => (await rooms.listParticipants(name).catch(() => [])).map((p) => p.identity);
  const auditOf = (action: string) => db.prisma.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });
  const breakoutRoom = (id: string) => `${roomName}.breakout.${id}`;
  const roomOf = async (who: string) => (await db.prisma.breakoutAssignment.findUnique({ where: { forumId_userId: { forumId, userId: user[who] } } }))?.breakoutId ?? null;

  it("refuses every organizer action to the signed-out (signInRequired), a participant and another event's organizer (organizersOnly)", async () => {
    const calls: [string, () => Promise<{ ok: boolean; error?: string }>][] = [
      ["board", () => actions.breakoutBoardAction(forumId)],
      ["boardOfSession", () => actions.breakoutBoardOfSessionAction(sessionId)],
      ["create", () => actions.createBreakoutsAction(forumId, 3)],
      ["rename", () => actions.renameBreakoutAction(forumId, "x", { ko: "a", zh: "a", en: "a" })],
      ["delete", () => actions.deleteBreakoutAction(forumId, "x")],
      ["assignPerson", () => actions.assignPersonAction(forumId, user.k1, null)],
      ["assignAll", () => actions.assignAllAction(forumId, "random", 1)],
      ["mode", () => actions.setBreakoutModeAction(forumId, "choose")],
      ["open", () => actions.openBreakoutsAction(forumId, 10)],
      ["close", () => actions.closeBreakoutsAction(forumId, 10)],
      ["message", () => actions.messageBreakoutsAction(forumId, "hello")],
    ];
    for (const [who, error] of [
      [null, "signInRequired"],
      ["k1", "organizersOnly"],
      ["interpreter", "organizersOnly"],
      ["otherOrganizer", "organizersOnly"],
    ] as const) {
      for (const [name, call] of calls) expect([name, await as(who, call)]).toEqual([name, { ok: false, error }]);
    }
    // The participants' own actions: a join check like the stage's.
    expect(await as(null, () => actions.breakoutInfoAction(sessionId))).toEqual({ ok: false, error: "signInRequired" });
    expect(await as("stranger", () => actions.chooseBreakoutAction(sessionId, "x"))).toEqual({ ok: false, error: "notRegistered" });
    expect(await db.prisma.breakout.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: { startsWith: "breakout." } } })).toBe(0);
  });

  it("lets the organizer make three rooms and split the delegations by Korea–China organisation pairs", async () => {
    expect(await as("organizer", () => actions.createBreakoutsAction(forumId, 3))).toEqual({ ok: true, data: null });
    const board = await as("organizer", () => actions.breakoutBoardAction(forumId));
    if (!board.ok) throw new Error(board.error);
    breakouts = board.data.rooms.map((r) => r.id);
    expect(board.data.rooms.map((r) => r.title.en)).toEqual(["Breakout room 1", "Breakout room 2", "Breakout room 3"]);
    // Organizers are not placed; the interpreter is placed by hand, not by a split.
    expect(board.data.people.map((p) => p.userId).sort()).toEqual(["k1", "k2", "k3", "c1", "c2", "c3", "interpreter"].map((w) => user[w]).sort());
    expect(await as("organizer", () => actions.assignAllAction(forumId, "pairs"))).toEqual({ ok: true, data: 6 });
    const rooms = await Promise.all(["k1", "k2", "k3", "c1", "c2", "c3"].map(roomOf));
    expect(new Set(rooms.slice(0, 3))).toEqual(new Set(breakouts));
    expect(new Set(rooms.slice(3))).toEqual(new Set(breakouts));
    expect(await as("organizer", () => actions.assignPersonAction(forumId, user.interpreter, breakouts[0]))).toEqual({ ok: true, data: null });
    // Only people who may be on the forum's stage are placed.
    expect(await as("organizer", () => actions.assignPersonAction(forumId, user.stranger, breakouts[0]))).toEqual({ ok: false, error: "notAssignable" });
    expect((await auditOf("breakout.assignedAll")).map((e) => e.actorId)).toEqual([user.organizer]);
  });

  it("gives no breakout token while the rooms are closed", async () => {
    expect(await token("k1", { room: "breakout" })).toMatchObject({ status: 403, body: { error: { message: "breakoutsClosed" } } });
    expect(await token(null, { room: "breakout" })).toMatchObject({ status: 401 });
  });

  let k1Stage: Participant;

  it("opens the rooms once when two organizers click at once, and tells the stage where each person goes", async () => {
    k1Stage = await join("k1");
    const clicks = await as("organizer", () => Promise.all([actions.openBreakoutsAction(forumId, 10), actions.openBreakoutsAction(forumId, 10)]));
    expect(clicks.filter((c) => c.ok)).toHaveLength(1);
    expect(clicks.filter((c) => !c.ok)).toEqual([{ ok: false, error: "breakoutsRunning" }]);
    expect(await auditOf("breakout.opened")).toHaveLength(1);
    const state = await until(
      () => k1Stage.state(),
      (s) => !!s.attributes["plenary.breakout"],
    );
    expect(state.attributes["plenary.breakout"].split("@")[0]).toBe(await roomOf("k1"));
    // During the countdown nobody but organizers gets in; then the countdown is taken as passed.
    expect(await token("k1", { room: "breakout" })).toMatchObject({ status: 403, body: { error: { message: "breakoutsNotOpenYet" } } });
    await db.prisma.breakoutRun.update({ where: { forumId }, data: { opensAt: new Date(Date.now() - 1000) } });
    await k1Stage.close();
  });

  it("gives a breakout token only for the person's own room, with delegates allowed to speak; organizers visit any (audited)", async () => {
    const mine = (await roomOf("k1"))!;
    const { status, body } = await token("k1", { room: "breakout" });
    expect([status, body.roomName]).toEqual([200, breakoutRoom(mine)]);
    const claims = await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(body.participantToken);
    expect(claims.video).toMatchObject({ room: breakoutRoom(mine), roomJoin: true, roomAdmin: false, canPublish: true });
    const other = breakouts.find((b) => b !== mine)!;
    expect(await token("k1", { room: "breakout", breakoutId: other })).toMatchObject({ status: 403, body: { error: { message: "notAssigned" } } });
    // The observer keeps listening; the interpreter keeps the booth's microphone-only grant.
    const observer = await token("c2", { room: "breakout" });
    expect((await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(observer.body.participantToken)).video?.canPublish).toBe(false);
    const interpreter = await token("interpreter", { room: "breakout" });
    expect(interpreter.body.roomName).toBe(breakoutRoom(breakouts[0]));
    // Nobody unassigned, nobody outside the event.
    await db.prisma.breakoutAssignment.delete({ where: { forumId_userId: { forumId, userId: user.c3 } } });
    expect(await token("c3", { room: "breakout" })).toMatchObject({ status: 403, body: { error: { message: "notAssigned" } } });
    expect(await token("stranger", { room: "breakout" })).toMatchObject({ status: 403 });
    expect((await token("organizer", { room: "breakout", breakoutId: other })).body.roomName).toBe(breakoutRoom(other));
    expect(await token("organizer", { room: "breakout", breakoutId: "nope" })).toMatchObject({ status: 404, body: { error: { message: "breakoutNotFound" } } });
    expect((await auditOf("breakout.visited")).map((e) => (e.data as { breakoutId: string }).breakoutId)).toEqual([other]);
  });

  it("removes someone who joins a breakout room with a token for a room that is no longer theirs, and audits it", async () => {
    const first = (await roomOf("k2"))!;
    const { body } = await token("k2", { room: "breakout" });
    const elsewhere = breakouts.find((b) => b !== first)!;
    expect(await as("organizer", () => actions.assignPersonAction(forumId, user.k2, elsewhere))).toEqual({ ok: true, data: null });
    const stale = await browser.join(body.serverUrl, body.participantToken, { mayFail: true });
    await until(
      () => stale.state(),
      (s) => s.state === "disconnected",
    );
    expect(await inRoom(breakoutRoom(first))).not.toContain(user.k2);
    const refused = await auditOf("room.refused");
    expect(refused.map((e) => [(e.data as { identity: string }).identity, (e.data as { reason: string }).reason])).toContainEqual([user.k2, "notAssigned"]);
    await stale.close();
  });

  let k1: Participant;

  it("records attendance in a breakout room with its breakout, and delivers the organizers' message there", async () => {
    k1 = await join("k1", { room: "breakout" });
    const mine = (await roomOf("k1"))!;
    await until(
      () => db.prisma.attendance.findMany({ where: { userId: user.k1, breakoutId: mine } }),
      (rows) => rows.length > 0,
    );
    expect(await as("organizer", () => actions.messageBreakoutsAction(forumId, "Five minutes left"))).toEqual({ ok: true, data: null });
    const packets = await until(
      () => k1.packets(),
      (ps) => ps.some((p) => p.topic === "plenary.breakout.message"),
    );
    const message = packets.find((p) => p.topic === "plenary.breakout.message")!;
    expect([message.from, JSON.parse(message.text).text]).toEqual([null, "Five minutes left"]);
    expect(await auditOf("breakout.messaged")).toHaveLength(1);
    // The organizers' report shows the time per breakout room, and the CSV each person's.
    const { requireOrganizer } = await import("../../lib/auth/session");
    const access = await requireOrganizer({ userId: user.organizer }, eventSlug);
    const { getAttendanceReport } = await import("../../lib/attendance/data");
    const report = await getAttendanceReport(access, { session: sessionId }, new Date(Date.now() + 61_000));
    expect(report.breakouts.map((b) => b.id)).toEqual(breakouts);
    expect(report.breakouts.find((b) => b.id === mine)).toMatchObject({ people: 1 });
    expect(report.attendees.find((a) => a.identity === user.k1)?.breakoutMinutes).toBeGreaterThanOrEqual(1);
    const { exportAttendanceCsv } = await import("../../lib/attendance/export");
    const { csv } = await exportAttendanceCsv(access, { session: sessionId }, { lang: "en" });
    expect(csv.split("\r\n")[0]).toContain("Minutes in breakout rooms");
  });

  it("closes once under concurrent clicks: a countdown in every room, then the rooms end and no token is given", async () => {
    const clicks = await as("organizer", () => Promise.all([actions.closeBreakoutsAction(forumId, 10), actions.closeBreakoutsAction(forumId, 10)]));
    expect(clicks.filter((c) => c.ok)).toHaveLength(1);
    expect(clicks.filter((c) => !c.ok)).toEqual([{ ok: false, error: "breakoutsNotOpen" }]);
    const closesAt = clicks.find((c) => c.ok)!;
    const state = await until(
      () => k1.state(),
      (s) => !!s.attributes["plenary.breakoutClosesAt"],
    );
    expect(state.attributes["plenary.breakoutClosesAt"]).toBe((closesAt as { data: string }).data);
    // Assignments are kept, rooms may not be deleted while people are in them.
    expect(await as("organizer", () => actions.deleteBreakoutAction(forumId, breakouts[0]))).toEqual({ ok: false, error: "breakoutsRunning" });
    const { sweepBreakouts } = await import("../../lib/breakouts/run");
    expect(await sweepBreakouts(new Date(Date.now() + 11_000))).toBe(1);
    expect(await sweepBreakouts(new Date(Date.now() + 11_000))).toBe(0);
    await until(
      () => k1.state(),
      (s) => s.state === "disconnected",
    );
    expect(await token("k1", { room: "breakout" })).toMatchObject({ status: 403, body: { error: { message: "breakoutsClosed" } } });
    expect(await auditOf("breakout.closed")).toHaveLength(1);
    // Back on the stage, nobody is told to go anywhere.
    const back = await token("k1");
    expect((await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(back.body.participantToken)).attributes?.["plenary.breakout"]).toBeUndefined();
    await k1.close();
  });

  it("lets participants choose a room while the rooms are open, when the organizers let them", async () => {
    expect(await as("organizer", () => actions.setBreakoutModeAction(forumId, "choose"))).toEqual({ ok: true, data: null });
    // c3 has no room (the earlier test took it away): choosing is refused while closed.
    expect(await as("c3", () => actions.chooseBreakoutAction(sessionId, breakouts[2]))).toEqual({ ok: false, error: "breakoutsNotChoosing" });
    const c3 = await join("c3");
    expect((await as("organizer", () => actions.openBreakoutsAction(forumId, 10))).ok).toBe(true);
    // On the stage, someone without a room is told to choose.
    await until(
      () => c3.state(),
      (s) => s.attributes["plenary.breakout"]?.startsWith("choose@"),
    );
    await db.prisma.breakoutRun.update({ where: { forumId }, data: { opensAt: new Date(Date.now() - 1000) } });
    expect(await token("c3", { room: "breakout" })).toMatchObject({ status: 403, body: { error: { message: "notAssigned" } } });
    expect(await as("c3", () => actions.chooseBreakoutAction(sessionId, "nope"))).toEqual({ ok: false, error: "breakoutNotFound" });
    expect(await as("c3", () => actions.chooseBreakoutAction(sessionId, breakouts[2]))).toEqual({ ok: true, data: null });
    expect((await token("c3", { room: "breakout" })).body.roomName).toBe(breakoutRoom(breakouts[2]));
    const info = await as("c3", () => actions.breakoutInfoAction(sessionId));
    expect(info.ok && [info.data.mine, info.data.rooms.length, info.data.organizer]).toEqual([breakouts[2], 3, false]);
    expect((await as("organizer", () => actions.closeBreakoutsAction(forumId, 10))).ok).toBe(true);
    // The stage is told nobody goes anywhere any more.
    await until(
      () => c3.state(),
      (s) => !s.attributes["plenary.breakout"],
    );
    await c3.close();
  });
});
