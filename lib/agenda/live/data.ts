// Reads for running the day: the live statuses of an event's sessions (public), and a forum's
// run sheet (organizers). Statuses come from the sessions table itself: they are operational,
// never drafted, so what an organizer sets shows at once.
import "server-only";
import type { OrganizerAccess } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type LocalizedText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { SessionStatusEntry } from "@/lib/agenda/live/message";
import type { Locale } from "@/lib/i18n/routing";
import { displayZonesOf } from "../display-zones";
import type { DisplayZone, SessionKind, SessionStatus } from "../types";

/** A published event by slug: NOT_FOUND otherwise (unpublished events have no public statuses). */
export async function getLiveEventOrThrow(slug: string): Promise<{ id: string; slug: string }> {
  const event = await db.event.findFirst({ where: { slug, publishedAt: { not: null } }, select: { id: true, slug: true } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  return event;
}

/** Statuses of the sessions the public agenda shows (the latest publication's), not of drafts. */
export async function getSessionStatuses(eventId: string): Promise<SessionStatusEntry[]> {
  return db.$queryRaw<SessionStatusEntry[]>`
    SELECT s.id, s.forum_id AS "forumId", s.status::text AS status
    FROM sessions s
    WHERE s.id IN (
      SELECT jsonb_path_query(latest.snapshot, '$.forums[*].sessions[*].id') #>> '{}'
      FROM (SELECT snapshot FROM agenda_publications WHERE event_id = ${eventId} ORDER BY version DESC LIMIT 1) latest)
    ORDER BY s.starts_at, s.id`;
}

export interface RunSheetSession {
  id: string;
  title: LocalizedText;
  kind: SessionKind;
  language: Locale;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  liveAt: Date | null;
  endedAt: Date | null;
}

export interface RunSheet {
  event: { slug: string; title: LocalizedText; timeZone: string; displayZones: DisplayZone[] };
  /** `captions`: the stage is captioned live (lib/captions). */
  forum: { id: string; slug: string; title: LocalizedText; captions: boolean };
  sessions: RunSheetSession[];
}

/** A forum's running order for its organizers: every session of the forum as it is now. */
export async function getRunSheetOrThrow({ eventId }: OrganizerAccess, forumSlug: string): Promise<RunSheet> {
  const forum = await db.forum.findFirst({
    where: { eventId, slug: forumSlug },
    include: {
      event: { select: { slug: true, title: true, timeZone: true, displayZones: true } },
      sessions: { orderBy: [{ startsAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
  return {
    event: {
      slug: forum.event.slug,
      title: toLocalized(forum.event.title),
      timeZone: forum.event.timeZone,
      displayZones: displayZonesOf(forum.event),
    },
    forum: { id: forum.id, slug: forum.slug, title: toLocalized(forum.title), captions: forum.captions },
    sessions: forum.sessions.map((s) => ({
      id: s.id,
      title: toLocalized(s.title),
      kind: s.kind,
      language: s.language,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      status: s.status,
      liveAt: s.liveAt,
      endedAt: s.endedAt,
    })),
  };
}

/** The forums of an event, for the run-sheet links of the organizer dashboard. */
export async function getRunSheetForums({ eventId }: OrganizerAccess) {
  const forums = await db.forum.findMany({ where: { eventId }, orderBy: [{ startsAt: "asc" }, { position: "asc" }], select: { slug: true, title: true } });
  return forums.map((f) => ({ slug: f.slug, title: toLocalized(f.title) }));
}
