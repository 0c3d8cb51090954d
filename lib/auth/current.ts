// The signed-in person of this request, from the Auth.js session cookie.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import { accountExists, type Actor } from "./session";
import { sessionUserId } from "./session-cookie";

/** The person the session cookie names, without asking the database: the JWT may outlive the
 * account, so a caller that does not read the person's own rows next must use getActor. */
export const getCookieActor = cache(async (): Promise<Actor | null> => {
  const userId = await sessionUserId(await headers());
  return userId ? { userId } : null;
});

// Header, layout and page all ask within one request; React's cache() answers them once.
export const getActor = cache(async (): Promise<Actor | null> => {
  const actor = await getCookieActor();
  return actor && (await accountExists(actor.userId)) ? actor : null;
});

export const getCurrentUser = cache(async () => {
  const actor = await getActor();
  if (!actor) return null;
  return db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, nameLatin: true, locale: true, timeZone: true },
  });
});
