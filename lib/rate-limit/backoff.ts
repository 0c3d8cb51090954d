// Exponential back-off: the first `free` attempts of a key go through at once; after that each
// one waits twice as long after the previous as the one before (base, 2·base, 4·base…, capped),
// and a key left alone for `quietSeconds` starts over. Pure rules; lib/rate-limit/turns.ts keeps
// the state in PostgreSQL so every app instance applies the same waits.

export interface BackoffPolicy {
  /** Attempts let through before any wait. */
  free: number;
  baseSeconds: number;
  maxSeconds: number;
  /** After this long without an attempt the key starts over. */
  quietSeconds: number;
}

/** The wait after the `attempts`-th attempt before the next one may go through. */
export function backoffSeconds(attempts: number, policy: BackoffPolicy): number {
  if (attempts < policy.free) return 0;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(30, attempts - policy.free));
}

/** Seconds until the next attempt may go through (0: now), given the key's state. */
export function secondsUntilNextTurn(state: { attempts: number; lastAt: Date } | null, policy: BackoffPolicy, now: Date): number {
  if (!state) return 0;
  const since = (now.getTime() - state.lastAt.getTime()) / 1000;
  if (since >= policy.quietSeconds) return 0;
  return Math.max(0, Math.ceil(backoffSeconds(state.attempts, policy) - since));
}
