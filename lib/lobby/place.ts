// A person's own place in the lobby of a session's forum: may they join now, have they asked, were
// they turned away (and when may they ask again). The join check is lib/rooms' own, so the lobby
// page, the token and the webhook read the same decision.
import "server-only";
import { requireActor, type Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkStageJoin, type JoinOutcome } from "@/lib/rooms/join";
import { getLobbyEntry } from "./data";
import { notifyLobbyChange } from "./live";
import { placeOf, waitsInLobby, type LobbyPlace, type LobbyReason } from "./rules";

export type { LobbyPlace };

/** The join outcome of a person who may be in the lobby: open, or a lobby refusal; FORBIDDEN
 * with the refusal's key for anyone the lobby is not for (removed, another forum, declined…). */
export async function lobbyOutcome(actor: Actor | null, sessionId: string, now: Date): Promise<JoinOutcome & { reason: LobbyReason | null }> {
  const signedIn = requireActor(actor);
  const outcome = await checkStageJoin(signedIn, sessionId, now);
  if (outcome.access) return { ...outcome, reason: null };
  if (!outcome.member) throw new AppError("FORBIDDEN", outcome.refusal);
  if (!waitsInLobby({ ...outcome.member, forum: outcome.stage, now }, outcome.refusal)) throw new AppError("FORBIDDEN", outcome.refusal);
  return { ...outcome, reason: outcome.refusal };
}

/**
 * Where `actor` stands. Someone still listed as waiting who may now join by right (the room
 * opened, their registration was approved) leaves the list here, so organizers do not see
 * them waiting while they are in the room.
 */
export async function getLobbyPlace(actor: Actor | null, sessionId: string, now = new Date()): Promise<LobbyPlace> {
  const outcome = await lobbyOutcome(actor, sessionId, now);
  const { stage, member } = outcome;
  if (!outcome.reason) {
    if (member?.lobby === "waiting") {
      await db.$transaction(async (tx) => {
        const gone = await tx.lobbyEntry.deleteMany({ where: { forumId: stage.forumId, userId: member.userId, status: "waiting" } });
        if (gone.count) await notifyLobbyChange(tx, stage);
      });
    }
    return { kind: "open" };
  }
  return placeOf(outcome.reason, await getLobbyEntry(stage.forumId, member!.userId));
}

/** What the live page hands its client leaf for a person who waits in the lobby (null for anyone
 * else): where they stand, and the event whose live stream tells them of an answer. */
export async function getLobbyInfo(outcome: Pick<JoinOutcome, "stage" | "member" | "refusal">, eventSlug: string, now: Date): Promise<{ eventSlug: string; place: LobbyPlace } | null> {
  const { stage, member, refusal } = outcome;
  if (!member || !waitsInLobby({ ...member, forum: stage, now }, refusal)) return null;
  return { eventSlug, place: placeOf(refusal, await getLobbyEntry(stage.forumId, member.userId)) };
}
