// What the HLS path keeps per app instance, so thousands of viewers polling every 2 seconds cost
// the database nothing in the steady state (bench/hls-viewers.ts measured 4–7 statements per
// answer without it): facts that never change (a forum's event, a broadcast's folder) kept until
// the process ends, and what may change kept for one second — the same second a playlist may be
// cached for anyway (max-age=1), so another instance's change shows within it everywhere.
import "server-only";

interface Entry<T> {
  until: number;
  value: Promise<T>;
}

const holder = globalThis as unknown as { plenaryBroadcastKept?: Map<string, Entry<unknown>> };
const kept = (holder.plenaryBroadcastKept ??= new Map());

/** At most this many entries: past it, the expired ones go, then (a flood of ids) all. */
const MAX_ENTRIES = 10_000;

/** `read()` kept under `key` for `ttlMs` (Infinity: for good); a failure is not kept. */
export function keep<T>(key: string, ttlMs: number, read: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = kept.get(key) as Entry<T> | undefined;
  if (hit && hit.until > now) return hit.value;
  if (kept.size >= MAX_ENTRIES) {
    for (const [k, e] of kept) if (e.until <= now) kept.delete(k);
    if (kept.size >= MAX_ENTRIES) kept.clear();
  }
  const value = read();
  kept.set(key, { until: now + ttlMs, value });
  value.catch(() => {
    if (kept.get(key)?.value === value) kept.delete(key);
  });
  return value;
}

/** Forgets what starts with `prefix` (this instance's own writes show at once here). */
export function forget(prefix: string): void {
  for (const key of kept.keys()) if (key.startsWith(prefix)) kept.delete(key);
}

export const SECOND = 1_000;
export const FOREVER = Number.POSITIVE_INFINITY;
