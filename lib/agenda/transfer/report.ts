// What an import answers: every problem with its row and column, and what it would change.
// Shared with the browser, which localizes the message keys (messages/transfer "problems").
import type { Conflict } from "@/lib/agenda/conflicts";
import type { LocalizedText } from "@/lib/i18n/localized";
import type { ColumnKey } from "./columns";

export interface Problem {
  /** The spreadsheet's row number (the header is row 1); null for the file as a whole. */
  row: number | null;
  column: ColumnKey | null;
  /** A key of transfer.problems; "conflict" carries `conflict` (worded by editor.conflicts). */
  message: string;
  params?: Record<string, string | number>;
  conflict?: Conflict;
  /** For a conflict of a session the file does not name: which one. */
  session?: LocalizedText;
}

export interface Counts {
  create: number;
  update: number;
  unchanged: number;
}

export interface Summary {
  forums: Counts;
  sessions: Counts;
  /** Sessions of the event the file does not mention: left as they are. */
  untouched: number;
}

export interface ImportReport {
  /** True when the file was accepted (a check that passed, or an import that was applied). */
  ok: boolean;
  applied: boolean;
  summary: Summary | null;
  problems: Problem[];
}
