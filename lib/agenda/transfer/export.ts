// Exporting the draft agenda as CSV or XLSX, headers as English keys or in one language.
import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { headerRow } from "./columns";
import { loadAgenda } from "./data";
import { toSheetRows } from "./export-rows";
import { writeCsv, writeXlsx } from "./workbook";

export type ExportFormat = "csv" | "xlsx";

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function exportAgenda(eventId: string, format: ExportFormat, lang?: Locale): Promise<{ body: string | Uint8Array; contentType: string }> {
  const rows = toSheetRows(await loadAgenda(db, eventId));
  const header = headerRow(lang);
  return { body: format === "csv" ? writeCsv(header, rows) : await writeXlsx(header, rows), contentType: contentTypes[format] };
}
