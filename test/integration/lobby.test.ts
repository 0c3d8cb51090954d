// The lobby (issue 21, part 3) on real PostgreSQL and the real LiveKit server, with real
// participants in headless Chromium holding the app's own tokens: a pending registration waits
// until an organizer admits them (the token comes at once after, never before), a person turned
// away is taken out and kept out (their old token too, by the join webhook), and a forum that
// requires admission lets nobody but organizers in without one. Webhooks reach the app's route.
import { RoomServiceClient, TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { ActionResult } from "../../lib/http/action-result";
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

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!!skipped)("lobby: people wait until an organizer admits them (real LiveKit server)", () => {
  const lk = livekit as { url: string; apiKey: string; apiSecret: string; webhookPort: number };
  let hook: WebhookForwarder | undefined;
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let tokenRoute: typeof import("../../app/api/livekit/token/route");
  let actions: typeof import("../../lib/lobby/actions");
  let rooms: RoomServiceClient;
  let browser: Awaited<ReturnType<typeof startStageBrowser>>;
  let roomName = "";
  let forumId = "";
  let sessionId = "";
  let earlySessionId = "";
  const user: Record<string, string | null> = { anonymous: null };

  beforeAll(async () => {
    db = await migratedDatabase("lobby");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret });
    delete process.env.LIVEKIT_API_URL;
    rooms = new RoomServiceClient(lk.url.replace("ws://", "http://"), lk.apiKey, lk.apiSecret);
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    roomName = `lobby-${tag}--open`;
    const makeEvent = (slug: string, forums: { slug: string; roomName: string; startsAt: Date; endsAt: Date }[]) =>
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
          forums: { create: forums.map((f, i) => ({ ...f, title: text, description: text, position: i + 1 })) },
        },
        include: { forums: { orderBy: { position: "asc" } } },
      });
    const event = await makeEvent(`lobby-${tag}`, [
      { slug: "open", roomName, startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) },
      { slug: "later", roomName: `lobby-${tag}--later`, startsAt: new Date(now + 5 * HOUR), endsAt: new Date(now + 6 * HOUR) },
    ]);
    const other = await makeEvent(`lobby-other-${tag}`, [{ slug: "open", roomName: `lobby-other-${tag}--open`, startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) }]);
    const [open, later] = event.forums;
    forumId = open.id;
    const session = (f: string, key: string, startsAt: number) =>
      db.prisma.session.create({ data: { forumId: f, key, title: text, abstract: text, language: "ko", startsAt: new Date(startsAt), endsAt: new Date(startsAt + HOUR) } });
    sessionId = (await session(open.id, "s1", now - HOUR)).id;
    earlySessionId = (await session(later.id, "s2", now + 5 * HOUR)).id;
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    const people = [
      ["organizer", "organizer", "approved"],
      ["delegate", "delegate", "approved"],
      ["newcomer", "delegate", "approved"],
      ["pending", "delegate", "pending"],
      ["waitlisted", "observer", "waitlisted"],
      ["declined", "delegate", "approved"],
      ["audience", "audience", "approved"],
    ] as const;
    const users = await makeUsers(db.prisma, `lobby-${tag}`, people.length + 1);
    for (const [i, [who, role, status]] of people.entries()) {
      user[who] = users[i].id;
      const r = await enrol(db.prisma, event.id, users[i].id, role, status);
      await db.prisma.registration.update({ where: { id: r.id }, data: { preferredLanguage: "en", organizationOther: "Test Lab", forums: { create: [{ forumId: open.id }, { forumId: later.id }] } } });
    }
    await db.prisma.registration.updateMany({ where: { userId: user.declined! }, data: { status: "declined" } });
    user.otherOrganizer = users[people.length].id;
    await enrol(db.prisma, other.id, user.otherOrganizer, "organizer");
    tokenRoute = await import("../../app/api/livekit/token/route");
    actions = await import("../../lib/lobby/actions");
    browser = await startStageBrowser();
    hook = await forwardWebhooks(lk.webhookPort);
  });
  afterAll(async () => {
    await hook?.close();
    await browser?.close();
    await db?.drop();
  });

  const as = <T>(who: string, fn: () => Promise<T>) => {
    actor.current = user[who] ? { userId: user[who]! } : null;
    return fn();
  };

  async function token(who: string, session = sessionId) {
    actor.current = { userId: user[who]! };
    const req = new Request("http://127.0.0.1/api/livekit/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId: session }) });
    const res = await tokenRoute.POST(req, { params: Promise.resolve({}) });
    return { status: res.status, body: await res.json() };
  }

  async function join(who: string): Promise<{ participant: Participant; token: string }> {
    const { status, body } = await token(who);
    expect(status).toBe(200);
    const participant = await browser.join(body.serverUrl, body.participantToken);
    await until(
      () => inRoom(),
      (ids) => ids.includes(user[who]!),
    );
    return { participant, token: body.participantToken };
  }

  const inRoom = async () => (await rooms.listParticipants(roomName).catch(() => [])).map((p) => p.identity);
  const auditOf = (action: string) => db.prisma.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });
  const identities = async (action: string) => (await auditOf(action)).map((e) => (e.data as { identity: string }).identity);

  it("lets only the forum's organizers see, decide and switch the lobby (anonymous, delegate and another event's organizer are refused)", async () => {
    const organizerOnly: (() => Promise<ActionResult<unknown>>)[] = [
      () => actions.lobbyViewAction(forumId),
      () => actions.decideLobbyAction(forumId, user.pending!, "admit"),
      () => actions.admitAllAction(forumId),
      () => actions.setRequiresAdmissionAction(forumId, false),
    ];
    for (const call of organizerOnly) {
      // UNAUTHENTICATED (401) and FORBIDDEN (403) by their message keys, as the room shows them.
      expect(await as("anonymous", call)).toEqual({ ok: false, error: "signInRequired" });
      expect(await as("delegate", call)).toEqual({ ok: false, error: "organizersOnly" });
      expect(await as("pending", call)).toEqual({ ok: false, error: "organizersOnly" });
      expect(await as("otherOrganizer", call)).toEqual({ ok: false, error: "organizersOnly" });
    }
    expect(await as("organizer", () => actions.lobbyViewAction(forumId))).toMatchObject({ ok: true, data: { requiresAdmission: false, people: [] } });
    // Deciding about someone who never asked is refused; nothing was written by any of the above.
    expect(await as("organizer", () => actions.decideLobbyAction(forumId, user.pending!, "admit"))).toEqual({ ok: false, error: "notInLobby" });
    expect(await as("organizer", () => actions.admitAllAction(forumId))).toEqual({ ok: true, data: { admitted: 0 } });
    expect(await db.prisma.lobbyEntry.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: { startsWith: "lobby." } } })).toBe(0);
  });

  it("lets into the lobby only those it is for: the anonymous, the declined, the audience and anyone who may join anyway are not waiting", async () => {
    expect(await as("anonymous", () => actions.knockAction(sessionId))).toEqual({ ok: false, error: "signInRequired" });
    expect(await as("declined", () => actions.knockAction(sessionId))).toEqual({ ok: false, error: "notApproved" });
    expect(await as("audience", () => actions.knockAction(sessionId))).toEqual({ ok: false, error: "watchOnly" });
    expect(await as("delegate", () => actions.knockAction(sessionId))).toEqual({ ok: true, data: { kind: "open" } });
    expect(await as("organizer", () => actions.lobbyPlaceAction(earlySessionId))).toEqual({ ok: true, data: { kind: "open" } });
    // An approved delegate early for their forum waits for the room to open, or for an organizer.
    expect(await as("delegate", () => actions.lobbyPlaceAction(earlySessionId))).toEqual({ ok: true, data: { kind: "outside", reason: "roomNotOpenYet", knockAgainAt: 0 } });
    expect(await db.prisma.lobbyEntry.count()).toBe(0);
  });

  let pending: { participant: Participant; token: string };

  it("gives a pending person no token while they wait, tells organizers at once, and one token as soon as they are admitted", async () => {
    expect(await token("pending")).toMatchObject({ status: 403, body: { error: { message: "notApproved" } } });
    expect(await as("pending", () => actions.lobbyPlaceAction(sessionId))).toEqual({ ok: true, data: { kind: "outside", reason: "notApproved", knockAgainAt: 0 } });
    const { liveBus } = await import("../../lib/agenda/live/bus");
    const heard: string[] = [];
    const unsubscribe = liveBus().subscribe((s) => s.kind === "lobby" && heard.push(s.message.forumId));
    await until(
      async () => liveBus().isListening,
      (v) => v,
    );
    const knocked = await as("pending", () => actions.knockAction(sessionId));
    expect(knocked).toMatchObject({ ok: true, data: { kind: "waiting", reason: "notApproved" } });
    await until(
      async () => heard,
      (h) => h.includes(forumId),
      2_000,
    );
    unsubscribe();
    // Asking twice keeps one place in the line.
    expect(await as("pending", () => actions.knockAction(sessionId))).toMatchObject({ ok: true, data: { kind: "waiting" } });
    expect(await identities("lobby.knocked")).toEqual([user.pending]);
    const view = await as("organizer", () => actions.lobbyViewAction(forumId));
    expect(view.ok && view.data.people).toEqual([
      expect.objectContaining({ userId: user.pending, role: "delegate", registration: "pending", status: "waiting", organization: { ko: "Test Lab", zh: "Test Lab", en: "Test Lab" } }),
    ]);
    expect(await token("pending")).toMatchObject({ status: 403, body: { error: { message: "notApproved" } } });

    expect(await as("organizer", () => actions.decideLobbyAction(forumId, user.pending!, "admit"))).toEqual({ ok: true, data: { changed: true } });
    expect(await as("pending", () => actions.lobbyPlaceAction(sessionId))).toEqual({ ok: true, data: { kind: "open" } });
    const { status, body } = await token("pending");
    expect(status).toBe(200);
    // Their registered role's grant: a delegate listens until given the floor, never room admin.
    const claims = await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(body.participantToken);
    expect(claims.video).toMatchObject({ room: roomName, roomJoin: true, roomAdmin: false, canPublish: false });
    expect(await identities("lobby.admitted")).toEqual([user.pending]);
  });

  it("keeps an admitted pending person in the room when LiveKit reports their join", async () => {
    pending = await join("pending");
    // The join webhook has been handled once the attendance row is there.
    await until(
      () => db.prisma.attendance.count({ where: { userId: user.pending! } }),
      (n) => n > 0,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await inRoom()).toContain(user.pending);
    expect((await pending.participant.state()).state).toBe("connected");
    expect(await identities("room.refused")).not.toContain(user.pending);
  });

  it("takes a person turned away out of the room, refuses them a token, and removes them again when they rejoin with the old one", async () => {
    expect(await as("organizer", () => actions.decideLobbyAction(forumId, user.pending!, "refuse"))).toEqual({ ok: true, data: { changed: true } });
    await until(
      () => pending.participant.state(),
      (s) => s.state === "disconnected",
    );
    expect(await inRoom()).not.toContain(user.pending);
    expect(await token("pending")).toMatchObject({ status: 403, body: { error: { message: "notApproved" } } });
    await pending.participant.close();
    const stale = await browser.join(lk.url, pending.token, { mayFail: true });
    await until(
      () => stale.state(),
      (s) => s.state === "disconnected",
    );
    await until(
      () => identities("room.refused"),
      (ids) => ids.includes(user.pending!),
    );
    expect(await inRoom()).not.toContain(user.pending);
    await stale.close();
    // Told when they may ask again, and not before.
    const place = await as("pending", () => actions.lobbyPlaceAction(sessionId));
    expect(place).toMatchObject({ ok: true, data: { kind: "outside", reason: "turnedAway" } });
    expect(place.ok && place.data.kind === "outside" && place.data.knockAgainAt).toBeGreaterThan(Date.now());
    expect(await as("pending", () => actions.knockAction(sessionId))).toMatchObject({ ok: false, error: "knockTooSoon" });
  });

  it("decides once when organizers click admit and turn away at the same time", async () => {
    expect(await as("waitlisted", () => actions.knockAction(sessionId))).toMatchObject({ ok: true, data: { kind: "waiting" } });
    actor.current = { userId: user.organizer! };
    const answers = await Promise.all([...Array.from({ length: 4 }, () => actions.decideLobbyAction(forumId, user.waitlisted!, "admit")), actions.admitAllAction(forumId)]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => a.ok && ("changed" in a.data ? a.data.changed : a.data.admitted > 0))).toHaveLength(1);
    expect((await identities("lobby.admitted")).filter((id) => id === user.waitlisted)).toHaveLength(1);
    const refusals = await Promise.all(Array.from({ length: 3 }, () => actions.decideLobbyAction(forumId, user.waitlisted!, "refuse")));
    expect(refusals.filter((a) => a.ok && a.data.changed)).toHaveLength(1);
    expect((await identities("lobby.refused")).filter((id) => id === user.waitlisted)).toHaveLength(1);
    expect(await db.prisma.lobbyEntry.findUnique({ where: { forumId_userId: { forumId, userId: user.waitlisted! } } })).toMatchObject({ status: "refused", decidedById: user.organizer });
  });

  it("requires admission for everyone but organizers when switched on, admitting whoever is in the room already", async () => {
    const delegate = await join("delegate");
    expect(await as("organizer", () => actions.setRequiresAdmissionAction(forumId, true))).toEqual({ ok: true, data: null });
    expect(await db.prisma.lobbyEntry.findUnique({ where: { forumId_userId: { forumId, userId: user.delegate! } } })).toMatchObject({ status: "admitted" });
    expect(await token("delegate")).toMatchObject({ status: 200 });
    expect(await token("organizer")).toMatchObject({ status: 200 });
    expect(await token("newcomer")).toMatchObject({ status: 403, body: { error: { message: "admissionRequired" } } });
    expect(await as("newcomer", () => actions.knockAction(sessionId))).toMatchObject({ ok: true, data: { kind: "waiting", reason: "admissionRequired" } });
    expect(await as("organizer", () => actions.admitAllAction(forumId))).toEqual({ ok: true, data: { admitted: 1 } });
    expect(await token("newcomer")).toMatchObject({ status: 200 });
    expect(await as("organizer", () => actions.setRequiresAdmissionAction(forumId, false))).toEqual({ ok: true, data: null });
    expect((await auditOf("lobby.admissionOn")).map((e) => [e.actorId, e.data])).toEqual([[user.organizer, { admittedInRoom: 1 }]]);
    expect(await auditOf("lobby.admissionOff")).toHaveLength(1);
    expect(await inRoom()).toContain(user.delegate);
    // Still listed as waiting but in the room (asked early, then joined by right): not shown waiting.
    await db.prisma.lobbyEntry.update({ where: { forumId_userId: { forumId, userId: user.delegate! } }, data: { status: "waiting" } });
    const view = await as("organizer", () => actions.lobbyViewAction(forumId));
    expect(view.ok && view.data.people.map((p) => p.userId)).not.toContain(user.delegate);
    await delegate.participant.close();
  });
});
