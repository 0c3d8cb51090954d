// What the recording layout page (the page LiveKit Egress opens) shows of a forum: its title and
// its sessions as the public agenda lists them. The page is public (Egress carries no session
// cookie; its LiveKit token guards the room), so it reads only what the published agenda shows.
import "server-only";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import type { SessionStatus } from "@/lib/agenda/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { LocalizedText } from "@/lib/i18n/localized";

export interface LayoutSession {
  id: string;
  title: LocalizedText;
  /** UTC instants in milliseconds. */
  startsAt: number;
  endsAt: number;
  status: SessionStatus;
}

export interface RecordingLayout {
  eventSlug: string;
  forum: { id: string; title: LocalizedText };
  sessions: LayoutSession[];
}

/** Forum `forumId` of a published event's latest agenda; NOT_FOUND otherwise. */
export async function getRecordingLayoutOrThrow(forumId: string): Promise<RecordingLayout> {
  const row = await db.forum.findUnique({ where: { id: forumId }, select: { event: { select: { slug: true, publishedAt: true } } } });
  if (!row?.event.publishedAt) throw new AppError("NOT_FOUND", "forumNotFound");
  const agenda = await getAgendaOrThrow(row.event.slug);
  const forum = agenda.forums.find((f) => f.id === forumId);
  if (!forum) throw new AppError("NOT_FOUND", "forumNotFound");
  return {
    eventSlug: agenda.event.slug,
    forum: { id: forum.id, title: forum.title },
    sessions: forum.sessions.map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime(), status: s.status })),
  };
}
