// A LiveKit join token signed as livekit-server-sdk's AccessToken.toJwt() signs it — the same
// claims in the same order, HS256 over the same bytes — with one synchronous node:crypto HMAC
// instead of jose's two WebCrypto round trips (importKey, sign) per token. access-token.test.ts
// checks the result is byte for byte the SDK's and that the SDK's TokenVerifier accepts it.
import crypto from "node:crypto";
import { claimsToJwtPayload, type ClaimGrants, type VideoGrant } from "livekit-server-sdk";

/** base64url of {"alg":"HS256"}, the header jose writes for AccessToken. */
const HEADER = Buffer.from(JSON.stringify({ alg: "HS256" })).toString("base64url");

export interface AccessTokenInput {
  apiKey: string;
  apiSecret: string;
  identity: string;
  /** Seconds from now, as AccessToken's numeric `ttl`. */
  ttlSeconds: number;
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  video: VideoGrant;
}

/** What `new AccessToken(apiKey, apiSecret, { identity, name, ttl, metadata, attributes })`,
 * `addGrant(video)` and `toJwt()` give, signed at `nowMs`. */
export function signAccessToken({ apiKey, apiSecret, identity, ttlSeconds, name, metadata, attributes, video }: AccessTokenInput, nowMs = Date.now()): string {
  if (!apiKey || !apiSecret) throw Error("api-key and api-secret must be set");
  if (!identity && video.roomJoin) throw Error("identity is required for join but not set");
  // The grants as AccessToken's constructor and addGrant set them, in that order.
  const grants: ClaimGrants = {};
  if (metadata) grants.metadata = metadata;
  if (attributes) grants.attributes = attributes;
  if (name) grants.name = name;
  grants.video = { ...video };
  const now = Math.floor(nowMs / 1000);
  // SignJWT: the claims, then setIssuer, setExpirationTime(`${ttl}s`), setNotBefore(now), setSubject.
  const claims = { ...claimsToJwtPayload(grants), iss: apiKey, exp: now + ttlSeconds, nbf: now, ...(identity ? { sub: identity } : {}) };
  const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${signingInput}.${crypto.createHmac("sha256", apiSecret).update(signingInput).digest("base64url")}`;
}
