// What importing rows into the draft agenda would do: forums matched by slug, sessions by
// (forum slug, session key), each to create, update or leave unchanged, with every problem
// found — including the conflict rules over the whole resulting agenda. Pure; nothing is written.
import { blockConflicts, personKey } from "@/lib/agenda/conflicts";
import { forumInputSchema, sessionInputSchema, type SpeakerInput } from "@/lib/agenda/editor/schema";
import { slugify } from "@/lib/agenda/editor/values";
import type { LocalizedText } from "@/lib/i18n/localized";
import { locales } from "@/lib/i18n/routing";
import type { ColumnKey } from "./columns";
import type { Directory, StoredAgenda, StoredForum, StoredSession } from "./model";
import { importConflicts } from "./plan-conflicts";
import type { Problem, Summary } from "./report";
import { zodProblems, type SessionFields, type SheetRow } from "./rows";

export type Action = "create" | "update" | "unchanged";

export interface PlannedForum {
  action: Action;
  /** The first row naming the forum. */
  row: number;
  stored: StoredForum | null;
  slug: string;
  title: LocalizedText;
  startsAt: Date;
  endsAt: Date;
}

export interface PlannedSession {
  action: Action;
  row: number;
  stored: StoredSession | null;
  forumSlug: string;
  key: string;
  fields: SessionFields;
  startsAt: Date;
  endsAt: Date;
  speakers: SpeakerInput[];
}

export interface ImportPlan {
  forums: PlannedForum[];
  sessions: PlannedSession[];
  problems: Problem[];
  summary: Summary;
}

const sameText = (a: LocalizedText, b: LocalizedText) => locales.every((l) => a[l] === b[l]);
const forumFieldSchema = forumInputSchema.pick({ slug: true, title: true });

/** Merges the forum cells of a forum's rows: the first filled cell wins, later ones must agree. */
function planForum(slug: string, rows: SheetRow[], stored: StoredForum | null, agenda: StoredAgenda, problems: Problem[]): PlannedForum | null {
  const first = rows[0].row;
  const title: LocalizedText = { ...(stored?.title ?? { ko: "", zh: "", en: "" }) };
  const times: { startsAt: Date | null; endsAt: Date | null } = { startsAt: stored?.startsAt ?? null, endsAt: stored?.endsAt ?? null };
  const from = new Map<string, number>();
  const take = <T>(field: string, column: ColumnKey, row: number, value: T, current: T, same: (a: T, b: T) => boolean): T => {
    const source = from.get(field);
    if (source === undefined) {
      from.set(field, row);
      return value;
    }
    if (!same(value, current)) problems.push({ row, column, message: "forumMismatch", params: { row: source } });
    return current;
  };
  for (const r of rows) {
    for (const l of locales) {
      const v = r.forum.title[l];
      if (v !== undefined) title[l] = take(`title_${l}`, `forum_title_${l}`, r.row, v, title[l], (a, b) => a === b);
    }
    for (const [field, column] of [
      ["startsAt", "forum_starts_at"],
      ["endsAt", "forum_ends_at"],
    ] as const) {
      const v = r.forum[field];
      if (v) times[field] = take(field, column, r.row, v, times[field], (a, b) => a?.getTime() === b?.getTime());
    }
  }
  const parsed = forumFieldSchema.safeParse({ slug, title });
  if (!parsed.success) problems.push(...zodProblems(first, parsed.error, ([f, l]) => (f === "slug" ? "forum_slug" : (`forum_title_${String(l ?? "en")}` as ColumnKey))));
  if (!times.startsAt && !rows.some((r) => r.problems.some((p) => p.column === "forum_starts_at"))) problems.push({ row: first, column: "forum_starts_at", message: "required" });
  if (!times.endsAt && !rows.some((r) => r.problems.some((p) => p.column === "forum_ends_at"))) problems.push({ row: first, column: "forum_ends_at", message: "required" });
  if (!parsed.success || !times.startsAt || !times.endsAt) return null;
  const block = { startsAt: times.startsAt, endsAt: times.endsAt };
  for (const conflict of blockConflicts(block, agenda.event)) problems.push({ row: first, column: "forum_starts_at", message: "conflict", conflict });
  const unchanged = stored && sameText(stored.title, title) && stored.startsAt.getTime() === block.startsAt.getTime() && stored.endsAt.getTime() === block.endsAt.getTime();
  return { action: stored ? (unchanged ? "unchanged" : "update") : "create", row: first, stored, slug, title, ...block };
}

/** The file's speaker entries as the editor's speaker inputs; bios and photos of people already on the session are kept. */
function speakersOf(row: SheetRow, stored: StoredSession | null, directory: Directory, problems: Problem[]): SpeakerInput[] {
  const kept = new Map((stored?.speakers ?? []).map((s) => [personKey(s.userId, s.name), s]));
  const out: SpeakerInput[] = [];
  const columns: ColumnKey[] = [];
  for (const { role, column, entry } of row.speakers) {
    const problem = (message: string, value: string) => problems.push({ row: row.row, column, message, params: { value } });
    const person = entry.email ? directory.people.get(entry.email) : null;
    if (entry.email && !person) problem("unknownSpeaker", entry.email);
    else if (entry.organizationKey && !directory.organizationKeys.has(entry.organizationKey)) problem("unknownOrganization", entry.organizationKey);
    else {
      const userId = person?.userId ?? null;
      const before = kept.get(personKey(userId, entry.name));
      const bio = before?.bio ?? { ko: "", zh: "", en: "" };
      out.push({ userId, name: person ? person.name : entry.name, nameLatin: entry.nameLatin, organizationKey: entry.organizationKey, role, bio, photoUrl: before?.photoUrl ?? "" });
      columns.push(column);
    }
  }
  const parsed = sessionInputSchema.shape.speakers.safeParse(out);
  if (!parsed.success) {
    const tooMany = parsed.error.issues.find((i) => i.code === "too_big" && i.path.length === 0);
    if (tooMany && "maximum" in tooMany) problems.push({ row: row.row, column: "speakers", message: "tooManySpeakers", params: { max: Number(tooMany.maximum) } });
    else problems.push(...zodProblems(row.row, parsed.error, ([i]) => columns[Number(i)] ?? "speakers"));
  }
  return out;
}

const roleOrder = { speaker: 0, moderator: 1, interpreter: 2 };

/** A session's content as the spreadsheet states it, for "did anything change". */
function fingerprint(s: { fields: Pick<SessionFields, "title" | "abstract" | "kind" | "language">; startsAt: Date; endsAt: Date; speakers: string[][] }) {
  const text = (t: LocalizedText) => locales.map((l) => t[l]);
  const people = [...s.speakers].sort((a, b) => roleOrder[a[0] as keyof typeof roleOrder] - roleOrder[b[0] as keyof typeof roleOrder]);
  return JSON.stringify([text(s.fields.title), text(s.fields.abstract), s.fields.kind, s.fields.language, s.startsAt.getTime(), s.endsAt.getTime(), people]);
}

function storedPrint(s: StoredSession) {
  const speakers = s.speakers.map((p) => (p.userId ? [p.role, p.userId, p.organizationKey ?? ""] : [p.role, "", p.name, p.nameLatin ?? "", p.organizationKey ?? ""]));
  return fingerprint({ fields: s, startsAt: s.startsAt, endsAt: s.endsAt, speakers });
}

function plannedPrint(s: PlannedSession, directory: Directory, emails: Map<string, string>) {
  const speakers = s.speakers.map((p) => {
    if (!p.userId) return [p.role, "", p.name, p.nameLatin, p.organizationKey];
    const home = directory.people.get(emails.get(p.userId) ?? "")?.homeOrganizationKey ?? "";
    return [p.role, p.userId, p.organizationKey || home];
  });
  return fingerprint({ fields: s.fields, startsAt: s.startsAt, endsAt: s.endsAt, speakers });
}

function uniqueKey(wanted: string, taken: Set<string>): string {
  const base = wanted || "session";
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  taken.add(key);
  return key;
}

export function planImport(agenda: StoredAgenda, rows: SheetRow[], directory: Directory): ImportPlan {
  const problems: Problem[] = rows.flatMap((r) => r.problems);
  const storedForums = new Map(agenda.forums.map((f) => [f.slug, f]));
  const bySlug = new Map<string, SheetRow[]>();
  for (const r of rows) if (r.forum.slug) bySlug.set(r.forum.slug, [...(bySlug.get(r.forum.slug) ?? []), r]);

  const forums: PlannedForum[] = [];
  for (const [slug, group] of bySlug) {
    const planned = planForum(slug, group, storedForums.get(slug) ?? null, agenda, problems);
    if (planned) forums.push(planned);
  }

  const emails = new Map([...directory.people].map(([email, p]) => [p.userId, email]));
  const sessions: PlannedSession[] = [];
  const firstRowOf = new Map<string, number>();
  const takenKeys = new Map<string, Set<string>>();
  for (const [slug, group] of bySlug) takenKeys.set(slug, new Set([...(storedForums.get(slug)?.sessions.map((s) => s.key) ?? []), ...group.map((r) => r.key).filter(Boolean)]));
  for (const r of rows) {
    if (!r.hasSession || !r.forum.slug) continue;
    if (r.key) {
      const id = `${r.forum.slug}\u0000${r.key}`;
      const first = firstRowOf.get(id);
      if (first !== undefined) {
        problems.push({ row: r.row, column: "session_key", message: "duplicateSession", params: { value: r.key, row: first } });
        continue;
      }
      firstRowOf.set(id, r.row);
    }
    const stored = (r.key && storedForums.get(r.forum.slug)?.sessions.find((s) => s.key === r.key)) || null;
    const speakers = speakersOf(r, stored, directory, problems);
    if (!r.session) continue;
    const key = r.key || uniqueKey(slugify(r.session.fields.title.en), takenKeys.get(r.forum.slug)!);
    const planned: PlannedSession = {
      action: "create",
      row: r.row,
      stored,
      forumSlug: r.forum.slug,
      key,
      fields: { ...r.session.fields, key },
      startsAt: r.session.startsAt,
      endsAt: r.session.endsAt,
      speakers,
    };
    if (stored) planned.action = storedPrint(stored) === plannedPrint(planned, directory, emails) ? "unchanged" : "update";
    sessions.push(planned);
  }

  problems.push(...importConflicts(agenda, forums, sessions, directory, emails));
  const count = (list: { action: Action }[]) => ({
    create: list.filter((x) => x.action === "create").length,
    update: list.filter((x) => x.action === "update").length,
    unchanged: list.filter((x) => x.action === "unchanged").length,
  });
  const named = new Set(sessions.flatMap((s) => (s.stored ? [s.stored.id] : [])));
  const untouched = agenda.forums.reduce((n, f) => n + f.sessions.filter((s) => !named.has(s.id)).length, 0);
  problems.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  return { forums, sessions, problems, summary: { forums: count(forums), sessions: count(sessions), untouched } };
}
