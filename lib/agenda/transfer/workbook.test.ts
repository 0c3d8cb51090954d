import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { headerRow, mapHeader, toCells } from "./columns";
import { toSheetRows } from "./export-rows";
import { planImport } from "./plan";
import { readRow } from "./rows";
import { smallAgenda, smallDirectory } from "./testing";
import { readSheet, writeCsv, writeXlsx, type ReadResult } from "./workbook";

const utf8 = (s: string) => new TextEncoder().encode(s);

function replan(read: ReadResult) {
  if ("problem" in read) throw new Error(read.problem);
  const { positions, missing } = mapHeader(read.header);
  expect(missing).toEqual([]);
  const rows = read.rows.map((r) => readRow(r.row, toCells(positions, r.values), "Asia/Seoul"));
  return planImport(smallAgenda(), rows, smallDirectory());
}

describe("the agenda as a spreadsheet file", () => {
  it("exports one row per session plus one for a forum without sessions, speakers by role", () => {
    const rows = toSheetRows(smallAgenda());
    expect(rows.map((r) => [r.forum_slug, r.session_key])).toEqual([
      ["forecast", "opening"],
      ["forecast", "ai"],
      ["empty", ""],
    ]);
    expect(rows[0]).toMatchObject({
      starts_at: "2021-11-22 09:30",
      forum_ends_at: "2021-11-22 12:00",
      time_zone: "Asia/Seoul",
      speakers: "kim@example.test",
      interpreters: "王芳 | Wang Fang | craes",
    });
    // Kim speaks for another organisation than her own in the second session: the key is written.
    expect(rows[1].moderators).toBe("kim@example.test | | moe-kr");
  });

  it("writes CSV as UTF-8 with a byte-order mark and defused formulas", () => {
    const csv = writeCsv(headerRow("ko"), toSheetRows(smallAgenda()));
    expect(csv.startsWith("\uFEFF포럼 슬러그,")).toBe(true);
    expect(csv).toContain(",'=not a formula,");
  });

  it("round-trips a small agenda through CSV with headers in any language: nothing to change", async () => {
    for (const lang of [undefined, "ko", "zh", "en"] as const) {
      const plan = replan(await readSheet(utf8(writeCsv(headerRow(lang), toSheetRows(smallAgenda())))));
      expect(plan.problems).toEqual([]);
      expect(plan.summary).toEqual({ forums: { create: 0, update: 0, unchanged: 2 }, sessions: { create: 0, update: 0, unchanged: 2 }, untouched: 0 });
    }
  });

  it("round-trips a small agenda through XLSX: nothing to change, multi-line text intact", async () => {
    const bytes = await writeXlsx(headerRow("zh"), toSheetRows(smallAgenda()));
    const read = await readSheet(bytes);
    if ("problem" in read) throw new Error(read.problem);
    expect(read.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(read.rows[0].values).toContain("첫 줄\n둘째 줄");
    const plan = replan(read);
    expect(plan.problems).toEqual([]);
    expect(plan.summary.sessions).toEqual({ create: 0, update: 0, unchanged: 2 });
  });

  it("reads times Excel stored as its own dates as wall-clock readings", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("x");
    sheet.addRow(["forum_slug", "starts_at"]);
    sheet.addRow(["forecast", new Date(Date.UTC(2021, 10, 22, 9, 29, 59, 999))]);
    const read = await readSheet(new Uint8Array(await book.xlsx.writeBuffer()));
    expect("problem" in read ? read : read.rows[0].values).toEqual(["forecast", "2021-11-22 09:30"]);
  });

  it("numbers CSV rows as a spreadsheet does: blank rows skipped but counted, quoted line breaks inside one row", async () => {
    const read = await readSheet(utf8('forum_slug,title_en\r\n\r\nforecast,"two\nlines"\r\nempty,x\r\n'));
    expect("problem" in read ? read : read.rows.map((r) => [r.row, r.values[1]])).toEqual([
      [3, "two\nlines"],
      [4, "x"],
    ]);
  });

  it("refuses a CSV that is not UTF-8, a damaged workbook, and a file without data rows", async () => {
    expect(await readSheet(new Uint8Array([0x66, 0x2c, 0xc7, 0xd1, 0x0a, 0xb1, 0xdb]))).toEqual({ problem: "notUtf8" });
    expect(await readSheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ problem: "unreadable" });
    expect(await readSheet(utf8("forum_slug,kind\r\n"))).toEqual({ problem: "fileEmpty" });
  });
});
