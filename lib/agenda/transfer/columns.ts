// The agenda spreadsheet's columns: English keys, their headers in ko/zh/en (from the message
// catalogues, so a file exported in one language imports in any), and header row → column map.
import en from "@/messages/transfer/en.json";
import ko from "@/messages/transfer/ko.json";
import zh from "@/messages/transfer/zh.json";
import type { Locale } from "@/lib/i18n/routing";

export const COLUMNS = [
  "forum_slug",
  "forum_title_ko",
  "forum_title_zh",
  "forum_title_en",
  "forum_starts_at",
  "forum_ends_at",
  "session_key",
  "title_ko",
  "title_zh",
  "title_en",
  "abstract_ko",
  "abstract_zh",
  "abstract_en",
  "kind",
  "language",
  "starts_at",
  "ends_at",
  "time_zone",
  "speakers",
  "moderators",
  "interpreters",
] as const;

export type ColumnKey = (typeof COLUMNS)[number];
export type Cells = Record<ColumnKey, string>;

const labels: Record<Locale, Record<ColumnKey, string>> = {
  en: en.transfer.columns,
  ko: ko.transfer.columns,
  zh: zh.transfer.columns,
};

/** The header row of an export: the English keys, or the column names in `lang`. */
export function headerRow(lang?: Locale): string[] {
  return COLUMNS.map((c) => (lang ? labels[lang][c] : c));
}

// Spreadsheet users retype headers: width, case, spaces and underscores must not matter.
const normalize = (h: string) =>
  h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_]+/g, "");

const byHeader = new Map<string, ColumnKey>();
for (const c of COLUMNS) {
  byHeader.set(normalize(c), c);
  for (const lang of ["en", "ko", "zh"] as const) byHeader.set(normalize(labels[lang][c]), c);
}

export interface HeaderMap {
  /** The column each position of the file holds (null: a column we ignore). */
  positions: (ColumnKey | null)[];
  missing: ColumnKey[];
  duplicated: ColumnKey[];
}

export function mapHeader(header: string[]): HeaderMap {
  const positions = header.map((h) => byHeader.get(normalize(h)) ?? null);
  const seen = new Set<ColumnKey>();
  const duplicated = new Set<ColumnKey>();
  for (const p of positions) if (p) (seen.has(p) ? duplicated : seen).add(p);
  return { positions, missing: COLUMNS.filter((c) => !seen.has(c)), duplicated: [...duplicated] };
}

/** A data row as cells by column key (absent cells are empty). */
export function toCells(positions: (ColumnKey | null)[], values: string[]): Cells {
  const cells = Object.fromEntries(COLUMNS.map((c) => [c, ""])) as Cells;
  positions.forEach((key, i) => {
    if (key) cells[key] = values[i] ?? "";
  });
  return cells;
}

/** Whether a row holds anything at all (spreadsheets keep formatted but empty rows). */
export function isBlank(values: string[]): boolean {
  return values.every((v) => v.trim() === "");
}
