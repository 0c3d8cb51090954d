// Who waits in a forum's lobby and when they may ask again. Pure: the caller supplies the join
// request (lib/rooms/grants.ts) and the refusal it got; what an admission overrides is decided
// there (decideStay, decideJoin), so the token, the webhook and the lobby never disagree.
import { decideJoin, joinWindow, undecided, type JoinRefusal, type JoinRequest } from "@/lib/rooms/grants";

/** The refusals an organizer can lift from the lobby: too early, a registration not yet decided,
 * a forum that admits people by hand, or a person turned away who asks again. */
export const LOBBY_REFUSALS = ["roomNotOpenYet", "notApproved", "admissionRequired", "turnedAway"] as const satisfies readonly JoinRefusal[];

export type LobbyReason = (typeof LOBBY_REFUSALS)[number];

export function isLobbyReason(refusal: string | null): refusal is LobbyReason {
  return (LOBBY_REFUSALS as readonly string[]).includes(refusal ?? "");
}

/**
 * Whether a person refused `refusal` waits in the lobby. Never the removed (an organizer's ban is
 * lifted in the people list, not by a knock), the audience (it has the watch page), people of
 * another forum, a declined or cancelled registration (already decided), organizers (never
 * refused for these reasons), or anyone once the room has closed.
 */
export function waitsInLobby(req: JoinRequest, refusal: string | null): refusal is LobbyReason {
  if (!isLobbyReason(refusal)) return false;
  if (req.role === "organizer" || req.role === "audience") return false;
  if (!req.ownForum || req.banned) return false;
  if (req.status !== "approved" && !undecided(req.status)) return false;
  return joinWindow(req.forum, req.now) !== "closed";
}

/** A person turned away may ask again after this long: enough for an organizer's answer to be
 * read, not a way to ring the bell every second. */
export const KNOCK_AGAIN_MS = 60_000;

/** When a person whose last answer was `entry` may ask again (0: now). */
export function knockAgainAt(entry: { status: string; decidedAt: Date | null } | null): number {
  if (entry?.status !== "refused" || !entry.decidedAt) return 0;
  return entry.decidedAt.getTime() + KNOCK_AGAIN_MS;
}

export type LobbyPlace =
  /** They may join now: their page fetches the token at once. */
  | { kind: "open" }
  /** Not asked yet, or turned away (`knockAgainAt`: when they may ask again, 0 for now). */
  | { kind: "outside"; reason: LobbyReason; knockAgainAt: number }
  | { kind: "waiting"; reason: LobbyReason; since: number };

/** Where a person refused `reason` stands, given their entry. */
export function placeOf(reason: LobbyReason, entry: { status: string; createdAt: Date; decidedAt: Date | null } | null): LobbyPlace {
  if (entry?.status === "waiting") return { kind: "waiting", reason, since: entry.createdAt.getTime() };
  // Told they were turned away, whatever else still stands in their way (a pending registration).
  return { kind: "outside", reason: entry?.status === "refused" ? "turnedAway" : reason, knockAgainAt: knockAgainAt(entry) };
}

/** Whether a visitor the session page does not offer "Join" could wait in the forum's lobby now
 * (the page then links to it). The forum's admission setting is not needed: under it, the page
 * offers "Join", and the live page shows the lobby. */
export function visitorMayWait(
  registration: { role: JoinRequest["role"]; status: JoinRequest["status"]; ownForumIds: string[]; removedFromForumIds: string[] } | null,
  forum: JoinRequest["forum"] & { id: string },
  now: Date,
): boolean {
  if (!registration) return false;
  const req: JoinRequest = { ...registration, ownForum: registration.ownForumIds.includes(forum.id), banned: registration.removedFromForumIds.includes(forum.id), forum, now };
  const decision = decideJoin(req);
  return !decision.allowed && waitsInLobby(req, decision.reason);
}
