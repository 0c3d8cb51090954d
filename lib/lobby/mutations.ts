// The lobby's writes: a person asks to join; organizers admit, turn away, admit everyone waiting,
// and switch "admission required" for a forum. Each change commits with its audit entry and the
// NOTIFY that tells open pages (a waiting person's page then fetches its token at once).
// Decisions are conditional updates under a per-person advisory lock, so a double click or two
// organizers at once change a person's entry once, and a removal from the room never lands after
// a later admission.
import "server-only";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hitLimits } from "@/lib/rate-limit/limit";
import { callLiveKit } from "@/lib/rooms/livekit";
import { backstageRoomName } from "@/lib/rooms/room-name";
import { getLobbyPeople, getLobbySettings, type LobbyPerson } from "./data";
import { notifyLobbyChange } from "./live";
import { lobbyOfForum, type LobbyForum } from "./organizer";
import { getLobbyPlace, lobbyOutcome, type LobbyPlace } from "./place";
import { knockAgainAt } from "./rules";
import type { LobbyDecision } from "./schema";

/** Asking to join a few times a minute is plenty (the page asks once; a reload asks again). */
const KNOCK_LIMIT = { max: 10, windowSeconds: 60 };

const ignoreGone = (err: unknown) => {
  if (!(err instanceof AppError && err.code === "NOT_FOUND")) throw err;
};

/** "Ask to join": puts the person in the forum's lobby (again, a minute after being turned away). */
export async function knock(actor: Actor | null, sessionId: string, now = new Date()): Promise<LobbyPlace> {
  const outcome = await lobbyOutcome(actor, sessionId, now);
  const { stage, member } = outcome;
  if (!outcome.reason) return { kind: "open" };
  const limited = await hitLimits([{ key: `lobby:knock:${stage.forumId}:${member!.userId}`, ...KNOCK_LIMIT }], now);
  if (!limited.allowed) throw new AppError("RATE_LIMITED", "tooManyRequests", { retryAfterSeconds: limited.retryAfterSeconds });
  const entry = await db.lobbyEntry.findUnique({ where: { forumId_userId: { forumId: stage.forumId, userId: member!.userId } } });
  const again = knockAgainAt(entry);
  if (again > now.getTime()) throw new AppError("RATE_LIMITED", "knockTooSoon", { retryAfterSeconds: Math.ceil((again - now.getTime()) / 1000) });
  await db.$transaction(async (tx) => {
    // A new entry, or a refused one asking again; waiting or admitted stays as it is.
    const changed = await tx.$executeRaw`
      INSERT INTO lobby_entries (forum_id, user_id, status, created_at) VALUES (${stage.forumId}, ${member!.userId}, 'waiting', ${now})
      ON CONFLICT (forum_id, user_id) DO UPDATE SET status = 'waiting', created_at = EXCLUDED.created_at, decided_at = NULL, decided_by_id = NULL
      WHERE lobby_entries.status = 'refused'`;
    if (!changed) return;
    await audit(tx, {
      eventId: stage.eventId,
      actorId: member!.userId,
      action: "lobby.knocked",
      entityType: "forum",
      entityId: stage.forumId,
      data: { identity: member!.userId, reason: outcome.reason },
    });
    await notifyLobbyChange(tx, stage);
  });
  return getLobbyPlace(actor, sessionId, now);
}

async function removeFromRooms(forum: LobbyForum, identity: string) {
  for (const room of [forum.roomName, backstageRoomName(forum.roomName)]) {
    await callLiveKit((svc) => svc.removeParticipant(room, identity)).catch(ignoreGone);
  }
}

/**
 * Admits or turns away one person with an entry; "changed" false when it was so already. A person
 * turned away who is in the room (admitted earlier) is taken out of it before the decision commits,
 * under the person's lock, so a later admission never finds the removal still to come. One
 * transaction (one pooled connection) per click, however many clicks wait for the lock.
 */
export async function decide(actor: Actor | null, forumId: string, userId: string, decision: LobbyDecision, now = new Date()): Promise<{ changed: boolean }> {
  const { forum, actorId } = await lobbyOfForum(actor, forumId);
  const status = decision === "admit" ? "admitted" : "refused";
  const changed = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`lobby:${forum.forumId}:${userId}`}, 0))`;
      const rows = await tx.lobbyEntry.updateMany({ where: { forumId: forum.forumId, userId, status: { not: status } }, data: { status, decidedAt: now, decidedById: actorId } });
      if (!rows.count) return false;
      await audit(tx, { eventId: forum.eventId, actorId, action: `lobby.${status}`, entityType: "forum", entityId: forum.forumId, data: { identity: userId } });
      await notifyLobbyChange(tx, forum);
      if (status === "refused") await removeFromRooms(forum, userId);
      return true;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  if (!changed && !(await db.lobbyEntry.count({ where: { forumId: forum.forumId, userId } }))) throw new AppError("NOT_FOUND", "notInLobby");
  return { changed };
}

/** Admits everyone waiting now; answers how many. */
export async function admitAll(actor: Actor | null, forumId: string, now = new Date()): Promise<{ admitted: number }> {
  const { forum, actorId } = await lobbyOfForum(actor, forumId);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ user_id: string }[]>`
      UPDATE lobby_entries SET status = 'admitted', decided_at = ${now}, decided_by_id = ${actorId}
      WHERE forum_id = ${forum.forumId} AND status = 'waiting' RETURNING user_id`;
    if (!rows.length) return { admitted: 0 };
    await audit(
      tx,
      rows.map((r) => ({ eventId: forum.eventId, actorId, action: "lobby.admitted", entityType: "forum", entityId: forum.forumId, data: { identity: r.user_id, all: true } })),
    );
    await notifyLobbyChange(tx, forum);
    return { admitted: rows.length };
  });
}

/**
 * Turns "admission required" on or off. Turning it on admits whoever is in the room already, so
 * nobody there is refused on reconnecting (or by the webhook) for a rule made after they came in.
 */
export async function setRequiresAdmission(actor: Actor | null, forumId: string, on: boolean, now = new Date()): Promise<void> {
  const { forum, actorId } = await lobbyOfForum(actor, forumId);
  const present = on ? await callLiveKit((svc) => svc.listParticipants(forum.roomName), "roomNotFound").catch((err) => (ignoreGone(err), [])) : [];
  const people = present.filter((p) => p.attributes?.role && p.attributes.role !== "organizer").map((p) => p.identity);
  await db.$transaction(async (tx) => {
    const rows = await tx.forum.updateMany({ where: { id: forum.forumId, requiresAdmission: !on }, data: { requiresAdmission: on } });
    if (!rows.count) return;
    for (const userId of people) {
      await tx.$executeRaw`
        INSERT INTO lobby_entries (forum_id, user_id, status, created_at, decided_at, decided_by_id)
        SELECT ${forum.forumId}, u.id, 'admitted', ${now}, ${now}, ${actorId} FROM users u WHERE u.id = ${userId}
        ON CONFLICT (forum_id, user_id) DO UPDATE SET status = 'admitted', decided_at = ${now}, decided_by_id = ${actorId}
        WHERE lobby_entries.status = 'waiting'`;
    }
    await audit(tx, {
      eventId: forum.eventId,
      actorId,
      action: on ? "lobby.admissionOn" : "lobby.admissionOff",
      entityType: "forum",
      entityId: forum.forumId,
      data: { admittedInRoom: people.length },
    });
    await notifyLobbyChange(tx, forum);
  });
}

export interface LobbyView {
  /** The event whose live stream announces this lobby's changes. */
  eventSlug: string;
  requiresAdmission: boolean;
  people: LobbyPerson[];
  /** The server's clock, for "waiting for 3 min" on the organizer's screen. */
  serverNow: number;
}

/** What the organizers' Lobby panel shows. Someone listed as waiting who is in the room already
 * (they asked early, then joined by right when the room opened) is not shown as waiting. */
export async function getLobbyView(actor: Actor | null, forumId: string): Promise<LobbyView> {
  const { forum } = await lobbyOfForum(actor, forumId);
  const [settings, people, inRoom] = await Promise.all([
    getLobbySettings(forum.forumId),
    getLobbyPeople(forum),
    callLiveKit((svc) => svc.listParticipants(forum.roomName), "roomNotFound").catch(() => []),
  ]);
  const present = new Set(inRoom.map((p) => p.identity));
  return { ...settings, people: people.filter((p) => p.status !== "waiting" || !present.has(p.userId)), serverNow: Date.now() };
}
