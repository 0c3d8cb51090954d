// Fixed-window rate limits kept in PostgreSQL, so a limit holds across every app instance, and
// the limits of the sign-in, mail and registration paths. Per address they are fixed windows;
// per account they are back-offs (turns.ts) that slow an attacker without locking out the owner.
import "server-only";
import { db } from "@/lib/db";
import { markedClientAddress } from "@/lib/http/client-address-hook";
import type { BackoffPolicy } from "./backoff";

export interface Limit {
  /** What is counted, e.g. "sign-in:ip:203.0.113.9" or "sign-in:account:a@b.c". */
  key: string;
  max: number;
  windowSeconds: number;
}

export interface LimitResult {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Counts one attempt against every limit (all are counted, so a blocked key stays blocked), in
 * one statement: a request's limits (an address's and an account's) cost one round trip. */
export async function hitLimits(limits: Limit[], now = new Date()): Promise<LimitResult> {
  const windows = limits.map((limit) => {
    const windowMs = limit.windowSeconds * 1000;
    return { limit, windowMs, start: new Date(Math.floor(now.getTime() / windowMs) * windowMs) };
  });
  // One statement cannot count the same row twice: a repeated key is counted once per limit, one after another.
  const distinct = new Set(limits.map((l) => l.key)).size === limits.length;
  const counts = distinct ? await countAll(windows.map((w) => ({ key: w.limit.key, window_start: w.start.toISOString() }))) : await countEach(windows);
  let result: LimitResult = { allowed: true, retryAfterSeconds: 0 };
  windows.forEach(({ limit, windowMs, start }, i) => {
    if (counts[i] > limit.max) {
      const retry = Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000);
      result = { allowed: false, retryAfterSeconds: Math.max(result.retryAfterSeconds, retry) };
    }
  });
  // Old windows are useless; trim them now and then instead of running a separate job.
  if (Math.random() < 0.01) await db.$executeRaw`DELETE FROM rate_limits WHERE window_start < ${new Date(now.getTime() - 86_400_000)}`;
  return result;
}

/** Each key's count after this attempt, in the order given (keys distinct); rows taken in key order. */
async function countAll(rows: { key: string; window_start: string }[]): Promise<number[]> {
  if (!rows.length) return [];
  const counted = await db.$queryRaw<{ key: string; count: number }[]>`
    INSERT INTO rate_limits (key, window_start, count)
    SELECT key, window_start, 1 FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(key text, window_start timestamptz) ORDER BY key
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING key, count`;
  const byKey = new Map(counted.map((r) => [r.key, r.count]));
  return rows.map((r) => byKey.get(r.key)!);
}

async function countEach(windows: { limit: Limit; start: Date }[]): Promise<number[]> {
  const counts: number[] = [];
  for (const { limit, start } of windows) {
    const [row] = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO rate_limits (key, window_start, count) VALUES (${limit.key}, ${start}, 1)
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
      RETURNING count`;
    counts.push(row.count);
  }
  return counts;
}

/** The client's address as resolved at the server's edge (lib/http/client-address-hook.ts):
 * X-Forwarded-For counts only through TRUSTED_PROXY_HOPS declared proxies. */
export function clientIp(headers: Headers): string {
  return markedClientAddress(headers);
}

/** Failed password attempts from one address, whatever the accounts (failures only, so a
 * conference venue behind one address can sign everyone in). */
export const SIGN_IN_ADDRESS: BackoffPolicy = { free: 30, baseSeconds: 60, maxSeconds: 15 * 60, quietSeconds: 3600 };
/** Attempts at one account from one address: a few, then a doubling wait (at most 15 minutes). */
export const SIGN_IN_PAIR: BackoffPolicy = { free: 5, baseSeconds: 15, maxSeconds: 15 * 60, quietSeconds: 24 * 3600 };
/** Attempts at one account from addresses it has never signed in from, all together. */
export const SIGN_IN_ACCOUNT: BackoffPolicy = { free: 20, baseSeconds: 30, maxSeconds: 15 * 60, quietSeconds: 24 * 3600 };

/** Mails of one kind to one mailbox. The wait never exceeds `maxMinutes`, the lifetime of what
 * the mail carries: while a request is held back, the last mail's link still works. */
export const mailboxPolicy = (maxMinutes: number): BackoffPolicy => ({ free: 5, baseSeconds: 60, maxSeconds: Math.min(15, maxMinutes) * 60, quietSeconds: 3600 });

/** Registrations from one address, and by one signed-in account. Mailboxes, for people not signed
 * in, have their own back-off, so no stranger's requests can keep an owner from registering. */
export const registrationLimits = (ip: string, userId: string | null): Limit[] => [
  { key: `register:ip:${ip}`, max: 20, windowSeconds: 3600 },
  ...(userId ? [{ key: `register:account:${userId}`, max: 5, windowSeconds: 3600 }] : []),
];

/** Mail requests (links, resets, registrations) from one address, to any mailboxes. */
export const mailAddressLimits = (ip: string): Limit[] => [{ key: `mail:ip:${ip}`, max: 60, windowSeconds: 3600 }];
