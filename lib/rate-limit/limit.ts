// Fixed-window rate limits kept in PostgreSQL, so a limit holds across every app instance.
import "server-only";
import { db } from "@/lib/db";

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

/** Counts one attempt against every limit (all are counted, so a blocked key stays blocked). */
export async function hitLimits(limits: Limit[], now = new Date()): Promise<LimitResult> {
  let result: LimitResult = { allowed: true, retryAfterSeconds: 0 };
  for (const limit of limits) {
    const windowMs = limit.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const [row] = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO rate_limits (key, window_start, count) VALUES (${limit.key}, ${windowStart}, 1)
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
      RETURNING count`;
    if (row.count > limit.max) {
      const retry = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
      result = { allowed: false, retryAfterSeconds: Math.max(result.retryAfterSeconds, retry) };
    }
  }
  // Old windows are useless; trim them now and then instead of running a separate job.
  if (Math.random() < 0.01) await db.$executeRaw`DELETE FROM rate_limits WHERE window_start < ${new Date(now.getTime() - 86_400_000)}`;
  return result;
}

/** The client address as the nearest proxy reports it (Next.js sets x-forwarded-for). */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}

export const signInLimits = (ip: string, email: string): Limit[] => [
  { key: `sign-in:ip:${ip}`, max: 30, windowSeconds: 900 },
  { key: `sign-in:account:${email.toLowerCase()}`, max: 10, windowSeconds: 900 },
];

export const registrationLimits = (ip: string, email: string): Limit[] => [
  { key: `register:ip:${ip}`, max: 20, windowSeconds: 3600 },
  { key: `register:account:${email.toLowerCase()}`, max: 5, windowSeconds: 3600 },
];

export const mailLimits = (ip: string, email: string): Limit[] => [
  { key: `mail:ip:${ip}`, max: 20, windowSeconds: 3600 },
  { key: `mail:account:${email.toLowerCase()}`, max: 5, windowSeconds: 3600 },
];
