import { AccessToken, TokenVerifier, TrackSource } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { signAccessToken, type AccessTokenInput } from "./access-token";

const input: AccessTokenInput = {
  apiKey: "APIkey123",
  apiSecret: "a-livekit-secret-of-some-length-ünïcode",
  identity: "user-1",
  name: "김민준 Kim",
  ttlSeconds: 600,
  metadata: JSON.stringify({ role: "delegate", language: "ko" }),
  attributes: { "plenary.role": "delegate", "plenary.breakout": "room-2" },
  video: { roomJoin: true, room: "forum-1", canPublish: true, canSubscribe: true, canPublishData: true, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE] },
};

/** The SDK's own token for the same input. */
function sdkToken(i: AccessTokenInput): Promise<string> {
  const at = new AccessToken(i.apiKey, i.apiSecret, { identity: i.identity, name: i.name, ttl: i.ttlSeconds, metadata: i.metadata, attributes: i.attributes });
  at.addGrant({ ...i.video });
  return at.toJwt();
}

/** Both tokens signed within the same second (retried across a second's boundary). */
async function both(i: AccessTokenInput): Promise<[string, string]> {
  for (;;) {
    const before = Math.floor(Date.now() / 1000);
    const sdk = await sdkToken(i);
    const ours = signAccessToken(i);
    if (Math.floor(Date.now() / 1000) === before) return [sdk, ours];
  }
}

describe("signAccessToken", () => {
  it("is byte for byte the token AccessToken.toJwt() signs", async () => {
    const [sdk, ours] = await both(input);
    expect(ours).toBe(sdk);
  });

  it("is the SDK's token without metadata, attributes or name too", async () => {
    const bare = { apiKey: input.apiKey, apiSecret: input.apiSecret, identity: "u2", ttlSeconds: 60, video: { roomJoin: true, room: "r" } };
    const [sdk, ours] = await both(bare);
    expect(ours).toBe(sdk);
  });

  it("is accepted by the SDK's TokenVerifier with the same claims", async () => {
    const [sdk, ours] = await both(input);
    const verifier = new TokenVerifier(input.apiKey, input.apiSecret);
    const claims = await verifier.verify(ours);
    expect(claims).toEqual(await verifier.verify(sdk));
    expect(claims).toMatchObject({ sub: "user-1", iss: "APIkey123", name: input.name, metadata: input.metadata, attributes: input.attributes });
    expect(claims.video).toEqual({ roomJoin: true, room: "forum-1", canPublish: true, canSubscribe: true, canPublishData: true, canPublishSources: ["camera", "microphone"] });
    expect(claims.exp! - claims.nbf!).toBe(600);
  });

  it("is refused by a verifier with another secret or key", async () => {
    const token = signAccessToken(input);
    await expect(new TokenVerifier(input.apiKey, "another-secret").verify(token)).rejects.toThrow();
    await expect(new TokenVerifier("otherKey", input.apiSecret).verify(token)).rejects.toThrow();
  });

  it("refuses a join grant without an identity, as AccessToken does", () => {
    expect(() => signAccessToken({ ...input, identity: "" })).toThrow(/identity is required/);
  });
});
