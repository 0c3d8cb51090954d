// Reads of the meetings: an event's meeting setting with the viewer's registration, the people one
// may ask, a person's meetings with the other person's name, and the calendar entries of a feed.
import "server-only";
import { displayZonesOf } from "@/lib/agenda/display-zones";
import type { DisplayZone } from "@/lib/agenda/types";
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { LocalizedText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { Locale } from "@/lib/i18n/routing";
import type { ParticipantProfile } from "@/lib/rooms/participant";
import { mayMeet, type MeetingPolicy, type MeetingStatus } from "./rules";

export interface MeetingEvent {
  id: string;
  slug: string;
  title: LocalizedText;
  timeZone: string;
  displayZones: DisplayZone[];
  startsAt: Date;
  endsAt: Date;
  policy: MeetingPolicy;
}

export interface Viewer {
  userId: string;
  role: RegistrationRole;
  status: RegistrationState;
  timeZone: string;
  language: Locale;
}

const eventSelect = { id: true, slug: true, title: true, timeZone: true, displayZones: true, startsAt: true, endsAt: true, meetingPolicy: true } as const;

function toEvent(e: { id: string; slug: string; title: unknown; timeZone: string; displayZones: unknown; startsAt: Date; endsAt: Date; meetingPolicy: MeetingPolicy }): MeetingEvent {
  return { id: e.id, slug: e.slug, title: toLocalized(e.title), timeZone: e.timeZone, displayZones: displayZonesOf(e), startsAt: e.startsAt, endsAt: e.endsAt, policy: e.meetingPolicy };
}

/** The published event `slug` and `userId`'s registration to it (null when they have none). */
export async function getMeetingContextOrThrow(slug: string, userId: string): Promise<{ event: MeetingEvent; viewer: Viewer | null }> {
  const e = await db.event.findFirst({ where: { slug, publishedAt: { not: null } }, select: eventSelect });
  if (!e) throw new AppError("NOT_FOUND", "eventNotFound");
  const r = await db.registration.findUnique({ where: { eventId_userId: { eventId: e.id, userId } }, select: { role: true, status: true, timeZone: true, preferredLanguage: true } });
  return { event: toEvent(e), viewer: r && { userId, role: r.role, status: r.status, timeZone: r.timeZone, language: r.preferredLanguage } };
}

export async function getMeetingEventOrThrow(eventId: string): Promise<MeetingEvent> {
  return toEvent(await db.event.findUniqueOrThrow({ where: { id: eventId }, select: eventSelect }));
}

export interface Person {
  userId: string;
  name: string;
  nameLatin: string | null;
  organization: LocalizedText | null;
}

export const personInclude = { user: { select: { name: true, nameLatin: true, email: true } }, organization: { select: { name: true } } } as const;

type PersonRow = { userId: string; organizationOther: string | null; user: { name: string | null; nameLatin: string | null; email: string }; organization: { name: unknown } | null };

/** A registration (with its user and organisation) as a person of a meeting. */
export function personOf(r: PersonRow): Person {
  const other = r.organizationOther;
  return {
    userId: r.userId,
    name: r.user.name || r.user.nameLatin || r.user.email.split("@")[0],
    nameLatin: r.user.nameLatin,
    organization: r.organization ? toLocalized(r.organization.name) : other ? { ko: other, zh: other, en: other } : null,
  };
}

/** Everyone the setting lets `viewerId` ask, by name: approved registrations of the event, the
 * audience never, with delegates alone under "delegates". A few hundred rows at most. */
export async function getMeetingCandidates(event: MeetingEvent, viewerId: string): Promise<Person[]> {
  if (event.policy === "off") return [];
  const rows = await db.registration.findMany({
    where: { eventId: event.id, status: "approved", userId: { not: viewerId }, role: event.policy === "delegates" ? "delegate" : { not: "audience" } },
    include: personInclude,
  });
  return rows
    .filter((r) => mayMeet(event.policy, r))
    .map(personOf)
    .sort((a, b) => (a.nameLatin ?? a.name).localeCompare(b.nameLatin ?? b.name));
}

export interface MeetingRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  note: string;
  status: MeetingStatus;
  sequence: number;
  updatedAt: Date;
  decidedAt: Date | null;
  requesterId: string;
  inviteeId: string;
  /** The person on the other side, as registered to the event. */
  other: Person;
  mine: "asked" | "invited";
}

/** Every meeting of `userId` in the event, in time order, each with the other person. */
export async function getMyMeetings(eventId: string, userId: string): Promise<MeetingRow[]> {
  const meetings = await db.meeting.findMany({
    where: { eventId, OR: [{ requesterId: userId }, { inviteeId: userId }] },
    orderBy: { startsAt: "asc" },
  });
  const others = [...new Set(meetings.map((m) => (m.requesterId === userId ? m.inviteeId : m.requesterId)))];
  const regs = await db.registration.findMany({ where: { eventId, userId: { in: others } }, include: personInclude });
  const byId = new Map(regs.map((r) => [r.userId, personOf(r)]));
  return meetings.map((m) => {
    const otherId = m.requesterId === userId ? m.inviteeId : m.requesterId;
    const other = byId.get(otherId) ?? { userId: otherId, name: "—", nameLatin: null, organization: null };
    return { ...m, other, mine: m.requesterId === userId ? "asked" : "invited" };
  });
}

/** Requests waiting for `userId`'s answer, per event slug (for My conference). */
export async function getPendingMeetingCounts(userId: string): Promise<Map<string, number>> {
  const rows = await db.meeting.groupBy({ by: ["eventId"], where: { inviteeId: userId, status: "requested", startsAt: { gt: new Date() } }, _count: { _all: true } });
  if (!rows.length) return new Map();
  const events = await db.event.findMany({ where: { id: { in: rows.map((r) => r.eventId) } }, select: { id: true, slug: true } });
  const slugOf = new Map(events.map((e) => [e.id, e.slug]));
  return new Map(rows.map((r) => [slugOf.get(r.eventId) ?? r.eventId, r._count._all]));
}

/** A meeting with both people's registrations, for its room and its mail. */
export async function getMeetingWithPeopleOrThrow(meetingId: string) {
  const m = await db.meeting.findUnique({ where: { id: meetingId }, include: { event: { select: { slug: true } } } });
  if (!m) throw new AppError("NOT_FOUND", "meetingNotFound");
  const regs = await db.registration.findMany({
    where: { eventId: m.eventId, userId: { in: [m.requesterId, m.inviteeId] } },
    include: { user: { select: { name: true, nameLatin: true, email: true } }, organization: { select: { key: true, name: true } } },
  });
  const person = (userId: string) => {
    const r = regs.find((x) => x.userId === userId);
    if (!r) return null;
    const other = r.organizationOther;
    const organization = r.organization ? { key: r.organization.key, name: toLocalized(r.organization.name) } : other ? { key: "other", name: { ko: other, zh: other, en: other } } : null;
    const profile: ParticipantProfile = { role: r.role, language: r.preferredLanguage, organization, nameLatin: r.user.nameLatin };
    return {
      ...personOf(r),
      email: r.user.email,
      role: r.role,
      status: r.status,
      timeZone: r.timeZone,
      language: r.preferredLanguage as Locale,
      profile,
    };
  };
  return { meeting: m, requester: person(m.requesterId), invitee: person(m.inviteeId) };
}

export type MeetingPerson = NonNullable<Awaited<ReturnType<typeof getMeetingWithPeopleOrThrow>>["requester"]>;

/** The meetings of a person's calendar feed: accepted ones, and accepted ones called off since
 * (so a subscribed calendar removes them: STATUS:CANCELLED with a higher SEQUENCE). */
export async function getFeedMeetings(eventId: string, userId: string): Promise<MeetingRow[]> {
  const all = await getMyMeetings(eventId, userId);
  return all.filter((m) => m.status === "accepted" || (m.status === "cancelled" && m.decidedAt !== null));
}
