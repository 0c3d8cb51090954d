// Join tokens for a forum's stage. The server picks the room (from the session's forum) and the
// grant (from the person's registration); the client only names the session it wants to see.
import "server-only";
import { AccessToken, type VideoGrant } from "livekit-server-sdk";
import type { Actor } from "@/lib/auth/session";
import type { StageGrant } from "./grants";
import { requireStageJoin } from "./join";
import { liveKitConfig, toTrackSources } from "./livekit";
import { toAttributes, toMetadata } from "./participant";
import type { StageToken } from "./schema";

/** Long enough to pass the pre-join screen; LiveKit refreshes the token of a connected participant. */
export const TOKEN_TTL_SECONDS = 10 * 60;

export function toVideoGrant(grant: StageGrant, room: string): VideoGrant {
  const { canPublishSources, ...rest } = grant;
  return { ...rest, roomJoin: true, room, ...(canPublishSources ? { canPublishSources: toTrackSources(canPublishSources) } : {}) };
}

/** `actor` may come from the cookie alone (getCookieActor): requireStageJoin reads the
 * registration at the cookie's session version (401 if the account or that session is gone). */
export async function issueStageToken(actor: Actor | null, sessionId: string, now = new Date()): Promise<StageToken> {
  const { stage, member, grant } = await requireStageJoin(actor, sessionId, now);

  const { serverUrl, apiKey, apiSecret } = liveKitConfig();
  // Name, metadata and attributes are the registration's, and the grant lets no client change them.
  const token = new AccessToken(apiKey, apiSecret, {
    identity: member.userId,
    name: member.name,
    ttl: TOKEN_TTL_SECONDS,
    metadata: toMetadata(member.profile),
    attributes: toAttributes(member.profile),
  });
  token.addGrant(toVideoGrant(grant, stage.roomName));
  return { serverUrl, roomName: stage.roomName, participantName: member.name, participantToken: await token.toJwt() };
}
