import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", () => ({ db: {} }));
const { seatRunsOf } = await import("./seat-group");

describe("seatRunsOf (what one grouped seat statement may decide together)", () => {
  it("keeps different people, and one person's registrations to different events, in one run", () => {
    const runs = seatRunsOf([
      { eventId: "e1", userId: "a" },
      { eventId: "e1", userId: "b" },
      { eventId: "e2", userId: "a" },
    ]);
    expect(runs).toHaveLength(1);
  });

  it("starts a new run where a person registers again for the same event, keeping arrival order", () => {
    const items = ["a", "b", "a", "c", "b"].map((userId, n) => ({ eventId: "e1", userId, n }));
    expect(seatRunsOf(items).map((r) => r.map((i) => i.n))).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });
});
