// Recordings on S3-compatible storage (s3rver, a real S3 server in-process on loopback): the
// Egress stand-in uploads where the request's S3 settings say, and viewers are redirected to
// presigned URLs that serve Range requests and expire.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, describe, expect, it, vi } from "vitest";
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

describe.skipIf(!!egressSkipped)("recordings on S3", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let standIn: EgressStandIn;
  let server: S3rver;
  let hook: WebhookForwarder;
  let s3dir: string;

  afterAll(async () => {
    await standIn?.stop();
    await server?.close();
    await hook?.close();
    await db?.drop();
    fs.rmSync(s3dir, { recursive: true, force: true });
  });

  it("has Egress upload to the bucket, then redirects viewers to presigned URLs that expire", async () => {
    db = await migratedDatabase("recordings-s3");
    s3dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-rec-s3-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: "plenary-rec" }] });
    const { port: s3port } = await server.run();
    hook = await forwardWebhooks();
    standIn = (await standInModule.startEgressStandInForTests({ apiKey: KEY, apiSecret: SECRET, webhookUrls: [hook.url] })) as EgressStandIn;
    Object.assign(process.env, {
      DATABASE_URL: db.databaseUrl,
      LIVEKIT_EGRESS_URL: standIn.url,
      LIVEKIT_URL: liveKitUrl,
      S3_ENDPOINT: `http://127.0.0.1:${s3port}`,
      S3_BUCKET: "plenary-rec",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    });
    const control = await import("../../lib/recordings/control");
    const mutations = await import("../../lib/recordings/mutations");
    const route = await import("../../app/api/recordings/[id]/media/route");
    const { S3Storage } = await import("../../lib/storage/s3");

    const now = Date.now();
    const tag = `s3-${now.toString(36)}`;
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    const event = await db.prisma.event.create({
      data: {
        slug: tag,
        title: text,
        description: text,
        venue: text,
        hostCountries: ["KR"],
        languages: ["ko", "zh", "en"],
        timeZone: "Asia/Seoul",
        displayZones: [],
        startsAt: new Date(now - 3_600_000),
        endsAt: new Date(now + 3_600_000),
        capacity: 10,
        publishedAt: new Date(),
        forums: { create: { slug: "f", title: text, description: text, position: 1, roomName: `${tag}--f`, startsAt: new Date(now - 3_600_000), endsAt: new Date(now + 3_600_000) } },
      },
      include: { forums: true },
    });
    const [organizer] = await makeUsers(db.prisma, tag, 1);
    await enrol(db.prisma, event.id, organizer.id, "organizer");
    actor.current = { userId: organizer.id };
    const rec = await control.startRecording(actor.current, event.forums[0].id);
    const start = standIn.requests.find((r) => r.method === "StartRoomCompositeEgress")!;
    expect(start.request).toMatchObject({ fileOutputs: [{ filepath: `recordings/${rec.id}/stage.mp4`, s3: { bucket: "plenary-rec", endpoint: `http://127.0.0.1:${s3port}`, forcePathStyle: true } }] });
    await until(
      () => db.prisma.recording.findUniqueOrThrow({ where: { id: rec.id } }),
      (r) => r.status === "recording",
      "recording",
    );
    await new Promise((r) => setTimeout(r, 1000));
    await control.stopRecording(actor.current, rec.id);
    const ready = await until(
      () => db.prisma.recording.findUniqueOrThrow({ where: { id: rec.id } }),
      (r) => r.status === "ready",
      "ready",
    );
    expect(ready.storage).toBe("s3");
    await mutations.updateRecordingSettings(actor.current, rec.id, { published: true, visibility: "public" });

    actor.current = null;
    const res = await route.GET(new Request(`http://127.0.0.1/api/recordings/${rec.id}/media`), { params: Promise.resolve({ id: rec.id }) });
    expect([res.status, res.headers.get("cache-control")]).toEqual([302, "private, no-store"]);
    const location = res.headers.get("location")!;
    expect(location).toContain("X-Amz-Expires=300");
    const ranged = await fetch(location, { headers: { range: "bytes=0-99" } });
    expect([ranged.status, (await ranged.arrayBuffer()).byteLength]).toEqual([206, 100]);
    expect(Number(ranged.headers.get("content-range")?.split("/")[1])).toBe(Number(ready.sizeBytes));
    // A presigned URL stops working when it expires.
    const storage = new S3Storage({ endpoint: `http://127.0.0.1:${s3port}`, region: "us-east-1", bucket: "plenary-rec", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true });
    const short = await storage.downloadUrl(ready.location!, { contentType: "video/mp4", contentDisposition: "inline", expiresInSeconds: 1 });
    expect((await fetch(short)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await fetch(short)).status).toBe(403);
    // Gone from the bucket: 404, and the organizers see it broken.
    await storage.delete(ready.location!);
    const missing = await route.GET(new Request(`http://127.0.0.1/api/recordings/${rec.id}/media`), { params: Promise.resolve({ id: rec.id }) });
    expect(missing.status).toBe(404);
    expect((await db.prisma.recording.findUniqueOrThrow({ where: { id: rec.id } })).missingAt).not.toBeNull();
  });
});
