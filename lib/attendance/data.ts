// Reads of the attendance report: for one session, who was in its forum's room during the
// session's slot, for how long, and the sums per organisation. Organizers only.
import "server-only";
import type { OrganizerAccess } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type LocalizedText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { openUntil, presenceByPerson, totalsBy, type PersonPresence } from "./minutes";
import type { AttendanceQuery } from "./schema";

export interface Organisation {
  /** The organisation's key, `other:<name>` for a free-text one, "none" without either. */
  key: string;
  name: LocalizedText | null;
  other: string | null;
}

export interface AttendeeRow extends PersonPresence {
  /** Of `minutes`, those spent in one of the forum's breakout rooms. */
  breakoutMinutes: number;
  identity: string;
  name: string | null;
  nameLatin: string | null;
  email: string | null;
  organisation: Organisation;
}

const NONE: Organisation = { key: "none", name: null, other: null };

async function getAgenda(eventId: string) {
  const [event, forums] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { slug: true, title: true, timeZone: true, displayZones: true } }),
    db.forum.findMany({
      where: { eventId },
      orderBy: { position: "asc" },
      select: { id: true, slug: true, title: true, startsAt: true, endsAt: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true, title: true, startsAt: true, endsAt: true } } },
    }),
  ]);
  return {
    event: { ...event, title: toLocalized(event.title) },
    forums: forums.map((f) => ({ ...f, title: toLocalized(f.title), sessions: f.sessions.map((s) => ({ ...s, title: toLocalized(s.title) })) })),
  };
}

type Agenda = Awaited<ReturnType<typeof getAgenda>>;

/** The asked-for session, else the latest one that has started, else the first. */
function pickSession(forums: Agenda["forums"], sessionId: string | undefined, now: Date) {
  const all = forums.flatMap((forum) => forum.sessions.map((session) => ({ forum, session })));
  if (sessionId) {
    const found = all.find((x) => x.session.id === sessionId);
    if (!found) throw new AppError("NOT_FOUND", "sessionNotFound");
    return found;
  }
  const started = all.filter((x) => x.session.startsAt <= now).sort((a, b) => b.session.startsAt.getTime() - a.session.startsAt.getTime());
  return started[0] ?? all[0] ?? null;
}

/** Time in a breakout room, per room of the forum: how many people, how many minutes. */
export interface BreakoutTotal {
  id: string;
  title: LocalizedText;
  people: number;
  minutes: number;
}

async function getAttendees(eventId: string, forum: { id: string; endsAt: Date }, slot: { start: Date; end: Date }, now: Date): Promise<{ attendees: AttendeeRow[]; breakouts: BreakoutTotal[] }> {
  const rows = await db.attendance.findMany({
    where: { forumId: forum.id, joinedAt: { lt: slot.end }, OR: [{ leftAt: null }, { leftAt: { gt: slot.start } }] },
    select: { identity: true, userId: true, joinedAt: true, leftAt: true, breakoutId: true, user: { select: { name: true, nameLatin: true, email: true } } },
  });
  const userIds = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const registrations = await db.registration.findMany({
    where: { eventId, userId: { in: userIds } },
    select: { userId: true, organizationOther: true, organization: { select: { key: true, name: true } } },
  });
  const orgOf = new Map(
    registrations.map((r): [string, Organisation] => [
      r.userId,
      r.organization
        ? { key: r.organization.key, name: toLocalized(r.organization.name), other: null }
        : r.organizationOther
          ? { key: `other:${r.organizationOther}`, name: null, other: r.organizationOther }
          : NONE,
    ]),
  );
  // Our tokens use the user id as identity; anything else (a CLI test client) is listed by identity.
  const keyOf = (r: { userId: string | null; identity: string }) => r.userId ?? `identity:${r.identity}`;
  const byKey = new Map(rows.map((r) => [keyOf(r), r]));
  const until = openUntil(now, forum.endsAt);
  const presenceOf = (list: typeof rows) =>
    presenceByPerson(
      list.map((r) => ({ ...r, personKey: keyOf(r) })),
      slot,
      until,
    );
  const inBreakouts = rows.filter((r) => r.breakoutId);
  const breakoutMinutes = new Map(presenceOf(inBreakouts).map((p) => [p.key, p.minutes]));
  const attendees = presenceOf(rows)
    .map((p) => {
      const r = byKey.get(p.key)!;
      const breakout = breakoutMinutes.get(p.key) ?? 0;
      return {
        ...p,
        breakoutMinutes: breakout,
        identity: r.identity,
        name: r.user?.name ?? null,
        nameLatin: r.user?.nameLatin ?? null,
        email: r.user?.email ?? null,
        organisation: (r.userId && orgOf.get(r.userId)) || NONE,
      };
    })
    .sort((a, b) => b.minutes - a.minutes || (a.nameLatin ?? a.identity).localeCompare(b.nameLatin ?? b.identity));
  const rooms = inBreakouts.length ? await db.breakout.findMany({ where: { forumId: forum.id }, orderBy: { position: "asc" }, select: { id: true, title: true } }) : [];
  const breakouts = rooms.map((b) => {
    const people = presenceOf(inBreakouts.filter((r) => r.breakoutId === b.id)).filter((p) => p.minutes > 0 || p.joins > 0);
    return { id: b.id, title: toLocalized(b.title), people: people.length, minutes: people.reduce((sum, p) => sum + p.minutes, 0) };
  });
  return { attendees, breakouts };
}

export async function getAttendanceReport({ eventId }: OrganizerAccess, q: AttendanceQuery, now = new Date()) {
  const { event, forums } = await getAgenda(eventId);
  const picked = pickSession(forums, q.session, now);
  if (!picked) return { event, forums, selected: null, attendees: [], organisations: [], breakouts: [] };
  const { forum, session } = picked;
  const { attendees, breakouts } = await getAttendees(eventId, forum, { start: session.startsAt, end: session.endsAt }, now);
  const orgs = new Map(attendees.map((a) => [a.organisation.key, a.organisation]));
  return {
    event,
    forums,
    selected: { forum: { id: forum.id, slug: forum.slug, title: forum.title, startsAt: forum.startsAt, endsAt: forum.endsAt }, session },
    attendees,
    organisations: totalsBy(attendees, (a) => a.organisation.key).map((t) => ({ ...t, organisation: orgs.get(t.key)! })),
    breakouts,
  };
}

export type AttendanceReport = Awaited<ReturnType<typeof getAttendanceReport>>;
