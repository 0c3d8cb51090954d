import { describe, expect, it } from "vitest";
import { backoffSeconds, secondsUntilNextTurn, type BackoffPolicy } from "./backoff";

const policy: BackoffPolicy = { free: 3, baseSeconds: 10, maxSeconds: 60, quietSeconds: 3600 };
const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, s));

describe("exponential back-off", () => {
  it("lets the free attempts through, then doubles the wait up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 40].map((n) => backoffSeconds(n, policy))).toEqual([0, 0, 0, 10, 20, 40, 60, 60, 60]);
  });

  it("counts the wait from the last attempt let through, and forgets a key left alone", () => {
    expect(secondsUntilNextTurn(null, policy, at(0))).toBe(0);
    expect(secondsUntilNextTurn({ attempts: 2, lastAt: at(0) }, policy, at(1))).toBe(0);
    expect(secondsUntilNextTurn({ attempts: 4, lastAt: at(0) }, policy, at(5))).toBe(15);
    expect(secondsUntilNextTurn({ attempts: 4, lastAt: at(0) }, policy, at(20))).toBe(0);
    expect(secondsUntilNextTurn({ attempts: 40, lastAt: at(0) }, policy, new Date(at(0).getTime() + 3600_000))).toBe(0);
  });
});
