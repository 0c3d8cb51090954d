import crypto from "node:crypto";
import { EncryptJWT, base64url, calculateJwkThumbprint } from "jose";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "./session-jwe";

const SECRET = "a-session-secret-of-more-than-32-characters";
const OLD = "the-previous-secret-of-more-than-32-characters";
const SALT = "authjs.session-token";

/** Auth.js's key for `secret` and `salt` (its getDerivedEncryptionKey), to seal odd tokens with. */
function key(secret: string, salt: string, length = 64) {
  return new Uint8Array(crypto.hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
}

async function odd(payload: Record<string, unknown>, header: Record<string, unknown> = {}, length = 64, enc = "A256CBC-HS512") {
  const k = key(SECRET, SALT, length);
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(k) }, length === 64 ? "sha512" : "sha256");
  return new EncryptJWT(payload).setProtectedHeader({ alg: "dir", enc, kid, ...header }).encrypt(k);
}

/** Auth.js's answer: its payload, or null where it throws (getToken's null). */
const theirs = (token: string, secret: string | string[] = SECRET, salt = SALT) => decode({ token, secret, salt }).catch(() => null);
const ours = (token: string, secret: string | string[] = SECRET, salt = SALT) => decodeSessionToken({ token, secret, salt });

describe("decodeSessionToken", () => {
  it("answers as Auth.js's decode for every kind of token", async () => {
    const now = Math.floor(Date.now() / 1000);
    const good = await encode({ token: { sub: "u1", email: "u1@example.org", sv: 3 }, secret: SECRET, salt: SALT });
    const tokens: [string, string][] = [
      ["good", good],
      ["from the old secret", await encode({ token: { sub: "u2" }, secret: OLD, salt: SALT })],
      ["other salt", await encode({ token: { sub: "u3" }, secret: SECRET, salt: "__Secure-authjs.session-token" })],
      ["expired", await encode({ token: { sub: "u4" }, secret: SECRET, salt: SALT, maxAge: -60 })],
      ["expired within the tolerance", await encode({ token: { sub: "u5" }, secret: SECRET, salt: SALT, maxAge: -5 })],
      ["tampered tag", good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA")],
      ["tampered ciphertext", good.replace(/\.([^.]{10})([^.])/, (_, a, c) => `.${a}${c === "A" ? "B" : "A"}`)],
      ["an extra character", good.replace(/\.([^.]+)$/, ".$1A")],
      ["an invalid character", good.replace(/\.([^.]{5})/, ".$1*")],
      ["four parts", good.split(".").slice(0, 4).join(".")],
      ["not a token", "not-a-token"],
      ["not yet valid", await odd({ sub: "u6", nbf: now + 120, exp: now + 600 })],
      ["nbf within the tolerance", await odd({ sub: "u7", nbf: now + 5, exp: now + 600 })],
      ["exp not a number", await odd({ sub: "u8", exp: "soon" })],
      ["no exp", await odd({ sub: "u9" })],
      ["an extra header field", await odd({ sub: "u10", exp: now + 600 }, { cty: "JWT" })],
      ["a typ header", await odd({ sub: "u11", exp: now + 600 }, { typ: "JWT" })],
      ["A256GCM", await odd({ sub: "u12", exp: now + 600 }, {}, 32, "A256GCM")],
      ["a kid of no secret", await odd({ sub: "u13", exp: now + 600 }, { kid: "nope" })],
    ];
    for (const [name, token] of tokens) {
      for (const secret of [SECRET, [SECRET, OLD], [OLD, SECRET], "another-secret-of-more-than-32-characters"]) {
        expect({ name, secret, payload: await ours(token, secret) }).toEqual({ name, secret, payload: await theirs(token, secret) });
      }
    }
    expect(await ours(good)).toMatchObject({ sub: "u1", sv: 3 });
    expect(await ours(tokens[1][1], [SECRET, OLD])).toMatchObject({ sub: "u2" });
  });

  it("keeps each secret's derived key: the same answer on every call", async () => {
    const token = await encode({ token: { sub: "u1" }, secret: SECRET, salt: SALT });
    const first = await ours(token);
    for (let i = 0; i < 5; i++) expect(await ours(token)).toEqual(first);
    expect(await ours(token, "another-secret-of-more-than-32-characters")).toBeNull();
  });
});
