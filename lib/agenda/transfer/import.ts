// Importing an agenda spreadsheet: read the file, check every row against the draft agenda under
// the event's lock, and either answer what it would do (a check) or do it — all or nothing.
import "server-only";
import { lockAgenda } from "@/lib/agenda/lock";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { applyPlan } from "./apply";
import { mapHeader, toCells } from "./columns";
import { loadAgenda, loadDirectory } from "./data";
import { planImport } from "./plan";
import type { ImportReport, Problem } from "./report";
import { readRow } from "./rows";
import { MAX_ROWS, readSheet } from "./workbook";

// Imports of a large agenda write hundreds of rows: more than Prisma's 5-second default.
const TX_OPTIONS = { maxWait: 30_000, timeout: 120_000 } as const;

const rejected = (problems: Problem[]): ImportReport => ({ ok: false, applied: false, summary: null, problems });
const fileProblem = (message: string, params?: Problem["params"]): ImportReport => rejected([{ row: null, column: null, message, ...(params ? { params } : {}) }]);

export async function importAgenda(eventId: string, actor: Actor, bytes: Uint8Array, { apply }: { apply: boolean }): Promise<ImportReport> {
  const sheet = await readSheet(bytes);
  if ("problem" in sheet) return fileProblem(sheet.problem);
  const header = mapHeader(sheet.header);
  if (header.missing.length) return fileProblem("missingColumns", { columns: header.missing.join(", ") });
  if (header.duplicated.length) return fileProblem("duplicateColumns", { columns: header.duplicated.join(", ") });
  if (sheet.rows.length > MAX_ROWS) return fileProblem("tooManyRows", { max: MAX_ROWS });

  return db.$transaction(async (tx) => {
    await lockAgenda(tx, eventId);
    const agenda = await loadAgenda(tx, eventId);
    const rows = sheet.rows.map((r) => readRow(r.row, toCells(header.positions, r.values), agenda.zone));
    const plan = planImport(agenda, rows, await loadDirectory(tx, eventId, rows));
    if (plan.problems.length) return { ...rejected(plan.problems), summary: plan.summary };
    const changes = [...plan.forums, ...plan.sessions].some((x) => x.action !== "unchanged");
    if (apply && changes) await applyPlan(tx, eventId, actor, plan);
    return { ok: true, applied: apply, summary: plan.summary, problems: [] };
  }, TX_OPTIONS);
}
