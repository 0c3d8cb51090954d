// The HTTP edge under abuse, through the real route handlers on real PostgreSQL and a real storage
// folder: bodies read only after authorization and never past their limit (a stream that counts
// what was pulled from it stands for the socket), malformed input answered 4xx (NUL bytes, Origin:
// null, broken multipart, unknown storage kinds), an event hidden from the public serving nothing,
// calendars that escape every control character and are cached only as far as they are public,
// and registration settings that refuse an impossible closing time.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeEvent, makeUsers } from "./fixtures";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));
// Server actions revalidate Next's cache, which exists only inside Next.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const MB = 1024 * 1024;
const KEY = "edge-key";
const SECRET = "an-edge-secret-of-more-than-32-characters";
const ORIGIN = "http://127.0.0.1:3999";

/** A body of `megabytes` produced as it is read, counting the bytes anyone pulled. */
function countedBody(megabytes: number, first = Buffer.alloc(0)) {
  const counter = { pulled: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= megabytes) return controller.close();
      const chunk = sent === 0 && first.length ? Buffer.concat([first, Buffer.alloc(MB - first.length, 0x20)]) : Buffer.alloc(MB, 0x20);
      sent++;
      counter.pulled += chunk.length;
      controller.enqueue(new Uint8Array(chunk));
    },
  });
  return { stream, counter };
}

function post(url: string, body: BodyInit | ReadableStream | null, headers: Record<string, string> = {}, method = "POST") {
  return new Request(`${ORIGIN}${url}`, { method, body, headers: { host: "127.0.0.1:3999", origin: ORIGIN, ...headers }, duplex: "half" } as RequestInit);
}

describe("the HTTP edge", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let dir: string;
  let slug: string;
  let eventId: string;
  let sessionId: string;
  let recordingId: string;
  const who: Record<"organizer" | "delegate", { userId: string }> = {} as never;

  beforeAll(async () => {
    db = await migratedDatabase("edges");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-edges-"));
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, RECORDINGS_DIR: dir, LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET, PUBLIC_BASE_URL: ORIGIN });
    delete process.env.S3_BUCKET;
    const event = await makeEvent(db.prisma, { capacity: 10, policy: "approval" });
    slug = event.slug;
    eventId = event.id;
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId } });
    const title = { ko: "대기질\r예보", zh: "空气质量\r预报", en: "Air\rquality\u0007 forecast" };
    sessionId = (await db.prisma.session.create({ data: { forumId: forum.id, key: "s1", title, abstract: title, language: "en", startsAt: forum.startsAt, endsAt: forum.endsAt } })).id;
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(eventId, null, { client: db.prisma });
    const [organizer, delegate] = await makeUsers(db.prisma, "edges", 2);
    who.organizer = { userId: organizer.id };
    who.delegate = { userId: delegate.id };
    await enrol(db.prisma, eventId, organizer.id, "organizer");
    await enrol(db.prisma, eventId, delegate.id, "delegate");
    // A public, published, ready recording with a real file behind it.
    recordingId = crypto.randomUUID();
    fs.mkdirSync(path.join(dir, "edge"), { recursive: true });
    fs.writeFileSync(path.join(dir, "edge", "stage.mp4"), Buffer.alloc(2048, 1));
    await db.prisma.recording.create({
      data: { id: recordingId, forumId: forum.id, status: "ready", storage: "local", location: "edge/stage.mp4", mimeType: "video/mp4", visibility: "public", published: true },
    });
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe("bodies", () => {
    it("leave an unsigned webhook's body unread, however large: 401", async () => {
      const { POST } = await import("../../app/api/livekit/webhook/route");
      const { stream, counter } = countedBody(400);
      actor.current = null;
      const res = await POST(post("/api/livekit/webhook", stream, { "content-type": "application/webhook+json" }), { params: Promise.resolve({}) });
      expect(res.status).toBe(401);
      expect(counter.pulled).toBeLessThanOrEqual(MB);
    });

    it("stop reading a signed webhook body at the limit when no Content-Length says its size: 413", async () => {
      const { POST } = await import("../../app/api/livekit/webhook/route");
      const token = new AccessToken(KEY, SECRET, { ttl: "5m" });
      token.sha256 = "whatever";
      const { stream, counter } = countedBody(50);
      const res = await POST(post("/api/livekit/webhook", stream, { authorization: await token.toJwt() }), { params: Promise.resolve({}) });
      expect(res.status).toBe(413);
      // The 1 MB limit and a chunk or two in flight, of 50 MB sent.
      expect(counter.pulled).toBeLessThanOrEqual(4 * MB);
    });

    it("ask who uploads subtitles before reading them: 401 anonymous, 403 delegate, nothing read", async () => {
      const { PUT } = await import("../../app/api/organizer/recordings/[id]/subtitles/[lang]/route");
      for (const [person, status] of [
        [null, 401],
        [who.delegate, 403],
      ] as const) {
        actor.current = person;
        const { stream, counter } = countedBody(100);
        const res = await PUT(post(`/api/organizer/recordings/${recordingId}/subtitles/en`, stream, { "x-file-name": "en.vtt" }, "PUT"), { params: Promise.resolve({ id: recordingId, lang: "en" }) });
        expect(res.status).toBe(status);
        expect(counter.pulled).toBeLessThanOrEqual(MB);
      }
    });

    it("ask who uploads invitations before reading them, and read an organizer's no further than the limit", async () => {
      const { POST } = await import("../../app/api/organizer/events/[slug]/invitations/route");
      const multipart = { "content-type": "multipart/form-data; boundary=x" };
      actor.current = who.delegate;
      const refused = countedBody(150);
      expect((await POST(post(`/api/organizer/events/${slug}/invitations`, refused.stream, multipart), { params: Promise.resolve({ slug }) })).status).toBe(403);
      expect(refused.counter.pulled).toBeLessThanOrEqual(MB);
      actor.current = who.organizer;
      const large = countedBody(150);
      expect((await POST(post(`/api/organizer/events/${slug}/invitations`, large.stream, multipart), { params: Promise.resolve({ slug }) })).status).toBe(413);
      // The 2 MB limit and a chunk or two in flight, of 150 MB sent.
      expect(large.counter.pulled).toBeLessThanOrEqual(6 * MB);
    });
  });

  describe("malformed input", () => {
    it("answers broken multipart on the invitation and agenda imports with 400", async () => {
      actor.current = who.organizer;
      const broken = { "content-type": "multipart/form-data; boundary=abc" };
      const body = '--abc\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\nname,email\r\n--ab';
      const invitations = await import("../../app/api/organizer/events/[slug]/invitations/route");
      const agenda = await import("../../app/api/organizer/events/[slug]/agenda/import/route");
      expect((await invitations.POST(post(`/api/organizer/events/${slug}/invitations`, body, broken), { params: Promise.resolve({ slug }) })).status).toBe(400);
      expect((await agenda.POST(post(`/api/organizer/events/${slug}/agenda/import`, body, broken), { params: Promise.resolve({ slug }) })).status).toBe(400);
      expect((await invitations.POST(post(`/api/organizer/events/${slug}/invitations`, "name,email", { "content-type": "text/csv" }), { params: Promise.resolve({ slug }) })).status).toBe(400);
    });

    it("refuses uploads from an opaque origin (Origin: null) with 403", async () => {
      actor.current = who.organizer;
      const materials = await import("../../app/api/organizer/sessions/[id]/materials/route");
      const res = await materials.POST(post(`/api/organizer/sessions/${sessionId}/materials`, "%PDF-1.4\n", { "origin": "null", "x-file-name": "a.pdf" }), {
        params: Promise.resolve({ id: sessionId }),
      });
      expect(res.status).toBe(403);
    });

    it("answers a NUL byte in an id with 404 and in a file name with 400", async () => {
      actor.current = who.organizer;
      const download = await import("../../app/api/materials/[id]/route");
      expect((await download.GET(new Request(`${ORIGIN}/api/materials/a%00b`), { params: Promise.resolve({ id: "a\u0000b" }) })).status).toBe(404);
      const materials = await import("../../app/api/organizer/sessions/[id]/materials/route");
      const res = await materials.POST(post(`/api/organizer/sessions/${sessionId}/materials`, "%PDF-1.4\n", { "x-file-name": "a%00b.pdf" }), { params: Promise.resolve({ id: sessionId }) });
      expect(res.status).toBe(400);
    });

    it("answers a speaker-photo address with an unknown storage kind with 404", async () => {
      const photos = await import("../../app/api/speaker-photos/[kind]/[eventId]/[file]/route");
      const file = `${crypto.randomUUID()}.png`;
      const res = await photos.GET(new Request(`${ORIGIN}/api/speaker-photos/ftp/${eventId}/${file}`), { params: Promise.resolve({ kind: "ftp", eventId, file }) });
      expect(res.status).toBe(404);
    });

    it("refuses an impossible registration closing time instead of saving it as no limit", async () => {
      actor.current = who.organizer;
      const { settingsAction } = await import("../../lib/registration/actions");
      const form = new FormData();
      for (const [k, v] of Object.entries({ capacity: "10", registrationPolicy: "approval", registrationOpensAt: "", registrationClosesAt: "2030-02-30T10:99" })) form.set(k, v);
      expect(await settingsAction(slug, "Asia/Seoul", null, form)).toEqual({ ok: false, error: "invalidInput", details: { fields: { registrationClosesAt: "invalidTime" } } });
      expect((await db.prisma.event.findUniqueOrThrow({ where: { id: eventId } })).registrationClosesAt).toBeNull();
      form.set("registrationClosesAt", "2030-01-01T09:00");
      expect(await settingsAction(slug, "Asia/Seoul", null, form)).toMatchObject({ ok: true });
      expect((await db.prisma.event.findUniqueOrThrow({ where: { id: eventId } })).registrationClosesAt?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    });
  });

  describe("calendars", () => {
    it("escape every control character and link to the configured site, whatever X-Forwarded-Host says; public ones cache publicly, personal ones privately", async () => {
      const ics = await import("../../app/api/sessions/[id]/ics/route");
      const res = await ics.GET(new Request(`${ORIGIN}/api/sessions/${sessionId}/ics?lang=en`, { headers: { "x-forwarded-host": "evil.example" } }), { params: Promise.resolve({ id: sessionId }) });
      const text = await res.text();
      expect(text.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
      expect(text).toContain("SUMMARY:Air\\nquality forecast");
      expect(text).not.toContain("evil.example");
      expect(text).toContain(`URL:${ORIGIN}/en/sessions/${sessionId}`);
      expect(res.headers.get("cache-control")).toBe("public, max-age=60");
      const { calendarToken } = await db.prisma.registration.findFirstOrThrow({ where: { eventId, userId: who.delegate.userId } });
      const feed = await import("../../app/api/me/calendar/[token]/route");
      const personal = await feed.GET(new Request(`${ORIGIN}/api/me/calendar/${calendarToken}`), { params: Promise.resolve({ token: calendarToken }) });
      expect(personal.status).toBe(200);
      expect(personal.headers.get("cache-control")).toMatch(/^private/);
    });
  });

  describe("an event hidden from the public", () => {
    it("serves its public materials and recording media to nobody but its organizers", async () => {
      actor.current = who.organizer;
      const { uploadMaterial } = await import("../../lib/materials/mutations");
      const material = await uploadMaterial(who.organizer, sessionId, { fileName: "slides.pdf", visibility: "public", body: Readable.from([Buffer.from("%PDF-1.4\n%%EOF\n")]) });
      const download = await import("../../app/api/materials/[id]/route");
      const media = await import("../../app/api/recordings/[id]/media/route");
      const { forgetMediaSources } = await import("../../lib/recordings/data");
      const fetchBoth = async () => [
        (await download.GET(new Request(`${ORIGIN}/api/materials/${material.id}`), { params: Promise.resolve({ id: material.id }) })).status,
        (await media.GET(new Request(`${ORIGIN}/api/recordings/${recordingId}/media`), { params: Promise.resolve({ id: recordingId }) })).status,
      ];
      actor.current = null;
      expect(await fetchBoth()).toEqual([200, 200]);
      const { unpublishEvent } = await import("../../lib/agenda/publish");
      await unpublishEvent(eventId, who.organizer);
      forgetMediaSources();
      expect(await fetchBoth()).toEqual([404, 404]);
      actor.current = who.delegate;
      expect(await fetchBoth()).toEqual([404, 404]);
      actor.current = who.organizer;
      expect(await fetchBoth()).toEqual([200, 200]);
    });
  });
});
