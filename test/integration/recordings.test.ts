// Recordings end to end on real PostgreSQL: start/stop through LiveKit's EgressClient against the
// Egress stand-in (e2e/egress/, LiveKit's Twirp contract, real MP4s from ffmpeg, webhooks signed
// as LiveKit signs them) → webhooks through the app's route → recording rows, chapters, channels;
// the media route's 200/206/416/401/403/404 on that MP4; uploads and subtitles; the S3 path
// against a real S3-compatible server (s3rver) with presigned URLs that expire.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EgressStandIn } from "../../e2e/egress/stand-in.mjs";
import { migratedDatabase } from "./db";
import { egressSkipped, KEY, liveKitUrl, SECRET, standIn as standInModule, until } from "./egress";
import { forwardWebhooks, type WebhookForwarder } from "./webhook-forwarder";
import { enrol, makeUsers } from "./fixtures";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
// Who is signed in comes from the test; whether their account exists, from the database.
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

const MINUTE = 60_000;

describe.skipIf(!!egressSkipped)("recordings", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let standIn: EgressStandIn;
  let hook: WebhookForwarder;
  let dir: string;
  let lib: {
    control: typeof import("../../lib/recordings/control");
    mutations: typeof import("../../lib/recordings/mutations");
    data: typeof import("../../lib/recordings/data");
    live: typeof import("../../lib/agenda/live/mutations");
    media: typeof import("../../app/api/recordings/[id]/media/route");
    subtitles: typeof import("../../app/api/recordings/[id]/subtitles/[lang]/route");
    webhook: typeof import("../../app/api/livekit/webhook/route");
  };
  const user: Record<string, { userId: string }> = {};
  const forum: Record<"main" | "auto" | "second", { id: string; roomName: string }> = {} as never;
  const session: Record<"done" | "first" | "second" | "autoOnly" | "secondOnly", string> = {} as never;
  let slug = "";

  const as = (who: string | null) => (actor.current = who ? user[who] : null);
  const recording = (id: string) => db.prisma.recording.findUniqueOrThrow({ where: { id }, include: { audio: true, chapters: { orderBy: { offsetMs: "asc" } } } });
  const started = (method: string) => standIn.requests.filter((r) => r.method === method && r.status === 200);

  async function media(id: string, opts: { range?: string; channel?: string } = {}) {
    const url = `http://127.0.0.1/api/recordings/${id}/media${opts.channel ? `?channel=${opts.channel}` : ""}`;
    const res = await lib.media.GET(new Request(url, { headers: opts.range ? { range: opts.range } : {} }), { params: Promise.resolve({ id }) });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  async function signedWebhook(body: object) {
    const text = JSON.stringify(body);
    const token = new AccessToken(KEY, SECRET, { ttl: "5m" });
    token.sha256 = crypto.createHash("sha256").update(text).digest("base64");
    const headers = { "content-type": "application/webhook+json", "authorization": await token.toJwt() };
    const res = await lib.webhook.POST(new Request("http://127.0.0.1/api/livekit/webhook", { method: "POST", headers, body: text }), { params: Promise.resolve({}) });
    return res.status;
  }

  /** Records the main forum for a few seconds with two sessions started live inside it. */
  async function recordMainForum() {
    as("organizer");
    const rec = await lib.control.startRecording(user.organizer, forum.main.id);
    await until(
      () => recording(rec.id),
      (r) => r.status === "recording",
      "recording state",
    );
    await new Promise((r) => setTimeout(r, 1200));
    await lib.live.startSession(user.organizer, slug, session.first);
    await new Promise((r) => setTimeout(r, 1200));
    await lib.live.startSession(user.organizer, slug, session.second);
    await new Promise((r) => setTimeout(r, 800));
    await lib.control.stopRecording(user.organizer, rec.id);
    return until(
      () => recording(rec.id),
      (r) => r.status === "ready",
      "ready state",
    );
  }

  beforeAll(async () => {
    db = await migratedDatabase("recordings");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-recordings-"));
    // The stand-in's webhooks go to the app's route handler, as LiveKit's would.
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
      EGRESS_START_TIMEOUT_S: "60",
      EGRESS_END_TIMEOUT_S: "300",
      RECORDING_UPLOAD_MAX_MB: "5",
    });
    delete process.env.S3_BUCKET;
    delete process.env.LIVEKIT_API_URL;
    Object.assign(lib, {
      control: await import("../../lib/recordings/control"),
      mutations: await import("../../lib/recordings/mutations"),
      data: await import("../../lib/recordings/data"),
      live: await import("../../lib/agenda/live/mutations"),
      media: await import("../../app/api/recordings/[id]/media/route"),
      subtitles: await import("../../app/api/recordings/[id]/subtitles/[lang]/route"),
    });
    // What instrumentation.ts does at boot: live control reaches the recordings through these.
    (await import("../../lib/recordings/hooks")).registerRecordingHooks();

    const now = Date.now();
    const tag = now.toString(36);
    slug = `rec-${tag}`;
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
        title: text("Recordings"),
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
        forums: { create: [block("main", 1), block("auto", 2), block("second", 3)] },
      },
      include: { forums: true },
    });
    for (const f of event.forums) forum[f.slug as keyof typeof forum] = { id: f.id, roomName: f.roomName };
    const mk = async (forumId: string, key: string, from: number, to: number, extra: object = {}) =>
      (
        await db.prisma.session.create({
          data: { forumId, key, title: text(key), abstract: text(key), language: "ko", startsAt: new Date(now + from * MINUTE), endsAt: new Date(now + to * MINUTE), ...extra },
        })
      ).id;
    // Ended before any recording: never a chapter.
    session.done = await mk(forum.main.id, "done", -60, -30, { status: "ended", liveAt: new Date(now - 60 * MINUTE), endedAt: new Date(now - 30 * MINUTE) });
    session.first = await mk(forum.main.id, "first", -30, 30);
    session.second = await mk(forum.main.id, "second", 30, 60);
    session.autoOnly = await mk(forum.auto.id, "autoOnly", -10, 50);
    session.secondOnly = await mk(forum.second.id, "secondOnly", -10, 50);
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    const people = ["organizer", "delegate", "pending", "outsider"];
    const users = await makeUsers(db.prisma, slug, people.length);
    people.forEach((p, i) => (user[p] = { userId: users[i].id }));
    await enrol(db.prisma, event.id, user.organizer.userId, "organizer");
    await enrol(db.prisma, event.id, user.delegate.userId, "delegate");
    await enrol(db.prisma, event.id, user.pending.userId, "delegate", "pending");
  });
  afterAll(async () => {
    await standIn?.stop();
    await hook?.close();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let main: Awaited<ReturnType<typeof recordMainForum>>;

  it("records a forum: the Egress request, webhooks to ready, a real MP4 and chapters from the sessions' real starts", async () => {
    main = await recordMainForum();
    const [start] = started("StartRoomCompositeEgress");
    expect(start.claims?.video?.roomRecord).toBe(true);
    expect(start.request).toMatchObject({ roomName: forum.main.roomName, layout: "speaker", customBaseUrl: `http://127.0.0.1:3999/ko/egress/${forum.main.id}` });
    const filepath = JSON.stringify(start.request);
    expect(filepath).toContain(path.join(dir, `recordings/${main.id}/stage.mp4`));
    expect(started("StopEgress")).toHaveLength(1);
    expect(main.egressId).toMatch(/^EG_/);
    expect(main.durationMs).toBeGreaterThan(2000);
    expect(Number(main.sizeBytes)).toBe(fs.statSync(path.join(dir, main.location!)).size);
    expect(main.startedAt && main.endedAt && main.endedAt > main.startedAt).toBe(true);
    // The session that ended before the recording is not a chapter; the two started inside it are,
    // at their live instants relative to the recording's first frame.
    const liveAt = await db.prisma.session.findMany({ where: { id: { in: [session.first, session.second] } }, select: { id: true, liveAt: true } });
    const expected = [session.first, session.second].map((id) => liveAt.find((s) => s.id === id)!.liveAt!.getTime() - main.startedAt!.getTime());
    expect(main.chapters.map((c) => c.sessionId)).toEqual([session.first, session.second]);
    expect(main.chapters.map((c) => c.offsetMs)).toEqual(expected);
    expect(expected[0]).toBeGreaterThan(500);
    const audit = await db.prisma.auditLog.findMany({ where: { entityId: main.id }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["recording.started", "recording.stopped"]);
  });

  it("refuses a second recording of the same forum and lets only organizers start or stop", async () => {
    as("organizer");
    const rec = await lib.control.startRecording(user.organizer, forum.second.id);
    await expect(lib.control.startRecording(user.organizer, forum.second.id)).rejects.toMatchObject({ message: "alreadyRecording" });
    await expect(lib.control.startRecording(user.delegate, forum.second.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lib.control.startRecording(null, forum.second.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(lib.control.stopRecording(user.delegate, rec.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.recording.count({ where: { forumId: forum.second.id } })).toBe(1);
    await until(
      () => recording(rec.id),
      (r) => r.status === "recording",
      "recording",
    );
    await lib.control.stopForumRecording(user.organizer, forum.second.id);
    await expect(lib.control.stopForumRecording(user.organizer, forum.second.id)).rejects.toMatchObject({ message: "notRecording" });
    await until(
      () => recording(rec.id),
      (r) => r.status === "ready",
      "second forum ready",
    );
  });

  it("records an interpretation channel that goes live during the recording as its own audio egress", async () => {
    as("organizer");
    const rec = await lib.control.startRecording(user.organizer, forum.second.id);
    await until(
      () => recording(rec.id),
      (r) => r.status === "recording",
      "recording",
    );
    const published = (id: string, name: string) => ({
      event: "track_published",
      id,
      createdAt: String(Math.floor(Date.now() / 1000)),
      room: { sid: "RM_x", name: forum.second.roomName },
      participant: { sid: "PA_i", identity: user.organizer.userId },
      track: { sid: `TR_${id}`, name, type: "AUDIO", source: "MICROPHONE" },
    });
    expect(await signedWebhook(published("EV_zh_1", "interpretation:zh"))).toBe(200);
    // A handover (another interpreter's zh track) does not start a second zh recording; the floor's microphone none.
    expect(await signedWebhook(published("EV_zh_2", "interpretation:zh"))).toBe(200);
    expect(await signedWebhook(published("EV_mic", "microphone"))).toBe(200);
    const channel = await until(
      () => recording(rec.id),
      (r) => r.audio.length === 1 && r.audio[0].status === "recording",
      "channel recording",
    );
    expect(channel.audio[0].language).toBe("zh");
    const audioStart = started("StartRoomCompositeEgress").at(-1)!;
    expect(audioStart.request).toMatchObject({ roomName: forum.second.roomName, audioOnly: true, customBaseUrl: `http://127.0.0.1:3999/ko/egress/${forum.second.id}/channel/zh` });
    await new Promise((r) => setTimeout(r, 1000));
    await lib.control.stopRecording(user.organizer, rec.id);
    const done = await until(
      () => recording(rec.id),
      (r) => r.status === "ready" && r.audio[0].status === "ready",
      "channel ready",
    );
    expect(done.audio[0].mimeType).toBe("audio/mp4");
    expect(fs.existsSync(path.join(dir, done.audio[0].location!))).toBe(true);
    // Published for everyone, the player gets the channel on the recording's timeline.
    await lib.mutations.updateRecordingSettings(user.organizer, rec.id, { published: true, visibility: "public" });
    const { recording: view } = await lib.data.getRecordingForViewer(null, rec.id);
    expect(view.channels).toEqual([expect.objectContaining({ language: "zh", src: `/api/recordings/${rec.id}/media?channel=zh` })]);
    expect(view.channels[0].offsetMs).toBeGreaterThan(0);
    const res = await media(rec.id, { channel: "zh", range: "bytes=0-99" });
    expect([res.status, res.headers.get("content-type"), res.body.length]).toEqual([206, "audio/mp4", 100]);
    expect((await media(rec.id, { channel: "en" })).status).toBe(404);
    expect((await media(rec.id, { channel: "xx" })).status).toBe(400);
  });

  it("applies each egress webhook once and never moves a finished recording backwards; unknown egresses are ignored", async () => {
    const info = { egressId: main.egressId, roomName: forum.main.roomName, status: "EGRESS_ACTIVE", startedAt: String(BigInt(Date.now()) * 1_000_000n) };
    const late = { event: "egress_updated", id: "EV_late_update", createdAt: String(Math.floor(Date.now() / 1000)), egressInfo: info };
    expect(await signedWebhook(late)).toBe(200);
    expect(await signedWebhook(late)).toBe(200);
    const after = await recording(main.id);
    expect([after.status, after.startedAt]).toEqual([main.status, main.startedAt]);
    expect(await db.prisma.webhookEvent.count({ where: { id: "EV_late_update" } })).toBe(1);
    const unknown = { event: "egress_ended", id: "EV_unknown", createdAt: String(Math.floor(Date.now() / 1000)), egressInfo: { ...info, egressId: "EG_nobody", status: "EGRESS_COMPLETE" } };
    expect(await signedWebhook(unknown)).toBe(200);
    expect(await db.prisma.webhookEvent.count({ where: { id: "EV_unknown" } })).toBe(0);
  });

  it("shows an egress failure with its error, and fails one that never reports back after the timeout", async () => {
    as("organizer");
    standIn.setNextOutcome("fail");
    const failed = await lib.control.startRecording(user.organizer, forum.auto.id);
    const row = await until(
      () => recording(failed.id),
      (r) => r.status === "failed",
      "failed state",
    );
    expect(row.error).toBeTruthy();
    standIn.setNextOutcome("silent");
    const silent = await lib.control.startRecording(user.organizer, forum.auto.id);
    await new Promise((r) => setTimeout(r, 800));
    expect((await recording(silent.id)).status).toBe("starting");
    expect(await lib.control.sweepRecordings(new Date(Date.now() + 30_000))).toEqual({ failed: 0, stopped: 0 });
    expect((await lib.control.sweepRecordings(new Date(Date.now() + 61_000))).failed).toBe(1);
    expect(await recording(silent.id)).toMatchObject({ status: "failed", error: "egressNoReport" });
  });

  it("records a forum set to record itself when its first session goes live, and stops when the last ends", async () => {
    as("organizer");
    await lib.control.setAutoRecord(user.organizer, forum.auto.id, true);
    const before = await db.prisma.recording.count({ where: { forumId: forum.auto.id } });
    await lib.live.startSession(user.organizer, slug, session.autoOnly);
    const rec = await until(
      () => db.prisma.recording.findFirst({ where: { forumId: forum.auto.id, status: "recording" } }),
      (r) => !!r,
      "automatic start",
    );
    expect(await db.prisma.recording.count({ where: { forumId: forum.auto.id } })).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 1000));
    await lib.live.endSession(user.organizer, slug, session.autoOnly);
    await until(
      () => recording(rec!.id),
      (r) => r.status === "ready",
      "automatic stop",
    );
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: rec!.id, action: "recording.started" } });
    expect(audit.actorId).toBeNull();
  });

  it("serves the MP4 by permission with Range: 200, 206, 416, 401, 403 and 404", async () => {
    const file = fs.readFileSync(path.join(dir, main.location!));
    // Unpublished: organizers only.
    as("delegate");
    expect((await media(main.id)).status).toBe(404);
    as("organizer");
    const whole = await media(main.id);
    expect([whole.status, whole.headers.get("content-type"), whole.headers.get("accept-ranges"), Number(whole.headers.get("content-length"))]).toEqual([200, "video/mp4", "bytes", file.length]);
    expect(whole.body.equals(file)).toBe(true);
    const part = await media(main.id, { range: "bytes=1000-1999" });
    expect([part.status, part.headers.get("content-range"), part.body.length]).toEqual([206, `bytes 1000-1999/${file.length}`, 1000]);
    expect(part.body.equals(file.subarray(1000, 2000))).toBe(true);
    const tail = await media(main.id, { range: "bytes=-500" });
    expect([tail.status, tail.body.equals(file.subarray(file.length - 500))]).toEqual([206, true]);
    const beyond = await media(main.id, { range: `bytes=${file.length}-` });
    expect([beyond.status, beyond.headers.get("content-range")]).toEqual([416, `bytes */${file.length}`]);
    await lib.mutations.updateRecordingSettings(user.organizer, main.id, { published: true, visibility: "registered" });
    as(null);
    expect((await media(main.id)).status).toBe(401);
    as("outsider");
    expect((await media(main.id)).status).toBe(403);
    as("pending");
    expect((await media(main.id)).status).toBe(403);
    as("delegate");
    expect((await media(main.id, { range: "bytes=0-9" })).status).toBe(206);
    await lib.mutations.updateRecordingSettings(user.organizer, main.id, { visibility: "organizers" });
    expect((await media(main.id)).status).toBe(403);
    expect(await lib.data.getSessionRecording(user.delegate, session.second)).toBeNull();
    as("organizer");
    expect((await lib.data.getSessionRecording(user.organizer, session.second))?.offsetMs).toBe(main.chapters[1].offsetMs);
    await lib.mutations.updateRecordingSettings(user.organizer, main.id, { visibility: "registered" });
  });

  it("answers 404 for a missing file and marks the recording broken for organizers", async () => {
    as("organizer");
    const copy = path.join(dir, "moved.mp4");
    fs.renameSync(path.join(dir, main.location!), copy);
    expect((await media(main.id)).status).toBe(404);
    expect((await recording(main.id)).missingAt).not.toBeNull();
    const { forums } = await lib.data.getOrganizerRecordings(await (await import("../../lib/auth/session")).requireOrganizer(user.organizer, slug));
    expect(forums.find((f) => f.id === forum.main.id)!.recordings.find((r) => r.id === main.id)!.missing).toBe(true);
    fs.renameSync(copy, path.join(dir, main.location!));
  });

  it("attaches subtitles, refusing a bad file with its line and changing nothing", async () => {
    as("organizer");
    const bad = "1\n00:00:01,000 --> 00:00:02,000\n첫 자막\n\n2\n00:00:03,000 -> 00:00:04,000\n둘째\n";
    await expect(lib.mutations.saveSubtitles(user.organizer, main.id, "ko", "talk.srt", bad)).rejects.toMatchObject({ message: "subtitleInvalid", details: { line: 6, reason: "badTimestamp" } });
    expect(await db.prisma.subtitle.count({ where: { recordingId: main.id } })).toBe(0);
    await expect(lib.mutations.saveSubtitles(user.delegate, main.id, "ko", "talk.srt", bad)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const good = "1\r\n00:00:01,000 --> 00:00:02,500\r\n첫 자막\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n둘째 자막\r\n";
    expect(await lib.mutations.saveSubtitles(user.organizer, main.id, "ko", "talk.srt", good)).toEqual({ language: "ko", cueCount: 2 });
    as("delegate");
    const res = await lib.subtitles.GET(new Request(`http://127.0.0.1/api/recordings/${main.id}/subtitles/ko`), { params: Promise.resolve({ id: main.id, lang: "ko" }) });
    expect(res.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(await res.text()).toBe("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n첫 자막\n\n00:00:03.000 --> 00:00:04.000\n둘째 자막\n\n");
    const { recording: view } = await lib.data.getRecordingForViewer(user.delegate, main.id);
    expect(view.subtitles).toEqual([expect.objectContaining({ language: "ko", cueCount: 2 })]);
  });

  it("keeps edited chapters, checks them, and recomputes them on request", async () => {
    as("organizer");
    const title = { ko: "개회", zh: "开幕", en: "Opening" };
    await expect(
      lib.mutations.saveChapters(user.organizer, main.id, [
        { offsetMs: 0, title, sessionId: null },
        { offsetMs: 0, title, sessionId: null },
      ]),
    ).rejects.toThrow();
    await expect(lib.mutations.saveChapters(user.organizer, main.id, [{ offsetMs: main.durationMs! + 1, title, sessionId: null }])).rejects.toMatchObject({ message: "chapterBeyondEnd" });
    await expect(lib.mutations.saveChapters(user.organizer, main.id, [{ offsetMs: 0, title, sessionId: session.secondOnly }])).rejects.toMatchObject({ message: "chapterSessionUnknown" });
    await lib.mutations.saveChapters(user.organizer, main.id, [
      { offsetMs: 0, title, sessionId: null },
      { offsetMs: 1500, title: { ko: "", zh: "", en: "Talk" }, sessionId: session.second },
    ]);
    expect((await recording(main.id)).chapters.map((c) => c.offsetMs)).toEqual([0, 1500]);
    expect((await recording(main.id)).chaptersEdited).toBe(true);
    expect(await lib.mutations.resetChapters(user.organizer, main.id)).toBe(2);
    expect((await recording(main.id)).chapters.map((c) => c.offsetMs)).toEqual(main.chapters.map((c) => c.offsetMs));
  });

  it("takes an uploaded MP4 for a session, refuses other files and oversized ones, and deletes with its file", async () => {
    as("organizer");
    const file = path.join(dir, "made-elsewhere.mp4");
    await standInModule.makeTestVideo({ file, seconds: 2 });
    const upload = (fileName: string, body: AsyncIterable<Uint8Array>, declaredBytes?: number) =>
      lib.mutations.uploadRecording(user.organizer, { forumId: forum.main.id, sessionId: session.first, fileName, durationMs: 2000, declaredBytes, body });
    const done = await upload("Session 1.mp4", fs.createReadStream(file));
    const row = await recording(done.id);
    expect(row).toMatchObject({ origin: "upload", status: "ready", mimeType: "video/mp4", sessionId: session.first, published: false, fileName: "Session 1.mp4" });
    expect(row.chapters).toEqual([expect.objectContaining({ sessionId: session.first, offsetMs: 0 })]);
    await expect(upload("notes.mp4", Readable.from([Buffer.from("%PDF-1.4 not a video at all, just text")]))).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    await expect(upload("big.mp4", fs.createReadStream(file), 6 * 1024 * 1024)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    async function* bigVideo() {
      yield fs.readFileSync(file).subarray(0, 64);
      for (let i = 0; i < 6; i++) yield Buffer.alloc(1024 * 1024);
    }
    await expect(upload("big.mp4", bigVideo())).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(lib.mutations.uploadRecording(user.delegate, { forumId: forum.main.id, fileName: "x.mp4", body: fs.createReadStream(file) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.recording.count({ where: { origin: "upload" } })).toBe(1);
    const stored = path.join(dir, row.location!);
    expect(fs.existsSync(stored)).toBe(true);
    await expect(lib.mutations.deleteRecording(user.delegate, done.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await lib.mutations.deleteRecording(user.organizer, done.id);
    expect(fs.existsSync(stored)).toBe(false);
    expect(await db.prisma.recording.count({ where: { id: done.id } })).toBe(0);
    expect((await media(done.id)).status).toBe(404);
  });

  it("shows a recording stopped before Egress got going as failed, with Egress's reason", async () => {
    as("organizer");
    const rec = await lib.control.startRecording(user.organizer, forum.second.id);
    await lib.control.stopRecording(user.organizer, rec.id);
    const row = await until(
      () => recording(rec.id),
      (r) => r.status === "failed",
      "failed",
    );
    expect(row.error).toBeTruthy();
    await lib.mutations.deleteRecording(user.organizer, rec.id);
  });

  it("refuses to delete a recording that is still running", async () => {
    as("organizer");
    const rec = await lib.control.startRecording(user.organizer, forum.second.id);
    await expect(lib.mutations.deleteRecording(user.organizer, rec.id)).rejects.toMatchObject({ message: "stopBeforeDeleting" });
    await until(
      () => recording(rec.id),
      (r) => r.status === "recording",
      "recording",
    );
    await lib.control.stopRecording(user.organizer, rec.id);
    await until(
      () => recording(rec.id),
      (r) => r.status === "ready",
      "ready",
    );
    await lib.mutations.deleteRecording(user.organizer, rec.id);
    expect(fs.existsSync(path.join(dir, `recordings/${rec.id}`, "stage.mp4"))).toBe(false);
  });
});
