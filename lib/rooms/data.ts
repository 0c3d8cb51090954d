// Reads behind the stage: which forum room a published session belongs to, and where a person
// stands with that forum's event. Two small queries per join, so a join storm stays cheap.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import { toLocalized } from "@/lib/i18n/localized";
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
  const rows = await db.$queryRaw<{ event_id: string; forum_id: string; room_name: string; starts_at: string; ends_at: string; extended_until: Date | null }[]>`
    SELECT f.event_id, f.id AS forum_id, f.room_name, pf ->> 'startsAt' AS starts_at, pf ->> 'endsAt' AS ends_at,
           f.room_extended_until AS extended_until
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
  return { eventId: row.event_id, forumId: row.forum_id, roomName: row.room_name, startsAt: new Date(row.starts_at), endsAt, closesAt };
}

export interface StageMember {
  userId: string;
  name: string;
  role: RegistrationRole;
  status: RegistrationState;
  /** Registered for the forum, or on the speaker list of one of its sessions. */
  ownForum: boolean;
  profile: ParticipantProfile;
}

/** `userId`'s registration to the stage's event, or null when they have none. */
export async function getStageMember(stage: Stage, userId: string): Promise<StageMember | null> {
  const registration = await db.registration.findUnique({
    where: { eventId_userId: { eventId: stage.eventId, userId } },
    select: {
      role: true,
      status: true,
      preferredLanguage: true,
      organizationOther: true,
      organization: { select: { key: true, name: true } },
      forums: { where: { forumId: stage.forumId }, select: { forumId: true } },
      user: { select: { name: true, nameLatin: true, email: true } },
    },
  });
  if (!registration) return null;
  const { role, status, user } = registration;
  // Speakers and interpreters belong where they speak; anyone belongs where they registered. The
  // speaker list is only asked for them (a join storm is mostly delegates).
  const onSpeakerList =
    (role === "speaker" || role === "interpreter") &&
    registration.forums.length === 0 &&
    (await db.sessionSpeaker.count({ where: { userId, session: { forumId: stage.forumId } } })) > 0;
  const other = registration.organizationOther;
  const organization = registration.organization
    ? { key: registration.organization.key, name: toLocalized(registration.organization.name) }
    : other
      ? { key: "other", name: { ko: other, zh: other, en: other } }
      : null;
  return {
    userId,
    name: user.name || user.nameLatin || user.email.split("@")[0],
    role,
    status,
    ownForum: registration.forums.length > 0 || onSpeakerList,
    profile: { role, language: registration.preferredLanguage, organization, nameLatin: user.nameLatin },
  };
}

/** The approved role of `userId` in the event, or null (moderation checks both sides with it). */
export async function getApprovedRole(eventId: string, userId: string): Promise<RegistrationRole | null> {
  const r = await db.registration.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { role: true, status: true } });
  return r && r.status === "approved" ? r.role : null;
}

/** Everyone of the event with a role other than delegate (approved), for the room to show roles
 * it can trust: participants' own attributes are editable by themselves. */
export async function getStageRoles(eventId: string): Promise<Record<string, RegistrationRole>> {
  const rows = await db.registration.findMany({
    where: { eventId, status: "approved", role: { not: "delegate" } },
    select: { userId: true, role: true },
  });
  return Object.fromEntries(rows.map((r) => [r.userId, r.role]));
}
