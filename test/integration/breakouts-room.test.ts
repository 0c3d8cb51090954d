// What the room does inside a breakout room (real PostgreSQL, the real LiveKit server, real
// participants in headless Chromium): its chat is the breakout's own (stored with it, heard only
// there, its history apart from the stage's and refused to other rooms' people), a visiting
// organizer mutes and removes there, an assigned interpreter takes a booth there, and a forged
// interpretation track by a delegate who may speak there is muted by the webhook as on the stage.
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
const CHAT = "plenary.chat";

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!!skipped)("inside a breakout room: chat, moderation and booths act on that room (real LiveKit server)", () => {
  const lk = livekit as { url: string; apiKey: string; apiSecret: string; webhookPort: number };
  let hook: WebhookForwarder | undefined;
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let tokenRoute: typeof import("../../app/api/livekit/token/route");
  let chat: typeof import("../../lib/chat/actions");
  let moderation: typeof import("../../lib/rooms/actions");
  let requests: typeof import("../../lib/rooms/participant-actions");
  let rooms: RoomServiceClient;
  let browser: Awaited<ReturnType<typeof startStageBrowser>>;
  let roomName = "";
  let sessionId = "";
  let eventSlug = "";
  let a = "";
  let b = "";
  const user: Record<string, string> = {};
  const joined: Record<string, Participant> = {};

  beforeAll(async () => {
    db = await migratedDatabase("breakouts_room");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret });
    delete process.env.LIVEKIT_API_URL;
    rooms = new RoomServiceClient(lk.url.replace("ws://", "http://"), lk.apiKey, lk.apiSecret);
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    roomName = `breakroom-${tag}--open`;
    const event = await db.prisma.event.create({
      data: {
        slug: `breakroom-${tag}`,
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
    const forumId = event.forums[0].id;
    eventSlug = event.slug;
    sessionId = (await db.prisma.session.create({ data: { forumId, key: "s1", title: text, abstract: text, language: "ko", startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) } })).id;
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    const people = [
      ["organizer", "organizer"],
      ["k1", "delegate"],
      ["k2", "delegate"],
      ["c1", "delegate"],
      ["onStage", "delegate"],
      ["interpreter", "interpreter"],
    ] as const;
    const users = await makeUsers(db.prisma, `breakroom-${tag}`, people.length);
    for (const [i, [who, role]] of people.entries()) {
      user[who] = users[i].id;
      const r = await enrol(db.prisma, event.id, user[who], role);
      await db.prisma.registration.update({ where: { id: r.id }, data: { preferredLanguage: "en", forums: { create: [{ forumId }] } } });
    }
    tokenRoute = await import("../../app/api/livekit/token/route");
    chat = await import("../../lib/chat/actions");
    moderation = await import("../../lib/rooms/actions");
    requests = await import("../../lib/rooms/participant-actions");
    const breakouts = await import("../../lib/breakouts/actions");
    actor.current = { userId: user.organizer };
    expect((await breakouts.createBreakoutsAction(forumId, 2)).ok).toBe(true);
    const board = await breakouts.breakoutBoardAction(forumId);
    if (!board.ok) throw new Error(board.error);
    [a, b] = board.data.rooms.map((r) => r.id);
    for (const [who, room] of [
      ["k1", a],
      ["k2", a],
      ["interpreter", a],
      ["c1", b],
    ]) {
      expect(await breakouts.assignPersonAction(forumId, user[who], room)).toEqual({ ok: true, data: null });
    }
    expect((await breakouts.openBreakoutsAction(forumId, 10)).ok).toBe(true);
    await db.prisma.breakoutRun.update({ where: { forumId }, data: { opensAt: new Date(Date.now() - 1000) } });
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
  const inRoom = async (name: string) => (await rooms.listParticipants(name).catch(() => [])).map((p) => p.identity);
  const breakoutRoom = (id: string) => `${roomName}.breakout.${id}`;

  async function token(who: string, body: Record<string, string> = {}) {
    actor.current = { userId: user[who] };
    const req = new Request("http://127.0.0.1/api/livekit/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId, ...body }) });
    const res = await tokenRoute.POST(req, { params: Promise.resolve({}) });
    return { status: res.status, body: await res.json() };
  }

  async function join(who: string, body: Record<string, string> = {}) {
    const { status, body: t } = await token(who, body);
    expect(status).toBe(200);
    joined[who] = await browser.join(t.serverUrl, t.participantToken);
    await until(
      () => inRoom(t.roomName),
      (ids) => ids.includes(user[who]),
    );
  }

  const chatTexts = async (who: string) => (await joined[who].packets()).filter((p) => p.topic === CHAT && p.from === null).map((p) => JSON.parse(p.text).message?.body as string);

  it("keeps a breakout room's chat in that room: stored with it, heard there only, its history apart from the stage's", async () => {
    await join("k1", { room: "breakout" });
    await join("k2", { room: "breakout" });
    await join("c1", { room: "breakout" });
    await join("onStage");
    const sent = await as("k1", () => chat.sendChatMessageAction(sessionId, "Working group A: draft ready", a));
    expect(sent.ok).toBe(true);
    const row = await db.prisma.chatMessage.findFirstOrThrow({ where: { body: "Working group A: draft ready" } });
    expect([row.breakoutId, (row.breakoutTitle as { en: string }).en]).toEqual([a, "Breakout room 1"]);
    await until(
      () => chatTexts("k2"),
      (texts) => texts.includes("Working group A: draft ready"),
    );
    expect((await as("onStage", () => chat.sendChatMessageAction(sessionId, "Main room: lunch at noon"))).ok).toBe(true);
    await until(
      () => chatTexts("onStage"),
      (texts) => texts.includes("Main room: lunch at noon"),
    );
    // Data the server sent to room A is in flight no longer than the stage's, which has arrived.
    await new Promise((r) => setTimeout(r, 500));
    expect(await chatTexts("onStage")).toEqual(["Main room: lunch at noon"]);
    expect(await chatTexts("c1")).toEqual([]);
    expect(await chatTexts("k2")).toEqual(["Working group A: draft ready"]);
    const historyA = await as("k2", () => chat.chatHistoryAction(sessionId, a));
    expect(historyA.ok && historyA.data.map((m) => m.body)).toEqual(["Working group A: draft ready"]);
    const stage = await as("onStage", () => chat.chatHistoryAction(sessionId));
    expect(stage.ok && stage.data.map((m) => m.body)).toEqual(["Main room: lunch at noon"]);
  });

  it("refuses room A's chat to a participant of room B (notAssigned, 403) and to the stage's people", async () => {
    expect(await as("c1", () => chat.sendChatMessageAction(sessionId, "sneaking in", a))).toEqual({ ok: false, error: "notAssigned" });
    expect(await as("c1", () => chat.chatHistoryAction(sessionId, a))).toEqual({ ok: false, error: "notAssigned" });
    expect(await as("onStage", () => chat.chatHistoryAction(sessionId, a))).toEqual({ ok: false, error: "notAssigned" });
    // A participant is told no more about a room that is not theirs than about one that is not there.
    expect(await as("c1", () => chat.sendChatMessageAction(sessionId, "hi", "nope"))).toEqual({ ok: false, error: "notAssigned" });
    expect(await db.prisma.chatMessage.count({ where: { body: "sneaking in" } })).toBe(0);
    const { AppError } = await import("../../lib/errors");
    const { postChatMessage } = await import("../../lib/chat/mutations");
    const refused = await postChatMessage({ userId: user.c1 }, { sessionId, breakoutId: a, body: "x" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as InstanceType<typeof AppError>).code).toBe("FORBIDDEN");
  });

  it("shows the room of each message in the organizers' chat export", async () => {
    const { exportChatCsv } = await import("../../lib/chat/export");
    const { csv } = await exportChatCsv({ userId: user.organizer }, eventSlug, sessionId, { lang: "en" });
    const lines = csv.split("\r\n");
    expect(lines[0]).toContain("Room");
    expect(lines.find((l) => l.includes("draft ready"))).toContain("Breakout room 1");
    expect(lines.find((l) => l.includes("lunch at noon"))).toContain("Main room");
  });

  it("lets an organizer visiting room A mute and remove there; the stage's controls do not reach into it", async () => {
    await join("organizer", { room: "breakout", breakoutId: a });
    expect(await joined.k1.enable("microphone")).toBeNull();
    const mic = (
      await until(
        () => joined.k1.state(),
        (s) => s.tracks.some((t) => t.source === "microphone"),
      )
    ).tracks.find((t) => t.source === "microphone")!;
    // A participant may not, and on the stage there is nobody to mute.
    expect(await as("k2", () => moderation.muteTrackAction(sessionId, user.k1, mic.sid, a))).toEqual({ ok: false, error: "organizersOnly" });
    expect((await as("organizer", () => moderation.muteTrackAction(sessionId, user.k1, mic.sid))).ok).toBe(false);
    expect(await as("organizer", () => moderation.muteTrackAction(sessionId, user.k1, mic.sid, a))).toEqual({ ok: true, data: null });
    await until(
      () => joined.k1.state(),
      (s) => s.tracks.find((t) => t.sid === mic.sid)?.muted === true,
    );
    const muted = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "room.muted" } });
    expect((muted.data as { room: string }).room).toBe(breakoutRoom(a));
    // A message of room A is deleted from room A, not from the stage's chat; room A hears it.
    const draft = await db.prisma.chatMessage.findFirstOrThrow({ where: { body: "Working group A: draft ready" } });
    expect(await as("organizer", () => chat.deleteChatMessageAction(sessionId, draft.id))).toEqual({ ok: false, error: "chatMessageNotFound" });
    expect(await as("organizer", () => chat.deleteChatMessageAction(sessionId, draft.id, a))).toEqual({ ok: true, data: null });
    await until(
      () => joined.k2.packets(),
      (ps) => ps.some((p) => p.topic === CHAT && p.text.includes(`"deleted"`)),
    );
    // An organizer cannot act in a room that is not there.
    expect(await as("organizer", () => moderation.muteTrackAction(sessionId, user.k1, mic.sid, "nope"))).toEqual({ ok: false, error: "breakoutNotFound" });
    expect(await as("organizer", () => moderation.removeParticipantAction(sessionId, user.k2, a))).toEqual({ ok: true, data: null });
    await until(
      () => inRoom(breakoutRoom(a)),
      (ids) => !ids.includes(user.k2),
    );
    const removed = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "room.removed" } });
    expect(removed.data).toMatchObject({ room: breakoutRoom(a), identity: user.k2, banned: true });
    // Removed from a breakout is removed from the forum: no way back to the stage either.
    expect(await token("k2")).toMatchObject({ status: 403 });
  });

  it("lets the interpreter assigned to room A take a booth there, and mutes a delegate's forged channel in a breakout room", async () => {
    await join("interpreter", { room: "breakout" });
    const taken = await as("interpreter", () => requests.takeBoothAction(sessionId, "en", a));
    expect(taken.ok).toBe(true);
    await until(
      () => joined.interpreter.state(),
      (s) => !!s.attributes["booth.en"],
    );
    expect(await joined.interpreter.enable("microphone", "interpretation:en")).toBeNull();
    // A delegate of room B may speak there, but not as a channel listeners follow.
    expect(await joined.c1.enable("microphone", "interpretation:ko")).toBeNull();
    // Muted, and the floor taken back there, so LiveKit unpublishes it.
    await until(
      () => rooms.getParticipant(breakoutRoom(b), user.c1),
      (p) => !p.permission?.canPublish && p.tracks.length === 0,
    );
    const rejected = await until(
      () => db.prisma.auditLog.findMany({ where: { action: "room.trackRejected" } }),
      (rows) => rows.length > 0,
    );
    expect(rejected.map((r) => r.data)).toEqual([expect.objectContaining({ room: breakoutRoom(b), identity: user.c1, name: "interpretation:ko", floorTaken: true })]);
    // The interpreter on duty in room A keeps their channel live.
    expect((await joined.interpreter.state()).tracks.find((t) => t.name === "interpretation:en")?.muted).toBe(false);
    // Someone of another room cannot claim room A's booth.
    expect(await as("c1", () => requests.takeBoothAction(sessionId, "zh", a))).toEqual({ ok: false, error: "notAssigned" });
  });
});
