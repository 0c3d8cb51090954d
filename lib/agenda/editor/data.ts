// Reads of the organizer's agenda editor: the draft with versions, one session or forum as its
// form holds it, the organisations to pick from, and a record's history from the audit log.
import "server-only";
import { getPublicationState } from "@/lib/agenda/publish";
import type { OrganizerAccess } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { sessionEditorSelect, toSessionInput } from "./frame";
import { forumSelect, toForumInput } from "./forums";

export async function getEditorOverview({ eventId }: OrganizerAccess) {
  const [event, publication] = await Promise.all([
    db.event.findUniqueOrThrow({
      where: { id: eventId },
      select: {
        slug: true,
        title: true,
        timeZone: true,
        displayZones: true,
        startsAt: true,
        endsAt: true,
        forums: {
          orderBy: [{ position: "asc" }, { startsAt: "asc" }],
          select: {
            id: true,
            slug: true,
            title: true,
            startsAt: true,
            endsAt: true,
            version: true,
            sessions: {
              orderBy: { startsAt: "asc" },
              select: { id: true, title: true, startsAt: true, endsAt: true, status: true, kind: true, language: true, _count: { select: { speakers: true, materials: true } } },
            },
          },
        },
      },
    }),
    getPublicationState(eventId),
  ]);
  return {
    event: { ...event, title: toLocalized(event.title) },
    forums: event.forums.map((f) => ({ ...f, title: toLocalized(f.title), sessions: f.sessions.map((s) => ({ ...s, title: toLocalized(s.title) })) })),
    publication,
  };
}

/** Forums of the event as choices (id, title, block) for the session editor. */
async function forumChoices(eventId: string) {
  const forums = await db.forum.findMany({ where: { eventId }, orderBy: [{ position: "asc" }], select: { id: true, slug: true, title: true, startsAt: true, endsAt: true } });
  return forums.map((f) => ({ id: f.id, slug: f.slug, title: toLocalized(f.title), startsAt: f.startsAt.toISOString(), endsAt: f.endsAt.toISOString() }));
}

export async function getOrganizationChoices() {
  const orgs = await db.organization.findMany({ orderBy: [{ country: "asc" }, { key: "asc" }], select: { key: true, name: true, country: true } });
  return orgs.map((o) => ({ key: o.key, name: toLocalized(o.name), country: o.country }));
}

/** What every editor form needs of its event: the home zone, the displayed zones, the first day. */
export async function getEditorEvent({ eventId }: OrganizerAccess) {
  return db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timeZone: true, displayZones: true, startsAt: true } });
}

/** When a forum's last session ends (a new session starts there), or null when it has none. */
export async function getForumLastEnd({ eventId }: OrganizerAccess, forumId: string): Promise<Date | null> {
  const last = await db.session.findFirst({ where: { forumId, forum: { eventId } }, orderBy: { endsAt: "desc" }, select: { endsAt: true } });
  return last?.endsAt ?? null;
}

export async function getSessionEditor({ eventId }: OrganizerAccess, id: string, zone: string) {
  const row = await db.session.findUnique({ where: { id }, select: { ...sessionEditorSelect, forum: { select: { eventId: true, slug: true } } } });
  if (!row || row.forum.eventId !== eventId) throw new AppError("NOT_FOUND", "sessionNotFound");
  const speakerOrgs = await db.sessionSpeaker.findMany({ where: { sessionId: id }, orderBy: { position: "asc" }, select: { organization: { select: { name: true } } } });
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    forumSlug: row.forum.slug,
    input: toSessionInput(row, zone),
    speakerOrganizations: speakerOrgs.map((s) => (s.organization ? toLocalized(s.organization.name) : null)),
    forums: await forumChoices(eventId),
  };
}

export async function getNewSessionChoices({ eventId }: OrganizerAccess) {
  return forumChoices(eventId);
}

export async function getForumEditor({ eventId }: OrganizerAccess, slug: string, zone: string) {
  const row = await db.forum.findUnique({
    where: { eventId_slug: { eventId, slug } },
    select: forumSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "forumNotFound");
  return { id: row.id, version: row.version, input: toForumInput(row, zone) };
}

/** The audit trail of one record, newest first, with who did it. */
export async function getHistory(entityType: "session" | "forum" | "event", entityId: string, limit = 50) {
  const rows = await db.auditLog.findMany({
    where: { entityType, entityId },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, action: true, data: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    data: r.data,
    at: r.createdAt,
    actor: r.actor ? (r.actor.name ?? r.actor.email) : null,
    fields: Object.keys(((r.data as { changes?: object } | null)?.changes ?? {}) as object),
  }));
}
