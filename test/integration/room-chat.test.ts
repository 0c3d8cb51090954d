// The room chat on the real LiveKit server: a message is stored, then sent to the room by the
// server (no participant as its sender, which no client can forge), late joiners read the
// history, organizers delete for everyone, bad input and floods are refused with a reason, and
// organizers export it as CSV. Participants in headless Chromium.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { CHAT_TOPIC, decodeChatPacket } from "../../lib/chat/message";
import { migratedDatabase } from "./db";
import { enrol, makeUsers } from "./fixtures";
import { startStageBrowser, type Participant } from "./stage-browser";

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

describe.skipIf(!!skipped)("the room chat (real LiveKit server)", () => {
  const lk = livekit as { url: string; apiKey: string; apiSecret: string };
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let chat: typeof import("../../lib/chat/actions");
  let tokenRoute: typeof import("../../app/api/livekit/token/route");
  let browser: Awaited<ReturnType<typeof startStageBrowser>>;
  let slug = "";
  let sessionId = "";
  const open: Participant[] = [];
  const user: Record<string, string> = {};
  const as = <T>(who: string | null, fn: () => Promise<T>) => {
    actor.current = who ? { userId: user[who] } : null;
    return fn();
  };

  beforeAll(async () => {
    db = await migratedDatabase("room_chat");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret });
    delete process.env.LIVEKIT_API_URL;
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    slug = `chat-${tag}`;
    const event = await db.prisma.event.create({
      data: {
        slug,
        title: text,
        description: text,
        venue: text,
        hostCountries: ["KR"],
        languages: ["ko", "zh", "en"],
        timeZone: "Asia/Seoul",
        displayZones: [],
        startsAt: new Date(now - 24 * HOUR),
        endsAt: new Date(now + 24 * HOUR),
        capacity: 10,
        publishedAt: new Date(),
        forums: { create: [{ slug: "open", title: text, description: text, position: 1, roomName: `chat-${tag}--open`, startsAt: new Date(now - HOUR), endsAt: new Date(now + HOUR) }] },
      },
      include: { forums: true },
    });
    const forumId = event.forums[0].id;
    sessionId = (await db.prisma.session.create({ data: { forumId, key: "s1", title: text, abstract: text, language: "ko", startsAt: new Date(now - HOUR), endsAt: new Date(now + HOUR) } })).id;
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    const people = [
      ["organizer", "organizer"],
      ["delegate", "delegate"],
      ["late", "delegate"],
      ["flooder", "delegate"],
    ] as const;
    const users = await makeUsers(db.prisma, `chat-${tag}`, people.length + 1);
    for (const [i, [who, role]] of people.entries()) {
      user[who] = users[i].id;
      const r = await enrol(db.prisma, event.id, user[who], role);
      await db.prisma.registration.update({ where: { id: r.id }, data: { forums: { create: [{ forumId }] } } });
    }
    user.stranger = users[people.length].id;
    chat = await import("../../lib/chat/actions");
    tokenRoute = await import("../../app/api/livekit/token/route");
    browser = await startStageBrowser();
  });
  afterAll(async () => {
    for (const p of open) await p.close();
    await browser?.close();
    await db?.drop();
  });

  async function join(who: string): Promise<Participant> {
    actor.current = { userId: user[who] };
    const req = new Request("http://127.0.0.1/api/livekit/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId }) });
    const body = await (await tokenRoute.POST(req, { params: Promise.resolve({}) })).json();
    const p = await browser.join(body.serverUrl, body.participantToken);
    open.push(p);
    return p;
  }

  it("stores a message and sends it to the room as the server, with the sender's registered name", async () => {
    const organizer = await join("organizer");
    const delegate = await join("delegate");
    const sent = await as("delegate", () => chat.sendChatMessageAction(sessionId, "  안녕하세요, 你好  "));
    expect(sent).toMatchObject({ ok: true, data: { identity: user.delegate, body: "안녕하세요, 你好", name: expect.stringContaining("chat-") } });
    const packets = await until(
      () => organizer.packets(),
      (ps) => ps.some((p) => p.topic === CHAT_TOPIC),
    );
    const packet = packets.find((p) => p.topic === CHAT_TOPIC)!;
    expect(packet.from).toBeNull();
    expect(decodeChatPacket(new TextEncoder().encode(packet.text))).toEqual({ type: "message", message: sent.ok && sent.data });
    expect(await db.prisma.chatMessage.count()).toBe(1);

    // A participant may send on the topic too, but what arrives names them: clients ignore it.
    await delegate.publishData(
      CHAT_TOPIC,
      JSON.stringify({ type: "message", message: { id: "forged", identity: user.organizer, name: "Organizer", nameLatin: null, body: "Everyone leave now", at: new Date().toISOString() } }),
    );
    const forged = await until(
      () => organizer.packets(),
      (ps) => ps.some((p) => p.text.includes("forged")),
    );
    expect(forged.find((p) => p.text.includes("forged"))!.from).toBe(user.delegate);
  });

  it("gives a late joiner the history, and hides a message an organizer deletes from everyone", async () => {
    await as("organizer", () => chat.sendChatMessageAction(sessionId, "Slides after the break"));
    const history = await as("late", () => chat.chatHistoryAction(sessionId));
    expect(history.ok && history.data.map((m) => m.body)).toEqual(["안녕하세요, 你好", "Slides after the break"]);

    const late = await join("late");
    const target = history.ok ? history.data[1].id : "";
    expect(await as("delegate", () => chat.deleteChatMessageAction(sessionId, target))).toEqual({ ok: false, error: "organizersOnly" });
    expect(await as("organizer", () => chat.deleteChatMessageAction(sessionId, target))).toEqual({ ok: true, data: null });
    await until(
      () => late.packets(),
      (ps) => ps.some((p) => p.topic === CHAT_TOPIC && p.text.includes('"deleted"') && p.text.includes(target)),
    );
    const after = await as("late", () => chat.chatHistoryAction(sessionId));
    expect(after.ok && after.data.map((m) => m.body)).toEqual(["안녕하세요, 你好"]);
    expect(await as("organizer", () => chat.deleteChatMessageAction(sessionId, target))).toEqual({ ok: false, error: "chatMessageNotFound" });
    expect(await db.prisma.auditLog.count({ where: { action: "room.chatDeleted" } })).toBe(1);
  });

  it("refuses what is not a message, anyone not in the room, and a flood, each with its reason, and writes nothing", async () => {
    const before = await db.prisma.chatMessage.count();
    expect(await as("delegate", () => chat.sendChatMessageAction(sessionId, "   "))).toEqual({ ok: false, error: "chatEmpty" });
    expect(await as("delegate", () => chat.sendChatMessageAction(sessionId, "x".repeat(2001)))).toEqual({ ok: false, error: "chatTooLong" });
    expect(await as("delegate", () => chat.sendChatMessageAction(sessionId, "bell\u0007"))).toEqual({ ok: false, error: "chatInvalid" });
    expect(await as("stranger", () => chat.sendChatMessageAction(sessionId, "hello"))).toEqual({ ok: false, error: "notRegistered" });
    expect(await as("stranger", () => chat.chatHistoryAction(sessionId))).toEqual({ ok: false, error: "notRegistered" });
    expect(await as(null, () => chat.sendChatMessageAction(sessionId, "hello"))).toEqual({ ok: false, error: "signInRequired" });
    // Registered, but not connected to the room (yet).
    expect(await as("flooder", () => chat.sendChatMessageAction(sessionId, "hello"))).toEqual({ ok: false, error: "notInRoom" });
    expect(await db.prisma.chatMessage.count()).toBe(before);

    // At most 30 a minute (fixed windows: a burst that crosses into the next one gets 30 more).
    await join("flooder");
    const answers = [];
    for (let i = 0; i < 61; i++) answers.push(await as("flooder", () => chat.sendChatMessageAction(sessionId, `line ${i}`)));
    const accepted = answers.filter((a) => a.ok).length;
    expect(accepted).toBeLessThanOrEqual(60);
    expect(answers.filter((a) => !a.ok)).toContainEqual(expect.objectContaining({ ok: false, error: "tooManyRequests" }));
    expect(answers.every((a) => a.ok || a.error === "tooManyRequests")).toBe(true);
    expect(await db.prisma.chatMessage.count()).toBe(before + accepted);
  });

  it("exports the forum room's chat for organizers only, in the console's language, deleted messages marked", async () => {
    const { exportChatCsv } = await import("../../lib/chat/export");
    await expect(exportChatCsv({ userId: user.delegate }, slug, sessionId, { lang: "en" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { csv, filename } = await exportChatCsv({ userId: user.organizer }, slug, sessionId, { lang: "en", tz: "America/New_York" });
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toMatch(/^Sent \(New York UTC-[45]\),Session,Room,Name,Name in Latin letters,Email,Organisation,Message,Deleted \(New York UTC-[45]\),Deleted by$/);
    // Wall-clock date-times spreadsheets read, never ISO UTC strings.
    expect(lines.filter((l) => l.includes("Slides after the break"))[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d,.*,\d{4}-\d\d-\d\d \d\d:\d\d,[^,]+$/);
    expect(lines.filter((l) => l.includes("안녕하세요"))[0]).toMatch(/,,$/);
    // Said on the stage (breakout rooms' messages carry their room's title: breakouts-room.test.ts).
    expect(lines.filter((l) => l.includes("Slides after the break"))[0]).toContain(",Main room,");
    expect(filename).toMatch(/-en-/);
    const zh = await exportChatCsv({ userId: user.organizer }, slug, sessionId, { lang: "zh" });
    expect(zh.csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^发送时间（.+）,场次,会议室,姓名,/);
  });
});
