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
import { startRtmpReceiver } from "../../e2e/rtmp-receiver.mjs";
import { readStagePlaylist, SETTLE_MS } from "../../lib/broadcast/captions-hls";
import { probe } from "./egress-stand-in-kit";

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
    captions: typeof import("../../app/api/forums/[forumId]/broadcast/[broadcastId]/captions/[file]/route");
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

  async function signedWebhook(body: object) {
    const text = JSON.stringify(body);
    const token = new AccessToken(KEY, SECRET, { ttl: "5m" });
    token.sha256 = crypto.createHash("sha256").update(text).digest("base64");
    const headers = { "content-type": "application/webhook+json", "authorization": await token.toJwt() };
    const res = await lib.webhook.POST(new Request("http://127.0.0.1/api/livekit/webhook", { method: "POST", headers, body: text }), { params: Promise.resolve({}) });
    return res.status;
  }

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
      captions: await import("../../app/api/forums/[forumId]/broadcast/[broadcastId]/captions/[file]/route"),
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
    const people = ["organizer", "delegate", "pending", "outsider", "declined", "audience"];
    const users = await makeUsers(db.prisma, slug, people.length);
    people.forEach((p, i) => (user[p] = { userId: users[i].id }));
    await enrol(db.prisma, event.id, user.organizer.userId, "organizer");
    const delegate = await enrol(db.prisma, event.id, user.delegate.userId, "delegate");
    await db.prisma.registrationForum.create({ data: { registrationId: delegate.id, forumId: forum.main.id } });
    await db.prisma.registration.create({ data: { eventId: event.id, userId: user.audience.userId, role: "audience", status: "approved", country: "US", timeZone: "America/New_York" } });
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
    // The backstage goes through its own switch (which moves the people waiting), audited as such.
    expect(await lib.settings.setBroadcastSettings(user.organizer, forum.webrtc.id, { backstage: true })).toMatchObject({ backstage: true, hls: false });
    expect(await lib.settings.setBroadcastSettings(user.organizer, forum.webrtc.id, { backstage: false })).toMatchObject({ backstage: false });
    const switched = await db.prisma.auditLog.findMany({ where: { entityId: forum.webrtc.id, action: { startsWith: "backstage." } }, orderBy: { createdAt: "asc" } });
    expect(switched.map((a) => a.action)).toEqual(["backstage.turnedOn", "backstage.turnedOff"]);
    expect(await db.prisma.auditLog.count({ where: { action: "broadcast.settings", entityId: forum.webrtc.id } })).toBe(1);
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
    // The audience tier watches every forum and takes part in its Q&A; a delegate only in their own forum's.
    expect(await view("audience", "main")).toMatchObject({ refusal: "offAir", canTakePart: true });
    expect(await view("audience", "webrtc")).toMatchObject({ refusal: "offAir", canTakePart: true });
    expect(await view("delegate", "webrtc")).toMatchObject({ refusal: "offAir", canTakePart: false });
    expect(await view("organizer", "webrtc")).toMatchObject({ refusal: "offAir", canTakePart: true });
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

  it("HLS of the stage and every channel on one timeline, served signed and cacheable; a restream arrives; webhooks take every output to its end", async () => {
    const streamKey = `pl-${crypto.randomBytes(6).toString("hex")}`;
    // The platform knows its own stream key; any other is refused (receiver.rejected).
    const receiver = await startRtmpReceiver({ keys: [streamKey] });
    try {
      const destination = await lib.destinations.addRestreamDestination(user.organizer, forum.main.id, { label: "Loopback", url: receiver.url, streamKey });
      const before = standIn.requests.length;
      const started = await lib.control.startBroadcast(user.organizer, forum.main.id);
      expect(started).toEqual({ id: expect.any(String), renditions: ["stage", "ko", "zh", "en"], restreams: 1 });
      const asked = standIn.requests.slice(before).filter((r) => r.method === "StartRoomCompositeEgress" && r.status === 200);
      expect(asked).toHaveLength(5);
      const segmented = asked.filter((r) => JSON.stringify(r.request).includes("segmentOutputs") && (r.request as { segmentOutputs?: unknown[] }).segmentOutputs?.length);
      expect(segmented).toHaveLength(4);
      expect(asked.filter((r) => (r.request as { audioOnly?: boolean }).audioOnly)).toHaveLength(3);
      expect(JSON.stringify(segmented[0].request)).toContain(path.join(dir, `broadcasts/${started.id}/stage/live.m3u8`));

      const live = await until(
        () => broadcast(started.id),
        (b) => b.status === "live" && b.renditions.every((r) => r.status === "active") && b.restreams.every((r) => r.status === "active"),
        "every output active",
      );
      expect(live.startedAt).toBeTruthy();
      expect(live.renditions.map((r) => r.egressId)).toEqual(expect.arrayContaining([expect.stringMatching(/^EG_/)]));
      expect(live.restreams).toMatchObject([{ destinationId: destination.id, status: "active" }]);

      // The stage's live playlist has a few segments.
      const stageFile = path.join(dir, `broadcasts/${started.id}/stage/live.m3u8`);
      await until(
        async () => (fs.existsSync(stageFile) ? fs.readFileSync(stageFile, "utf8") : ""),
        (text) => (text.match(/\.ts/g) ?? []).length >= 2,
        "two stage segments",
      );

      // The master, for a signed-in delegate (their cookie): the floor and three channels, signed URIs.
      as("delegate");
      const master = await get(lib.master, `/api/forums/${forum.main.id}/broadcast/index.m3u8?lang=ko`, { forumId: forum.main.id });
      expect(master.status).toBe(200);
      expect(master.headers.get("content-type")).toBe("application/vnd.apple.mpegurl");
      expect(master.headers.get("cache-control")).toContain("max-age=1");
      const text = master.body.toString("utf8");
      const media = text.split("\n").filter((l) => l.startsWith("#EXT-X-MEDIA:TYPE=AUDIO"));
      expect(media).toHaveLength(4);
      expect(media[0]).toContain('NAME="원음",DEFAULT=YES');
      for (const lang of ["ko", "zh", "en"]) expect(media.some((m) => m.includes(`LANGUAGE="${lang}"`) && m.includes(`${started.id}/${lang}/index.m3u8?token=`))).toBe(true);
      const stageUri = text.split("\n").find((l) => l.startsWith(`${started.id}/stage/index.m3u8?token=`))!;
      expect(stageUri).toBeTruthy();
      const token = new URL(stageUri, "http://x/").searchParams.get("token")!;

      // Nobody else: signed out without a token, an outsider, a forged token.
      as(null);
      expect((await get(lib.master, `/api/forums/${forum.main.id}/broadcast/index.m3u8`, { forumId: forum.main.id })).status).toBe(401);
      as("outsider");
      expect((await get(lib.master, `/api/forums/${forum.main.id}/broadcast/index.m3u8`, { forumId: forum.main.id })).status).toBe(403);
      as(null);
      const file = (name: string, f: string, query: string) =>
        get(lib.file, `/api/forums/${forum.main.id}/broadcast/${started.id}/${name}/${f}${query}`, { forumId: forum.main.id, broadcastId: started.id, name, file: f });
      expect((await file("stage", "live.m3u8", `?token=${token.slice(0, -2)}xx`)).status).toBe(401);
      expect((await file("stage", "live.m3u8", "")).status).toBe(401);

      // The token admits anyone holding it: the media playlist, its segments carrying it on.
      const playlist = await file("stage", "index.m3u8", `?token=${token}`);
      expect(playlist.status).toBe(200);
      const lines = playlist.body.toString("utf8").split("\n");
      expect(lines.some((l) => l.startsWith("#EXT-X-PROGRAM-DATE-TIME:"))).toBe(true);
      const segments = lines.filter((l) => l && !l.startsWith("#"));
      expect(segments.length).toBeGreaterThanOrEqual(2);
      expect(segments.every((l) => l.endsWith(`?token=${token}`))).toBe(true);
      const segmentName = segments[0].split("?")[0];
      const segment = await file("stage", segmentName, `?token=${token}`);
      expect(segment.status).toBe(200);
      expect(segment.headers.get("content-type")).toBe("video/mp2t");
      expect(segment.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(segment.body[0]).toBe(0x47);
      expect(segment.body.length % 188).toBe(0);
      // Names that are not a broadcast's files answer 404, never a file elsewhere.
      for (const [name, f] of [
        ["stage", "..%2f..%2fsecret.ts"],
        ["stage", "manifest.json"],
        ["other", "live.m3u8"],
        ["stage", "missing.ts"],
      ]) {
        expect((await file(name, f, `?token=${token}`)).status).toBe(404);
      }
      const otherForum = await get(lib.file, `/api/forums/${forum.open.id}/broadcast/${started.id}/stage/live.m3u8?token=${token}`, {
        forumId: forum.open.id,
        broadcastId: started.id,
        name: "stage",
        file: "live.m3u8",
      });
      expect(otherForum.status).toBe(404);

      // Channels are on the stage's timeline: their program-date-times overlap.
      const pdt = (body: string) =>
        body
          .split("\n")
          .filter((l) => l.startsWith("#EXT-X-PROGRAM-DATE-TIME:"))
          .map((l) => Date.parse(l.slice(25)));
      const ko = await until(
        async () => (await file("ko", "index.m3u8", `?token=${token}`)).body.toString("utf8"),
        (body) => pdt(body).length >= 2,
        "two ko segments",
      );
      const stageTimes = pdt(playlist.body.toString("utf8"));
      const koTimes = pdt(ko);
      expect(Math.max(stageTimes[0], koTimes[0])).toBeLessThanOrEqual(Math.min(stageTimes.at(-1)!, koTimes.at(-1)!) + 2000);

      // Live captions as HLS subtitles: the floor's and one per language, segment for segment with
      // the stage, each WebVTT segment the captions spoken during its stage segment on its clock.
      const stage = readStagePlaylist(playlist.body.toString("utf8"));
      const [s0, s1] = stage.segments;
      const at = (ms: number) => new Date(s0.startsAt! + ms);
      await db.prisma.captionSegment.createMany({
        data: [
          { forumId: forum.main.id, segmentKey: "t.1", channel: "floor", language: "ko", speakerIdentity: user.delegate.userId, text: "맑은 하늘", startsAt: at(300), endsAt: at(1200) },
          { forumId: forum.main.id, segmentKey: "t.2", channel: "en", language: "en", speakerIdentity: user.delegate.userId, text: "Clear skies", startsAt: at(500), endsAt: at(1400) },
          {
            forumId: forum.main.id,
            segmentKey: "t.3",
            channel: "floor",
            language: "en",
            speakerIdentity: user.delegate.userId,
            text: "Thank you <all>",
            startsAt: at(1500),
            endsAt: at(3000),
            final: false,
          },
        ],
      });
      const subtitles = (await get(lib.master, `/api/forums/${forum.main.id}/broadcast/index.m3u8?lang=ko&token=${token}`, { forumId: forum.main.id })).body
        .toString("utf8")
        .split("\n")
        .filter((l) => l.startsWith("#EXT-X-MEDIA:TYPE=SUBTITLES"));
      expect(subtitles.map((l) => l.match(/NAME="([^"]*)"/)![1])).toEqual(["원음 (자동)", "한국어 (자동)", "中文 (자동)", "English (자동)"]);
      expect(subtitles.every((l) => l.includes(`URI="${started.id}/captions/`) && l.includes("?token=") && l.includes("DEFAULT=NO"))).toBe(true);
      const captions = (f: string, query = `?token=${token}`) =>
        get(lib.captions, `/api/forums/${forum.main.id}/broadcast/${started.id}/captions/${f}${query}`, { forumId: forum.main.id, broadcastId: started.id, file: f });
      const listed = await until(
        async () => readStagePlaylist((await captions("en.m3u8")).body.toString("utf8")),
        (p) => p.segments.length >= 2,
        "two captions segments",
      );
      expect(listed.mediaSequence).toBe(stage.mediaSequence);
      expect(listed.segments.slice(0, 2).map((x) => [x.sequence, x.startsAt, x.uri])).toEqual([
        [s0.sequence, s0.startsAt, `en-${s0.sequence}.vtt?token=${token}`],
        [s1.sequence, s1.startsAt, `en-${s1.sequence}.vtt?token=${token}`],
      ]);
      expect(listed.segments.every((x) => x.startsAt! + x.seconds * 1000 + SETTLE_MS <= Date.now())).toBe(true);
      const vtt = await captions(`en-${s0.sequence}.vtt`);
      expect(vtt.status).toBe(200);
      expect(vtt.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
      const vttText = vtt.body.toString("utf8");
      // Its 00:00:00.000 is the stage segment's first presentation time, as ffprobe reads it.
      const mpegts = Number(vttText.match(/^WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:(\d+),LOCAL:00:00:00\.000\n/)![1]);
      const probed = probe(path.join(dir, `broadcasts/${started.id}/stage/${s0.uri.split("?")[0]}`));
      expect(Math.abs(mpegts / 90_000 - probed.start)).toBeLessThan(0.05);
      expect(vttText).toContain("00:00:00.500 --> 00:00:01.400\nClear skies\n");
      expect(vttText).toContain("00:00:01.500 --> 00:00:02.000\nThank you &lt;all&gt;\n");
      expect(vttText).not.toContain("맑은 하늘");
      const floor = (await captions(`floor-${s0.sequence}.vtt`)).body.toString("utf8");
      expect(floor).toContain("00:00:00.300 --> 00:00:01.200\n맑은 하늘\n");
      expect(floor).not.toContain("Clear skies");
      // The caption across the boundary continues in the next segment, cut to it.
      expect((await captions(`floor-${s1.sequence}.vtt`)).body.toString("utf8")).toMatch(/00:00:00\.000 --> 00:00:01\.000\nThank you/);
      // Same access as the rest; no other names; nothing once captions are off.
      expect((await captions("en.m3u8", "")).status).toBe(401);
      for (const bad of ["fr.m3u8", "en-x.vtt", "en-99999.vtt", "..%2fstage%2findex.m3u8"]) expect((await captions(bad)).status).toBe(404);
      await db.prisma.forum.update({ where: { id: forum.main.id }, data: { captions: false } });
      await new Promise((r) => setTimeout(r, 1100));
      const uncaptioned = await get(lib.master, `/api/forums/${forum.main.id}/broadcast/index.m3u8?token=${token}`, { forumId: forum.main.id });
      expect(uncaptioned.status).toBe(200);
      expect(uncaptioned.body.toString("utf8")).not.toContain("SUBTITLES");
      expect((await captions("en.m3u8")).status).toBe(404);
      await db.prisma.forum.update({ where: { id: forum.main.id }, data: { captions: true } });

      // The watch view hands the delegate the signed master.
      const view = await lib.data.getWatchView(user.delegate, "zh", slug, forum.main.slug);
      expect(view.hlsUrl).toMatch(new RegExp(`^/api/forums/${forum.main.id}/broadcast/index\\.m3u8\\?lang=zh&token=`));

      // The restream reached the platform (the loopback receiver): H.264 and AAC.
      const arrived = await receiver.waitForStream(streamKey, { timeoutMs: 30_000 });
      expect(arrived).toMatchObject({ key: streamKey, videoCodec: "h264", audioCodec: "aac" });
      expect(arrived.bytes).toBeGreaterThan(1000);
      expect(receiver.rejected).toEqual([]);

      await lib.control.stopBroadcast(user.organizer, forum.main.id);
      const ended = await until(
        () => broadcast(started.id),
        (b) => b.status === "ended",
        "broadcast ended",
        40_000,
      );
      expect(ended.endedAt).toBeTruthy();
      expect(ended.renditions.map((r) => r.status)).toEqual(["complete", "complete", "complete", "complete"]);
      expect(ended.restreams.map((r) => r.status)).toEqual(["complete"]);
      as("delegate");
      expect((await get(lib.master, `/api/forums/${forum.main.id}/broadcast/index.m3u8`, { forumId: forum.main.id })).status).toBe(404);
      expect(fs.readFileSync(path.join(dir, `broadcasts/${started.id}/stage/index.m3u8`), "utf8")).toContain("#EXT-X-ENDLIST");
      const audit = await db.prisma.auditLog.findMany({ where: { entityId: forum.main.id, action: { in: ["broadcast.started", "broadcast.stopped"] } }, orderBy: { createdAt: "asc" } });
      expect(audit.map((a) => a.action)).toEqual(["broadcast.started", "broadcast.stopped"]);
    } finally {
      await receiver.stop();
      as(null);
    }
  });

  it("a webhook replayed changes nothing; one for an egress of no broadcast is ignored", async () => {
    const events = (standIn as unknown as { webhooks?: unknown[] }).webhooks;
    void events;
    const rendition = await db.prisma.broadcastRendition.findFirstOrThrow({ where: { name: "stage", status: "complete" } });
    const info = { egressId: rendition.egressId, roomName: forum.main.roomName, status: 1 };
    const body = { event: "egress_updated", id: `EV_${crypto.randomBytes(6).toString("hex")}`, createdAt: String(Math.floor(Date.now() / 1000)), egressInfo: info };
    expect(await signedWebhook(body)).toBe(200);
    expect((await db.prisma.broadcastRendition.findUniqueOrThrow({ where: { id: rendition.id } })).status).toBe("complete");
    expect(await signedWebhook({ ...body, id: `EV_${crypto.randomBytes(6).toString("hex")}`, egressInfo: { ...info, egressId: "EG_nobody" } })).toBe(200);
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
