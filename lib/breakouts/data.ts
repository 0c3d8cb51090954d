// Reads behind breakout rooms: the organizers' board (rooms, who is where, who could be), and the
// one small read a join makes (the run, the rooms' ids, the person's room).
import "server-only";
import { db } from "@/lib/db";
import type { RegistrationRole } from "@/lib/auth/roles";
import type { LocalizedText } from "@/lib/i18n/localized";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { BreakoutRunState } from "@/lib/rooms/breakouts";

export interface BreakoutRoomView {
  id: string;
  title: LocalizedText;
}

export interface BreakoutPerson {
  userId: string;
  name: string;
  role: RegistrationRole;
  organization: { key: string; country: string; name: LocalizedText } | null;
  breakoutId: string | null;
}

export interface BreakoutRunView {
  mode: BreakoutRunState["mode"];
  status: BreakoutRunState["status"];
  opensAt: string | null;
  closesAt: string | null;
  message: string | null;
}

export interface BreakoutBoard {
  forumId: string;
  run: BreakoutRunView;
  rooms: BreakoutRoomView[];
  /** Everyone who may be in a breakout: approved, of the forum, not audience or organizer. */
  people: BreakoutPerson[];
}

const closedRun: BreakoutRunView = { mode: "assigned", status: "closed", opensAt: null, closesAt: null, message: null };

export async function getBreakoutRun(forumId: string): Promise<BreakoutRunView> {
  const run = await db.breakoutRun.findUnique({ where: { forumId } });
  if (!run) return closedRun;
  return { mode: run.mode, status: run.status, opensAt: run.opensAt?.toISOString() ?? null, closesAt: run.closesAt?.toISOString() ?? null, message: run.message };
}

export async function getBreakoutRooms(forumId: string): Promise<BreakoutRoomView[]> {
  const rows = await db.breakout.findMany({ where: { forumId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, title: true } });
  return rows.map((r) => ({ id: r.id, title: toLocalized(r.title) }));
}

/** The people of the forum who may be put in a breakout, with their room if they have one. */
export async function getBreakoutPeople(forumId: string): Promise<BreakoutPerson[]> {
  const rows = await db.$queryRaw<
    {
      user_id: string;
      name: string | null;
      name_latin: string | null;
      email: string;
      role: RegistrationRole;
      org_key: string | null;
      org_country: string | null;
      org_name: unknown;
      breakout_id: string | null;
    }[]
  >`
    SELECT r.user_id, u.name, u.name_latin, u.email, r.role::text AS role, o.key AS org_key, o.country AS org_country, o.name AS org_name, a.breakout_id
    FROM registrations r
    JOIN forums f ON f.id = ${forumId} AND f.event_id = r.event_id
    JOIN users u ON u.id = r.user_id
    LEFT JOIN organizations o ON o.id = r.organization_id
    LEFT JOIN breakout_assignments a ON a.forum_id = f.id AND a.user_id = r.user_id
    WHERE r.status = 'approved' AND r.role IN ('speaker', 'interpreter', 'delegate', 'observer')
      AND (EXISTS (SELECT 1 FROM registration_forums rf WHERE rf.registration_id = r.id AND rf.forum_id = f.id)
        OR (r.role IN ('speaker', 'interpreter') AND EXISTS (
          SELECT 1 FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id WHERE ss.user_id = r.user_id AND s.forum_id = f.id)))
    ORDER BY o.country NULLS LAST, o.key NULLS LAST, u.name`;
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name || r.name_latin || r.email.split("@")[0],
    role: r.role,
    organization: r.org_key && r.org_country ? { key: r.org_key, country: r.org_country, name: toLocalized(r.org_name) } : null,
    breakoutId: r.breakout_id,
  }));
}

export async function getBreakoutBoard(forumId: string): Promise<BreakoutBoard> {
  const [run, rooms, people] = await Promise.all([getBreakoutRun(forumId), getBreakoutRooms(forumId), getBreakoutPeople(forumId)]);
  return { forumId, run, rooms, people };
}
