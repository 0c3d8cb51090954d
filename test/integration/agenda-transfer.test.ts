// The agenda as a spreadsheet on real PostgreSQL: the seeded agenda's export imports as "no
// change", a file with one bad row writes nothing at all, a valid file creates and updates with
// audit entries (as drafts), and XLSX imports as CSV does.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed";
import { migratedDatabase } from "./db";

type Modules = {
  exporting: typeof import("../../lib/agenda/transfer/export");
  importing: typeof import("../../lib/agenda/transfer/import");
  workbook: typeof import("../../lib/agenda/transfer/workbook");
  columns: typeof import("../../lib/agenda/transfer/columns");
  publish: typeof import("../../lib/agenda/publish");
};
type Cells = import("../../lib/agenda/transfer/columns").Cells;

const slug = "clean-sky-2021";
let db: Awaited<ReturnType<typeof migratedDatabase>>;
let m: Modules;
let eventId: string;
let actor: { userId: string };

/** The current draft exported as CSV, read back into cells by column key. */
async function exportedRows(): Promise<Cells[]> {
  const { body } = await m.exporting.exportAgenda(eventId, "csv");
  const read = await m.workbook.readSheet(new TextEncoder().encode(body as string));
  if ("problem" in read) throw new Error(read.problem);
  const { positions } = m.columns.mapHeader(read.header);
  return read.rows.map((r) => m.columns.toCells(positions, r.values));
}

const csvOf = (rows: Cells[], lang?: "ko" | "zh" | "en") => new TextEncoder().encode(m.workbook.writeCsv(m.columns.headerRow(lang), rows));
const run = (bytes: Uint8Array, apply: boolean) => m.importing.importAgenda(eventId, actor, bytes, { apply });

async function counts() {
  const [sessions, forums, speakers, audits, versions] = await Promise.all([
    db.prisma.session.count(),
    db.prisma.forum.count(),
    db.prisma.sessionSpeaker.count(),
    db.prisma.auditLog.count(),
    db.prisma.session.aggregate({ _sum: { version: true } }),
  ]);
  return { sessions, forums, speakers, audits, versions: versions._sum.version };
}

beforeAll(async () => {
  db = await migratedDatabase("transfer");
  await seed(db.prisma);
  process.env.DATABASE_URL = db.databaseUrl;
  m = {
    exporting: await import("../../lib/agenda/transfer/export"),
    importing: await import("../../lib/agenda/transfer/import"),
    workbook: await import("../../lib/agenda/transfer/workbook"),
    columns: await import("../../lib/agenda/transfer/columns"),
    publish: await import("../../lib/agenda/publish"),
  };
  eventId = (await db.prisma.event.findUniqueOrThrow({ where: { slug } })).id;
  actor = { userId: (await db.prisma.user.findUniqueOrThrow({ where: { email: "organizer.kr@plenary.test" } })).id };
});
afterAll(() => db.drop());

describe("agenda spreadsheet import and export", () => {
  it("exports the seeded agenda and imports it back as no change at all, writing nothing", async () => {
    const rows = await exportedRows();
    const sessions = await db.prisma.session.count({ where: { forum: { eventId } } });
    expect(rows).toHaveLength(sessions);
    expect(rows[0]).toMatchObject({ forum_slug: "forecast", time_zone: "Asia/Seoul" });
    expect(rows.some((r) => r.speakers.includes("@"))).toBe(true);

    const before = await counts();
    for (const lang of [undefined, "ko", "zh"] as const) {
      const report = await run(csvOf(rows, lang), true);
      expect(report.problems).toEqual([]);
      expect(report.summary).toEqual({ forums: { create: 0, update: 0, unchanged: 5 }, sessions: { create: 0, update: 0, unchanged: sessions }, untouched: 0 });
    }
    expect(await counts()).toEqual(before);
  });

  it("rejects a file with one bad row, reporting that row, and writes nothing — not even its good rows", async () => {
    const rows = await exportedRows();
    rows[0] = { ...rows[0], title_en: "Renamed in a file that is rejected" };
    rows[3] = { ...rows[3], starts_at: "2021-11-22 25:99", speakers: `${rows[3].speakers}; nobody@example.test` };
    const before = await counts();

    const report = await run(csvOf(rows), true);
    expect(report.ok).toBe(false);
    expect(report.applied).toBe(false);
    expect(report.problems).toEqual([
      { row: 5, column: "starts_at", message: "invalidTime" },
      { row: 5, column: "speakers", message: "unknownSpeaker", params: { value: "nobody@example.test" } },
    ]);
    expect(await counts()).toEqual(before);
    expect(await db.prisma.session.count({ where: { title: { path: ["en"], equals: "Renamed in a file that is rejected" } } })).toBe(0);
  });

  it("creates and updates forums and sessions from a valid file, as drafts, with versions and audit entries", async () => {
    const rows = await exportedRows();
    const target = rows.find((r) => r.forum_slug === "forecast" && r.session_key === "kr-ai-forecast")!;
    const stored = await db.prisma.session.findFirstOrThrow({ where: { key: "kr-ai-forecast", forum: { eventId, slug: "forecast" } } });
    const edited = { ...target, title_en: "Korea's AI forecasting (imported)", moderators: "organizer.cn@plenary.test" };
    const lunch = {
      ...target,
      forum_slug: "lunch-talks",
      forum_title_ko: "",
      forum_title_zh: "",
      forum_title_en: "Lunch talks",
      forum_starts_at: "2021-11-22 12:00",
      forum_ends_at: "2021-11-22 13:00",
      session_key: "",
      title_ko: "",
      title_zh: "",
      title_en: "Dust over lunch",
      starts_at: "2021-11-22 12:00",
      ends_at: "2021-11-22 12:30",
      speakers: "Guest Speaker | | nier",
      moderators: "",
    };
    const file = csvOf([edited, lunch]);
    const before = await counts();
    const lastAudit = (await db.prisma.auditLog.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);

    const check = await run(file, false);
    expect(check).toMatchObject({ ok: true, applied: false, problems: [] });
    expect(check.summary).toMatchObject({ forums: { create: 1, update: 0, unchanged: 1 }, sessions: { create: 1, update: 1, unchanged: 0 } });
    expect(await counts()).toEqual(before);

    const applied = await run(file, true);
    expect(applied).toMatchObject({ ok: true, applied: true });
    const after = await db.prisma.session.findUniqueOrThrow({ where: { id: stored.id }, include: { speakers: { orderBy: { position: "asc" } } } });
    expect((after.title as { en: string }).en).toBe("Korea's AI forecasting (imported)");
    expect(after.version).toBe(stored.version + 1);
    expect(after.speakers.map((s) => s.role)).toContain("moderator");
    const created = await db.prisma.session.findFirstOrThrow({ where: { forum: { eventId, slug: "lunch-talks" } }, include: { speakers: true } });
    expect(created.key).toBe("dust-over-lunch");
    expect(created.speakers).toEqual([expect.objectContaining({ userId: null, name: "Guest Speaker", role: "speaker" })]);

    const log = await db.prisma.auditLog.findMany({ where: { id: { gt: lastAudit } } });
    expect(log.map((l) => l.action).sort()).toEqual(["agenda.imported", "forum.created", "session.created", "session.updated"]);
    const updated = log.find((l) => l.action === "session.updated")!;
    expect(updated.entityId).toBe(stored.id);
    expect(Object.keys((updated.data as { changes: object }).changes).sort()).toEqual(["speakers", "title"]);

    // Drafts: the public agenda waits for the organizer to publish.
    const pending = (await m.publish.getPublicationState(eventId)).changes;
    expect(pending.map((c) => ("change" in c ? c.change : c.kind))).toEqual(expect.arrayContaining(["added", "changed"]));
    const reread = await run(csvOf(await exportedRows()), false);
    expect(reread.summary?.sessions).toMatchObject({ create: 0, update: 0 });
  });

  it("imports an Excel workbook with Korean headers as it imports CSV", async () => {
    const { body } = await m.exporting.exportAgenda(eventId, "xlsx", "ko");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((body as Uint8Array).buffer as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe("포럼 슬러그");
    const titleColumn = (sheet.getRow(1).values as string[]).indexOf("제목(영어)");
    sheet.getRow(2).getCell(titleColumn).value = "Opened from Excel";

    const report = await run(new Uint8Array(await book.xlsx.writeBuffer()), true);
    expect(report.problems).toEqual([]);
    expect(report.summary?.sessions).toMatchObject({ create: 0, update: 1 });
    const first = await db.prisma.session.findFirstOrThrow({ where: { key: "opening", forum: { eventId, slug: "forecast" } } });
    expect((first.title as { en: string }).en).toBe("Opened from Excel");
  });
});
