// Back-off state in PostgreSQL (table backoffs), shared by every app instance. Taking a turn is
// one atomic statement: concurrent attempts of one key are counted one by one, and an attempt
// that must wait changes nothing (waiting attempts never lengthen the wait).
import "server-only";
import { db } from "@/lib/db";
import { secondsUntilNextTurn, type BackoffPolicy } from "./backoff";

export interface Turn {
  allowed: boolean;
  /** Attempts counted for the key, this one included (when allowed). */
  attempts: number;
  retryAfterSeconds: number;
}

export async function takeTurn(key: string, policy: BackoffPolicy, now = new Date()): Promise<Turn> {
  const quietSince = new Date(now.getTime() - policy.quietSeconds * 1000);
  const rows = await db.$queryRaw<{ attempts: number }[]>`
    INSERT INTO backoffs AS b (key, attempts, last_at) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN b.last_at <= ${quietSince} THEN 1 ELSE b.attempts + 1 END,
      last_at = ${now}
    WHERE b.last_at <= ${quietSince} OR b.attempts < ${policy.free}
       OR b.last_at + make_interval(secs => LEAST(${policy.maxSeconds}::float8,
            ${policy.baseSeconds}::float8 * power(2, LEAST(30, b.attempts - ${policy.free})))) <= ${now}
    RETURNING attempts`;
  // Keys left alone for a week are only clutter; trim them now and then instead of running a job.
  if (Math.random() < 0.01) await db.$executeRaw`DELETE FROM backoffs WHERE last_at < ${new Date(now.getTime() - 7 * 86_400_000)}`;
  if (rows.length) return { allowed: true, attempts: rows[0].attempts, retryAfterSeconds: 0 };
  const state = await db.backoff.findUnique({ where: { key } });
  return { allowed: false, attempts: state?.attempts ?? 0, retryAfterSeconds: Math.max(1, secondsUntilNextTurn(state, policy, now)) };
}

/** A success: the key starts over. */
export async function forgive(key: string) {
  await db.backoff.deleteMany({ where: { key } });
}

/** This attempt does not count after all (it succeeded, for a key that counts failures only). */
export async function refund(key: string) {
  await db.$executeRaw`UPDATE backoffs SET attempts = GREATEST(attempts - 1, 0) WHERE key = ${key}`;
}

/** Whether the owner behind `key` should be told now: at most once per `everySeconds`. Marks it told. */
export async function claimNotice(key: string, everySeconds: number, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - everySeconds * 1000);
  const rows = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO backoffs AS b (key, attempts, last_at, notified_at) VALUES (${key}, 0, ${now}, ${now})
    ON CONFLICT (key) DO UPDATE SET notified_at = ${now}, last_at = ${now}
    WHERE b.notified_at IS NULL OR b.notified_at <= ${since}
    RETURNING key`;
  return rows.length > 0;
}
