// Restream stream keys at rest: AES-256-GCM under a key from the environment (STREAM_KEY_SECRET,
// else derived from AUTH_SECRET with HKDF), so a database dump alone never yields a key that lets
// someone broadcast on the event's YouTube channel. Only the last characters are ever shown again.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authEnv, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const VERSION = "v1";

function secretKey(): Buffer {
  const env = getEnv();
  if (env.STREAM_KEY_SECRET) return Buffer.from(hkdfSync("sha256", env.STREAM_KEY_SECRET, "plenary", "plenary stream keys v1", 32));
  const auth = authEnv().AUTH_SECRET;
  if (!auth) throw new AppError("UNAVAILABLE", "streamKeysUnconfigured");
  return Buffer.from(hkdfSync("sha256", auth, "plenary", "plenary stream keys v1", 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export function encryptStreamKey(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** The stream key; UNAVAILABLE(`streamKeyUnreadable`) when the secret changed or the text was altered. */
export function decryptStreamKey(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  try {
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a sealed stream key");
    const decipher = createDecipheriv("aes-256-gcm", secretKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("UNAVAILABLE", "streamKeyUnreadable");
  }
}

/** What organizers see of a key once saved: its last four characters. */
export function streamKeyHint(plain: string): string {
  return `…${plain.slice(-4)}`;
}
