// CSV in and out. Output is UTF-8 with a byte-order mark so Excel shows Korean and Chinese
// correctly; cells that a spreadsheet would run as formulas are defused.
import Papa from "papaparse";

const BOM = "\uFEFF";

function cell(value: unknown): string {
  let s = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export interface ParsedCsv {
  header: string[];
  /** Each row with its line number in the file (the header is line 1). */
  rows: { line: number; values: Record<string, string> }[];
}

export function parseCsv(text: string): ParsedCsv {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
    transform: (v) => v.trim(),
  });
  return {
    header: parsed.meta.fields ?? [],
    rows: parsed.data.map((values, i) => ({ line: i + 2, values })),
  };
}
