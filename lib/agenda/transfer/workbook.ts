// The two file formats: CSV (UTF-8 with BOM, so Excel shows Korean and Chinese) and XLSX, written
// from header + rows and read back into numbered rows of text, whichever format arrives.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { toCsv } from "@/lib/csv/csv";
import { COLUMNS, isBlank, type Cells } from "./columns";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 2000;

export function writeCsv(header: string[], rows: Cells[]): string {
  return toCsv(
    header,
    rows.map((r) => COLUMNS.map((c) => r[c])),
  );
}

export async function writeXlsx(header: string[], rows: Cells[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Agenda", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  // Every cell is text: Excel must not turn times into its own dates or keys into numbers.
  for (const r of rows) sheet.addRow(COLUMNS.map((c) => r[c]));
  sheet.columns.forEach((col, i) => {
    col.width = COLUMNS[i].startsWith("abstract") ? 60 : COLUMNS[i].includes("title") ? 40 : 20;
    col.numFmt = "@";
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export interface ReadSheet {
  header: string[];
  /** Non-blank data rows with their row number in the spreadsheet (the header is row 1). */
  rows: { row: number; values: string[] }[];
}

export type ReadResult = ReadSheet | { problem: "notUtf8" | "unreadable" | "fileEmpty" };

// toCsv prefixes an apostrophe to cells a spreadsheet would run as formulas; undo that.
const undefuse = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s).trim();

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function fromCsv(bytes: Uint8Array): ReadResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { problem: "notUtf8" };
  }
  const data = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  // Papa's records, not text lines: a quoted cell spanning lines is one row, as in a spreadsheet.
  return finish(data.map((values, i) => ({ row: i + 1, values: values.map(undefuse) })));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel's dates carry no zone: exceljs reads the wall clock as UTC. Round off float noise.
    const d = new Date(Math.round(value.getTime() / 60_000) * 60_000);
    return d.toISOString().slice(0, 16).replace("T", " ");
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value);
}

async function fromXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return { problem: "unreadable" };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { problem: "fileEmpty" };
  const rows: ReadSheet["rows"] = [];
  const width = Math.max(sheet.columnCount, 1);
  sheet.eachRow({ includeEmpty: false }, (r, row) => {
    rows.push({ row, values: Array.from({ length: width }, (_, i) => undefuse(cellText(r.getCell(i + 1).value))) });
  });
  return finish(rows);
}

function finish(all: { row: number; values: string[] }[]): ReadResult {
  const filled = all.filter((r) => !isBlank(r.values));
  if (filled.length < 2) return { problem: "fileEmpty" };
  const [head, ...rows] = filled;
  return { header: head.values, rows };
}

export async function readSheet(bytes: Uint8Array): Promise<ReadResult> {
  return isZip(bytes) ? fromXlsx(bytes) : fromCsv(bytes);
}
