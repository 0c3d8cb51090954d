// The organizers' read of an event's meetings: the figures over all of them, and one page of the
// list (filtered by state and by day in the event's zone) with both people and their organisations.
// 109 participants make a few hundred meetings at most, so one query and filtering here suffice.
import "server-only";
import type { OrganizerAccess } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { dayKey } from "@/lib/time/zones";
import { getMeetingEventOrThrow, personInclude, personOf, type MeetingEvent, type Person } from "./data";
import { eventDays, meetingFigures, type MeetingFigures } from "./figures";
import type { MeetingStatus } from "./rules";
import type { MeetingsConsoleQuery } from "./schema";

export const CONSOLE_PAGE_SIZE = 50;

/** A meeting as organizers see it: no note. The note is written by one person for the other alone
 * (the form says so), so it never leaves the database for anyone else, organizers included. */
export interface ConsoleMeeting {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  requester: Person;
  invitee: Person;
}

export interface MeetingsConsole {
  event: MeetingEvent;
  /** The organizer's own zone (their registration's), the event's when they have none. */
  viewerZone: string;
  figures: MeetingFigures;
  days: string[];
  meetings: ConsoleMeeting[];
  /** Meetings matching the filter, of which `meetings` is page `page` of `pages`. */
  matching: number;
  page: number;
  pages: number;
}

export async function getMeetingsConsole(access: OrganizerAccess, query: MeetingsConsoleQuery): Promise<MeetingsConsole> {
  const event = await getMeetingEventOrThrow(access.eventId);
  const mine = await db.registration.findUnique({ where: { eventId_userId: { eventId: access.eventId, userId: access.actor.userId } }, select: { timeZone: true } });
  // Selected field by field so the note cannot slip in.
  const all = await db.meeting.findMany({
    where: { eventId: access.eventId },
    select: { id: true, startsAt: true, endsAt: true, status: true, requesterId: true, inviteeId: true },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  const figures = meetingFigures(all, event);
  const matching = all.filter((m) => (!query.status || m.status === query.status) && (!query.day || dayKey(m.startsAt, event.timeZone) === query.day));
  const pages = Math.max(1, Math.ceil(matching.length / CONSOLE_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const shown = matching.slice((page - 1) * CONSOLE_PAGE_SIZE, page * CONSOLE_PAGE_SIZE);
  const ids = [...new Set(shown.flatMap((m) => [m.requesterId, m.inviteeId]))];
  const people = await db.registration.findMany({ where: { eventId: access.eventId, userId: { in: ids } }, include: personInclude });
  const byId = new Map(people.map((r) => [r.userId, personOf(r)]));
  const nobody = (userId: string): Person => ({ userId, name: "—", nameLatin: null, organization: null });
  return {
    event,
    viewerZone: mine?.timeZone ?? event.timeZone,
    figures,
    days: eventDays(event),
    meetings: shown.map((m) => ({
      id: m.id,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      status: m.status,
      requester: byId.get(m.requesterId) ?? nobody(m.requesterId),
      invitee: byId.get(m.inviteeId) ?? nobody(m.inviteeId),
    })),
    matching: matching.length,
    page,
    pages,
  };
}
