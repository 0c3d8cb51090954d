// Auth.js's session cookie decrypted as Auth.js's own `decode` (next-auth/jwt) does, without its
// per-request costs: the key Auth.js derives with HKDF from each secret (and its JWK thumbprint,
// the `kid`) is derived once per secret and cookie name and kept; the JWE Auth.js writes (`dir`,
// A256CBC-HS512, header {alg, enc, kid}) is checked and decrypted with node:crypto in one call
// each instead of four WebCrypto round trips; its claims are checked as jose's jwtDecrypt checks
// them (a JSON object; iat, nbf, exp numbers when present; nbf and exp with 15 s of tolerance).
// Any other shape (another `enc`, an unexpected header field, …) goes to Auth.js's decode
// itself, so what is accepted stays exactly what Auth.js accepts (session-jwe.test.ts compares).
import crypto from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import { decode as authDecode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/** Auth.js's clockTolerance for session tokens. */
const CLOCK_TOLERANCE_SECONDS = 15;
const B64URL = /^[A-Za-z0-9_-]+$/;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

interface DerivedKey {
  /** 64 bytes: the HMAC-SHA-512 key, then the AES-256-CBC key. */
  key: Buffer;
  /** Its JWK thumbprint (SHA-512), which Auth.js writes as the header's `kid`. */
  kid: string;
}

const derived = new Map<string, Promise<DerivedKey>>();

/** Auth.js's getDerivedEncryptionKey for A256CBC-HS512, and the thumbprint it compares `kid` with: once per secret and salt. */
function derivedKey(secret: string, salt: string): Promise<DerivedKey> {
  const id = `${salt}\0${secret}`;
  let hit = derived.get(id);
  if (!hit) {
    const key = Buffer.from(crypto.hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    hit = calculateJwkThumbprint({ kty: "oct", k: key.toString("base64url") }, "sha512").then((kid) => ({ key, kid }));
    // Secrets and cookie names are a handful per process; a bound all the same.
    if (derived.size > 64) derived.clear();
    derived.set(id, hit);
  }
  return hit;
}

/** base64url as jose decodes it (no padding, no other characters, not a length of 4n+1). */
function b64url(part: string): Buffer | null {
  return B64URL.test(part) && part.length % 4 !== 1 ? Buffer.from(part, "base64url") : null;
}

type Parsed = { header: string; kid: string; iv: Buffer; ciphertext: Buffer; tag: Buffer };

/** The compact JWE's parts when it has exactly the shape Auth.js's encode writes; null otherwise. */
function parseAuthJsShape(token: string): Parsed | null {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "") return null;
  const [header, , ivPart, ciphertextPart, tagPart] = parts;
  const headerBytes = b64url(header);
  const iv = b64url(ivPart);
  const ciphertext = b64url(ciphertextPart);
  const tag = b64url(tagPart);
  if (!headerBytes || !iv || !ciphertext || !tag || iv.length !== 16 || tag.length !== 32) return null;
  const h = jsonObject(headerBytes);
  if (!h) return null;
  const keys = Object.keys(h);
  if (keys.length !== 3 || h.alg !== "dir" || h.enc !== "A256CBC-HS512" || typeof h.kid !== "string") return null;
  return { header, kid: h.kid, iv, ciphertext, tag };
}

/** jose's isObject: a plain object (what JSON.parse makes of `{…}`). */
function isPlainObject(input: unknown): input is Record<string, unknown> {
  if (typeof input !== "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]") return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** UTF-8 JSON that is a plain object, as jose accepts a JWE header or a claims set; otherwise null. */
function jsonObject(bytes: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(strictUtf8.decode(bytes));
    return isPlainObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** RFC 7518 5.2.2.2 (A256CBC-HS512): the tag over AAD ‖ IV ‖ ciphertext ‖ AL, then AES-256-CBC. */
function decryptCbcHs512(key: Buffer, { header, iv, ciphertext, tag }: Parsed): Buffer | null {
  const aad = Buffer.from(header, "ascii");
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length) << 3n);
  const mac = crypto.createHmac("sha512", key.subarray(0, 32)).update(aad).update(iv).update(ciphertext).update(al).digest().subarray(0, 32);
  if (!crypto.timingSafeEqual(mac, tag)) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-cbc", key.subarray(32), iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/** jose's validateClaimsSet with Auth.js's options (clockTolerance 15 s, nothing required). */
function validClaims(plaintext: Buffer, nowSeconds: number): JWT | null {
  const claims = jsonObject(plaintext);
  if (!claims) return null;
  for (const claim of ["iat", "nbf", "exp"]) if (claims[claim] !== undefined && typeof claims[claim] !== "number") return null;
  if (claims.nbf !== undefined && (claims.nbf as number) > nowSeconds + CLOCK_TOLERANCE_SECONDS) return null;
  if (claims.exp !== undefined && (claims.exp as number) <= nowSeconds - CLOCK_TOLERANCE_SECONDS) return null;
  return claims as JWT;
}

/**
 * A `decode` for next-auth/jwt's getToken: the same answers as Auth.js's decode (null where it
 * throws, which getToken turns into null), Auth.js's own decode for any token not of its usual shape.
 */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt } = params;
  if (!token) return null;
  const parsed = parseAuthJsShape(token);
  if (!parsed) return authDecode(params).catch(() => null);
  const secrets = Array.isArray(secret) ? secret : [secret];
  for (const s of secrets) {
    const { key, kid } = await derivedKey(s, salt);
    if (kid !== parsed.kid) continue;
    const plaintext = decryptCbcHs512(key, parsed);
    return plaintext && validClaims(plaintext, Math.floor(Date.now() / 1000));
  }
  return null; // "no matching decryption secret"
}
