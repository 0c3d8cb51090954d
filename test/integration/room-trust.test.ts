// Live rooms no participant can subvert (issue 14), on the real LiveKit server with real
// participants in headless Chromium using the app's own tokens. Each attack is made by the
// attacker's own client (livekit-client, as any browser could run it), and its effect is read from
// the other participants' clients, through the same rules the room's UI applies
// (lib/rooms/interpretation.ts, components/room/attributes.ts), and from the server.
import { RoomServiceClient, TrackSource } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { handQueue, shareQueue } from "../../components/room/attributes";
import { liveChannels } from "../../lib/rooms/interpretation";
import { migratedDatabase } from "./db";
import { enrol, makeUsers } from "./fixtures";
import { startStageBrowser, type Participant, type RemoteView } from "./stage-browser";
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
const FUTURE = "2099-01-01T00:00:00.000Z";
type Role = "organizer" | "speaker" | "interpreter" | "delegate" | "observer";

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The live channels a client computes from what it sees of the room (as the room's UI does). */
function channelsSeenBy(view: RemoteView[]) {
  const people = view.map((p) => ({ identity: p.identity, attributes: p.attributes }));
  const publications = view.flatMap((p) => p.tracks.filter((t) => t.kind === "audio").map((t) => ({ trackSid: t.sid, participantIdentity: p.identity, trackName: t.name, muted: t.muted })));
  return liveChannels(publications, people);
}

describe.skipIf(!!skipped)("a live room no participant can subvert (real LiveKit server)", () => {
  const lk = livekit as { url: string; apiKey: string; apiSecret: string; webhookPort: number };
  let hook: WebhookForwarder | undefined;
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let tokenRoute: typeof import("../../app/api/livekit/token/route");
  let moderation: typeof import("../../lib/rooms/actions");
  let requests: typeof import("../../lib/rooms/participant-actions");
  let desk: typeof import("../../lib/registration/organizer");
  let rooms: RoomServiceClient;
  let browser: Awaited<ReturnType<typeof startStageBrowser>>;
  let slug = "";
  let roomName = "";
  let forumId = "";
  let sessionId = "";
  const user: Record<string, string> = {};
  const registration: Record<string, string> = {};
  const joined: Partial<Record<string, Participant>> = {};

  beforeAll(async () => {
    db = await migratedDatabase("room_trust");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret });
    delete process.env.LIVEKIT_API_URL;
    rooms = new RoomServiceClient(lk.url.replace("ws://", "http://"), lk.apiKey, lk.apiSecret);
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    const org = await db.prisma.organization.create({ data: { key: `kei-${tag}`, name: { ko: "한국환경연구원", zh: "韩国环境研究院", en: "Korea Environment Institute" }, country: "KR" } });
    slug = `trust-${tag}`;
    roomName = `trust-${tag}--open`;
    const event = await db.prisma.event.create({
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
      ["attacker", "delegate"],
      ["listener", "delegate"],
      ["observer", "observer"],
      ["speaker", "speaker"],
      ["interpA", "interpreter"],
      ["interpB", "interpreter"],
      ["leaver", "delegate"],
      ["changer", "delegate"],
      ["canceller", "delegate"],
    ];
    const users = await makeUsers(db.prisma, `trust-${tag}`, people.length);
    for (const [i, [who, role]] of people.entries()) {
      user[who] = users[i].id;
      const r = await enrol(db.prisma, event.id, user[who], role);
      registration[who] = r.id;
      await db.prisma.registration.update({ where: { id: r.id }, data: { organizationId: org.id, preferredLanguage: "ko", forums: { create: [{ forumId }] } } });
    }
    await db.prisma.user.update({ where: { id: user.attacker }, data: { name: "김민지", nameLatin: "Kim Minji" } });

    tokenRoute = await import("../../app/api/livekit/token/route");
    moderation = await import("../../lib/rooms/actions");
    requests = await import("../../lib/rooms/participant-actions");
    desk = await import("../../lib/registration/organizer");
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

  async function token(who: string) {
    actor.current = { userId: user[who] };
    const req = new Request("http://127.0.0.1/api/livekit/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId }) });
    const res = await tokenRoute.POST(req, { params: Promise.resolve({}) });
    return { status: res.status, body: await res.json() };
  }

  async function join(who: string): Promise<Participant> {
    const { status, body } = await token(who);
    expect(status).toBe(200);
    const p = await browser.join(body.serverUrl, body.participantToken);
    joined[who] = p;
    await until(
      () => rooms.listParticipants(roomName),
      (ps) => ps.some((x) => x.identity === user[who]),
    );
    return p;
  }

  const seenBy = async (viewer: string, who: string) => (await joined[viewer]!.view()).find((p) => p.identity === user[who]);
  const auditOf = (action: string) => db.prisma.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

  it("gives every role's client no right to write its own name, attributes or metadata", async () => {
    const { TokenVerifier } = await import("livekit-server-sdk");
    for (const who of ["organizer", "speaker", "interpA", "attacker", "observer"]) {
      const { body } = await token(who);
      const claims = await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(body.participantToken);
      expect(claims.video?.canUpdateOwnMetadata ?? false).toBe(false);
    }
    // The name others see is the registration's, in its own script and in Latin.
    const { body } = await token("attacker");
    const claims = await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(body.participantToken);
    expect([claims.name, claims.attributes?.nameLatin]).toEqual(["김민지", "Kim Minji"]);
  });

  it("an interpreter goes on duty through the server, stamped by its clock, and the listeners hear the channel", async () => {
    await join("organizer");
    await join("listener");
    const interpA = await join("interpA");
    const before = Date.now();
    const taken = await as("interpA", () => requests.takeBoothAction(sessionId, "en"));
    expect(taken).toMatchObject({ ok: true });
    const at = Date.parse(taken.ok ? taken.data.at! : "");
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(await interpA.enable("microphone", "interpretation:en")).toBeNull();
    await until(
      () => joined.listener!.view(),
      (v) => channelsSeenBy(v).includes("en"),
    );
    // Nobody else takes a booth.
    expect(await as("listener", () => requests.takeBoothAction(sessionId, "zh"))).toEqual({ ok: false, error: "interpretersOnly" });
  });

  it.each(["attacker", "observer", "interpB"])("what a %s's client writes about itself is refused by the server and reaches nobody", async (who) => {
    const client = joined[who] ?? (await join(who));
    const forged = { "booth.en": FUTURE, "organization.en": "United Nations", "hand": "2020-01-01T00:00:00.000Z", "role": "organizer" };
    expect(await client.attempt({ attributes: forged })).toMatch(/permission/);
    expect(await client.attempt({ name: "Minister of Environment" })).toMatch(/permission/);
    expect(await client.attempt({ metadata: JSON.stringify({ role: "organizer" }) })).toMatch(/permission/);
    // Give a forgery that did reach the server every chance to show up, then look from others' clients.
    await new Promise((r) => setTimeout(r, 500));
    for (const viewer of ["organizer", "listener"]) {
      const seen = (await until(
        () => seenBy(viewer, who),
        (p) => !!p,
      ))!;
      expect(seen.attributes["organization.en"]).toBe("Korea Environment Institute");
      expect(seen.attributes["booth.en"]).toBeUndefined();
      expect(seen.attributes.hand).toBeUndefined();
      expect(seen.attributes.role).not.toBe("organizer");
      expect(seen.name).not.toBe("Minister of Environment");
    }
    // The English interpreter was not silenced: still on air, still the channel for listeners.
    expect((await joined.interpA!.state()).tracks.find((t) => t.name === "interpretation:en")?.muted).toBe(false);
    expect(channelsSeenBy(await joined.listener!.view())).toEqual(["en"]);
  });

  it("a channel track from anyone the server did not put on duty is muted by the server and never a channel for listeners", async () => {
    // A delegate given the floor names their microphone for a channel.
    const attacker = joined.attacker!;
    expect(await as("organizer", () => moderation.setSpeakAction(sessionId, user.attacker, true))).toEqual({ ok: true, data: null });
    await until(
      () => attacker.state(),
      (s) => s.canPublish === true,
    );
    expect(await attacker.enable("microphone", "interpretation:zh")).toBeNull();
    // At no point does a listener's client take it for 中文.
    const seenAtOnce = await joined.listener!.view();
    expect(channelsSeenBy(seenAtOnce)).toEqual(["en"]);
    // The server mutes it and takes the floor back, so LiveKit unpublishes it.
    const after = await until(
      () => rooms.getParticipant(roomName, user.attacker),
      (p) => !p.permission?.canPublish && p.tracks.length === 0,
    );
    expect(after.permission?.canPublishSources).toEqual([]);
    expect(channelsSeenBy(await joined.listener!.view())).toEqual(["en"]);

    // An interpreter off duty publishes into a channel they did not take: muted by the server; the
    // listeners' clients ignore it even when its publisher unmutes it again.
    const interpB = joined.interpB!;
    expect(await interpB.enable("microphone", "interpretation:zh")).toBeNull();
    const muted = await until(
      () => rooms.getParticipant(roomName, user.interpB),
      (p) => p.tracks.some((t) => t.muted),
    );
    const sid = muted.tracks[0].sid;
    expect(await interpB.unmute(sid)).toBeNull();
    await until(
      () => seenBy("listener", "interpB"),
      (p) => p?.tracks.some((t) => t.sid === sid && !t.muted) ?? false,
    );
    expect(channelsSeenBy(await joined.listener!.view())).toEqual(["en"]);

    const rejected = await until(
      () => auditOf("room.trackRejected"),
      (a) => a.length >= 2,
    );
    expect(rejected.map((a) => [a.data, a.actorId])).toEqual(
      expect.arrayContaining([
        [expect.objectContaining({ identity: user.attacker, name: "interpretation:zh", floorTaken: true }), null],
        [expect.objectContaining({ identity: user.interpB, name: "interpretation:zh", floorTaken: false }), null],
      ]),
    );
    await interpB.close();
    delete joined.interpB;
  });

  it("the hand queue is ordered by the server's receipt, and only delegates raise a hand", async () => {
    const first = await as("listener", () => requests.raiseHandAction(sessionId, true));
    const second = await as("attacker", () => requests.raiseHandAction(sessionId, true));
    expect(first.ok && second.ok).toBe(true);
    const [a, b] = [Date.parse(first.ok ? first.data.at! : ""), Date.parse(second.ok ? second.data.at! : "")];
    expect(a).toBeLessThanOrEqual(b);
    // Raising again keeps the first instant: nobody moves up by pressing twice.
    expect(await as("listener", () => requests.raiseHandAction(sessionId, true))).toMatchObject({ ok: true, data: { at: first.ok ? first.data.at! : "" } });
    const view = await until(
      () => joined.organizer!.view(),
      (v) => handQueue(v).length === 2,
    );
    expect(handQueue(view).map((p) => p.identity)).toEqual([user.listener, user.attacker]);

    // Observers ask in writing, interpreters have their booth, speakers need no leave: each is told so.
    if (!joined.observer) await join("observer");
    expect(await as("observer", () => requests.raiseHandAction(sessionId, true))).toEqual({ ok: false, error: "observersListen" });
    expect(await as("interpA", () => requests.raiseHandAction(sessionId, true))).toEqual({ ok: false, error: "interpretersUseBooth" });
    await join("speaker");
    expect(await as("speaker", () => requests.raiseHandAction(sessionId, true))).toEqual({ ok: false, error: "speakersAlwaysSpeak" });
    expect(await as("organizer", () => moderation.setSpeakAction(sessionId, user.observer, true))).toEqual({ ok: false, error: "observersListen" });

    // Letting someone speak answers their hand: the server lowers it.
    expect(await as("organizer", () => moderation.setSpeakAction(sessionId, user.listener, true))).toEqual({ ok: true, data: null });
    const lowered = await until(
      () => joined.organizer!.view(),
      (v) => handQueue(v).length === 1,
    );
    expect(handQueue(lowered).map((p) => p.identity)).toEqual([user.attacker]);
    expect(await as("listener", () => requests.raiseHandAction(sessionId, true))).toEqual({ ok: false, error: "alreadyMaySpeak" });
    expect(await as("attacker", () => requests.raiseHandAction(sessionId, false))).toMatchObject({ ok: true, data: { at: null } });
    expect(await as("organizer", () => moderation.setSpeakAction(sessionId, user.listener, false))).toEqual({ ok: true, data: null });
  });

  it("a delegate shares a screen only once an organizer grants the request, and loses it when taken back", async () => {
    const listener = joined.listener!;
    await until(
      () => listener.state(),
      (s) => s.canPublish === false,
    );
    expect(await listener.enable("screen_share")).not.toBeNull();
    expect(await as("listener", () => requests.requestShareAction(sessionId, true))).toMatchObject({ ok: true });
    expect(await as("observer", () => requests.requestShareAction(sessionId, true))).toEqual({ ok: false, error: "observersListen" });
    await until(
      () => joined.organizer!.view(),
      (v) =>
        shareQueue(v)
          .map((p) => p.identity)
          .join() === user.listener,
    );

    expect(await as("organizer", () => moderation.setShareAction(sessionId, user.listener, true))).toEqual({ ok: true, data: null });
    const granted = await until(
      () => rooms.getParticipant(roomName, user.listener),
      (p) => !!p.permission?.canPublish,
    );
    expect(granted.permission?.canPublishSources).toEqual([TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO]);
    expect(granted.attributes.shareRequest).toBeUndefined();
    await until(
      () => listener.state(),
      (s) => s.canPublish === true,
    );
    expect(await listener.enable("screen_share")).toBeNull();
    expect(await listener.enable("camera")).not.toBeNull();

    expect(await as("organizer", () => moderation.setShareAction(sessionId, user.listener, false))).toEqual({ ok: true, data: null });
    await until(
      () => rooms.getParticipant(roomName, user.listener),
      (p) => !p.permission?.canPublish && p.tracks.length === 0,
    );
  });

  it("a booth handover is the partner's request to the server, which mutes the interpreter it replaces", async () => {
    const interpB = await join("interpB");
    const held = (await rooms.getParticipant(roomName, user.interpA)).attributes["booth.en"];
    const taken = await as("interpB", () => requests.takeBoothAction(sessionId, "en"));
    expect(taken.ok).toBe(true);
    expect(Date.parse(taken.ok ? taken.data.at! : "")).toBeGreaterThan(Date.parse(held));
    await until(
      () => rooms.getParticipant(roomName, user.interpA),
      (p) => p.tracks.find((t) => t.name === "interpretation:en")?.muted === true,
    );
    expect(await interpB.enable("microphone", "interpretation:en")).toBeNull();
    // Listeners still hear one English voice: the partner now on duty.
    await until(
      () => joined.listener!.view(),
      (v) => channelsSeenBy(v).includes("en") && v.find((p) => p.identity === user.interpB)!.tracks.some((t) => !t.muted),
    );
    const [handover] = (await auditOf("interpretation.boothTaken")).slice(-1);
    expect(handover).toMatchObject({ actorId: user.interpB, data: expect.objectContaining({ language: "en", from: user.interpA }) });
  });

  it("removal keeps a person out of the forum's room, even with a token issued before, until an organizer lets them back", async () => {
    const early = (await token("attacker")).body;
    expect(await as("organizer", () => moderation.removeParticipantAction(sessionId, user.attacker))).toEqual({ ok: true, data: null });
    await until(
      () => joined.attacker!.state(),
      (s) => s.state === "disconnected",
    );
    expect(await token("attacker")).toMatchObject({ status: 403, body: { error: { message: "removed" } } });

    // Straight back in with the token issued before the removal: LiveKit lets the connection in,
    // and the server puts it out again at once (sometimes before the connection is even complete).
    const again = await browser.join(early.serverUrl, early.participantToken, { mayFail: true });
    await until(
      () => again.state(),
      (s) => s.state === "disconnected",
    );
    await until(
      () => joined.organizer!.view(),
      (v) => !v.some((p) => p.identity === user.attacker),
    );
    expect((await auditOf("room.refused")).map((a) => a.data)).toContainEqual(expect.objectContaining({ identity: user.attacker, reason: "removed" }));
    await again.close();

    expect(await as("organizer", () => moderation.listBansAction(forumId))).toMatchObject({ ok: true, data: [{ userId: user.attacker, name: "김민지", nameLatin: "Kim Minji" }] });
    expect(await as("listener", () => moderation.liftBanAction(forumId, user.attacker))).toEqual({ ok: false, error: "organizersOnly" });
    expect(await as("organizer", () => moderation.removeParticipantAction(sessionId, user.organizer))).toEqual({ ok: false, error: "organizersCannotBeRemoved" });
    expect(await as("organizer", () => moderation.liftBanAction(forumId, user.attacker))).toEqual({ ok: true, data: null });
    expect((await token("attacker")).status).toBe(200);
    expect((await auditOf("room.banLifted")).map((a) => a.actorId)).toEqual([user.organizer]);
  });

  it("a decline, a cancellation and a role change reach the open room within seconds", async () => {
    const leaver = await join("leaver");
    const changer = await join("changer");
    const canceller = await join("canceller");
    const organizer = { userId: user.organizer };

    await desk.decideRegistrations(organizer, slug, { ids: [registration.leaver], decision: "declined" });
    await until(
      () => leaver.state(),
      (s) => s.state === "disconnected",
    );

    await desk.changeRoles(organizer, slug, { ids: [registration.changer], role: "observer" });
    await until(
      () => changer.state(),
      (s) => s.attributes.role === "observer",
    );
    expect((await seenBy("organizer", "changer"))?.attributes.role).toBe("observer");
    await desk.changeRoles(organizer, slug, { ids: [registration.changer], role: "speaker" });
    await until(
      () => changer.state(),
      (s) => s.attributes.role === "speaker" && s.canPublish === true,
    );

    const { cancelRegistration } = await import("../../lib/registration/mutations");
    await cancelRegistration({ userId: user.canceller }, slug);
    await until(
      () => canceller.state(),
      (s) => s.state === "disconnected",
    );

    const refused = (await auditOf("room.refused")).map((a) => [a.data, a.actorId]);
    expect(refused).toContainEqual([expect.objectContaining({ identity: user.leaver, reason: "notApproved" }), user.organizer]);
    expect(refused).toContainEqual([expect.objectContaining({ identity: user.canceller, reason: "notApproved" }), user.canceller]);
    expect((await auditOf("room.roleUpdated")).map((a) => a.data)).toEqual([
      expect.objectContaining({ identity: user.changer, from: "delegate", to: "observer" }),
      expect.objectContaining({ identity: user.changer, from: "observer", to: "speaker" }),
    ]);
  });
});
