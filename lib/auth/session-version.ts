// Session versions: every session cookie carries the version its account was at when it was
// issued (lib/auth/auth.ts), and a request counts as signed in only while they still match.
// Raising the version ends every session issued before, on every device.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Actor } from "./session";

type Client = Tx | typeof db;

/** Ends every session of these accounts (sign-out, password reset, decline, organizer removal). */
export async function endSessions(client: Client, userIds: string[]) {
  if (!userIds.length) return;
  await client.user.updateMany({ where: { id: { in: [...new Set(userIds)] } }, data: { sessionVersion: { increment: 1 } } });
}

/** Whether the actor's account exists and its session has not been ended since it was issued. */
export async function isSessionCurrent(actor: Actor): Promise<boolean> {
  const version = actor.sessionVersion === undefined ? {} : { sessionVersion: actor.sessionVersion };
  return (await db.user.count({ where: { id: actor.userId, ...version } })) > 0;
}
