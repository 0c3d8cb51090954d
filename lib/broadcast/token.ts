// The audience's WebRTC token for a forum's stage: hidden (no one in the room sees them, nor
// does the participant list), subscribe-only (no track, no data, no metadata of their own), for
// whoever may watch the forum's broadcast on air. The identity is never an account id, so the
// room's rules, attendance and moderation leave viewers alone.
import "server-only";
import { randomBytes } from "node:crypto";
import { AccessToken, type VideoGrant } from "livekit-server-sdk";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hitLimits } from "@/lib/rate-limit/limit";
import { liveKitConfig } from "@/lib/rooms/livekit";
import { requireWatch } from "./data";
import { AUDIENCE_IDENTITY_PREFIX, type AudienceToken } from "./types";

const TOKEN_TTL_SECONDS = 10 * 60;

/** The grant of every audience token: watch, nothing else. */
export function audienceGrant(room: string): VideoGrant {
  return { roomJoin: true, room, hidden: true, canSubscribe: true, canPublish: false, canPublishData: false, canPublishSources: [], canUpdateOwnMetadata: false };
}

/** Signed-in viewers: 20 tokens a minute each; anyone else: 120 a minute per address (a venue's
 * many viewers share one). */
export async function issueAudienceToken(actor: Actor | null, forumId: string, address: string): Promise<AudienceToken> {
  const { decision } = await requireWatch(actor, forumId);
  const who = actor && decision.name !== null ? `user:${actor.userId}` : `ip:${address}`;
  const limited = await hitLimits([{ key: `watch:token:${who}`, max: actor ? 20 : 120, windowSeconds: 60 }]);
  if (!limited.allowed) throw new AppError("RATE_LIMITED", "tooManyRequests", { retryAfterSeconds: limited.retryAfterSeconds });
  const forum = await db.forum.findUniqueOrThrow({ where: { id: forumId }, select: { roomName: true } });
  const { serverUrl, apiKey, apiSecret } = liveKitConfig();
  const token = new AccessToken(apiKey, apiSecret, {
    identity: `${AUDIENCE_IDENTITY_PREFIX}${randomBytes(9).toString("base64url")}`,
    name: decision.name ?? "",
    ttl: TOKEN_TTL_SECONDS,
  });
  token.addGrant(audienceGrant(forum.roomName));
  return { serverUrl, roomName: forum.roomName, participantToken: await token.toJwt() };
}
