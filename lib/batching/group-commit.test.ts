import { describe, expect, it } from "vitest";
import { groupCommit, type Settled } from "./group-commit";

describe("groupCommit", () => {
  it("writes concurrent arrivals in one group, in arrival order, and answers each its own result", async () => {
    const groups: number[][] = [];
    const apply = groupCommit(async (items: number[]) => {
      groups.push(items);
      return items.map((n): Settled<number> => (n === 3 ? { ok: false, error: new Error("bad 3") } : { ok: true, value: n * 10 }));
    });
    const answers = await Promise.allSettled([1, 2, 3, 4].map(apply));
    expect(groups).toEqual([[1, 2, 3, 4]]);
    expect(answers.map((a) => (a.status === "fulfilled" ? a.value : (a.reason as Error).message))).toEqual([10, 20, "bad 3", 40]);
  });

  it("answers nobody before their group's write has settled, and groups what arrived meanwhile", async () => {
    const groups: number[][] = [];
    let release!: () => void;
    const firstHeld = new Promise<void>((r) => (release = r));
    const apply = groupCommit(async (items: number[]) => {
      groups.push(items);
      if (groups.length === 1) await firstHeld;
      return items.map((n): Settled<number> => ({ ok: true, value: n }));
    });
    const done: number[] = [];
    const first = apply(1).then((v) => done.push(v));
    await new Promise((r) => setImmediate(r));
    const later = [apply(2).then((v) => done.push(v)), apply(3).then((v) => done.push(v))];
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toEqual([]);
    release();
    await Promise.all([first, ...later]);
    expect(groups).toEqual([[1], [2, 3]]);
    expect(done).toEqual([1, 2, 3]);
  });

  it("fails every item of a group whose write throws, and keeps serving the next groups", async () => {
    let calls = 0;
    const apply = groupCommit(async (items: number[]) => {
      if (++calls === 1) throw new Error("down");
      return items.map((n): Settled<number> => ({ ok: true, value: n }));
    });
    await expect(Promise.all([apply(1), apply(2)])).rejects.toThrow("down");
    await expect(apply(5)).resolves.toBe(5);
  });

  it("writes at most maxGroup items at a time", async () => {
    const sizes: number[] = [];
    const apply = groupCommit(async (items: number[]) => {
      sizes.push(items.length);
      return items.map((n): Settled<number> => ({ ok: true, value: n }));
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map(apply));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
