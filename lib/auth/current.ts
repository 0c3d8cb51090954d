// The signed-in person of this request, from the Auth.js session cookie.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { auth } from "./auth";
import type { Actor } from "./session";

// Header, layout and page all ask within one request; React's cache() answers them once.
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  // The JWT may outlive the account: check it still exists.
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  return user ? { userId: user.id } : null;
});

export const getCurrentUser = cache(async () => {
  const actor = await getActor();
  if (!actor) return null;
  return db.user.findUnique({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, nameLatin: true, locale: true, timeZone: true },
  });
});
