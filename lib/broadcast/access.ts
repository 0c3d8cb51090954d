// Who may watch a forum's broadcast, and the signed tokens that carry that decision onto HLS URLs.
// A public forum: anyone. A registered-only forum: an approved registration of the event in any
// role (the audience tier included) or its organizers, signed in under a session still current.
// The playlist token is the same for every viewer of one broadcast within a 6-hour window, so a
// CDN in front may cache each playlist and segment once for all of them; it names the forum, the
// broadcast and its expiry, and is signed with a key derived from AUTH_SECRET.
import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { authEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { BroadcastSettings, WatchRefusal } from "./types";

export interface WatchDecision {
  refusal: WatchRefusal | null;
  /** Signed in with an approved registration of the event (any role), or an organizer of it. */
  registered: boolean;
  /** The viewer's display name when signed in (their own token's name; never shown to others). */
  name: string | null;
}

/** Decides for `actor` (null: signed out) and a forum of event `eventId`. One statement. */
export async function decideWatch(actor: Actor | null, eventId: string, settings: Pick<BroadcastSettings, "audience">): Promise<WatchDecision> {
  let status: string | null = null;
  let name: string | null = null;
  if (actor) {
    const rows = await db.$queryRaw<{ status: string | null; name: string | null; current: boolean }[]>`
      SELECT r.status::text AS status, COALESCE(NULLIF(u.name, ''), u.name_latin, split_part(u.email, '@', 1)) AS name,
             (${actor.sessionVersion ?? null}::int IS NULL OR u.session_version = ${actor.sessionVersion ?? null}::int) AS current
      FROM users u LEFT JOIN registrations r ON r.user_id = u.id AND r.event_id = ${eventId}
      WHERE u.id = ${actor.userId}`;
    const row = rows[0];
    if (row?.current) {
      status = row.status;
      name = row.name;
    } else actor = null;
  }
  const registered = status === "approved";
  if (settings.audience === "public") return { refusal: null, registered, name };
  if (!actor) return { refusal: "signIn", registered, name };
  if (status === null || status === "declined" || status === "cancelled") return { refusal: "notRegistered", registered, name };
  if (!registered) return { refusal: "notApproved", registered, name };
  return { refusal: null, registered, name };
}

/** The refusal as the API answers it. */
export function refusalError(refusal: WatchRefusal): AppError {
  if (refusal === "signIn") return new AppError("UNAUTHENTICATED", "signInRequired");
  if (refusal === "offAir") return new AppError("CONFLICT", "broadcastOffAir");
  return new AppError("FORBIDDEN", refusal === "notApproved" ? "watchNotApproved" : "watchNotRegistered");
}

const WINDOW_MS = 6 * 3600_000;

let key: { secret: string; value: Buffer } | undefined;

function signingKey(): Buffer {
  const secret = authEnv().AUTH_SECRET;
  if (!secret) throw new AppError("UNAVAILABLE", "authSecretMissing");
  if (key?.secret !== secret) key = { secret, value: Buffer.from(hkdfSync("sha256", secret, "plenary", "plenary broadcast playlists v1", 32)) };
  return key.value;
}

function mac(forumId: string, broadcastId: string, expires: number): string {
  return createHmac("sha256", signingKey()).update(`${forumId}\n${broadcastId}\n${expires}`).digest("base64url");
}

/** A token valid until the end of the next 6-hour window (6 to 12 hours from now): one per window for everyone. */
export function playlistToken(forumId: string, broadcastId: string, now = Date.now()): string {
  const expires = (Math.floor(now / WINDOW_MS) + 2) * WINDOW_MS;
  return `${expires.toString(36)}.${mac(forumId, broadcastId, expires)}`;
}

export function verifyPlaylistToken(token: string | null, forumId: string, broadcastId: string, now = Date.now()): boolean {
  if (!token || token.length > 200) return false;
  const [exp, sig] = token.split(".");
  const expires = parseInt(exp ?? "", 36);
  if (!sig || !Number.isSafeInteger(expires) || expires <= now || expires > now + 2 * WINDOW_MS) return false;
  const want = Buffer.from(mac(forumId, broadcastId, expires));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want);
}
