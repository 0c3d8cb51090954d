// "My conference": a person's registrations with their forums and sessions, and the personal
// calendar feed behind a secret URL.
import "server-only";
import { agendaCalendar } from "@/lib/agenda/calendar";
import { getAgendaOrThrow } from "@/lib/agenda/data";
import type { Agenda } from "@/lib/agenda/types";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toLocalized } from "@/lib/i18n/localized-schema";

/** The agenda narrowed to the forums a registration chose (organizers see every forum). */
function narrow(agenda: Agenda, role: string, forumSlugs: string[]): Agenda {
  if (role === "organizer") return agenda;
  return { ...agenda, forums: agenda.forums.filter((f) => forumSlugs.includes(f.slug)) };
}

export async function getMyConference(userId: string) {
  const registrations = await db.registration.findMany({
    where: { userId, event: { publishedAt: { not: null } } },
    orderBy: { createdAt: "desc" },
    include: { event: { select: { slug: true } }, forums: { include: { forum: { select: { slug: true } } } }, organization: true, requestedOrganization: true },
  });
  return Promise.all(
    registrations.map(async (r) => {
      const agenda = await getAgendaOrThrow(r.event.slug);
      const waitlistPosition =
        r.status === "waitlisted" ? 1 + (await db.registration.count({ where: { eventId: r.eventId, status: "waitlisted", arrival: { lt: r.arrival } } })) : null;
      return {
        id: r.id,
        status: r.status,
        role: r.role,
        /** Asked for and waiting for the organizers. */
        requestedRole: r.requestedRole,
        requestedOrganization: r.requestedOrganization ? toLocalized(r.requestedOrganization.name) : r.requestedOrganizationOther,
        timeZone: r.timeZone,
        calendarToken: r.calendarToken,
        waitlistPosition,
        agenda: narrow(agenda, r.role, r.forums.map((f) => f.forum.slug)),
      };
    }),
  );
}

/** The ICS feed of one registration, in its preferred language; cancelled ones have none. */
export async function getPersonalCalendar(token: string, baseUrl: string): Promise<{ ics: string; slug: string }> {
  const r = await db.registration.findUnique({
    where: { calendarToken: token },
    include: { event: { select: { slug: true } }, forums: { include: { forum: { select: { slug: true } } } } },
  });
  if (!r || r.status === "cancelled" || r.status === "declined") throw new AppError("NOT_FOUND", "No such calendar");
  const agenda = narrow(await getAgendaOrThrow(r.event.slug), r.role, r.forums.map((f) => f.forum.slug));
  return { ics: agendaCalendar(agenda, r.preferredLanguage, baseUrl), slug: r.event.slug };
}
