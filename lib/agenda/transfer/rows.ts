// One spreadsheet row → its forum cells and a validated session (through the editor's own
// schema), with every problem found on the way tied to a column. Pure.
import type { z } from "@/lib/zod";
import { sessionInputSchema, type SessionInput } from "@/lib/agenda/editor/schema";
import type { SpeakerRole } from "@/lib/agenda/types";
import type { LocalizedText } from "@/lib/i18n/localized";
import { isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from "@/lib/time/zones";
import { locales } from "@/lib/i18n/routing";
import type { Cells, ColumnKey } from "./columns";
import type { Problem } from "./report";
import { decodeSpeakers, type SpeakerEntry } from "./speaker-cells";

const kinds = ["opening", "talk", "panel", "discussion", "break", "closing"];
export const roleColumns: { role: SpeakerRole; column: ColumnKey }[] = [
  { role: "speaker", column: "speakers" },
  { role: "moderator", column: "moderators" },
  { role: "interpreter", column: "interpreters" },
];
const sessionColumns: ColumnKey[] = [
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
  "speakers",
  "moderators",
  "interpreters",
];

/** "2021-11-22 09:30", "2021-11-22T09:30", "2021/11/22 9:30:00" → "2021-11-22T09:30"; else null. */
export function parseLocalTime(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|\s+)(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text.trim());
  if (!m) return null;
  const two = (s: string) => s.padStart(2, "0");
  return `${m[1]}-${two(m[2])}-${two(m[3])}T${two(m[4])}:${m[5]}`;
}

/** The instant a wall-clock reading names in `zone`; null for impossible dates and skipped hours. */
export function toInstant(text: string, zone: string): Date | null {
  const local = parseLocalTime(text);
  return local ? zonedLocalToUtc(local, zone) : null;
}

/** How the export writes a time: readable, and parsed back by parseLocalTime. */
export function formatLocalTime(at: Date, zone: string): string {
  return utcToZonedLocal(at, zone).replace("T", " ");
}

export type SessionFields = Omit<SessionInput, "forumId" | "speakers">;

export interface SessionRow {
  fields: SessionFields;
  startsAt: Date;
  endsAt: Date;
}

export type RowSpeaker = { role: SpeakerRole; column: ColumnKey; entry: SpeakerEntry };

export interface SheetRow {
  row: number;
  forum: { slug: string; title: Partial<LocalizedText>; startsAt: Date | null; endsAt: Date | null };
  /** The session cells were filled in (whether or not they are valid). */
  hasSession: boolean;
  key: string;
  /** The session's fields, null when absent or unreadable (then its problems say why). */
  session: SessionRow | null;
  /** Every well-formed speaker entry, checked against the event's people even if other cells are bad. */
  speakers: RowSpeaker[];
  problems: Problem[];
}

const fieldSchema = sessionInputSchema.omit({ forumId: true, speakers: true });
const knownMessages = new Set(["tooLong", "titleRequired", "invalidTime", "invalidZone", "required", "invalidKey"]);

function columnOf(path: PropertyKey[]): ColumnKey | null {
  const [field, lang] = path.map(String);
  if (field === "title" || field === "abstract") return `${field}_${lang ?? "en"}` as ColumnKey;
  const map: Record<string, ColumnKey> = { key: "session_key", kind: "kind", language: "language", zone: "time_zone", startsAt: "starts_at", endsAt: "ends_at" };
  return map[field] ?? null;
}

export function zodProblems(row: number, error: z.ZodError, column: (path: PropertyKey[]) => ColumnKey | null): Problem[] {
  return error.issues.map((i) => ({ row, column: column(i.path), message: knownMessages.has(i.message) ? i.message : "invalid" }));
}

export function readRow(row: number, cells: Cells, defaultZone: string): SheetRow {
  const problems: Problem[] = [];
  const at = (column: ColumnKey, message: string, params?: Problem["params"]) => problems.push({ row, column, message, ...(params ? { params } : {}) });
  const zone = cells.time_zone.trim() || defaultZone;
  const zoneOk = isValidTimeZone(zone);
  if (!zoneOk) at("time_zone", "invalidZone");
  const time = (column: ColumnKey): Date | null => {
    if (!cells[column] || !zoneOk) return null;
    const instant = toInstant(cells[column], zone);
    if (!instant) at(column, "invalidTime");
    return instant;
  };

  const slug = cells.forum_slug.trim();
  if (!slug) at("forum_slug", "required");
  const title: Partial<LocalizedText> = {};
  for (const l of locales) if (cells[`forum_title_${l}`].trim()) title[l] = cells[`forum_title_${l}`].trim();
  const forum = { slug, title, startsAt: time("forum_starts_at"), endsAt: time("forum_ends_at") };

  const key = cells.session_key.trim();
  const hasSession = sessionColumns.some((c) => cells[c].trim() !== "");
  if (!hasSession) return { row, forum, hasSession, key, session: null, speakers: [], problems };

  const kind = cells.kind.trim().toLowerCase() || "talk";
  const language = cells.language.trim().toLowerCase();
  if (!kinds.includes(kind)) at("kind", "invalidKind", { value: cells.kind });
  if (!language) at("language", "required");
  else if (!(locales as readonly string[]).includes(language)) at("language", "invalidLanguage", { value: cells.language });
  if (!cells.starts_at.trim()) at("starts_at", "required");
  if (!cells.ends_at.trim()) at("ends_at", "required");
  const startsAt = time("starts_at");
  const endsAt = time("ends_at");

  const speakers: RowSpeaker[] = [];
  for (const { role, column } of roleColumns) {
    const decoded = decodeSpeakers(cells[column]);
    for (const p of decoded.problems) at(column, p.message, { value: p.value });
    speakers.push(...decoded.entries.map((entry) => ({ role, column, entry })));
  }

  const text = (prefix: "title" | "abstract") => Object.fromEntries(locales.map((l) => [l, cells[`${prefix}_${l}`]])) as LocalizedText;
  const parsed = fieldSchema.safeParse({
    key,
    title: text("title"),
    abstract: text("abstract"),
    kind,
    language,
    zone,
    startsAt: parseLocalTime(cells.starts_at) ?? "",
    endsAt: parseLocalTime(cells.ends_at) ?? "",
  });
  // Kind, language, zone and times were checked above with messages naming the value.
  const covered = new Set(problems.map((p) => p.column));
  if (!parsed.success) problems.push(...zodProblems(row, parsed.error, columnOf).filter((p) => !covered.has(p.column)));
  const session = parsed.success && startsAt && endsAt ? { fields: parsed.data, startsAt, endsAt } : null;
  return { row, forum, hasSession, key, session, speakers, problems };
}
