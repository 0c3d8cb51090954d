// What an agenda row's client component gets: the session's text already in the page's language,
// instants as ISO strings, and each organisation once per page in a shared list (the agenda's 23
// rows named the same five ministries and institutes 40 times). Rendering rows from this on the
// client keeps React's payload to the data, where server-rendered rows repeated every element
// and class of the markup a second time (issue 22: 156 KB → see bench/RESULTS.md).
import { pickedLocale, pickText, type LocalizedText } from "@/lib/i18n/localized";
import { langTag } from "@/lib/i18n/lang";
import type { Locale } from "@/lib/i18n/routing";
import type { LiveMarks } from "./agenda";
import type { AgendaForum, AgendaSession, SessionKind, SessionStatus } from "./types";

/** A text in the page's language, or with the lang tag of the language it fell back to. */
export interface RowText {
  text: string;
  lang?: string;
}

export interface RowSpeaker {
  name: string;
  /** The Latin form, when it differs from the name. */
  latin?: string;
  /** Index into the page's organisations. */
  org?: number;
}

export interface RowSession {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  kind: SessionKind;
  language: Locale;
  status: SessionStatus;
  marker?: "live" | "next";
  /** Who is on stage (interpreters are listed on the session page only). */
  speakers: RowSpeaker[];
}

export interface RowForum {
  id: string;
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  sessions: RowSession[];
}

/** A session's or forum's id, title and slot as the browser gets them: the title in the page's
 * language, the instants as ISO strings (the agenda's rows, and the "happening now" strip's
 * forums: lib/event-state/now-forums.ts). */
export function rowSlot(x: { id: string; title: LocalizedText; startsAt: Date; endsAt: Date }, locale: Locale): { id: string; title: string; startsAt: string; endsAt: string } {
  return { id: x.id, title: pickText(x.title, locale), startsAt: x.startsAt.toISOString(), endsAt: x.endsAt.toISOString() };
}

/** Collects organisations into one list, each once, and hands out their index. */
export class RowOrgs {
  readonly list: RowText[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly locale: Locale) {}

  of(name: LocalizedText): number {
    const picked = pickedLocale(name, this.locale);
    const text = name[picked];
    const key = `${picked}\u0000${text}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.list.push(picked === this.locale ? { text } : { text, lang: langTag[picked] }) - 1;
      this.index.set(key, i);
    }
    return i;
  }
}

export function sessionRow(s: AgendaSession, locale: Locale, orgs: RowOrgs, marks?: LiveMarks): RowSession {
  const marker = marks?.live.has(s.id) ? "live" : marks?.next === s.id ? "next" : undefined;
  return {
    ...rowSlot(s, locale),
    kind: s.kind,
    language: s.language,
    status: s.status,
    ...(marker && { marker }),
    speakers: s.speakers
      .filter((sp) => sp.role !== "interpreter")
      .map((sp) => ({
        name: sp.name,
        ...(sp.nameLatin && sp.nameLatin !== sp.name && { latin: sp.nameLatin }),
        ...(sp.organization && { org: orgs.of(sp.organization.name) }),
      })),
  };
}

export function forumRow(f: AgendaForum, locale: Locale, orgs: RowOrgs, marks?: LiveMarks): RowForum {
  return {
    ...rowSlot(f, locale),
    slug: f.slug,
    sessions: f.sessions.map((s) => sessionRow(s, locale, orgs, marks)),
  };
}

/**
 * The rows of the forums and sessions a filter left (`shown`), taken from the rows of the whole
 * agenda: the same objects where nothing was filtered out, so React's payload refers back to them
 * (the "happening now" strip is handed the whole agenda) instead of repeating them.
 */
export function shownRows(all: RowForum[], shown: { id: string; sessions: { id: string }[] }[]): RowForum[] {
  const byId = new Map(all.map((f) => [f.id, f]));
  return shown.flatMap((f) => {
    const row = byId.get(f.id);
    if (!row) return [];
    if (row.sessions.length === f.sessions.length) return [row];
    const ids = new Set(f.sessions.map((s) => s.id));
    return [{ ...row, sessions: row.sessions.filter((s) => ids.has(s.id)) }];
  });
}
