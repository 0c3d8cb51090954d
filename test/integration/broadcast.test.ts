// Broadcasts end to end on real PostgreSQL: who may watch (public / registered-only), settings and
// restream destinations under the organizer's authority (keys sealed at rest), on air / off air
// with one open broadcast per forum under concurrent starts, the audience's hidden subscribe-only
// token, and — through LiveKit's EgressClient against the Egress stand-in — the stage's and each
// channel's HLS written by ffmpeg, served by the app's routes with signed URLs and cache headers,
// a restream that arrives at an RTMP receiver on loopback, and webhooks taking every output to its end.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AccessToken, TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EgressStandIn } from "../../e2e/egress/stand-in.mjs";
import { migratedDatabase } from "./db";
import { egressSkipped, KEY, liveKitUrl, SECRET, standIn as standInModule, until } from "./egress";
import { enrol, makeUsers } from "./fixtures";
import { forwardWebhooks, type WebhookForwarder } from "./webhook-forwarder";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

const MINUTE = 60_000;

describe.skipIf(!!egressSkipped)("broadcasts", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let standIn: EgressStandIn;
  let hook: WebhookForwarder;
  let dir: string;
  let lib: {
    control: typeof import("../../lib/broadcast/control");
    data: typeof import("../../lib/broadcast/data");
    settings: typeof import("../../lib/broadcast/settings");
    destinations: typeof import("../../lib/broadcast/destinations");
    token: typeof import("../../lib/broadcast/token");
    access: typeof import("../../lib/broadcast/access");
    master: typeof import("../../app/api/forums/[forumId]/broadcast/index.m3u8/route");
    file: typeof import("../../app/api/forums/[forumId]/broadcast/[broadcastId]/[name]/[file]/route");
    tokenRoute: typeof import("../../app/api/forums/[forumId]/broadcast/token/route");
    webhook: typeof import("../../app/api/livekit/webhook/route");
  };
  const user: Record<string, { userId: string }> = {};
  const forum: Record<"main" | "webrtc" | "open", { id: string; roomName: string; slug: string }> = {} as never;
  let slug = "";

  const as = (who: string | null) => (actor.current = who ? user[who] : null);
  const broadcast = (id: string) => db.prisma.broadcast.findUniqueOrThrow({ where: { id }, include: { renditions: true, restreams: true } });
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => "allowed",
      (e: Error & { code?: string }) => `${e.code}:${e.message}`,
    );

  async function get(route: { GET: (req: Request, ctx: never) => Promise<Response> }, url: string, params: object) {
    const res = await route.GET(new Request(`http://127.0.0.1${url}`), { params: Promise.resolve(params) } as never);
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  beforeAll(async () => {
    db = await migratedDatabase("broadcast");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-broadcast-"));
    lib = { webhook: await import("../../app/api/livekit/webhook/route") } as typeof lib;
    hook = await forwardWebhooks();
    standIn = (await standInModule.startEgressStandInForTests({ apiKey: KEY, apiSecret: SECRET, webhookUrls: [hook.url] })) as EgressStandIn;
    Object.assign(process.env, {
      DATABASE_URL: db.databaseUrl,
      RECORDINGS_DIR: dir,
      LIVEKIT_EGRESS_URL: standIn.url,
      LIVEKIT_API_KEY: KEY,
      LIVEKIT_API_SECRET: SECRET,
      LIVEKIT_URL: liveKitUrl,
      PUBLIC_BASE_URL: "http://127.0.0.1:3999",
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      EGRESS_START_TIMEOUT_S: "60",
      EGRESS_END_TIMEOUT_S: "300",
    });
    delete process.env.S3_BUCKET;
    delete process.env.LIVEKIT_API_URL;
    delete process.env.STREAM_KEY_SECRET;
    Object.assign(lib, {
      control: await import("../../lib/broadcast/control"),
      data: await import("../../lib/broadcast/data"),
      settings: await import("../../lib/broadcast/settings"),
      destinations: await import("../../lib/broadcast/destinations"),
      token: await import("../../lib/broadcast/token"),
      access: await import("../../lib/broadcast/access"),
      master: await import("../../app/api/forums/[forumId]/broadcast/index.m3u8/route"),
      file: await import("../../app/api/forums/[forumId]/broadcast/[broadcastId]/[name]/[file]/route"),
      tokenRoute: await import("../../app/api/forums/[forumId]/broadcast/token/route"),
    });

    const now = Date.now();
    slug = `bc-${now.toString(36)}`;
    const text = (en: string) => ({ ko: `${en} (ko)`, zh: `${en} (zh)`, en });
    const block = (s: string, position: number) => ({
      slug: s,
      title: text(s),
      description: text(s),
      position,
      roomName: `${slug}--${s}`,
      startsAt: new Date(now - 60 * MINUTE),
      endsAt: new Date(now + 120 * MINUTE),
    });
    const event = await db.prisma.event.create({
      data: {
        slug,
        title: text("Broadcasts"),
        description: text("d"),
        venue: text("v"),
        hostCountries: ["KR", "CN"],
        languages: ["ko", "zh", "en"],
        timeZone: "Asia/Seoul",
        displayZones: [],
        startsAt: new Date(now - 24 * 60 * MINUTE),
        endsAt: new Date(now + 24 * 60 * MINUTE),
        capacity: 100,
        publishedAt: new Date(),
        forums: { create: [block("main", 1), block("webrtc", 2), block("open", 3)] },
      },
      include: { forums: true },
    });
    for (const f of event.forums) forum[f.slug as keyof typeof forum] = { id: f.id, roomName: f.roomName, slug: f.slug };
    for (const f of event.forums) {
      await db.prisma.session.create({
        data: { forumId: f.id, key: `${f.slug}-s1`, title: text("s1"), abstract: text("s1"), language: "ko", startsAt: new Date(now - 10 * MINUTE), endsAt: new Date(now + 50 * MINUTE) },
      });
    }
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    const people = ["organizer", "delegate", "pending", "outsider", "declined"];
    const users = await makeUsers(db.prisma, slug, people.length);
    people.forEach((p, i) => (user[p] = { userId: users[i].id }));
    await enrol(db.prisma, event.id, user.organizer.userId, "organizer");
    await enrol(db.prisma, event.id, user.delegate.userId, "delegate");
    await enrol(db.prisma, event.id, user.pending.userId, "delegate", "pending");
    await db.prisma.registration.create({ data: { eventId: event.id, userId: user.declined.userId, role: "delegate", status: "declined", country: "KR", timeZone: "Asia/Seoul" } });
  });
  afterAll(async () => {
    await standIn?.stop();
    await hook?.close();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("settings: defaults until an organizer changes them; nobody else may, and no player at all is refused", async () => {
    expect(await lib.settings.getBroadcastSettings(forum.main.id)).toEqual({ webrtc: true, hls: true, audience: "registered", backstage: false });
    expect(await refusal(lib.settings.setBroadcastSettings(user.delegate, forum.webrtc.id, { hls: false }))).toBe("FORBIDDEN:organizersOnly");
    expect(await refusal(lib.settings.setBroadcastSettings(null, forum.webrtc.id, { hls: false }))).toBe("UNAUTHENTICATED:signInRequired");
    const { broadcastSettingsSchema } = await import("../../lib/broadcast/schema");
    expect(broadcastSettingsSchema.safeParse({ webrtc: false, hls: false }).success).toBe(false);
    expect(broadcastSettingsSchema.safeParse({ hls: true, role: "organizer" }).success).toBe(false);
    await lib.settings.setBroadcastSettings(user.organizer, forum.webrtc.id, { hls: false });
    await lib.settings.setBroadcastSettings(user.organizer, forum.open.id, { audience: "public", hls: false });
    expect(await lib.settings.getBroadcastSettings(forum.webrtc.id)).toMatchObject({ webrtc: true, hls: false, audience: "registered" });
    const audit = await db.prisma.auditLog.findMany({ where: { action: "broadcast.settings", entityId: forum.webrtc.id } });
    expect(audit).toHaveLength(1);
  });

  it("who may watch a registered-only forum: approved registrations only; a public forum admits anyone", async () => {
    const view = (who: string | null, f: keyof typeof forum) => lib.data.getWatchView(who ? user[who] : null, "en", slug, forum[f].slug);
    expect((await view(null, "main")).refusal).toBe("signIn");
    expect((await view("outsider", "main")).refusal).toBe("notRegistered");
    expect((await view("declined", "main")).refusal).toBe("notRegistered");
    expect((await view("pending", "main")).refusal).toBe("notApproved");
    // Admitted, but nothing is on air yet.
    const delegate = await view("delegate", "main");
    expect(delegate).toMatchObject({ refusal: "offAir", broadcast: null, hlsUrl: null, canTakePart: true, channels: ["ko", "zh", "en"] });
    expect(delegate.sessionId).toBeTruthy();
    expect((await view(null, "open")).refusal).toBe("offAir");
    expect((await view(null, "open")).canTakePart).toBe(false);
    // A session ended since the cookie was issued reads as signed out.
    const stale = await lib.data.getWatchView({ ...user.delegate, sessionVersion: 99 } as never, "en", slug, forum.main.slug);
    expect(stale.refusal).toBe("signIn");
    await expect(lib.data.getWatchView(null, "en", slug, "no-such-forum")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a WebRTC-only broadcast is on air at once, one per forum whatever the concurrency, and gives hidden subscribe-only tokens", async () => {
    expect(await refusal(lib.control.startBroadcast(user.delegate, forum.webrtc.id))).toBe("FORBIDDEN:organizersOnly");
    expect(await refusal(lib.token.issueAudienceToken(user.delegate, forum.webrtc.id, "127.0.0.1"))).toBe("CONFLICT:broadcastOffAir");
    const before = standIn.requests.length;
    const starts = await Promise.allSettled(Array.from({ length: 5 }, () => lib.control.startBroadcast(user.organizer, forum.webrtc.id)));
    expect(starts.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(starts.filter((s) => s.status === "rejected").map((s) => (s as PromiseRejectedResult).reason.message)).toEqual(Array(4).fill("alreadyBroadcasting"));
    // No HLS and no restream: Egress is not asked for anything.
    expect(standIn.requests.length).toBe(before);
    const open = await db.prisma.broadcast.findMany({ where: { forumId: forum.webrtc.id } });
    expect(open).toHaveLength(1);
    expect(open[0].status).toBe("live");

    const view = await lib.data.getWatchView(user.delegate, "en", slug, forum.webrtc.slug);
    expect(view).toMatchObject({ refusal: null, webrtc: true, hlsUrl: null, broadcast: { status: "live" } });

    const token = await lib.token.issueAudienceToken(user.delegate, forum.webrtc.id, "127.0.0.1");
    expect(token.roomName).toBe(forum.webrtc.roomName);
    const claims = await new TokenVerifier(KEY, SECRET).verify(token.participantToken);
    expect(claims.sub).toMatch(/^audience:/);
    expect(claims.sub).not.toContain(user.delegate.userId);
    expect(claims.video).toMatchObject({ roomJoin: true, room: forum.webrtc.roomName, hidden: true, canSubscribe: true, canPublish: false, canPublishData: false });
    expect(claims.video?.canUpdateOwnMetadata).toBeFalsy();
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect(claims.video?.roomRecord).toBeFalsy();
    expect(await refusal(lib.token.issueAudienceToken(user.pending, forum.webrtc.id, "127.0.0.1"))).toBe("FORBIDDEN:watchNotApproved");
    expect(await refusal(lib.token.issueAudienceToken(null, forum.webrtc.id, "127.0.0.1"))).toBe("UNAUTHENTICATED:signInRequired");

    // The route: no body needed, never cached; 401 signed out.
    as("delegate");
    const res = await lib.tokenRoute.POST(new Request(`http://127.0.0.1/api/forums/${forum.webrtc.id}/broadcast/token`, { method: "POST" }), { params: Promise.resolve({ forumId: forum.webrtc.id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    as(null);
    const anonymous = await lib.tokenRoute.POST(new Request(`http://127.0.0.1/api/forums/${forum.webrtc.id}/broadcast/token`, { method: "POST" }), {
      params: Promise.resolve({ forumId: forum.webrtc.id }),
    });
    expect(anonymous.status).toBe(401);

    await lib.control.stopBroadcast(user.organizer, forum.webrtc.id);
    expect((await db.prisma.broadcast.findFirstOrThrow({ where: { forumId: forum.webrtc.id } })).status).toBe("ended");
    expect(await refusal(lib.control.stopBroadcast(user.organizer, forum.webrtc.id))).toBe("CONFLICT:notBroadcasting");
    expect(await refusal(lib.token.issueAudienceToken(user.delegate, forum.webrtc.id, "127.0.0.1"))).toBe("CONFLICT:broadcastOffAir");
  });

  it("a public forum's audience needs no account, and anonymous tokens are limited per address", async () => {
    await lib.control.startBroadcast(user.organizer, forum.open.id);
    const token = await lib.token.issueAudienceToken(null, forum.open.id, "198.51.100.7");
    const claims = await new TokenVerifier(KEY, SECRET).verify(token.participantToken);
    expect(claims.video).toMatchObject({ hidden: true, canPublish: false, canPublishData: false });
    const burst = await Promise.allSettled(Array.from({ length: 125 }, () => lib.token.issueAudienceToken(null, forum.open.id, "198.51.100.8")));
    expect(burst.filter((b) => b.status === "fulfilled")).toHaveLength(120);
    expect((burst.find((b) => b.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "RATE_LIMITED" });
    await lib.control.stopBroadcast(user.organizer, forum.open.id);
  });

  it("restream destinations: the key sealed at rest and never shown again, bad input refused with nothing written", async () => {
    const key = "abcd-efgh-ijkl-mnop-1234";
    expect(await refusal(lib.destinations.addRestreamDestination(user.delegate, forum.webrtc.id, { label: "YouTube", url: "rtmp://127.0.0.1/live", streamKey: key }))).toBe("FORBIDDEN:organizersOnly");
    for (const [input, message] of [
      [{ label: "YouTube", url: "https://youtube.com/live", streamKey: key }, "restreamUrlInvalid"],
      [{ label: "YouTube", url: "rtmp://user:pw@127.0.0.1/live", streamKey: key }, "restreamUrlInvalid"],
      [{ label: "", url: "rtmp://127.0.0.1/live", streamKey: key }, "restreamLabelMissing"],
      [{ label: "YouTube", url: "rtmp://127.0.0.1/live", streamKey: "has space" }, "streamKeyInvalid"],
      [{ label: "YouTube", url: "rtmp://127.0.0.1/live", streamKey: "a/b/c/d" }, "streamKeyInvalid"],
      [{ label: "YouTube", url: "rtmp://127.0.0.1/live", streamKey: key, extra: 1 }, "invalidInput"],
    ] as const) {
      const outcome = await refusal(lib.destinations.addRestreamDestination(user.organizer, forum.webrtc.id, input));
      expect(outcome.startsWith("BAD_REQUEST:")).toBe(true);
      if (message !== "invalidInput") expect(outcome).toBe(`BAD_REQUEST:${message}`);
    }
    expect(await db.prisma.restreamDestination.count({ where: { forumId: forum.webrtc.id } })).toBe(0);

    const added = await lib.destinations.addRestreamDestination(user.organizer, forum.webrtc.id, { label: "YouTube", url: "rtmps://a.rtmp.youtube.com/live2", streamKey: key });
    expect(added).toEqual({ id: expect.any(String), label: "YouTube", url: "rtmps://a.rtmp.youtube.com/live2", keyHint: "…1234", enabled: true });
    const row = await db.prisma.restreamDestination.findUniqueOrThrow({ where: { id: added.id } });
    expect(row.keyCiphertext).not.toContain(key);
    expect(row.keyCiphertext).not.toContain(Buffer.from(key).toString("base64url"));
    const { decryptStreamKey } = await import("../../lib/broadcast/stream-keys");
    expect(decryptStreamKey(row.keyCiphertext)).toBe(key);
    // Altered at rest: refused, never garbage pushed to a platform.
    const tampered = row.keyCiphertext.slice(0, -2) + (row.keyCiphertext.endsWith("A") ? "BB" : "AA");
    expect(() => decryptStreamKey(tampered)).toThrow("streamKeyUnreadable");
    const log = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "restream.added", entityId: forum.webrtc.id } });
    expect(JSON.stringify(log.data)).not.toContain(key);
    const console_ = await lib.data.getBroadcastConsole(user.organizer, forum.webrtc.id);
    expect(JSON.stringify(console_)).not.toContain(key);

    // Five at most, even when added at once.
    const more = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => lib.destinations.addRestreamDestination(user.organizer, forum.webrtc.id, { label: `P${i}`, url: "rtmp://127.0.0.1/live", streamKey: `key-${i}-xyz` })),
    );
    expect(more.filter((m) => m.status === "fulfilled")).toHaveLength(4);
    expect(await db.prisma.restreamDestination.count({ where: { forumId: forum.webrtc.id } })).toBe(5);
    for (const d of await db.prisma.restreamDestination.findMany({ where: { forumId: forum.webrtc.id } })) await lib.destinations.removeRestreamDestination(user.organizer, d.id);
    expect(await refusal(lib.destinations.removeRestreamDestination(user.organizer, added.id))).toBe("NOT_FOUND:destinationNotFound");
  });

  it("playlist tokens: one per window for everyone, bound to the forum and broadcast, expiring, unforgeable", () => {
    const now = Date.UTC(2026, 11, 7, 1, 0, 0);
    const t = lib.access.playlistToken("F1", "B1", now);
    expect(lib.access.playlistToken("F1", "B1", now + 60_000)).toBe(t);
    expect(lib.access.verifyPlaylistToken(t, "F1", "B1", now)).toBe(true);
    expect(lib.access.verifyPlaylistToken(t, "F2", "B1", now)).toBe(false);
    expect(lib.access.verifyPlaylistToken(t, "F1", "B2", now)).toBe(false);
    expect(lib.access.verifyPlaylistToken(t, "F1", "B1", now + 13 * 3600_000)).toBe(false);
    const [exp, sig] = t.split(".");
    const later = (parseInt(exp, 36) + 6 * 3600_000).toString(36);
    expect(lib.access.verifyPlaylistToken(`${later}.${sig}`, "F1", "B1", now)).toBe(false);
    expect(lib.access.verifyPlaylistToken(`${exp}.${sig.slice(0, -1)}x`, "F1", "B1", now)).toBe(false);
    expect(lib.access.verifyPlaylistToken(null, "F1", "B1", now)).toBe(false);
    expect(lib.access.verifyPlaylistToken("x".repeat(300), "F1", "B1", now)).toBe(false);
  });
});

void AccessToken;
void until;
