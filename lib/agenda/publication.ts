// Published agendas: the snapshot written when an organizer publishes, read back by the public
// site, and the RFC 5545 SEQUENCE rule that tells subscribed calendars a session changed.
import { z } from "@/lib/zod";
import { localizedTextSchema } from "@/lib/i18n/localized-schema";
import { locales } from "@/lib/i18n/routing";
import { displayZonesSchema } from "./display-zones";
import type { Agenda, AgendaSession, SessionStatus } from "./types";

const org = z.object({ key: z.string(), name: localizedTextSchema, country: z.string() });
const instant = z.iso.datetime().transform((s) => new Date(s));

const sessionSchema = z.object({
  id: z.string(),
  key: z.string(),
  title: localizedTextSchema,
  abstract: localizedTextSchema,
  kind: z.enum(["opening", "talk", "panel", "discussion", "break", "closing"]),
  language: z.enum(locales),
  startsAt: instant,
  endsAt: instant,
  sequence: z.number().int(),
  updatedAt: instant,
  speakers: z.array(
    z.object({
      name: z.string(),
      nameLatin: z.string().nullable(),
      role: z.enum(["speaker", "moderator", "interpreter"]),
      bio: localizedTextSchema.nullable(),
      photoUrl: z.string().nullable(),
      organization: org.nullable(),
    }),
  ),
});

export const snapshotSchema = z.object({
  event: z.object({
    id: z.string(),
    slug: z.string(),
    title: localizedTextSchema,
    description: localizedTextSchema,
    venue: localizedTextSchema,
    hostCountries: z.array(z.string()),
    languages: z.array(z.enum(locales)),
    timeZone: z.string(),
    displayZones: displayZonesSchema,
    startsAt: instant,
    endsAt: instant,
  }),
  forums: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: localizedTextSchema,
      description: localizedTextSchema,
      position: z.number().int(),
      startsAt: instant,
      endsAt: instant,
      hosts: z.array(org),
      sessions: z.array(sessionSchema),
    }),
  ),
});

/** What is stored: the agenda as JSON, without session statuses (those change live, unpublished). */
export function toSnapshot(agenda: Agenda): unknown {
  return JSON.parse(
    JSON.stringify({
      ...agenda,
      forums: agenda.forums.map((f) => ({ ...f, sessions: f.sessions.map(({ status: _status, ...s }) => s) })),
    }),
  );
}

/** The stored snapshot as an Agenda, each session's status taken from `statuses` (live state). */
export function fromSnapshot(snapshot: unknown, statuses: ReadonlyMap<string, SessionStatus>): Agenda {
  const parsed = snapshotSchema.parse(snapshot);
  return {
    event: parsed.event,
    forums: parsed.forums.map((f) => ({
      ...f,
      sessions: f.sessions.map((s) => ({ ...s, status: statuses.get(s.id) ?? "scheduled" })),
    })),
  };
}

/** Everything a calendar shows of a session: a change to any of it must reach subscribers. */
function calendarFingerprint(s: AgendaSession, forumTitle: unknown): string {
  return JSON.stringify([s.startsAt.toISOString(), s.endsAt.toISOString(), s.title, s.abstract, forumTitle, s.speakers]);
}

/**
 * Sessions of the draft with the SEQUENCE and DTSTAMP they are published with: unchanged since the
 * previous publication → the same values; changed → SEQUENCE + 1 and stamped `now`; new → 0.
 * Calendars ignore an update whose SEQUENCE did not grow, so a moved session must raise it.
 */
export function assignSequences(previous: Agenda | null, draft: Agenda, now: Date): Agenda {
  const before = new Map<string, { fingerprint: string; sequence: number; updatedAt: Date }>();
  for (const f of previous?.forums ?? []) for (const s of f.sessions) before.set(s.id, { fingerprint: calendarFingerprint(s, f.title), sequence: s.sequence, updatedAt: s.updatedAt });
  return {
    ...draft,
    forums: draft.forums.map((f) => ({
      ...f,
      sessions: f.sessions.map((s) => {
        const old = before.get(s.id);
        if (!old) return { ...s, sequence: Math.max(s.sequence, 0), updatedAt: now };
        if (old.fingerprint === calendarFingerprint(s, f.title)) return { ...s, sequence: old.sequence, updatedAt: old.updatedAt };
        return { ...s, sequence: old.sequence + 1, updatedAt: now };
      }),
    })),
  };
}

export type AgendaChange =
  | { kind: "event"; fields: string[] }
  | { kind: "forum"; change: "added" | "removed" | "changed"; id: string; title: AgendaSession["title"]; fields: string[] }
  | { kind: "session"; change: "added" | "removed" | "changed"; id: string; title: AgendaSession["title"]; fields: string[] };

function changedFields<T extends object>(a: T, b: T, keys: (keyof T)[]): string[] {
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map(String);
}

/** What publishing `draft` would change for the public, relative to the published agenda. */
export function diffAgendas(published: Agenda | null, draft: Agenda): AgendaChange[] {
  const changes: AgendaChange[] = [];
  if (published) {
    const fields = changedFields(published.event, draft.event, ["title", "description", "venue", "timeZone", "displayZones", "startsAt", "endsAt", "languages", "hostCountries"]);
    if (fields.length) changes.push({ kind: "event", fields });
  }
  const oldForums = new Map((published?.forums ?? []).map((f) => [f.id, f]));
  const oldSessions = new Map((published?.forums ?? []).flatMap((f) => f.sessions.map((s) => [s.id, s] as const)));
  const newSessions = new Set<string>();
  for (const f of draft.forums) {
    const old = oldForums.get(f.id);
    if (!old) changes.push({ kind: "forum", change: "added", id: f.id, title: f.title, fields: [] });
    else {
      const fields = changedFields(old, f, ["slug", "title", "description", "position", "startsAt", "endsAt", "hosts"]);
      if (fields.length) changes.push({ kind: "forum", change: "changed", id: f.id, title: f.title, fields });
    }
    for (const s of f.sessions) {
      newSessions.add(s.id);
      const before = oldSessions.get(s.id);
      if (!before) changes.push({ kind: "session", change: "added", id: s.id, title: s.title, fields: [] });
      else {
        const fields = changedFields(before, s, ["title", "abstract", "kind", "language", "startsAt", "endsAt", "speakers"]);
        if (f.id !== forumOf(published, s.id)) fields.push("forum");
        if (fields.length) changes.push({ kind: "session", change: "changed", id: s.id, title: s.title, fields });
      }
    }
  }
  const draftForums = new Set(draft.forums.map((f) => f.id));
  for (const f of published?.forums ?? []) {
    if (!draftForums.has(f.id)) changes.push({ kind: "forum", change: "removed", id: f.id, title: f.title, fields: [] });
    for (const s of f.sessions) if (!newSessions.has(s.id)) changes.push({ kind: "session", change: "removed", id: s.id, title: s.title, fields: [] });
  }
  return changes;
}

function forumOf(agenda: Agenda | null, sessionId: string): string | undefined {
  return agenda?.forums.find((f) => f.sessions.some((s) => s.id === sessionId))?.id;
}
