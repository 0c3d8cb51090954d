// The person a request's Auth.js session cookie names, read the way Auth.js reads it — the same
// cookie (`__Secure-` over HTTPS, chunks joined), the same secrets and salt, the same decryption
// and expiry check (next-auth/jwt's getToken) — without running Auth.js's whole session endpoint
// for it: auth() builds a request, answers it, re-encrypts the cookie to roll its expiry and
// parses its own answer, and that re-encrypted cookie is thrown away outside a route of Auth.js —
// work done on every page and every join token for nothing (0.6 ms of CPU a request).
import { getToken } from "next-auth/jwt";
import { authEnv } from "@/lib/env";
import { decodeSessionToken } from "./session-jwe";

type Env = Record<string, string | undefined>;

/** AUTH_SECRET, then the older secrets Auth.js still accepts while they are rotated out. */
function secrets(env: Env): string[] {
  return [env.AUTH_SECRET, env.AUTH_SECRET_1, env.AUTH_SECRET_2, env.AUTH_SECRET_3].filter((s): s is string => !!s);
}

/** As Auth.js decides: the protocol of AUTH_URL when it is set, else the request's (https when unknown). */
function overHttps(headers: Headers, env: Env): boolean {
  const configured = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (configured) return new URL(configured).protocol === "https:";
  return (headers.get("x-forwarded-proto") ?? "https").replace(/:$/, "") === "https";
}

export interface CookieSession {
  userId: string;
  /** The account's session version when the cookie was issued (0 for cookies from before versions). */
  sessionVersion: number;
}

/** The account in the request's session cookie, or null: no cookie, or one that does not decrypt or has expired. */
export async function sessionFromCookie(headers: Headers, env: Env = authEnv()): Promise<CookieSession | null> {
  const cookie = headers.get("cookie");
  const secret = secrets(env);
  if (!cookie || !secret.length) return null;
  // Only the cookie: getToken would also take a token from an Authorization header, which Auth.js's session does not.
  // Decrypted as Auth.js's decode does, with its derived key kept per secret (session-jwe.ts).
  const token = await getToken({ req: { headers: { cookie } }, secret, secureCookie: overHttps(headers, env), decode: decodeSessionToken });
  if (typeof token?.sub !== "string" || !token.sub) return null;
  const version = token.sv;
  return { userId: token.sub, sessionVersion: typeof version === "number" && Number.isInteger(version) ? version : 0 };
}
