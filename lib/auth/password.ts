// Password hashing with scrypt (memory-hard, in Node's standard library). The stored form
// carries its parameters, so they can be raised later without breaking old hashes.
import crypto from "node:crypto";

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => crypto.scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), Number(n), Number(r), Number(p));
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** A hash of a password nobody has, with today's parameters: checking a password against it
 * costs what checking a real account costs, so a wrong guess takes as long whether the address
 * has an account (with a password) or not. */
export const DUMMY_HASH = "scrypt$32768$8$1$4xWVL-0kxFBVYhw4lRyf8w$wHxvpPbZLGAK0UKm4UYSpr--01mAsNEcJwapPIt_fj0";

/** Whether `password` matches `stored`; with no stored hash the same work is done and the answer is no. */
export async function checkPasswordEvenly(password: string, stored: string | null | undefined): Promise<boolean> {
  const matches = await verifyPassword(password, stored ?? DUMMY_HASH);
  return matches && !!stored;
}
