// Reads behind the stage: which forum room a published session belongs to, and where a person
// stands with that forum's event. Two small queries per join, so a join storm stays cheap.
import "server-only";
import { db, prepared } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import type { BreakoutRunState } from "./breakouts";
import type { LobbyStatus } from "./grants";
import { toLocalized } from "@/lib/i18n/localized-schema";
import type { ParticipantProfile } from "./participant";

export interface Stage {
  eventId: string;
  forumId: string;
  roomName: string;
  /** The forum's block as published (the join window follows what people were told). */
  startsAt: Date;
  endsAt: Date;
  /** When the room closes: the block's end, or later when an organizer extended the room. */
  closesAt: Date;
  /** An organizer opened the room for speakers and interpreters to rehearse until then. */
  rehearsalUntil: Date | null;
}

/**
 * The stage of session `sessionId`, which must be in its event's latest publication (and that
 * event published); NOT_FOUND otherwise. The forum's block comes from the publication, the room
 * name from the forum's row.
 */
// A join storm asks for the same few stages thousands of times a minute; each answer is kept a
// few seconds per instance (a publish or an extension shows within that time). Not state another
// instance needs: each reads the same database.
const STAGE_TTL_MS = 5_000;
const stageCache = new Map<string, { stage: Stage; until: number }>();

export async function getStageOfSessionOrThrow(sessionId: string): Promise<Stage> {
  const hit = stageCache.get(sessionId);
  if (hit && hit.until > Date.now()) return hit.stage;
  const stage = await readStageOfSession(sessionId);
  if (stageCache.size > 10_000) stageCache.clear();
  stageCache.set(sessionId, { stage, until: Date.now() + STAGE_TTL_MS });
  return stage;
}

/** Forgets cached stages, so the next read sees a change made by this instance at once. */
export function forgetStages() {
  stageCache.clear();
}

async function readStageOfSession(sessionId: string): Promise<Stage> {
  const rows = await db.$queryRaw<{ event_id: string; forum_id: string; room_name: string; starts_at: string; ends_at: string; extended_until: Date | null; rehearsal_until: Date | null }[]>`
    SELECT f.event_id, f.id AS forum_id, f.room_name, pf ->> 'startsAt' AS starts_at, pf ->> 'endsAt' AS ends_at,
           f.room_extended_until AS extended_until, f.rehearsal_until
    FROM sessions s
    JOIN forums df ON df.id = s.forum_id
    JOIN events e ON e.id = df.event_id AND e.published_at IS NOT NULL
    JOIN LATERAL (
      SELECT p.snapshot FROM agenda_publications p WHERE p.event_id = e.id ORDER BY p.version DESC LIMIT 1
    ) p ON true
    CROSS JOIN LATERAL jsonb_path_query_first(
      p.snapshot, '$.forums[*] ? (exists (@.sessions[*] ? (@.id == $id)))', jsonb_build_object('id', s.id)
    ) pf
    JOIN forums f ON f.id = pf ->> 'id'
    WHERE s.id = ${sessionId}`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "sessionNotFound");
  const endsAt = new Date(row.ends_at);
  const closesAt = row.extended_until && row.extended_until > endsAt ? row.extended_until : endsAt;
  return { eventId: row.event_id, forumId: row.forum_id, roomName: row.room_name, startsAt: new Date(row.starts_at), endsAt, closesAt, rehearsalUntil: row.rehearsal_until };
}

export interface StageMember {
  userId: string;
  name: string;
  role: RegistrationRole;
  status: RegistrationState;
  /** Registered for the forum, or on the speaker list of one of its sessions. */
  ownForum: boolean;
  /** Removed from this forum's room by an organizer, who has not let them back. */
  banned: boolean;
  /** Their entry in the forum's lobby (lib/lobby), or null when they never asked there. */
  lobby: LobbyStatus | null;
  /** The forum admits everyone but organizers from its lobby. Read here, not with the cached
   * Stage, so an organizer's switch holds at the very next join. */
  requiresAdmission: boolean;
  profile: ParticipantProfile;
}

/** A forum's room as a webhook names it (null for a room that is none of ours), and whether the
 * participant's identity is one of our accounts; one statement, as every join webhook asks. */
export async function getForumRoom(roomName: string, identity: string): Promise<{ eventId: string; forumId: string; roomName: string; knownUser: boolean } | null> {
  const [row] = await db.$queryRaw<{ id: string; event_id: string; known_user: boolean }[]>`
    SELECT f.id, f.event_id, EXISTS (SELECT 1 FROM users u WHERE u.id = ${identity}) AS known_user
    FROM forums f WHERE f.room_name = ${roomName}`;
  return row ? { eventId: row.event_id, forumId: row.id, roomName, knownUser: row.known_user } : null;
}

/** `userId`'s registration to the stage's event, or null when they have none. One statement:
 * the registration, its organization, the person's name, their lobby entry, whether they belong to the forum
 * (registered for it, or — for speakers and interpreters — on the speaker list of one of its
 * sessions) and whether they were removed from its room, so a join costs one round trip here.
 * With `sessionVersion` (a cookie's), only while the account's sessions have not been ended since. */
export async function getStageMember(stage: Pick<Stage, "eventId" | "forumId">, userId: string, sessionVersion?: number): Promise<StageMember | null> {
  return (await readStageMember(stage, userId, sessionVersion, false))?.member ?? null;
}

/** What a breakout join (or a stage join while rooms are open) decides on. */
export interface BreakoutJoinState {
  run: BreakoutRunState | null;
  breakouts: string[];
  assigned: string | null;
}

/** getStageMember and the forum's breakout state for the person (getBreakoutJoinState) in the
 * same statement: a stage token's whole decision in one round trip. */
export async function getStageMemberWithBreakouts(
  stage: Pick<Stage, "eventId" | "forumId">,
  userId: string,
  sessionVersion?: number,
): Promise<{ member: StageMember; breakouts: BreakoutJoinState } | null> {
  const read = await readStageMember(stage, userId, sessionVersion, true);
  return read && { member: read.member, breakouts: read.breakouts! };
}

/** readStageMember's statement, with or without the breakout columns: $1 the event, $2 the forum,
 * $3 the person, $4 the cookie's session version or null. Prepared (lib/db.ts), since every join
 * token and every call from inside a room runs it. */
function stageMemberSql(withBreakouts: boolean): string {
  return `
    SELECT r.role::text AS role, r.status::text AS status, r.preferred_language::text AS preferred_language,
           r.organization_other, o.key AS organization_key, o.name AS organization_name,
           u.name, u.name_latin, u.email,
           (EXISTS (SELECT 1 FROM registration_forums rf WHERE rf.registration_id = r.id AND rf.forum_id = $2)
            OR (r.role IN ('speaker', 'interpreter') AND EXISTS (
              SELECT 1 FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id
              WHERE ss.user_id = r.user_id AND s.forum_id = $2))) AS own_forum,
           EXISTS (SELECT 1 FROM room_bans b WHERE b.forum_id = $2 AND b.user_id = r.user_id) AS banned,
           (SELECT l.status::text FROM lobby_entries l WHERE l.forum_id = $2 AND l.user_id = r.user_id) AS lobby,
           COALESCE((SELECT f.requires_admission FROM forums f WHERE f.id = $2), false) AS requires_admission${
             withBreakouts
               ? `,
           br.mode::text AS breakout_mode, br.status::text AS breakout_status, br.opens_at AS breakout_opens_at, br.closes_at AS breakout_closes_at,
           ARRAY(SELECT b.id FROM breakouts b WHERE b.forum_id = $2 ORDER BY b.position) AS breakouts,
           (SELECT a.breakout_id FROM breakout_assignments a WHERE a.forum_id = $2 AND a.user_id = r.user_id) AS breakout_assigned`
               : ""
           }
    FROM registrations r
    JOIN users u ON u.id = r.user_id
    LEFT JOIN organizations o ON o.id = r.organization_id${withBreakouts ? "\n    LEFT JOIN breakout_runs br ON br.forum_id = $2" : ""}
    WHERE r.event_id = $1 AND r.user_id = $3
      AND ($4::int IS NULL OR u.session_version = $4::int)`;
}
const STAGE_MEMBER_SQL = stageMemberSql(false);
const STAGE_MEMBER_WITH_BREAKOUTS_SQL = stageMemberSql(true);

async function readStageMember(stage: Pick<Stage, "eventId" | "forumId">, userId: string, sessionVersion: number | undefined, withBreakouts: boolean) {
  const rows = await prepared<{
    role: RegistrationRole;
    status: RegistrationState;
    preferred_language: ParticipantProfile["language"];
    organization_other: string | null;
    organization_key: string | null;
    organization_name: unknown;
    name: string | null;
    name_latin: string | null;
    email: string;
    own_forum: boolean;
    banned: boolean;
    lobby: LobbyStatus | null;
    requires_admission: boolean;
    breakout_mode?: BreakoutRunState["mode"] | null;
    breakout_status?: BreakoutRunState["status"] | null;
    breakout_opens_at?: Date | null;
    breakout_closes_at?: Date | null;
    breakouts?: string[];
    breakout_assigned?: string | null;
  }>(withBreakouts ? "rooms.stage-member-breakouts" : "rooms.stage-member", withBreakouts ? STAGE_MEMBER_WITH_BREAKOUTS_SQL : STAGE_MEMBER_SQL, [
    stage.eventId,
    stage.forumId,
    userId,
    sessionVersion ?? null,
  ]);
  const registration = rows[0];
  if (!registration) return null;
  const { role, status } = registration;
  const other = registration.organization_other;
  const organization = registration.organization_key
    ? { key: registration.organization_key, name: toLocalized(registration.organization_name) }
    : other
      ? { key: "other", name: { ko: other, zh: other, en: other } }
      : null;
  const member: StageMember = {
    userId,
    name: registration.name || registration.name_latin || registration.email.split("@")[0],
    role,
    status,
    ownForum: registration.own_forum,
    banned: registration.banned,
    lobby: registration.lobby,
    requiresAdmission: registration.requires_admission,
    profile: { role, language: registration.preferred_language, organization, nameLatin: registration.name_latin },
  };
  const breakouts: BreakoutJoinState | undefined = withBreakouts
    ? {
        run: registration.breakout_status
          ? { mode: registration.breakout_mode!, status: registration.breakout_status, opensAt: registration.breakout_opens_at ?? null, closesAt: registration.breakout_closes_at ?? null }
          : null,
        breakouts: registration.breakouts ?? [],
        assigned: registration.breakout_assigned ?? null,
      }
    : undefined;
  return { member, breakouts };
}

/** The approved role of `userId` in the event, or null (moderation checks both sides with it). */
export async function getApprovedRole(eventId: string, userId: string): Promise<RegistrationRole | null> {
  const r = await db.registration.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { role: true, status: true } });
  return r && r.status === "approved" ? r.role : null;
}

/** Whether backstage is on for the forum and whether `userId` was brought on stage: one statement,
 * asked only for a join that depends on it (speakers, interpreters, a backstage token). */
export async function getBackstageState(forumId: string, userId: string): Promise<{ on: boolean; called: boolean }> {
  const [row] = await db.$queryRaw<{ on: boolean; called: boolean }[]>`
    SELECT COALESCE((SELECT b.backstage FROM broadcast_settings b WHERE b.forum_id = ${forumId}), false) AS on,
           EXISTS (SELECT 1 FROM stage_calls c WHERE c.forum_id = ${forumId} AND c.user_id = ${userId}) AS called`;
  return row;
}
