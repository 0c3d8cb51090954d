// "My conference": a person's registrations with their forums and sessions, the sessions they saved
// to My agenda or speak in, and the personal calendar feed behind a secret URL (with their accepted
// one-to-one meetings).
import "server-only";
import { agendaCalendar } from "@/lib/agenda/calendar";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import type { Agenda } from "@/lib/agenda/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { pickText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import { meetingIcsEvent } from "@/lib/meetings/calendar";
import { getFeedMeetings } from "@/lib/meetings/data";

/** The agenda narrowed to the forums a registration chose (organizers see every forum, and so does
 * the audience, which watches them all), plus the sessions of other forums the person saved or speaks in. */
function narrow(agenda: Agenda, role: string, forumSlugs: string[], sessionIds: Set<string>): Agenda {
  if (role === "organizer" || role === "audience") return agenda;
  const forums = agenda.forums.map((f) => (forumSlugs.includes(f.slug) ? f : { ...f, sessions: f.sessions.filter((s) => sessionIds.has(s.id)) })).filter((f) => f.sessions.length > 0);
  return { ...agenda, forums };
}

/** The person's bookmarked sessions and the sessions they are on the programme of. */
async function personalSessions(userId: string): Promise<{ bookmarked: Set<string>; speaking: Set<string> }> {
  const [bookmarks, slots] = await Promise.all([
    db.bookmark.findMany({ where: { userId }, select: { sessionId: true } }),
    db.sessionSpeaker.findMany({ where: { userId }, select: { sessionId: true } }),
  ]);
  return { bookmarked: new Set(bookmarks.map((b) => b.sessionId)), speaking: new Set(slots.map((s) => s.sessionId)) };
}

export async function getMyConference(userId: string) {
  const [registrations, user, mine] = await Promise.all([
    db.registration.findMany({
      where: { userId, event: { publishedAt: { not: null } } },
      orderBy: { createdAt: "desc" },
      include: { event: { select: { slug: true } }, forums: { include: { forum: { select: { slug: true } } } }, organization: true, requestedOrganization: true },
    }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { reminderMinutes: true } }),
    personalSessions(userId),
  ]);
  const all = new Set([...mine.bookmarked, ...mine.speaking]);
  const list = await Promise.all(
    registrations.map(async (r) => {
      const agenda = await getAgendaOrThrow(r.event.slug);
      // A place on the waitlist of the registration's own tier: the audience and the participants wait apart.
      const tier = r.role === "audience" ? { role: "audience" as const } : { role: { not: "audience" as const } };
      const waitlistPosition = r.status === "waitlisted" ? 1 + (await db.registration.count({ where: { eventId: r.eventId, status: "waitlisted", arrival: { lt: r.arrival }, ...tier } })) : null;
      return {
        id: r.id,
        status: r.status,
        role: r.role,
        /** Asked for and waiting for the organizers. */
        requestedRole: r.requestedRole,
        requestedOrganization: r.requestedOrganization ? toLocalized(r.requestedOrganization.name) : r.requestedOrganizationOther,
        timeZone: r.timeZone,
        preferredLanguage: r.preferredLanguage,
        calendarToken: r.calendarToken,
        waitlistPosition,
        agenda: narrow(
          agenda,
          r.role,
          r.forums.map((f) => f.forum.slug),
          all,
        ),
        /** Saved or own sessions of the whole agenda, for "My agenda". */
        personal: { ...agenda, forums: agenda.forums.map((f) => ({ ...f, sessions: f.sessions.filter((s) => all.has(s.id)) })).filter((f) => f.sessions.length > 0) },
      };
    }),
  );
  return { registrations: list, reminderMinutes: user.reminderMinutes, bookmarked: mine.bookmarked, speaking: mine.speaking };
}

/** The ICS feed of one registration, in its preferred language; cancelled ones have none. */
export async function getPersonalCalendar(token: string, baseUrl: string): Promise<{ ics: string; slug: string }> {
  const r = await db.registration.findUnique({
    where: { calendarToken: token },
    include: { event: { select: { slug: true } }, forums: { include: { forum: { select: { slug: true } } } } },
  });
  if (!r || r.status === "cancelled" || r.status === "declined") throw new AppError("NOT_FOUND", "calendarNotFound");
  const mine = await personalSessions(r.userId);
  const agenda = narrow(
    await getAgendaOrThrow(r.event.slug),
    r.role,
    r.forums.map((f) => f.forum.slug),
    new Set([...mine.bookmarked, ...mine.speaking]),
  );
  // Accepted one-to-one meetings too, and those called off since (so calendars drop them).
  const meetings = (await getFeedMeetings(r.eventId, r.userId)).map((m) =>
    meetingIcsEvent(m, r.preferredLanguage === "en" && m.other.nameLatin ? m.other.nameLatin : m.other.name, pickText(agenda.event.title, r.preferredLanguage), r.preferredLanguage, baseUrl),
  );
  return { ics: agendaCalendar(agenda, r.preferredLanguage, baseUrl, meetings), slug: r.event.slug };
}
