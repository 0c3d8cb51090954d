// The stage against the real LiveKit server: the token route's answers and grants per role, and
// organizers' moderation taking effect on participants who joined in headless Chromium.
import { RoomServiceClient, TokenVerifier, TrackSource } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeUsers } from "./fixtures";
import { startStageBrowser, type Participant } from "./stage-browser";
import { forwardWebhooks, type WebhookForwarder } from "./webhook-forwarder";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
// Who is signed in comes from the test; whether their account exists, from the database.
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

const livekit = inject("livekit");
const skipped = "skipped" in livekit ? livekit.skipped : null;
if (skipped) console.warn(skipped);

const HOUR = 3_600_000;
type Role = "organizer" | "speaker" | "interpreter" | "delegate" | "observer";

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!!skipped)("LiveKit stage on the real server", () => {
  const lk = livekit as { url: string; apiKey: string; apiSecret: string; webhookPort: number };
  let hook: WebhookForwarder | undefined;
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let route: typeof import("../../app/api/livekit/token/route");
  let actions: typeof import("../../lib/rooms/actions");
  let requests: typeof import("../../lib/rooms/participant-actions");
  let rooms: RoomServiceClient;
  let browser: Awaited<ReturnType<typeof startStageBrowser>>;
  const user: Record<string, string> = {};
  const session: Record<"open" | "later" | "other" | "past" | "draftOnly", string> = { open: "", later: "", other: "", past: "", draftOnly: "" };
  const room: Record<"open" | "later" | "past", string> = { open: "", later: "", past: "" };
  let laterForumId = "";

  beforeAll(async () => {
    db = await migratedDatabase("livekit");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret });
    delete process.env.LIVEKIT_API_URL;
    rooms = new RoomServiceClient(lk.url.replace("ws://", "http://"), lk.apiKey, lk.apiSecret);
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    const org = await db.prisma.organization.create({ data: { key: `kei-${tag}`, name: { ko: "한국환경연구원", zh: "韩国环境研究院", en: "Korea Environment Institute" }, country: "KR" } });
    const forum = (slug: string, startsAt: number, hours: number) => ({
      slug,
      title: text,
      description: text,
      position: slug.length,
      roomName: `lk-${tag}--${slug}`,
      startsAt: new Date(startsAt),
      endsAt: new Date(startsAt + hours * HOUR),
    });
    const event = await db.prisma.event.create({
      data: {
        slug: `lk-${tag}`,
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
        forums: { create: [forum("open", now - HOUR, 3), forum("later", now + 2 * HOUR, 2), forum("other", now - HOUR, 3), forum("past", now - 3 * HOUR, 1)] },
      },
      include: { forums: true },
    });
    const f = Object.fromEntries(event.forums.map((x) => [x.slug, x]));
    room.open = f.open.roomName;
    laterForumId = f.later.id;
    room.later = f.later.roomName;
    room.past = f.past.roomName;
    for (const slug of ["open", "later", "other", "past"] as const) {
      const s = await db.prisma.session.create({ data: { forumId: f[slug].id, key: "s1", title: text, abstract: text, language: "ko", startsAt: f[slug].startsAt, endsAt: f[slug].endsAt } });
      session[slug] = s.id;
    }
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    // Added after publishing: not on the public agenda, so nobody may join through it.
    session.draftOnly = (await db.prisma.session.create({ data: { forumId: f.open.id, key: "s2", title: text, abstract: text, language: "ko", startsAt: f.open.startsAt, endsAt: f.open.endsAt } })).id;

    const people = ["organizer", "speaker", "interpreter", "delegate", "observer", "pending", "elsewhere", "guestSpeaker", "delegate2", "stranger"];
    const users = await makeUsers(db.prisma, `lk-${tag}`, people.length);
    people.forEach((p, i) => (user[p] = users[i].id));
    const register = async (who: string, role: Role, forums: string[], status: "approved" | "pending" = "approved") => {
      const r = await enrol(db.prisma, event.id, user[who], role, status);
      await db.prisma.registration.update({
        where: { id: r.id },
        data: { organizationId: org.id, preferredLanguage: "zh", forums: { create: forums.map((s) => ({ forumId: f[s].id })) } },
      });
    };
    await register("organizer", "organizer", []);
    await register("speaker", "speaker", ["open"]);
    await register("interpreter", "interpreter", ["open"]);
    await register("delegate", "delegate", ["open", "later", "past"]);
    await register("delegate2", "delegate", ["open"]);
    await register("observer", "observer", ["open"]);
    await register("pending", "delegate", ["open"], "pending");
    await register("elsewhere", "delegate", ["other"]);
    // On the speaker list of the open forum's session without having picked the forum.
    await register("guestSpeaker", "speaker", []);
    await db.prisma.sessionSpeaker.create({ data: { sessionId: session.open, userId: user.guestSpeaker, name: "Guest", position: 1 } });

    route = await import("../../app/api/livekit/token/route");
    actions = await import("../../lib/rooms/actions");
    requests = await import("../../lib/rooms/participant-actions");
    browser = await startStageBrowser();
    // The server's own webhooks (sent to webhookPort for this run) go to the app's route handler.
    hook = await forwardWebhooks(lk.webhookPort);
  });
  afterAll(async () => {
    await hook?.close();
    await browser?.close();
    await db?.drop();
  });

  async function requestToken(who: string | null, body: unknown) {
    actor.current = who ? { userId: user[who] } : null;
    const req = new Request("http://127.0.0.1/api/livekit/token", { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
    const res = await route.POST(req, { params: Promise.resolve({}) });
    return { status: res.status, body: await res.json() };
  }

  async function grantsOf(who: string, sessionId = session.open) {
    const { status, body } = await requestToken(who, { sessionId });
    expect(status).toBe(200);
    return { body, claims: await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(body.participantToken) };
  }

  async function joinAs(who: string): Promise<Participant> {
    const { body } = await grantsOf(who);
    return browser.join(body.serverUrl, body.participantToken);
  }

  const as = <T>(who: string, fn: () => Promise<T>) => {
    actor.current = { userId: user[who] };
    return fn();
  };

  it.each([
    ["anonymous", 401, null, { sessionId: "x" }, "signInRequired"],
    ["a body that is not JSON", 400, "delegate", "{nope", "invalidJson"],
    ["a body without sessionId", 400, "delegate", {}, undefined],
    ["a body over 4 KB, unread past that", 413, "delegate", JSON.stringify({ sessionId: "x", pad: "x".repeat(5000) }), "tokenRequestTooLarge"],
    ["an unknown session", 404, "delegate", { sessionId: "no-such-session" }, "sessionNotFound"],
    ["a session not yet on the published agenda", 404, "organizer", { sessionId: "draftOnly" }, "sessionNotFound"],
    ["a pending registration", 403, "pending", { sessionId: "open" }, "notApproved"],
    ["no registration to the event", 403, "stranger", { sessionId: "open" }, "notRegistered"],
    ["a delegate of another forum", 403, "elsewhere", { sessionId: "open" }, "notYourForum"],
    ["a delegate before the room opens", 403, "delegate", { sessionId: "later" }, "roomNotOpenYet"],
  ] as const)("token route answers %s with %i", async (_label, status, who, body, message) => {
    let input: unknown = body;
    if (typeof body === "object" && "sessionId" in body && body.sessionId in session) input = { sessionId: session[body.sessionId as keyof typeof session] };
    const res = await requestToken(who, input);
    expect(res.status).toBe(status);
    if (message) expect(res.body.error.message).toBe(message);
  });

  it("answers 401 to a session cookie whose account has been deleted since", async () => {
    const [gone] = await makeUsers(db.prisma, `lk-gone-${Date.now().toString(36)}`, 1);
    await db.prisma.user.delete({ where: { id: gone.id } });
    actor.current = { userId: gone.id };
    const req = new Request("http://127.0.0.1/api/livekit/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId: session.open }) });
    const res = await route.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe("signInRequired");
  });

  it("issues a short-lived token for the session's forum room with the person's identity, name and profile", async () => {
    const { body, claims } = await grantsOf("delegate");
    expect(body).toMatchObject({ serverUrl: lk.url, roomName: room.open, participantName: expect.any(String) });
    expect(claims.sub).toBe(user.delegate);
    expect(claims.name).toBe(body.participantName);
    expect(claims.exp! - claims.nbf!).toBe(600);
    expect(claims.attributes).toMatchObject({ "role": "delegate", "language": "zh", "organization.en": "Korea Environment Institute" });
    expect(JSON.parse(claims.metadata!)).toMatchObject({ role: "delegate", language: "zh", organization: { name: { ko: "한국환경연구원", zh: "韩国环境研究院" } } });
  });

  const base = { roomJoin: true, canSubscribe: true, canPublishData: true };
  it.each([
    ["organizer", { ...base, roomAdmin: true, canPublish: true }],
    ["speaker", { ...base, roomAdmin: false, canPublish: true, canPublishSources: ["camera", "microphone", "screen_share", "screen_share_audio"] }],
    ["guestSpeaker", { ...base, roomAdmin: false, canPublish: true, canPublishSources: ["camera", "microphone", "screen_share", "screen_share_audio"] }],
    ["interpreter", { ...base, roomAdmin: false, canPublish: true, canPublishSources: ["microphone"] }],
    ["delegate", { ...base, roomAdmin: false, canPublish: false }],
    ["observer", { ...base, roomAdmin: false, canPublish: false }],
  ])("a %s's token carries exactly DESIGN.md's grants", async (who, expected) => {
    const { claims } = await grantsOf(who);
    expect(claims.video).toEqual({ ...expected, room: room.open });
  });

  it("lets an organizer into a forum before its room opens to others", async () => {
    const { body } = await grantsOf("organizer", session.later);
    expect(body.roomName).toBe(room.later);
  });

  it("refuses moderation to everyone but the event's organizers", async () => {
    expect(await as("delegate", () => actions.endRoomAction(session.open))).toEqual({ ok: false, error: "organizersOnly" });
    expect(await as("speaker", () => actions.setSpeakAction(session.open, user.delegate, true))).toEqual({ ok: false, error: "organizersOnly" });
    expect(await as("delegate", () => actions.liftBanAction("any-forum", user.delegate))).toMatchObject({ ok: false, error: expect.stringMatching(/organizersOnly|forumNotFound/) });
    actor.current = null;
    expect(await actions.lowerAllHandsAction(session.open)).toEqual({ ok: false, error: "signInRequired" });
  });

  it("an interpreter publishes a microphone track named for their language, and no camera", async () => {
    const interpreter = await joinAs("interpreter");
    try {
      await until(
        () => rooms.listParticipants(room.open),
        (ps) => ps.some((p) => p.identity === user.interpreter),
      );
      expect(await as("interpreter", () => requests.takeBoothAction(session.open, "zh"))).toMatchObject({ ok: true });
      expect(await interpreter.enable("microphone", "interpretation:zh")).toBeNull();
      expect(await interpreter.enable("camera")).not.toBeNull();
      const info = await until(
        () => rooms.getParticipant(room.open, user.interpreter),
        (p) => p.tracks.length > 0,
      );
      expect(info.tracks.map((t) => [t.source, t.name])).toEqual([[TrackSource.MICROPHONE, "interpretation:zh"]]);
      // On duty in the zh booth, so the server lets the track stand once its webhook has come.
      await new Promise((r) => setTimeout(r, 1500));
      expect((await rooms.getParticipant(room.open, user.interpreter)).tracks[0].muted).toBe(false);
      expect(await db.prisma.auditLog.count({ where: { action: "room.trackRejected" } })).toBe(0);
    } finally {
      await interpreter.close();
    }
  });

  it("moderation takes effect in the room: speak on request, mute, take back, hands, remove", async () => {
    const delegate = await joinAs("delegate");
    const observer = await joinAs("observer");
    try {
      const listed = await until(
        () => rooms.listParticipants(room.open),
        (ps) => ps.some((p) => p.identity === user.delegate),
      );
      expect(listed.find((p) => p.identity === user.delegate)?.attributes.role).toBe("delegate");

      // A delegate starts silent.
      expect(await delegate.enable("microphone")).not.toBeNull();
      expect(await as("organizer", () => actions.setSpeakAction(session.open, user.observer, true))).toEqual({ ok: false, error: "observersListen" });

      expect(await as("organizer", () => actions.setSpeakAction(session.open, user.delegate, true))).toEqual({ ok: true, data: null });
      const granted = await rooms.getParticipant(room.open, user.delegate);
      expect(granted.permission).toMatchObject({ canPublish: true, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE], canSubscribe: true, canPublishData: true });
      await until(
        () => delegate.state(),
        (s) => s.canPublish === true,
      );
      expect(await delegate.enable("microphone")).toBeNull();
      expect(await delegate.enable("camera")).toBeNull();
      const publishing = await until(
        () => rooms.getParticipant(room.open, user.delegate),
        (p) => p.tracks.length === 2,
      );
      const mic = publishing.tracks.find((t) => t.source === TrackSource.MICROPHONE)!;

      expect(await as("organizer", () => actions.muteTrackAction(session.open, user.delegate, mic.sid))).toEqual({ ok: true, data: null });
      await until(
        () => rooms.getParticipant(room.open, user.delegate),
        (p) => p.tracks.find((t) => t.sid === mic.sid)?.muted === true,
      );
      await until(
        () => delegate.state(),
        (s) => s.tracks.find((t) => t.sid === mic.sid)?.muted === true,
      );
      expect(await as("organizer", () => actions.muteTrackAction(session.open, user.delegate, "TR_nosuchtrack"))).toEqual({ ok: false, error: "trackNotFound" });

      expect(await as("organizer", () => actions.setSpeakAction(session.open, user.delegate, false))).toEqual({ ok: true, data: null });
      const revoked = await until(
        () => rooms.getParticipant(room.open, user.delegate),
        (p) => p.tracks.length === 0,
      );
      expect(revoked.permission).toMatchObject({ canPublish: false, canPublishSources: [] });
      await until(
        () => delegate.state(),
        (s) => s.canPublish === false,
      );

      expect(await as("delegate", () => requests.raiseHandAction(session.open, true))).toMatchObject({ ok: true });
      expect(await as("delegate2", () => requests.raiseHandAction(session.open, true))).toMatchObject({ ok: false, error: "notInRoom" });
      await until(
        () => rooms.listParticipants(room.open),
        (ps) => ps.filter((p) => p.attributes.hand).length === 1,
      );
      expect(await as("organizer", () => actions.lowerAllHandsAction(session.open))).toEqual({ ok: true, data: null });
      expect((await rooms.listParticipants(room.open)).filter((p) => p.attributes.hand)).toEqual([]);
      await until(
        () => delegate.state(),
        (s) => !s.attributes.hand,
      );

      expect(await as("organizer", () => actions.removeParticipantAction(session.open, user.delegate))).toEqual({ ok: true, data: null });
      await until(
        () => delegate.state(),
        (s) => s.state === "disconnected",
      );
      expect((await rooms.listParticipants(room.open)).map((p) => p.identity)).not.toContain(user.delegate);
      // Removing again, now that they are gone, keeps the ban and says so.
      expect(await as("organizer", () => actions.removeParticipantAction(session.open, user.delegate))).toEqual({ ok: true, data: null });
      expect((await requestToken("delegate", { sessionId: session.open })).body.error.message).toBe("removed");

      const audit = await db.prisma.auditLog.findMany({ where: { actorId: user.organizer }, orderBy: { id: "asc" } });
      expect(audit.map((a) => a.action)).toEqual(["room.speakGranted", "room.muted", "room.speakRevoked", "room.handsLowered", "room.removed", "room.removed"]);
      expect(audit.slice(-2).map((a) => a.data)).toEqual([
        expect.objectContaining({ identity: user.delegate, banned: true, wasInRoom: true }),
        expect.objectContaining({ identity: user.delegate, banned: true, wasInRoom: false }),
      ]);
      expect(audit[1].data).toMatchObject({ room: room.open, identity: user.delegate, trackSid: mic.sid, sessionId: session.open });
    } finally {
      await delegate.close();
      await observer.close();
    }
  });

  it("ending the forum room disconnects everyone in it", async () => {
    const delegate2 = await joinAs("delegate2");
    try {
      await until(
        () => rooms.listRooms([room.open]),
        (rs) => rs.length === 1,
      );
      expect(await as("organizer", () => actions.endRoomAction(session.open))).toEqual({ ok: true, data: null });
      await until(
        () => delegate2.state(),
        (s) => s.state === "disconnected",
      );
      expect(await rooms.listRooms([room.open])).toEqual([]);
      expect(await db.prisma.auditLog.count({ where: { action: "room.ended", actorId: user.organizer } })).toBe(1);
    } finally {
      await delegate2.close();
    }
  });

  it("an organizer's extension keeps a finished forum's room open, and tells those inside through the room's metadata", async () => {
    expect((await requestToken("delegate", { sessionId: session.past })).body.error.message).toBe("roomClosed");
    const { body } = await grantsOf("organizer", session.past);
    const organizer = await browser.join(body.serverUrl, body.participantToken);
    try {
      await until(
        () => rooms.listRooms([room.past]),
        (rs) => rs.length === 1,
      );
      expect(await as("delegate", () => actions.extendRoomAction(session.past, 15))).toEqual({ ok: false, error: "organizersOnly" });
      expect(await as("organizer", () => actions.extendRoomAction(session.past, 15))).toEqual({ ok: true, data: null });
      const [info] = await rooms.listRooms([room.past]);
      const closesAt = new Date(JSON.parse(info.metadata).closesAt).getTime();
      expect(closesAt).toBeGreaterThan(Date.now() + 14 * 60_000);
      expect((await requestToken("delegate", { sessionId: session.past })).status).toBe(200);
      expect(await db.prisma.auditLog.count({ where: { action: "room.extended", actorId: user.organizer } })).toBe(1);
    } finally {
      await organizer.close();
    }
  });

  it("a rehearsal lets the forum's speakers and interpreters in before its room opens, and nobody else, until it ends", async () => {
    const speakerReg = await db.prisma.registration.findFirstOrThrow({ where: { userId: user.speaker } });
    await db.prisma.registrationForum.create({ data: { registrationId: speakerReg.id, forumId: laterForumId } });
    const status = async (who: string) => (await requestToken(who, { sessionId: session.later })).body.error?.message ?? "allowed";
    expect(await status("speaker")).toBe("roomNotOpenYet");
    expect(await as("delegate", () => actions.openRehearsalAction(laterForumId, 60))).toEqual({ ok: false, error: "organizersOnly" });
    const opened = await as("organizer", () => actions.openRehearsalAction(laterForumId, 60));
    expect(opened).toMatchObject({ ok: true, data: expect.any(String) });
    expect(await status("speaker")).toBe("allowed");
    expect(await status("delegate")).toBe("roomNotOpenYet");
    expect(await as("organizer", () => actions.rehearsalAction(laterForumId))).toEqual({ ok: true, data: opened.ok && opened.data });
    expect(await as("organizer", () => actions.endRehearsalAction(laterForumId))).toEqual({ ok: true, data: null });
    expect(await status("speaker")).toBe("roomNotOpenYet");
    expect((await db.prisma.auditLog.findMany({ where: { action: { startsWith: "room.rehearsal" } }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual([
      "room.rehearsalOpened",
      "room.rehearsalEnded",
    ]);
  });

  it("the real server's webhooks turn a join and a leave into one attendance row", async () => {
    // A room no other test ends, so no late room_finished of an earlier room can close the row.
    const { body } = await grantsOf("organizer", session.other);
    const organizer = await browser.join(body.serverUrl, body.participantToken);
    const forumId = (await db.prisma.forum.findFirstOrThrow({ where: { roomName: body.roomName } })).id;
    const rows = () => db.prisma.attendance.findMany({ where: { userId: user.organizer, forumId } });
    const [joined] = await until(rows, (r) => r.length === 1, 20_000);
    expect(joined.leftAt).toBeNull();
    await organizer.close();
    const [left] = await until(rows, (r) => r.length === 1 && r[0].leftAt !== null, 30_000);
    expect(left.leftAt!.getTime()).toBeGreaterThanOrEqual(left.joinedAt.getTime());
  });
});
