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
import { knockAgainAt, waitsInLobby, type LobbyReason } from "./rules";

export type LobbyPlace =
  /** They may join now: their page fetches the token at once. */
  | { kind: "open" }
  /** Not asked yet, or turned away (`knockAgainAt`: when they may ask again, 0 for now). */
  | { kind: "outside"; reason: LobbyReason; knockAgainAt: number }
  | { kind: "waiting"; reason: LobbyReason; since: number };

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
  const entry = await getLobbyEntry(stage.forumId, member!.userId);
  if (entry?.status === "waiting") return { kind: "waiting", reason: outcome.reason, since: entry.createdAt.getTime() };
  return { kind: "outside", reason: outcome.reason, knockAgainAt: Math.max(0, knockAgainAt(entry)) };
}
