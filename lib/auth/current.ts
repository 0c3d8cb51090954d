// The signed-in person of this request, from the Auth.js session cookie.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "./session";
import { sessionFromCookie } from "./session-cookie";
import { isSessionCurrent } from "./session-version";

/** The person the session cookie names, without asking the database: the JWT may outlive the
 * account or its session (signed out, password reset…), so a caller that does not check the
 * session version in its own read next (as the stage token's does) must use getActor. */
export const getCookieActor = cache(async (): Promise<Actor | null> => sessionFromCookie(await headers()));

// Header, layout and page all ask within one request; React's cache() answers them once.
export const getActor = cache(async (): Promise<Actor | null> => {
  const actor = await getCookieActor();
  return actor && (await isSessionCurrent(actor)) ? actor : null;
});

export const getCurrentUser = cache(async () => {
  const actor = await getActor();
  if (!actor) return null;
  return db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, nameLatin: true, locale: true, timeZone: true },
  });
});
