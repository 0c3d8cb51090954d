// Join tokens for a forum's stage. The server picks the room (from the session's forum) and the
// grant (from the person's registration); the client only names the session it wants to see.
import "server-only";
import { AccessToken, type VideoGrant } from "livekit-server-sdk";
import { requireActor, type Actor } from "@/lib/auth/session";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { AppError } from "@/lib/errors";
import { getStageMember, getStageOfSessionOrThrow } from "./data";
import { decideJoin, type StageGrant } from "./grants";
import { liveKitConfig, toTrackSources } from "./livekit";
import { toAttributes, toMetadata } from "./participant";
import type { StageToken } from "./schema";

/** Long enough to pass the pre-join screen; LiveKit refreshes the token of a connected participant. */
export const TOKEN_TTL_SECONDS = 10 * 60;

export function toVideoGrant(grant: StageGrant, room: string): VideoGrant {
  const { canPublishSources, ...rest } = grant;
  return { ...rest, roomJoin: true, room, ...(canPublishSources ? { canPublishSources: toTrackSources(canPublishSources) } : {}) };
}

/** `actor` may come from the cookie alone (getCookieActor): the registration read joins the
 * account at the cookie's session version, and only when there is none is the account itself
 * looked for (401 if it is gone or that session was ended). */
export async function issueStageToken(actor: Actor | null, sessionId: string, now = new Date()): Promise<StageToken> {
  const signedIn = requireActor(actor);
  const { userId } = signedIn;
  const stage = await getStageOfSessionOrThrow(sessionId);
  const member = await getStageMember(stage, userId, signedIn.sessionVersion);
  if (!member) {
    if (!(await isSessionCurrent(signedIn))) throw new AppError("UNAUTHENTICATED", "signInRequired");
    throw new AppError("FORBIDDEN", "notRegistered");
  }
  const decision = decideJoin({ ...member, forum: stage, now });
  if (!decision.allowed) throw new AppError("FORBIDDEN", decision.reason);

  const { serverUrl, apiKey, apiSecret } = liveKitConfig();
  // Name, metadata and attributes are the registration's, and the grant lets no client change them.
  const token = new AccessToken(apiKey, apiSecret, {
    identity: userId,
    name: member.name,
    ttl: TOKEN_TTL_SECONDS,
    metadata: toMetadata(member.profile),
    attributes: toAttributes(member.profile),
  });
  token.addGrant(toVideoGrant(decision.grant, stage.roomName));
  return { serverUrl, roomName: stage.roomName, participantName: member.name, participantToken: await token.toJwt() };
}
