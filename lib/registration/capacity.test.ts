import { describe, expect, it } from "vitest";
import { fitToSeats, seatsLeft, statusOnArrival, windowState } from "./capacity";

describe("capacity rules", () => {
  it("auto-approves under an open policy while seats remain, then waitlists", () => {
    expect(statusOnArrival("open", 1, false)).toBe("approved");
    expect(statusOnArrival("open", 0, false)).toBe("waitlisted");
  });

  it("holds registrations for an organizer under the approval policy, and waitlists when full", () => {
    expect(statusOnArrival("approval", 5, false)).toBe("pending");
    expect(statusOnArrival("approval", 0, false)).toBe("waitlisted");
  });

  it("approves accepted invitations while seats remain", () => {
    expect(statusOnArrival("invitation", 3, true)).toBe("approved");
    expect(statusOnArrival("invitation", 0, true)).toBe("waitlisted");
  });

  it("never counts negative seats", () => {
    expect(seatsLeft(109, 109)).toBe(0);
    expect(seatsLeft(109, 120)).toBe(0);
    expect(seatsLeft(109, 100)).toBe(9);
  });

  it("approves in arrival order as far as the seats go", () => {
    const regs = [{ id: "c", arrival: 3n }, { id: "a", arrival: 1n }, { id: "b", arrival: 2n }];
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
