// Join tokens for a forum's stage (or its backstage). The server picks the room (from the session's
// forum) and the grant (from the person's registration); the client only names the session it wants
// to see, and whether it asks for the backstage, which the server allows only to those who wait there.
import "server-only";
import type { VideoGrant } from "livekit-server-sdk";
import type { Actor } from "@/lib/auth/session";
import { signAccessToken } from "./access-token";
import { AppError } from "@/lib/errors";
import { decideRoom, waitsBackstage, type RoomKind } from "./backstage";
import { backstageRoomName } from "./room-name";
import { getBackstageState, type StageMember } from "./data";
import { breakoutAttributes } from "./breakout-join";
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
export async function issueStageToken(actor: Actor | null, sessionId: string, now = new Date(), room: RoomKind = "stage"): Promise<StageToken> {
  // On the stage, the breakout state comes with the registration: one statement for the decision.
  const { stage, member, grant, breakouts } = await requireStageJoin(actor, sessionId, now, { breakouts: room === "stage" });
  // Delegates and observers go on the stage whatever backstage says: no read for them.
  if (room === "backstage" || waitsBackstage(member.role)) {
    const { on, called } = await getBackstageState(stage.forumId, member.userId);
    const decision = decideRoom({ role: member.role, backstageOn: on, called, room });
    if (!decision.allowed) throw new AppError("FORBIDDEN", decision.reason);
  }
  const roomName = room === "backstage" ? backstageRoomName(stage.roomName) : stage.roomName;
  // While breakout rooms are open, someone joining the stage learns at once where they go.
  const breakout = member.role === "organizer" || room !== "stage" ? {} : breakoutAttributes(breakouts!, now);
  return mintToken(member, grant, roomName, breakout);
}

/** A token for `roomName` with the registration's name, metadata and attributes (plus `extra`,
 * which the server decided), which the grant lets no client change. */
export async function mintToken(member: StageMember, grant: StageGrant, roomName: string, extra: Record<string, string> = {}): Promise<StageToken> {
  const { serverUrl, apiKey, apiSecret } = liveKitConfig();
  // AccessToken's toJwt, signed with node:crypto (access-token.ts).
  const participantToken = signAccessToken({
    apiKey,
    apiSecret,
    identity: member.userId,
    name: member.name,
    ttlSeconds: TOKEN_TTL_SECONDS,
    metadata: toMetadata(member.profile),
    attributes: { ...toAttributes(member.profile), ...extra },
    video: toVideoGrant(grant, roomName),
  });
  return { serverUrl, roomName, participantName: member.name, participantToken };
}
