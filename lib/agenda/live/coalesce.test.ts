import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Coalescer } from "./coalesce";

describe("Coalescer", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("passes the first change at once and the last of each window after it, per key", () => {
    const passed: string[] = [];
    const c = new Coalescer<string>(200, (s) => passed.push(s));
    c.push("q1", "a1");
    expect(passed).toEqual(["a1"]);
    for (let i = 2; i <= 1000; i++) c.push("q1", `a${i}`);
    c.push("q2", "b1");
    expect(passed).toEqual(["a1", "b1"]);
    vi.advanceTimersByTime(200);
    expect(passed).toEqual(["a1", "b1", "a1000"]);
    // The window after a trailing pass stays open; a quiet window closes it.
    vi.advanceTimersByTime(200);
    expect(passed).toEqual(["a1", "b1", "a1000"]);
    c.push("q1", "a1001");
    expect(passed).toEqual(["a1", "b1", "a1000", "a1001"]);
  });

  it("keeps a burst of a whole second to one pass per window", () => {
    const passed: number[] = [];
    const c = new Coalescer<number>(200, (n) => passed.push(n));
    for (let ms = 0; ms < 1000; ms++) {
      c.push("q", ms);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(400);
    expect(passed.length).toBeLessThanOrEqual(7);
    expect(passed.at(-1)).toBe(999);
  });

  it("announces nothing more once cleared", () => {
    const passed: string[] = [];
    const c = new Coalescer<string>(200, (s) => passed.push(s));
    c.push("q", "1");
    c.push("q", "2");
    c.clear();
    vi.advanceTimersByTime(1000);
    expect(passed).toEqual(["1"]);
  });
});
