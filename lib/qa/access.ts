// Who may take part in a session's Q&A and polls: whoever may be in its forum's room, whatever the
// time (an approved registration for the forum, or an organizer of the event) — the room's own
// rule (lib/rooms), read once per request — and the event's approved audience (decideQaStay),
// read from the same registration row, so the audience costs no extra round trip. An organizer's access carries the OrganizerAccess that
// moderation and the asker's name need.
import "server-only";
import { requireActor, requireOrganizer, type Actor, type OrganizerAccess } from "@/lib/auth/session";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getStageMember, getStageOfSessionOrThrow, type Stage, type StageMember } from "@/lib/rooms/data";
import { decideQaStay, DEFAULT_QA_SETTINGS, type QaSettings, type QaViewer } from "./rules";

export interface QaSession {
  id: string;
  status: "scheduled" | "live" | "ended";
  /** Until when questions may be asked: the session's end or, when later, its room's closing. */
  endsAt: Date;
  /** The end of the session's own slot. */
  slotEndsAt: Date;
  startsAt: Date;
  language: "ko" | "zh" | "en";
}

export interface QaAccess {
  stage: Stage;
  member: StageMember;
  session: QaSession;
  eventSlug: string;
  viewer: QaViewer;
  /** Set for the event's approved organizers only. */
  organizer: OrganizerAccess | null;
}

/** UNAUTHENTICATED when signed out, NOT_FOUND for a session that is not published, FORBIDDEN
 * (`notRegistered`, `notApproved`, `notYourForum`, `removed`) for anyone the forum's room refuses. */
export async function requireQaAccess(actor: Actor | null, sessionId: string): Promise<QaAccess> {
  const signedIn = requireActor(actor);
  const stage = await getStageOfSessionOrThrow(sessionId);
  // Two round trips at once, whatever the vote storm: the person's membership, and the session with its event's slug.
  const [member, [row]] = await Promise.all([
    getStageMember(stage, signedIn.userId, signedIn.sessionVersion),
    db.$queryRaw<{ status: QaSession["status"]; starts_at: Date; ends_at: Date; language: QaSession["language"]; slug: string }[]>`
      SELECT s.status::text AS status, s.starts_at, s.ends_at, s.language::text AS language, e.slug
      FROM sessions s JOIN forums f ON f.id = s.forum_id JOIN events e ON e.id = f.event_id
      WHERE s.id = ${sessionId}`,
  ]);
  if (!row) throw new AppError("NOT_FOUND", "sessionNotFound");
  const session: QaSession = { id: sessionId, status: row.status, startsAt: row.starts_at, endsAt: row.ends_at, slotEndsAt: row.ends_at, language: row.language };
  const event = { slug: row.slug };
  // Questions stay open while the forum's room is (its published block, or later when extended)
  // unless an organizer ended the session — starting the next one ends it.
  if (stage.closesAt > session.endsAt) session.endsAt = stage.closesAt;
  if (!member) {
    if (!(await isSessionCurrent(signedIn))) throw new AppError("UNAUTHENTICATED", "signInRequired");
    throw new AppError("FORBIDDEN", "notRegistered");
  }
  const stay = decideQaStay(member);
  if (!stay.allowed) throw new AppError("FORBIDDEN", stay.reason);
  const organizer = member.role === "organizer" ? await requireOrganizer(signedIn, event.slug) : null;
  return { stage, member, session, eventSlug: event.slug, viewer: { userId: signedIn.userId, organizer: !!organizer }, organizer };
}

/** The event's Q&A settings (the defaults when it never chose). */
export async function getQaSettings(eventId: string): Promise<QaSettings> {
  const row = await db.qaSetting.findUnique({ where: { eventId }, select: { moderation: true, boundary: true } });
  return row ?? DEFAULT_QA_SETTINGS;
}

/** The session after `session` in its forum (by start), or null when it is the last. */
export async function getNextSession(forumId: string, session: Pick<QaSession, "id" | "startsAt">): Promise<{ id: string; status: QaSession["status"] } | null> {
  return db.session.findFirst({
    where: { forumId, id: { not: session.id }, OR: [{ startsAt: { gt: session.startsAt } }, { startsAt: session.startsAt, id: { gt: session.id } }] },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, status: true },
  });
}
