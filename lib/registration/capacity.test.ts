import { describe, expect, it } from "vitest";
import { fitToSeats, seatsLeft, windowState } from "./capacity";

describe("capacity rules", () => {
  it("never counts negative seats", () => {
    expect(seatsLeft(109, 109)).toBe(0);
    expect(seatsLeft(109, 120)).toBe(0);
    expect(seatsLeft(109, 100)).toBe(9);
  });

  it("approves in arrival order as far as the seats go", () => {
    const regs = [
      { id: "c", arrival: 3n },
      { id: "a", arrival: 1n },
      { id: "b", arrival: 2n },
    ];
    const { approve, refused } = fitToSeats(regs, 2);
    expect(approve.map((r) => r.id)).toEqual(["a", "b"]);
    expect(refused.map((r) => r.id)).toEqual(["c"]);
    expect(fitToSeats(regs, 0).approve).toEqual([]);
  });

  it("knows whether the registration window is open", () => {
    const opens = new Date("2021-10-18T00:00:00Z");
    const closes = new Date("2021-11-19T09:00:00Z");
    expect(windowState(opens, closes, new Date("2021-10-01T00:00:00Z"))).toBe("notYet");
    expect(windowState(opens, closes, new Date("2021-11-01T00:00:00Z"))).toBe("open");
    expect(windowState(opens, closes, closes)).toBe("closed");
    expect(windowState(null, null, new Date())).toBe("open");
  });
});
