// A forum's breakout changes one at a time, across app instances: the forum's row is locked for
// the transaction, so two organizers clicking "open" at once open the rooms once (the second finds
// them open) and an assignment never races a re-split.
import "server-only";
import { db, type Tx } from "@/lib/db";

export async function withForumLock<T>(forumId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM forums WHERE id = ${forumId} FOR UPDATE`;
    return fn(tx);
  });
}
