// Attendance from LiveKit webhooks on real PostgreSQL, through the route handler: deliveries signed
// as the LiveKit server signs them (a JWT from the API key and secret whose sha256 claim is the
// base64 SHA-256 of the body), replays, out-of-order deliveries, forgeries and bursts.
import crypto from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeEvent, makeUsers } from "./fixtures";

type Lib = {
  route: typeof import("../../app/api/livekit/webhook/route");
  data: typeof import("../../lib/attendance/data");
  exporter: typeof import("../../lib/attendance/export");
  session: typeof import("../../lib/auth/session");
};

const KEY = "devkey";
const SECRET = "secret";
const seconds = (iso: string) => String(Math.floor(Date.parse(iso) / 1000));

async function sign(body: string, key = KEY, secret = SECRET): Promise<string> {
  const token = new AccessToken(key, secret, { ttl: "5m" });
  token.sha256 = crypto.createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

let n = 0;
/** A participant event as LiveKit's JSON (protobuf names, int64 as strings). */
function participantEvent(event: string, room: string, p: { sid: string; identity: string; joinedAt: string }, at: string, id = `EV_${n++}_${crypto.randomUUID()}`) {
  return {
    event,
    room: { sid: "RM_test", name: room, emptyTimeout: 300, creationTime: seconds("2030-01-01T00:00:00Z") },
    participant: {
      sid: p.sid,
      identity: p.identity,
      name: "Participant",
      state: event === "participant_left" ? "DISCONNECTED" : "ACTIVE",
      joinedAt: seconds(p.joinedAt),
      joinedAtMs: String(Date.parse(p.joinedAt)),
      version: 2,
      permission: { canSubscribe: true, canPublish: true, canPublishData: true },
      isPublisher: false,
      kind: "STANDARD",
    },
    id,
    createdAt: seconds(at),
  };
}

describe("LiveKit webhooks → attendance", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let lib: Lib;
  let room: string;
  let slug: string;
  let forumId: string;
  let users: { id: string }[];
  let organizer: { userId: string };

  async function deliver(payload: unknown, opts: { auth?: string | null; body?: string } = {}) {
    const body = opts.body ?? JSON.stringify(payload);
    const auth = opts.auth === undefined ? await sign(JSON.stringify(payload)) : opts.auth;
    const headers: Record<string, string> = { "content-type": "application/webhook+json" };
    if (auth !== null) headers.authorization = auth;
    const res = await lib.route.POST(new Request("http://localhost/api/livekit/webhook", { method: "POST", headers, body }), { params: Promise.resolve({}) });
    return { status: res.status, json: await res.json() };
  }
  const rowsOf = (sid: string) => db.prisma.attendance.findMany({ where: { participantSid: sid } });
  const counts = async () => ({ attendances: await db.prisma.attendance.count(), events: await db.prisma.webhookEvent.count() });

  beforeAll(async () => {
    db = await migratedDatabase("attendance");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET });
    lib = {
      route: await import("../../app/api/livekit/webhook/route"),
      data: await import("../../lib/attendance/data"),
      exporter: await import("../../lib/attendance/export"),
      session: await import("../../lib/auth/session"),
    };
    const event = await makeEvent(db.prisma, { capacity: 100, policy: "open" });
    slug = event.slug;
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId: event.id } });
    forumId = forum.id;
    room = forum.roomName;
    const text = (s: string) => ({ ko: s, zh: s, en: s });
    // The forum's block is 00:00–03:00 UTC; two sessions of an hour each.
    await db.prisma.session.createMany({
      data: [
        { forumId, key: "s1", title: text("First"), abstract: text(""), language: "ko", startsAt: new Date("2030-01-01T00:00:00Z"), endsAt: new Date("2030-01-01T01:00:00Z") },
        { forumId, key: "s2", title: text("Second"), abstract: text(""), language: "ko", startsAt: new Date("2030-01-01T01:00:00Z"), endsAt: new Date("2030-01-01T02:00:00Z") },
      ],
    });
    users = await makeUsers(db.prisma, `att-${slug}`, 60);
    const kier = await db.prisma.organization.create({ data: { key: `kier-${slug}`, name: text("KIER"), country: "KR" } });
    await enrol(db.prisma, event.id, users[0].id, "organizer");
    organizer = { userId: users[0].id };
    for (const u of users.slice(1, 4)) {
      const r = await enrol(db.prisma, event.id, u.id, "delegate");
      await db.prisma.registration.update({ where: { id: r.id }, data: { organizationId: kier.id } });
    }
  });
  afterAll(() => db.drop());

  it("turns a join and its leave into one row with both times, the user and the session in progress", async () => {
    const p = { sid: "PA_join_leave", identity: users[1].id, joinedAt: "2030-01-01T00:10:00.250Z" };
    expect((await deliver(participantEvent("participant_joined", room, p, "2030-01-01T00:10:01Z"))).json).toMatchObject({ outcome: "applied" });
    const left = await deliver(participantEvent("participant_left", room, p, "2030-01-01T00:40:00Z"));
    expect(left).toMatchObject({ status: 200, json: { outcome: "applied" } });
    const rows = await rowsOf(p.sid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ forumId, userId: users[1].id, identity: users[1].id, joinedAt: new Date(p.joinedAt), leftAt: new Date("2030-01-01T00:40:00Z") });
    const session = await db.prisma.session.findFirstOrThrow({ where: { forumId, key: "s1" } });
    expect(rows[0].sessionId).toBe(session.id);
  });

  it("changes nothing when LiveKit redelivers an event, even after later events", async () => {
    const p = { sid: "PA_replay", identity: users[2].id, joinedAt: "2030-01-01T00:05:00Z" };
    const joined = participantEvent("participant_joined", room, p, "2030-01-01T00:05:00Z");
    const left = participantEvent("participant_left", room, p, "2030-01-01T00:20:00Z");
    await deliver(joined);
    await deliver(left);
    const before = { rows: await rowsOf(p.sid), counts: await counts() };
    expect((await deliver(joined)).json).toMatchObject({ outcome: "replayed" });
    // Even a validly signed delivery that reuses the id with another time changes nothing.
    expect((await deliver({ ...left, createdAt: seconds("2030-01-01T00:59:00Z") })).json).toMatchObject({ outcome: "replayed" });
    expect(await rowsOf(p.sid)).toEqual(before.rows);
    expect(await counts()).toEqual(before.counts);
  });

  it("makes one correct row when the leave arrives before its join", async () => {
    const p = { sid: "PA_out_of_order", identity: users[3].id, joinedAt: "2030-01-01T00:30:00.500Z" };
    await deliver(participantEvent("participant_left", room, p, "2030-01-01T00:50:00Z"));
    expect(await rowsOf(p.sid)).toMatchObject([{ joinedAt: new Date(p.joinedAt), leftAt: new Date("2030-01-01T00:50:00Z") }]);
    await deliver(participantEvent("participant_joined", room, p, "2030-01-01T00:30:01Z"));
    const rows = await rowsOf(p.sid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: users[3].id, joinedAt: new Date(p.joinedAt), leftAt: new Date("2030-01-01T00:50:00Z") });
  });

  it("refuses forged, missing, wrongly keyed and tampered signatures with 401 and writes nothing", async () => {
    const payload = participantEvent("participant_joined", room, { sid: "PA_forged", identity: users[4].id, joinedAt: "2030-01-01T00:10:00Z" }, "2030-01-01T00:10:00Z");
    const body = JSON.stringify(payload);
    const before = await counts();
    const tampered = JSON.stringify({ ...payload, participant: { ...payload.participant, identity: users[5].id } });
    const attempts = [
      await deliver(payload, { auth: await sign(body, KEY, "not-the-secret") }),
      await deliver(payload, { auth: await sign(body, "another-key", SECRET) }),
      await deliver(payload, { auth: null }),
      await deliver(payload, { auth: "" }),
      await deliver(payload, { auth: "not.a.jwt" }),
      await deliver(payload, { auth: await sign(body), body: tampered }),
    ];
    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await counts()).toEqual(before);
    expect(await rowsOf("PA_forged")).toEqual([]);
  });

  it("applies 50 concurrent deliveries of distinct events exactly once each", async () => {
    const before = await counts();
    const payloads = users.slice(5, 55).map((u, i) => participantEvent("participant_joined", room, { sid: `PA_burst_${i}`, identity: u.id, joinedAt: "2030-01-01T01:05:00Z" }, "2030-01-01T01:05:00Z"));
    const results = await Promise.all(payloads.map((p) => deliver(p)));
    expect(results.every((r) => r.status === 200 && r.json.outcome === "applied")).toBe(true);
    expect(await counts()).toEqual({ attendances: before.attendances + 50, events: before.events + 50 });
  });

  it("applies concurrent redeliveries of one event once", async () => {
    const before = await counts();
    const payload = participantEvent("participant_joined", room, { sid: "PA_concurrent_replay", identity: users[55].id, joinedAt: "2030-01-01T01:10:00Z" }, "2030-01-01T01:10:00Z");
    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(payload)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(results.filter((r) => r.json.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.json.outcome === "replayed")).toHaveLength(19);
    expect(await counts()).toEqual({ attendances: before.attendances + 1, events: before.events + 1 });
  });

  it("group-commits concurrent joins, leaves, redeliveries and unknown rooms as if delivered one after another", async () => {
    const before = await counts();
    const people = users.slice(5, 15).map((u, i) => ({ sid: `PA_group_${i}`, identity: u.id, joinedAt: "2030-01-01T01:20:00Z" }));
    const joins = people.map((p) => participantEvent("participant_joined", room, p, "2030-01-01T01:20:00Z"));
    const leaves = people.map((p) => participantEvent("participant_left", room, p, "2030-01-01T01:40:00Z"));
    const elsewhere = participantEvent("participant_joined", "no-such-room", { sid: "PA_group_elsewhere", identity: users[5].id, joinedAt: "2030-01-01T01:20:00Z" }, "2030-01-01T01:20:00Z");
    // Each join twice, its leave right behind it, in the same burst.
    const burst = [...joins, elsewhere, ...joins, ...leaves];
    const results = await Promise.all(burst.map((p) => deliver(p)));
    expect(results.map((r) => r.status)).toEqual(Array(burst.length).fill(200));
    const outcomes = results.map((r) => r.json.outcome as string);
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(20);
    expect(outcomes.filter((o) => o === "replayed")).toHaveLength(10);
    expect(outcomes[10]).toBe("unknownRoom");
    expect(await counts()).toEqual({ attendances: before.attendances + 10, events: before.events + 21 });
    for (const p of people) expect(await rowsOf(p.sid)).toMatchObject([{ joinedAt: new Date(p.joinedAt), leftAt: new Date("2030-01-01T01:40:00Z") }]);
  });

  it("answers a failing event's error to its own request only, applying the others delivered with it", async () => {
    const before = await counts();
    // PostgreSQL cannot store a NUL character: this one event's statement fails, alone.
    const bad = participantEvent("participant_joined", room, { sid: "PA_group_bad", identity: "nul\u0000identity", joinedAt: "2030-01-01T01:30:00Z" }, "2030-01-01T01:30:00Z");
    const good = users
      .slice(20, 30)
      .map((u, i) => participantEvent("participant_joined", room, { sid: `PA_group_good_${i}`, identity: u.id, joinedAt: "2030-01-01T01:30:00Z" }, "2030-01-01T01:30:00Z"));
    const results = await Promise.all([...good.slice(0, 5), bad, ...good.slice(5)].map((p) => deliver(p)));
    expect(results[5].status).toBe(500);
    expect(results.filter((r) => r.status === 200 && r.json.outcome === "applied")).toHaveLength(10);
    expect(await counts()).toEqual({ attendances: before.attendances + 10, events: before.events + 10 });
  });

  it("closes the room's open rows on room_finished, but not a later leave's exact time or rows of a newer room", async () => {
    const open = { sid: "PA_open", identity: users[56].id, joinedAt: "2030-01-01T01:20:00Z" };
    const leaving = { sid: "PA_leaving", identity: users[57].id, joinedAt: "2030-01-01T01:20:00Z" };
    await deliver(participantEvent("participant_joined", room, open, "2030-01-01T01:20:00Z"));
    await deliver(participantEvent("participant_joined", room, leaving, "2030-01-01T01:20:00Z"));
    const finished = { event: "room_finished", room: { sid: "RM_test", name: room }, id: `EV_finished_${slug}`, createdAt: seconds("2030-01-01T02:30:00Z") };
    expect((await deliver(finished)).json).toMatchObject({ outcome: "applied" });
    expect(await rowsOf(open.sid)).toMatchObject([{ leftAt: new Date("2030-01-01T02:30:00Z") }]);
    // The leave LiveKit sent before room_finished, delivered after it, still sets its own time.
    await deliver(participantEvent("participant_left", room, leaving, "2030-01-01T02:00:00Z"));
    expect(await rowsOf(leaving.sid)).toMatchObject([{ leftAt: new Date("2030-01-01T02:00:00Z") }]);
    // A join into a later instance of the same room stays open on a redelivered room_finished.
    const later = { sid: "PA_later", identity: users[58].id, joinedAt: "2030-01-01T02:45:00Z" };
    await deliver(participantEvent("participant_joined", room, later, "2030-01-01T02:45:00Z"));
    expect((await deliver(finished)).json).toMatchObject({ outcome: "replayed" });
    expect(await rowsOf(later.sid)).toMatchObject([{ leftAt: null }]);
  });

  it("acknowledges unknown rooms, track and egress events and the egress recorder with 200, recording no attendance", async () => {
    const before = await counts();
    const p = { sid: "PA_elsewhere", identity: users[59].id, joinedAt: "2030-01-01T00:00:00Z" };
    const unknown = await deliver(participantEvent("participant_joined", "no-such-room", p, "2030-01-01T00:00:00Z"));
    expect(unknown).toMatchObject({ status: 200, json: { outcome: "unknownRoom" } });
    const track = await deliver({ ...participantEvent("track_published", room, p, "2030-01-01T00:00:00Z"), track: { sid: "TR_1", type: "AUDIO" } });
    const egress = await deliver({
      event: "egress_started",
      id: `EV_egress_${slug}`,
      createdAt: seconds("2030-01-01T00:00:00Z"),
      egressInfo: { egressId: "EG_1", roomName: room, status: "EGRESS_STARTING" },
    });
    const recorder = participantEvent("participant_joined", room, { ...p, sid: "PA_recorder", identity: "EG_recorder" }, "2030-01-01T00:00:00Z");
    const hidden = await deliver({ ...recorder, participant: { ...recorder.participant, kind: "EGRESS" } });
    expect([track, egress, hidden].map((r) => [r.status, r.json.outcome])).toEqual([
      [200, "ignored"],
      [200, "unknownEgress"],
      [200, "ignored"],
    ]);
    expect((await counts()).attendances).toBe(before.attendances);
    expect(await rowsOf("PA_recorder")).toEqual([]);
  });

  it("answers 400 to a validly signed body that is not a webhook event with an id, writing nothing", async () => {
    const before = await counts();
    expect((await deliver(null, { body: "not json", auth: await sign("not json") })).status).toBe(400);
    const noId = { ...participantEvent("participant_joined", room, { sid: "PA_no_id", identity: users[59].id, joinedAt: "2030-01-01T00:00:00Z" }, "2030-01-01T00:00:00Z"), id: "" };
    expect((await deliver(noId)).status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("keeps identities that are not our users, without a user", async () => {
    const p = { sid: "PA_guest", identity: "lk-cli-guest", joinedAt: "2030-01-01T00:15:00Z" };
    await deliver(participantEvent("participant_joined", room, p, "2030-01-01T00:15:00Z"));
    expect(await rowsOf(p.sid)).toMatchObject([{ identity: "lk-cli-guest", userId: null }]);
  });

  it("reports minutes per person and organisation for a session, and exports them as CSV, to organizers only", async () => {
    const s1 = await db.prisma.session.findFirstOrThrow({ where: { forumId, key: "s1" } });
    // users[1] reconnects with an overlap: 00:10–00:40 already, plus 00:35–00:45 → 35 minutes.
    await deliver(participantEvent("participant_left", room, { sid: "PA_reconnect", identity: users[1].id, joinedAt: "2030-01-01T00:35:00Z" }, "2030-01-01T00:45:00Z"));
    const now = new Date("2030-01-01T05:00:00Z");
    const access = await lib.session.requireOrganizer(organizer, slug);
    const report = await lib.data.getAttendanceReport(access, { session: s1.id }, now);
    const byUser = new Map(report.attendees.map((a) => [a.key, a]));
    expect(byUser.get(users[1].id)).toMatchObject({ minutes: 35, joins: 2, firstJoinedAt: new Date("2030-01-01T00:10:00.250Z"), lastLeftAt: new Date("2030-01-01T00:45:00Z") });
    expect(byUser.get(users[2].id)).toMatchObject({ minutes: 15 });
    expect(byUser.get(users[3].id)).toMatchObject({ minutes: 20 });
    // The guest never left and the forum's block (to 03:00) is over: counted to the session's end.
    expect(byUser.get("identity:lk-cli-guest")).toMatchObject({ minutes: 45, lastLeftAt: null });
    expect(report.organisations.find((o) => o.key === `kier-${slug}`)).toMatchObject({ people: 3, minutes: 70 });
    const { csv } = await lib.exporter.exportAttendanceCsv(access, { session: s1.id }, { lang: "en" }, now);
    expect(csv.startsWith("\uFEFFSession,Forum,Name,Name in Latin letters,Email,Organisation,First joined (South Korea UTC+9),Last left (South Korea UTC+9),")).toBe(true);
    expect(csv).toContain(`,2030-01-01 09:10,2030-01-01 09:45,35,0,2\r\n`);
    // In the console's language, and in another zone when asked.
    const ko = await lib.exporter.exportAttendanceCsv(access, { session: s1.id }, { lang: "ko", tz: "Europe/Berlin" }, now);
    expect(ko.csv.startsWith("\uFEFF세션,포럼,이름,")).toBe(true);
    expect(ko.csv).toContain("처음 입장 (독일 UTC+1)");
    expect(ko.csv).toContain(`,2030-01-01 01:10,2030-01-01 01:45,35,0,2\r\n`);
    expect(ko.csv).toContain("아직 회의실에 있음");
    await expect(lib.session.requireOrganizer({ userId: users[1].id }, slug)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.data.getAttendanceReport(access, { session: "nope" }, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
