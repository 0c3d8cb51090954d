// One change at a time to a piece of room state that lives in LiveKit (a booth, a person's
// permission), across every app instance: LiveKit has no compare-and-set, so two instances that
// read, decide and write at once could both win. A PostgreSQL advisory lock held for the length of
// one transaction serializes them; it is released by the commit, or by the connection dying.
import "server-only";
import { db } from "@/lib/db";

const LOCK_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

export async function withRoomLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`room:${key}`}, 0))`;
    return fn();
  }, LOCK_OPTIONS);
}
