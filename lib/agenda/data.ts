// Reads of the published agenda. Every page and API of the public site goes through here.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized";
import { neighbours, sessionsInOrder } from "./agenda";
import type { Agenda, AgendaForum, AgendaSession, DisplayZone, OrganizationRef } from "./types";

const displayZonesSchema = z.array(
  z.object({ zone: z.string(), abbr: z.string(), label: z.object({ ko: z.string(), zh: z.string(), en: z.string() }) }),
);

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

/** The published agenda of an event: forums in order, sessions by start time. */
export async function getAgendaOrThrow(slug: string): Promise<Agenda> {
  const event = await db.event.findFirst({ where: { slug, publishedAt: { not: null } }, include: agendaInclude });
  if (!event) throw new AppError("NOT_FOUND", `No published event '${slug}'`);
  const forums: AgendaForum[] = event.forums.map((f) => ({
    id: f.id,
    slug: f.slug,
    title: toLocalized(f.title),
    description: toLocalized(f.description),
    position: f.position,
    startsAt: f.startsAt,
    endsAt: f.endsAt,
    hosts: f.hosts.map((h) => toOrg(h.organization)),
    sessions: f.sessions.map(
      (s): AgendaSession => ({
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
          organization: sp.organization ? toOrg(sp.organization) : null,
        })),
      }),
    ),
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
      displayZones: displayZonesSchema.parse(event.displayZones) as DisplayZone[],
      startsAt: event.startsAt,
      endsAt: event.endsAt,
    },
    forums,
  };
}

/** A session with its forum, its event's agenda and its neighbours in running order. */
export async function getSessionContextOrThrow(id: string) {
  const row = await db.session.findUnique({ where: { id }, select: { forum: { select: { event: { select: { slug: true } } } } } });
  if (!row) throw new AppError("NOT_FOUND", `No session '${id}'`);
  const agenda = await getAgendaOrThrow(row.forum.event.slug);
  const forum = agenda.forums.find((f) => f.sessions.some((s) => s.id === id));
  const session = forum?.sessions.find((s) => s.id === id);
  if (!forum || !session) throw new AppError("NOT_FOUND", `No session '${id}'`);
  return { agenda, forum, session, ...neighbours(sessionsInOrder(agenda), id) };
}

export interface OrganizationCount extends OrganizationRef {
  participants: number;
}

/** Headline numbers of an event: participants count approved registrations other than organizers. */
export async function getEventStats(eventId: string) {
  const byOrg = await db.registration.groupBy({
    by: ["organizationId"],
    where: { eventId, status: "approved", role: { not: "organizer" } },
    _count: { _all: true },
  });
  const participants = byOrg.reduce((n, r) => n + r._count._all, 0);
  const counts = new Map(byOrg.map((r) => [r.organizationId, r._count._all]));
  const orgs = await db.organization.findMany({
    where: {
      OR: [
        { registrations: { some: { eventId, status: "approved" } } },
        { forumHosts: { some: { forum: { eventId } } } },
      ],
    },
    orderBy: [{ country: "asc" }, { key: "asc" }],
  });
  const organizations: OrganizationCount[] = orgs.map((o) => ({ ...toOrg(o), participants: counts.get(o.id) ?? 0 }));
  return {
    participants,
    organizations,
    countries: [...new Set(organizations.map((o) => o.country))],
  };
}

export async function listPublishedEvents() {
  const events = await db.event.findMany({ where: { publishedAt: { not: null } }, orderBy: { startsAt: "desc" } });
  return events.map((e) => ({
    slug: e.slug,
    title: toLocalized(e.title),
    venue: toLocalized(e.venue),
    timeZone: e.timeZone,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
  }));
}
