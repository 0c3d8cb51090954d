// Reads of the agenda. The public site reads only the latest publication (getAgendaOrThrow);
// organizers' tools read the draft, the tables themselves (getDraftAgenda).
import "server-only";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { neighbours, sessionsInOrder } from "./agenda";
import { displayZonesOf } from "./display-zones";
import { fromSnapshot } from "./publication";
import type { Agenda, AgendaForum, AgendaSession, OrganizationRef, SessionStatus } from "./types";

const agendaInclude = {
  forums: {
    orderBy: { position: "asc" },
    include: {
      hosts: { include: { organization: true } },
      sessions: {
        orderBy: { startsAt: "asc" },
        include: { speakers: { orderBy: { position: "asc" }, include: { organization: true } } },
      },
    },
  },
} as const;

type OrgRow = { key: string; name: unknown; country: string };

function toOrg(o: OrgRow): OrganizationRef {
  return { key: o.key, name: toLocalized(o.name), country: o.country };
}

/** The draft agenda of an event as it stands in the tables: forums in order, sessions by start time. */
export async function getDraftAgenda(eventId: string, client: Pick<PrismaClient, "event"> = db): Promise<Agenda> {
  const event = await client.event.findUnique({ where: { id: eventId }, include: agendaInclude });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const forums: AgendaForum[] = event.forums.map((f) => ({
    id: f.id,
    slug: f.slug,
    title: toLocalized(f.title),
    description: toLocalized(f.description),
    position: f.position,
    startsAt: f.startsAt,
    endsAt: f.endsAt,
    hosts: f.hosts.map((h) => toOrg(h.organization)),
    sessions: f.sessions.map((s): AgendaSession => ({
      id: s.id,
      key: s.key,
      title: toLocalized(s.title),
      abstract: toLocalized(s.abstract),
      kind: s.kind,
      language: s.language,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      sequence: s.sequence,
      updatedAt: s.updatedAt,
      speakers: s.speakers.map((sp) => ({
        name: sp.name,
        nameLatin: sp.nameLatin,
        role: sp.role,
        bio: sp.bio ? toLocalized(sp.bio) : null,
        photoUrl: sp.photoUrl,
        organization: sp.organization ? toOrg(sp.organization) : null,
      })),
    })),
  }));
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: toLocalized(event.title),
      description: toLocalized(event.description),
      venue: toLocalized(event.venue),
      hostCountries: event.hostCountries,
      languages: event.languages,
      timeZone: event.timeZone,
      displayZones: displayZonesOf(event),
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    },
    forums,
  };
}

/** The latest publication of a published event, with each session's live status. */
export async function getAgendaOrThrow(slug: string): Promise<Agenda> {
  const publication = await db.agendaPublication.findFirst({
    where: { event: { slug, publishedAt: { not: null } } },
    orderBy: { version: "desc" },
    select: { snapshot: true, eventId: true },
  });
  if (!publication) throw new AppError("NOT_FOUND", "eventNotFound");
  const rows = await db.session.findMany({ where: { forum: { eventId: publication.eventId } }, select: { id: true, status: true } });
  return fromSnapshot(publication.snapshot, new Map<string, SessionStatus>(rows.map((r) => [r.id, r.status])));
}

/** The slug of the event whose agenda holds session `id`: its own row, or (for a session deleted
 * from the draft but still published) the publication that lists it. */
async function eventSlugOfSession(id: string): Promise<string | null> {
  const row = await db.session.findUnique({ where: { id }, select: { forum: { select: { event: { select: { slug: true } } } } } });
  if (row) return row.forum.event.slug;
  const published = await db.$queryRaw<{ slug: string }[]>`
    SELECT e.slug FROM agenda_publications p JOIN events e ON e.id = p.event_id
    WHERE jsonb_path_exists(p.snapshot, '$.forums[*].sessions[*] ? (@.id == $id)', jsonb_build_object('id', ${id}::text))
    ORDER BY p.version DESC LIMIT 1`;
  return published[0]?.slug ?? null;
}

/** A published session with its forum, its event's agenda and its neighbours in running order. */
export async function getSessionContextOrThrow(id: string) {
  const slug = await eventSlugOfSession(id);
  if (!slug) throw new AppError("NOT_FOUND", "sessionNotFound");
  const agenda = await getAgendaOrThrow(slug);
  const forum = agenda.forums.find((f) => f.sessions.some((s) => s.id === id));
  const session = forum?.sessions.find((s) => s.id === id);
  if (!forum || !session) throw new AppError("NOT_FOUND", "sessionNotFound");
  return { agenda, forum, session, ...neighbours(sessionsInOrder(agenda), id) };
}

export interface OrganizationCount extends OrganizationRef {
  participants: number;
}

/** Headline numbers of an event: participants count approved registrations other than organizers
 * and the audience (who watch, apart from the seats). Plain statements, so no read of the event
 * home waits in a transaction of Prisma's own (which gives up after 5 s on a saturated machine). */
export async function getEventStats(eventId: string) {
  const [total] = await db.$queryRaw<{ participants: number }[]>`
    SELECT count(*)::int AS participants FROM registrations
    WHERE event_id = ${eventId} AND status = 'approved' AND role NOT IN ('organizer', 'audience')`;
  // Organisations with someone approved (organizers included, the audience not) or hosting a forum.
  const orgs = await db.$queryRaw<(OrgRow & { participants: number })[]>`
    SELECT o.key, o.name, o.country,
           count(r.id) FILTER (WHERE r.role NOT IN ('organizer', 'audience'))::int AS participants
    FROM organizations o
    LEFT JOIN registrations r ON r.organization_id = o.id AND r.event_id = ${eventId} AND r.status = 'approved' AND r.role <> 'audience'
    GROUP BY o.id
    HAVING count(r.id) > 0 OR EXISTS (SELECT 1 FROM forum_hosts h JOIN forums f ON f.id = h.forum_id WHERE h.organization_id = o.id AND f.event_id = ${eventId})
    ORDER BY o.country, o.key`;
  const organizations: OrganizationCount[] = orgs.map((o) => ({ ...toOrg(o), participants: o.participants }));
  return {
    participants: total.participants,
    organizations,
    countries: [...new Set(organizations.map((o) => o.country))],
  };
}

/** Published events as their latest publication shows them, newest first. */
export async function listPublishedEvents() {
  const rows = await db.$queryRaw<{ event: unknown }[]>`
    SELECT DISTINCT ON (p.event_id) p.snapshot -> 'event' AS event
    FROM agenda_publications p JOIN events e ON e.id = p.event_id
    WHERE e.published_at IS NOT NULL
    ORDER BY p.event_id, p.version DESC`;
  return rows.map(({ event }) => fromSnapshot({ event, forums: [] }, new Map()).event).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
}
