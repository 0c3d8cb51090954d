// Backstage (issue 20) on the real LiveKit server, with real participants in headless Chromium
// holding the app's own tokens: speakers and interpreters of a backstage forum wait in its backstage
// room until an organizer brings them on stage; the stage (and so the audience and the recorder)
// never holds them before that. Webhooks from LiveKit reach the app's own route.
import { RoomServiceClient } from "livekit-server-sdk";
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
type Role = "organizer" | "speaker" | "interpreter" | "delegate";

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!!skipped)("backstage: speakers wait until an organizer brings them on stage (real LiveKit server)", () => {
  const lk = livekit as { url: string; apiKey: string; apiSecret: string; webhookPort: number };
  let hook: WebhookForwarder | undefined;
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let tokenRoute: typeof import("../../app/api/livekit/token/route");
  let actions: typeof import("../../lib/backstage/actions");
  let rooms: RoomServiceClient;
  let browser: Awaited<ReturnType<typeof startStageBrowser>>;
  let roomName = "";
  let backstage = "";
  let forumId = "";
  let sessionId = "";
  const user: Record<string, string> = {};

  beforeAll(async () => {
    db = await migratedDatabase("backstage");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret });
    delete process.env.LIVEKIT_API_URL;
    rooms = new RoomServiceClient(lk.url.replace("ws://", "http://"), lk.apiKey, lk.apiSecret);
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    roomName = `backstage-${tag}--open`;
    backstage = `${roomName}.backstage`;
    const event = await db.prisma.event.create({
      data: {
        slug: `backstage-${tag}`,
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
        forums: { create: [{ slug: "open", title: text, description: text, position: 1, roomName, startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) }] },
      },
      include: { forums: true },
    });
    forumId = event.forums[0].id;
    sessionId = (await db.prisma.session.create({ data: { forumId, key: "s1", title: text, abstract: text, language: "ko", startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) } })).id;
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    const people: [string, Role][] = [
      ["organizer", "organizer"],
      ["speaker", "speaker"],
      ["interpreter", "interpreter"],
      ["delegate", "delegate"],
    ];
    const users = await makeUsers(db.prisma, `backstage-${tag}`, people.length);
    for (const [i, [who, role]] of people.entries()) {
      user[who] = users[i].id;
      const r = await enrol(db.prisma, event.id, user[who], role);
      await db.prisma.registration.update({ where: { id: r.id }, data: { preferredLanguage: "en", forums: { create: [{ forumId }] } } });
    }
    await db.prisma.user.update({ where: { id: user.speaker }, data: { name: "Speaker Park" } });
    tokenRoute = await import("../../app/api/livekit/token/route");
    actions = await import("../../lib/backstage/actions");
    browser = await startStageBrowser();
    hook = await forwardWebhooks(lk.webhookPort);
  });
  afterAll(async () => {
    await hook?.close();
    await browser?.close();
    await db?.drop();
  });

  const as = <T>(who: string, fn: () => Promise<T>) => {
    actor.current = { userId: user[who] };
    return fn();
  };

  async function token(who: string, room?: "stage" | "backstage") {
    actor.current = { userId: user[who] };
    const req = new Request("http://127.0.0.1/api/livekit/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId, ...(room ? { room } : {}) }) });
    const res = await tokenRoute.POST(req, { params: Promise.resolve({}) });
    return { status: res.status, body: await res.json() };
  }

  async function join(who: string, room?: "stage" | "backstage"): Promise<Participant> {
    const { status, body } = await token(who, room);
    expect(status).toBe(200);
    const p = await browser.join(body.serverUrl, body.participantToken);
    await until(
      () => rooms.listParticipants(body.roomName),
      (ps) => ps.some((x) => x.identity === user[who]),
    );
    return p;
  }

  const inRoom = async (name: string) => (await rooms.listParticipants(name).catch(() => [])).map((p) => p.identity);
  const auditOf = (action: string) => db.prisma.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });
  let speaker: Participant;
  let stageToken = "";

  it("sends everyone to the stage while backstage is off, and keeps the backstage closed", async () => {
    expect((await token("speaker")).body.roomName).toBe(roomName);
    expect(await token("speaker", "backstage")).toMatchObject({ status: 403, body: { error: { message: "notBackstage" } } });
  });

  it("only an organizer turns backstage on, and it leaves whoever is on stage there", async () => {
    // The interpreter is on stage before backstage is turned on.
    const onStage = await join("interpreter");
    expect(await as("delegate", () => actions.setBackstageAction(forumId, true))).toEqual({ ok: false, error: "organizersOnly" });
    expect(await as("speaker", () => actions.setBackstageAction(forumId, true))).toEqual({ ok: false, error: "organizersOnly" });
    expect(await as("organizer", () => actions.setBackstageAction(forumId, true))).toEqual({ ok: true, data: null });
    expect((await auditOf("backstage.turnedOn")).map((e) => e.actorId)).toEqual([user.organizer]);
    // Their call is recorded, so a reconnect takes them back to the stage, not backstage.
    expect((await token("interpreter")).body.roomName).toBe(roomName);
    await onStage.close();
    await until(
      () => inRoom(roomName),
      (ids) => !ids.includes(user.interpreter),
    );
    // Sent back, they wait like everyone else (the later tests rely on it).
    expect(await as("organizer", () => actions.sendBackstageAction(sessionId, user.interpreter))).toEqual({ ok: true, data: null });
  });

  it("refuses a speaker and an interpreter a stage token (waitBackstage) and gives them a backstage one with their role's grants", async () => {
    const { TokenVerifier } = await import("livekit-server-sdk");
    for (const who of ["speaker", "interpreter"]) {
      expect(await token(who)).toMatchObject({ status: 403, body: { error: { message: "waitBackstage" } } });
      const { status, body } = await token(who, "backstage");
      expect([status, body.roomName]).toEqual([200, backstage]);
      const claims = await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(body.participantToken);
      expect(claims.video).toMatchObject({ room: backstage, roomJoin: true, roomAdmin: false });
      expect(claims.video?.canUpdateOwnMetadata ?? false).toBe(false);
    }
    // Delegates keep joining the stage directly and have no business backstage; organizers join either.
    expect((await token("delegate")).body.roomName).toBe(roomName);
    expect(await token("delegate", "backstage")).toMatchObject({ status: 403, body: { error: { message: "notBackstage" } } });
    expect((await token("organizer")).body.roomName).toBe(roomName);
    expect((await token("organizer", "backstage")).body.roomName).toBe(backstage);
  });

  it("shows organizers who waits backstage, with role and readiness, and nobody else", async () => {
    speaker = await join("speaker", "backstage");
    expect(await speaker.enable("camera")).toBeNull();
    const view = await until(
      () => as("organizer", () => actions.backstageViewAction(sessionId)),
      (r) => r.ok && r.data.waiting.some((p) => p.camera),
    );
    expect(view).toEqual({ ok: true, data: { on: true, waiting: [{ identity: user.speaker, name: "Speaker Park", role: "speaker", camera: true, microphone: false }], called: [] } });
    expect(await as("delegate", () => actions.backstageViewAction(sessionId))).toEqual({ ok: false, error: "organizersOnly" });
  });

  it("does not count waiting backstage as attendance, while the stage's joins are counted", async () => {
    const organizer = await join("organizer");
    await until(
      () => db.prisma.attendance.count({ where: { userId: user.organizer } }),
      (n) => n > 0,
    );
    expect(await db.prisma.attendance.count({ where: { userId: user.speaker } })).toBe(0);
    await organizer.close();
  });

  it("lets neither a delegate nor the speaker's own client bring the speaker on stage", async () => {
    expect(await as("delegate", () => actions.bringOnStageAction(sessionId, user.speaker))).toEqual({ ok: false, error: "organizersOnly" });
    expect(await as("speaker", () => actions.bringOnStageAction(sessionId, user.speaker))).toEqual({ ok: false, error: "organizersOnly" });
    // No grant lets a client write the attribute the server uses to call it.
    expect(await speaker.attempt({ attributes: { "plenary.call": "stage" } })).toMatch(/permission/);
    expect((await speaker.state()).attributes["plenary.call"]).toBeUndefined();
    expect(await token("speaker")).toMatchObject({ status: 403, body: { error: { message: "waitBackstage" } } });
    // Only speakers and interpreters are brought on stage.
    expect(await as("organizer", () => actions.bringOnStageAction(sessionId, user.delegate))).toEqual({ ok: false, error: "notBackstageRole" });
  });

  it("brings the speaker on stage: the call is recorded, their client is told, and the stage token allowed", async () => {
    expect(await as("organizer", () => actions.bringOnStageAction(sessionId, user.speaker))).toEqual({ ok: true, data: null });
    await until(
      () => speaker.state(),
      (s) => s.attributes["plenary.call"] === "stage",
    );
    const { status, body } = await token("speaker");
    expect([status, body.roomName]).toEqual([200, roomName]);
    stageToken = body.participantToken;
    expect(await token("speaker", "backstage")).toMatchObject({ status: 403, body: { error: { message: "notBackstage" } } });
    await speaker.close();
    speaker = await browser.join(body.serverUrl, stageToken);
    await until(
      () => inRoom(roomName),
      (ids) => ids.includes(user.speaker),
    );
    expect((await auditOf("backstage.broughtOnStage")).map((e) => [e.actorId, (e.data as { identity: string }).identity])).toEqual([[user.organizer, user.speaker]]);
    const view = await as("organizer", () => actions.backstageViewAction(sessionId));
    expect(view.ok && view.data.called.map((c) => c.userId)).toEqual([user.speaker]);
  });

  it("sends the speaker backstage: told first, then removed from the stage, and refused a stage token again", async () => {
    expect(await as("delegate", () => actions.sendBackstageAction(sessionId, user.speaker))).toEqual({ ok: false, error: "organizersOnly" });
    expect(await as("organizer", () => actions.sendBackstageAction(sessionId, user.speaker))).toEqual({ ok: true, data: null });
    const after = await until(
      () => speaker.state(),
      (s) => s.state === "disconnected",
    );
    expect(after.attributes["plenary.call"]).toBe("backstage");
    expect(await inRoom(roomName)).not.toContain(user.speaker);
    expect(await token("speaker")).toMatchObject({ status: 403, body: { error: { message: "waitBackstage" } } });
    expect((await auditOf("backstage.sentBackstage")).map((e) => (e.data as { identity: string }).identity)).toEqual([user.interpreter, user.speaker]);
    await speaker.close();
  });

  it("removes a speaker sent back who rejoins the stage with the token they kept", async () => {
    const stale = await browser.join(lk.url, stageToken, { mayFail: true });
    await until(
      () => stale.state(),
      (s) => s.state === "disconnected",
    );
    await until(
      () => inRoom(roomName),
      (ids) => !ids.includes(user.speaker),
    );
    const refused = await auditOf("room.refused");
    expect(refused.map((e) => (e.data as { reason: string }).reason)).toContain("waitBackstage");
    await stale.close();
  });

  it("turning backstage off sends everyone waiting on stage", async () => {
    const interpreter = await join("interpreter", "backstage");
    expect(await as("organizer", () => actions.setBackstageAction(forumId, false))).toEqual({ ok: true, data: null });
    await until(
      () => interpreter.state(),
      (s) => s.attributes["plenary.call"] === "stage",
    );
    expect((await token("interpreter")).body.roomName).toBe(roomName);
    expect(await db.prisma.stageCall.count({ where: { forumId } })).toBe(0);
    await interpreter.close();
  });
});
