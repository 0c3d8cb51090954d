// The app on the tested LiveKit cluster (README, "Growing past one machine"): one LIVEKIT_URL, a
// load balancer without stickiness in front of two nodes' signalling ports, every node's webhooks
// to the app's route. Tokens from the app's route, RoomService calls from its moderation and
// attendance from both nodes' webhooks work as on one server.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLiveKitClusterForTests, type LiveKitCluster } from "../../scripts/lib/livekit.mjs";
import { freePort } from "../../scripts/lib/postgres.mjs";
import { redisHash } from "../../scripts/lib/redis.mjs";
import { migratedDatabase } from "./db";
import { enrol, makeUsers } from "./fixtures";
import { startStageBrowser } from "./stage-browser";
import { startTcpBalancer } from "./tcp-balancer";
import { forwardWebhooks, type WebhookForwarder } from "./webhook-forwarder";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
// Who is signed in comes from the test; whether their account exists, from the database.
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

const HOUR = 3_600_000;
const hookPort = await freePort();
const started = await startLiveKitClusterForTests({ nodes: 2, webhookUrls: [`http://127.0.0.1:${hookPort}/api/livekit/webhook`] });
const skipped = "skipped" in started ? started.skipped : null;
if (skipped) console.warn(skipped);

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!!skipped)("the app on a two-node LiveKit cluster behind a load balancer", () => {
  const lk = started as LiveKitCluster;
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let balancer: Awaited<ReturnType<typeof startTcpBalancer>>;
  let hook: WebhookForwarder | undefined;
  let browser: Awaited<ReturnType<typeof startStageBrowser>>;
  const user: Record<"organizer" | "delegate" | "observer", string> = { organizer: "", delegate: "", observer: "" };
  let sessionId = "";
  let forum = { id: "", roomName: "" };

  beforeAll(async () => {
    db = await migratedDatabase("lkcluster");
    balancer = await startTcpBalancer(lk.nodes.map((n) => n.ports.signalPort));
    // One address for browsers and for the app's RoomService calls: the balancer's.
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: `ws://127.0.0.1:${balancer.port}`, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret });
    delete process.env.LIVEKIT_API_URL;
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    const event = await db.prisma.event.create({
      data: {
        slug: `lkc-${tag}`,
        title: text,
        description: text,
        venue: text,
        hostCountries: ["KR", "CN"],
        languages: ["ko", "zh", "en"],
        timeZone: "Asia/Seoul",
        displayZones: [],
        startsAt: new Date(now - 24 * HOUR),
        endsAt: new Date(now + 24 * HOUR),
        capacity: 100,
        publishedAt: new Date(),
        forums: { create: { slug: "main", title: text, description: text, position: 1, roomName: `lkc-${tag}--main`, startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) } },
      },
      include: { forums: true },
    });
    forum = event.forums[0];
    sessionId = (
      await db.prisma.session.create({ data: { forumId: forum.id, key: "s1", title: text, abstract: text, language: "ko", startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR) } })
    ).id;
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    const [organizer, delegate, observer] = await makeUsers(db.prisma, `lkc-${tag}`, 3);
    Object.assign(user, { organizer: organizer.id, delegate: delegate.id, observer: observer.id });
    await enrol(db.prisma, event.id, organizer.id, "organizer");
    for (const [id, role] of [
      [delegate.id, "delegate"],
      [observer.id, "observer"],
    ] as const) {
      const r = await enrol(db.prisma, event.id, id, role);
      await db.prisma.registration.update({ where: { id: r.id }, data: { forums: { create: { forumId: forum.id } } } });
    }
    hook = await forwardWebhooks(hookPort);
    browser = await startStageBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hook?.close();
    await balancer?.close();
    await lk.stop();
    await db?.drop();
  });

  async function tokenFor(who: keyof typeof user) {
    actor.current = { userId: user[who] };
    const route = await import("../../app/api/livekit/token/route");
    const req = new Request("http://127.0.0.1/api/livekit/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ sessionId }) });
    const res = await route.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    return (await res.json()) as { serverUrl: string; participantToken: string };
  }

  it("delegates join through the balancer on either node, meet in the forum's room, are moderated through it, and leave one attendance row each", async () => {
    const tokens = [await tokenFor("delegate"), await tokenFor("observer")];
    expect(tokens.map((t) => t.serverUrl)).toEqual([process.env.LIVEKIT_URL, process.env.LIVEKIT_URL]);
    const before = [...balancer.counts];
    const rows = () => db.prisma.attendance.findMany({ where: { forumId: forum.id } });
    const delegate = await browser.join(tokens[0].serverUrl, tokens[0].participantToken);
    const observer = await browser.join(tokens[1].serverUrl, tokens[1].participantToken);
    try {
      // Connections went to both nodes in turn; the room is on one of them.
      expect(balancer.counts.map((n, i) => n - before[i]).every((n) => n > 0)).toBe(true);
      expect(lk.nodes.map((n) => n.nodeId)).toContain((await redisHash(lk.redisPort, "room_node_map"))[forum.roomName]);
      await until(
        () => delegate.view(),
        (v) => v.some((p) => p.identity === user.observer),
      );
      await until(
        () => observer.view(),
        (v) => v.some((p) => p.identity === user.delegate),
      );

      // The organizer's RoomService call, through the balancer, reaches the room's node.
      actor.current = { userId: user.organizer };
      const actions = await import("../../lib/rooms/actions");
      expect(await actions.setSpeakAction(sessionId, user.delegate, true)).toEqual({ ok: true, data: null });
      await until(
        () => delegate.state(),
        (s) => s.canPublish === true,
      );
      await until(rows, (r) => r.length === 2);
    } finally {
      await delegate.close();
      await observer.close();
    }
    const closed = await until(rows, (r) => r.length === 2 && r.every((a) => a.leftAt !== null), 30_000);
    expect(closed.map((a) => a.userId).sort()).toEqual([user.delegate, user.observer].sort());
  });
});
