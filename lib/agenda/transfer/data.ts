// Reads for import and export: the draft agenda as the spreadsheet sees it, and the people and
// organisations a file may name. Take a transaction client so the import reads under its lock.
import "server-only";
import type { OrganizerAccess } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { Directory, StoredAgenda } from "./model";
import type { SheetRow } from "./rows";

type Client = Pick<Tx, "event" | "registration" | "organization">;

const speakerSelect = {
  userId: true,
  name: true,
  nameLatin: true,
  role: true,
  bio: true,
  photoUrl: true,
  organization: { select: { key: true } },
  user: { select: { email: true } },
} as const satisfies Prisma.SessionSpeakerSelect;

export async function loadAgenda(client: Client, eventId: string): Promise<StoredAgenda> {
  const event = await client.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      timeZone: true,
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
          sessions: {
            orderBy: [{ startsAt: "asc" }, { key: "asc" }],
            select: { id: true, key: true, title: true, abstract: true, kind: true, language: true, startsAt: true, endsAt: true, speakers: { orderBy: { position: "asc" }, select: speakerSelect } },
          },
        },
      },
    },
  });
  const userIds = [...new Set(event.forums.flatMap((f) => f.sessions.flatMap((s) => s.speakers.flatMap((p) => (p.userId ? [p.userId] : [])))))];
  const homes = await client.registration.findMany({ where: { eventId, userId: { in: userIds } }, select: { userId: true, organization: { select: { key: true } } } });
  const homeOf = new Map(homes.map((r) => [r.userId, r.organization?.key ?? null]));
  return {
    zone: event.timeZone,
    event: { startsAt: event.startsAt, endsAt: event.endsAt },
    forums: event.forums.map((f) => ({
      ...f,
      title: toLocalized(f.title),
      sessions: f.sessions.map((s) => ({
        ...s,
        title: toLocalized(s.title),
        abstract: toLocalized(s.abstract),
        speakers: s.speakers.map((p) => ({
          userId: p.userId,
          email: p.userId ? (p.user?.email.toLowerCase() ?? null) : null,
          name: p.name,
          nameLatin: p.nameLatin,
          organizationKey: p.organization?.key ?? null,
          homeOrganizationKey: p.userId ? (homeOf.get(p.userId) ?? null) : null,
          role: p.role,
          bio: p.bio ? toLocalized(p.bio) : null,
          photoUrl: p.photoUrl,
        })),
      })),
    })),
  };
}

/** The approved people and the organisations the rows name (only those: files are small, events are not). */
export async function loadDirectory(client: Client, eventId: string, rows: SheetRow[]): Promise<Directory> {
  const entries = rows.flatMap((r) => r.speakers.map((s) => s.entry));
  const emails = [...new Set(entries.flatMap((e) => (e.email ? [e.email] : [])))];
  const keys = [...new Set(entries.map((e) => e.organizationKey).filter(Boolean))];
  const [registrations, organizations] = await Promise.all([
    client.registration.findMany({
      where: { eventId, status: "approved", user: { email: { in: emails, mode: "insensitive" } } },
      select: { userId: true, organization: { select: { key: true } }, user: { select: { email: true, name: true } } },
    }),
    client.organization.findMany({ where: { key: { in: keys } }, select: { key: true } }),
  ]);
  return {
    people: new Map(registrations.map((r) => [r.user.email.toLowerCase(), { userId: r.userId, name: r.user.name ?? r.user.email, homeOrganizationKey: r.organization?.key ?? null }])),
    organizationKeys: new Set(organizations.map((o) => o.key)),
  };
}

/** The event's home zone, in which exports write times (the transfer page says so). */
export async function getEventZone({ eventId }: OrganizerAccess): Promise<string> {
  return (await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timeZone: true } })).timeZone;
}
