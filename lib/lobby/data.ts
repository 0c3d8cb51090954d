// Reads of the lobby: one person's place (what their waiting page shows) and a forum's list (what
// organizers see in the room), each in one statement.
import "server-only";
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { LobbyStatus } from "@/lib/rooms/grants";
import type { LocalizedText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";

export interface LobbyEntryRow {
  status: LobbyStatus;
  createdAt: Date;
  decidedAt: Date | null;
}

export async function getLobbyEntry(forumId: string, userId: string): Promise<LobbyEntryRow | null> {
  return db.lobbyEntry.findUnique({ where: { forumId_userId: { forumId, userId } }, select: { status: true, createdAt: true, decidedAt: true } });
}

export interface LobbyPerson {
  userId: string;
  name: string;
  organization: LocalizedText | null;
  role: RegistrationRole;
  registration: RegistrationState;
  status: LobbyStatus;
  /** When they asked (ms): how long they have waited. */
  since: number;
  decidedAt: number | null;
}

/** Everyone with an entry in the forum's lobby, those waiting longest first. */
export async function getLobbyPeople(forum: { eventId: string; forumId: string }): Promise<LobbyPerson[]> {
  const rows = await db.$queryRaw<
    {
      user_id: string;
      name: string | null;
      name_latin: string | null;
      email: string;
      organization_name: unknown;
      organization_other: string | null;
      role: RegistrationRole;
      registration: RegistrationState;
      status: LobbyStatus;
      created_at: Date;
      decided_at: Date | null;
    }[]
  >`
    SELECT l.user_id, u.name, u.name_latin, u.email, o.name AS organization_name, r.organization_other,
           r.role::text AS role, r.status::text AS registration, l.status::text AS status, l.created_at, l.decided_at
    FROM lobby_entries l
    JOIN users u ON u.id = l.user_id
    JOIN registrations r ON r.user_id = l.user_id AND r.event_id = ${forum.eventId}
    LEFT JOIN organizations o ON o.id = r.organization_id
    WHERE l.forum_id = ${forum.forumId}
    ORDER BY l.created_at, l.user_id`;
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name || r.name_latin || r.email.split("@")[0],
    organization: r.organization_name ? toLocalized(r.organization_name) : r.organization_other ? { ko: r.organization_other, zh: r.organization_other, en: r.organization_other } : null,
    role: r.role,
    registration: r.registration,
    status: r.status,
    since: r.created_at.getTime(),
    decidedAt: r.decided_at?.getTime() ?? null,
  }));
}

export async function getLobbySettings(forumId: string): Promise<{ eventSlug: string; requiresAdmission: boolean }> {
  const row = await db.forum.findUniqueOrThrow({ where: { id: forumId }, select: { requiresAdmission: true, event: { select: { slug: true } } } });
  return { eventSlug: row.event.slug, requiresAdmission: row.requiresAdmission };
}
