// Session materials on real PostgreSQL and a real storage folder: upload limits and type checks
// that leave nothing behind, audit entries in the row's transaction, and who may download what.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpStatus, type AppErrorCode } from "../../lib/errors";
import { migratedDatabase } from "./db";
import { enrol, makeEvent, makeUsers } from "./fixtures";

type Lib = {
  mutations: typeof import("../../lib/materials/mutations");
  data: typeof import("../../lib/materials/data");
  schema: typeof import("../../lib/materials/schema");
  storage: typeof import("../../lib/storage");
};
type Who = "anonymous" | "outsider" | "pending" | "delegate" | "otherEventOrganizer" | "organizer";

const MB = 1024 * 1024;
const pdf = (extra = "") => Buffer.from(`%PDF-1.4\n% Clean Sky 2021 slides ${extra}\n%%EOF\n`);
const chunksOf = (...parts: Buffer[]) => Readable.from(parts);
/** A PDF-looking stream of `megabytes` 1 MB chunks, made as it is read. */
async function* bigPdf(megabytes: number) {
  yield pdf();
  for (let i = 0; i < megabytes; i++) yield Buffer.alloc(MB, 0x20);
}

describe("session materials", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let lib: Lib;
  let dir: string;
  let sessionId: string;
  let actors: Record<Who, { userId: string } | null>;
  const filesStored = () => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : []);

  /** The code an AppError carried, or "ok". */
  /** The refusal's message; its HTTP status is left in `refusedWith`. */
  let refusedWith = 0;
  async function outcome(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
      return "ok";
    } catch (err) {
      refusedWith = httpStatus((err as { code: AppErrorCode }).code);
      return (err as { message: string }).message;
    }
  }

  beforeAll(async () => {
    db = await migratedDatabase("materials");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-materials-"));
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, RECORDINGS_DIR: dir });
    delete process.env.S3_BUCKET;
    lib = {
      mutations: await import("../../lib/materials/mutations"),
      data: await import("../../lib/materials/data"),
      schema: await import("../../lib/materials/schema"),
      storage: await import("../../lib/storage"),
    };
    const event = await makeEvent(db.prisma, { capacity: 50, policy: "approval" });
    const other = await makeEvent(db.prisma, { capacity: 50, policy: "approval" });
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId: event.id } });
    const text = { ko: "대기질 예보", zh: "空气质量预报", en: "Air quality forecast" };
    sessionId = (
      await db.prisma.session.create({
        data: { forumId: forum.id, key: "s1", title: text, abstract: text, language: "ko", startsAt: new Date("2030-01-01T00:00:00Z"), endsAt: new Date("2030-01-01T01:00:00Z") },
      })
    ).id;
    const users = await makeUsers(db.prisma, "materials", 5);
    actors = {
      anonymous: null,
      outsider: { userId: users[0].id },
      pending: { userId: users[1].id },
      delegate: { userId: users[2].id },
      otherEventOrganizer: { userId: users[3].id },
      organizer: { userId: users[4].id },
    };
    await enrol(db.prisma, event.id, users[1].id, "delegate", "pending");
    await enrol(db.prisma, event.id, users[2].id, "delegate");
    await enrol(db.prisma, other.id, users[3].id, "organizer");
    await enrol(db.prisma, event.id, users[4].id, "organizer");
  });
  afterAll(async () => {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = (who: Who, fileName: string, body: AsyncIterable<Uint8Array>, extra: { declaredBytes?: number; visibility?: "public" | "registered" | "organizers" } = {}) =>
    lib.mutations.uploadMaterial(actors[who], sessionId, { fileName, body, ...extra });

  it("stores an organizer's upload with its row, its sniffed type and a material.uploaded audit entry", async () => {
    const bytes = pdf("upload");
    const material = await upload("organizer", "../대기질 예보.pdf", chunksOf(bytes.subarray(0, 10), bytes.subarray(10)), { visibility: "public" });
    const row = await db.prisma.material.findUniqueOrThrow({ where: { id: material.id } });
    expect(row).toMatchObject({
      fileName: "대기질 예보.pdf",
      mimeType: "application/pdf",
      sizeBytes: BigInt(bytes.length),
      storage: "local",
      visibility: "public",
      uploadedById: actors.organizer!.userId,
    });
    expect(row.title).toEqual({ ko: "대기질 예보.pdf", zh: "대기질 예보.pdf", en: "대기질 예보.pdf" });
    expect(row.storageKey).toMatch(new RegExp(`^materials/${sessionId}/[0-9a-f-]{36}$`));
    const stored = await lib.storage.getStorageOf("local").get(row.storageKey);
    expect(await buffer(stored.stream)).toEqual(bytes);
    const entries = await db.prisma.auditLog.findMany({ where: { entityType: "material", entityId: material.id } });
    expect(entries).toMatchObject([{ action: "material.uploaded", actorId: actors.organizer!.userId, data: { fileName: "대기질 예보.pdf", sizeBytes: bytes.length } }]);
    await lib.mutations.deleteMaterial(actors.organizer, material.id);
  });

  it("refuses a file declared larger than 50 MB before reading it, with 413, storing nothing", async () => {
    const before = await db.prisma.material.count();
    const refusal = await outcome(upload("organizer", "huge.pdf", bigPdf(1), { declaredBytes: 50 * MB + 1 }));
    expect(refusal).toBe("fileTooLarge");
    expect(refusedWith).toBe(413);
    expect(await db.prisma.material.count()).toBe(before);
    expect(filesStored()).toEqual([]);
  });

  it("aborts a stream that grows past 50 MB without a declared size, and removes the partial file", async () => {
    const audited = await db.prisma.auditLog.count();
    expect(await outcome(upload("organizer", "huge.pdf", bigPdf(51)))).toBe("fileTooLarge");
    expect(await db.prisma.material.count()).toBe(0);
    expect(await db.prisma.auditLog.count()).toBe(audited);
    expect(filesStored()).toEqual([]);
  });

  it("refuses disallowed extensions and content that does not match its extension with 415, storing nothing", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const cases: [string, Buffer][] = [
      ["setup.exe", Buffer.from("MZ\x90\x00")],
      ["page.html", Buffer.from("<script>alert(1)</script>")],
      ["image.svg", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")],
      ["slides.pdf", png],
      ["photo.png", pdf()],
      ["notes.txt", Buffer.from([0x4d, 0x5a, 0x00, 0x01, 0x02])],
      ["deck.pptx", pdf()],
      ["no-extension", pdf()],
    ];
    for (const [name, bytes] of cases) {
      const refusal = await outcome(upload("organizer", name, chunksOf(bytes)));
      expect(refusal, name).toBe("fileTypeRefused");
      expect(refusedWith).toBe(415);
    }
    expect(await db.prisma.material.count()).toBe(0);
    expect(filesStored()).toEqual([]);
  });

  it("lets only approved organizers of the session's event upload (401 signed out, 403 others)", async () => {
    const statuses: Record<string, number> = {};
    for (const who of ["anonymous", "outsider", "pending", "delegate", "otherEventOrganizer"] as Who[]) {
      try {
        await upload(who, "slides.pdf", chunksOf(pdf()));
        statuses[who] = 201;
      } catch (err) {
        statuses[who] = httpStatus((err as { code: "FORBIDDEN" }).code);
      }
    }
    expect(statuses).toEqual({ anonymous: 401, outsider: 403, pending: 403, delegate: 403, otherEventOrganizer: 403 });
    expect(await outcome(lib.mutations.uploadMaterial(actors.organizer, "no-such-session", { fileName: "a.pdf", body: chunksOf(pdf()) }))).toBe("sessionNotFound");
    expect(await db.prisma.material.count()).toBe(0);
    expect(filesStored()).toEqual([]);
  });

  it("audits changes and deletion, and deleting removes the file", async () => {
    const material = await upload("organizer", "notes.md", chunksOf(Buffer.from("# 회의 메모\n")));
    const { storageKey } = await db.prisma.material.findUniqueOrThrow({ where: { id: material.id } });
    expect(await outcome(lib.mutations.updateMaterial(actors.delegate, material.id, { title: { ko: "x", zh: "", en: "" }, visibility: "public" }))).toBe("organizersOnly");
    await lib.mutations.updateMaterial(actors.organizer, material.id, { title: { ko: "회의 메모", zh: "会议记录", en: "Meeting notes" }, visibility: "organizers" });
    expect(await db.prisma.material.findUniqueOrThrow({ where: { id: material.id } })).toMatchObject({ visibility: "organizers", title: { ko: "회의 메모", zh: "会议记录", en: "Meeting notes" } });
    expect(await outcome(lib.mutations.deleteMaterial(actors.delegate, material.id))).toBe("organizersOnly");
    await lib.mutations.deleteMaterial(actors.organizer, material.id);
    expect(await db.prisma.material.findUnique({ where: { id: material.id } })).toBeNull();
    expect(await lib.storage.getStorageOf("local").exists(storageKey)).toBe(false);
    const actions = (await db.prisma.auditLog.findMany({ where: { entityId: material.id }, orderBy: { id: "asc" } })).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual([
      ["material.uploaded", actors.organizer!.userId],
      ["material.updated", actors.organizer!.userId],
      ["material.deleted", actors.organizer!.userId],
    ]);
    expect(await outcome(lib.mutations.deleteMaterial(actors.organizer, material.id))).toBe("materialNotFound");
  });

  it("enforces each visibility on every download: public to anyone, registered to approved registrants, organizers to organizers", async () => {
    const ids = {
      public: (await upload("organizer", "public.pdf", chunksOf(pdf()), { visibility: "public" })).id,
      registered: (await upload("organizer", "registered.pdf", chunksOf(pdf()), { visibility: "registered" })).id,
      organizers: (await upload("organizer", "organizers.pdf", chunksOf(pdf()), { visibility: "organizers" })).id,
    };
    const matrix: Record<string, Record<string, number>> = {};
    for (const [visibility, id] of Object.entries(ids)) {
      matrix[visibility] = {};
      for (const who of Object.keys(actors) as Who[]) {
        try {
          await lib.data.getMaterialForDownload(actors[who], id);
          matrix[visibility][who] = 200;
        } catch (err) {
          matrix[visibility][who] = httpStatus((err as { code: "FORBIDDEN" }).code);
        }
      }
    }
    expect(matrix).toEqual({
      public: { anonymous: 200, outsider: 200, pending: 200, delegate: 200, otherEventOrganizer: 200, organizer: 200 },
      registered: { anonymous: 401, outsider: 403, pending: 403, delegate: 200, otherEventOrganizer: 403, organizer: 200 },
      organizers: { anonymous: 401, outsider: 403, pending: 403, delegate: 403, otherEventOrganizer: 403, organizer: 200 },
    });
    expect(await outcome(lib.data.getMaterialForDownload(actors.organizer, "no-such-material"))).toBe("materialNotFound");
    const listed = async (who: Who) => (await lib.data.getVisibleMaterials(actors[who], sessionId)).materials.map((m) => m.fileName).sort();
    expect(await listed("anonymous")).toEqual(["public.pdf"]);
    expect(await listed("delegate")).toEqual(["public.pdf", "registered.pdf"]);
    expect(await listed("organizer")).toEqual(["organizers.pdf", "public.pdf", "registered.pdf"]);
  });
});
