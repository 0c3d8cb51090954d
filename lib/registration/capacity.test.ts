import { describe, expect, it } from "vitest";
import { audienceOffer, audiencePlacesLeft, fitToSeats, roomNeededFor, seatsLeft, tierOf, windowState } from "./capacity";

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

  it("counts organizers in no tier, the audience apart from delegate seats", () => {
    expect(tierOf("organizer")).toBe("staff");
    expect(tierOf("audience")).toBe("audience");
    for (const role of ["delegate", "observer", "speaker", "interpreter"]) expect(tierOf(role)).toBe("seat");
  });

  it("treats an audience limit of null as no limit, and never counts negative places", () => {
    expect(audiencePlacesLeft(null, 50_000)).toBe(Number.POSITIVE_INFINITY);
    expect(audiencePlacesLeft(100, 100)).toBe(0);
    expect(audiencePlacesLeft(100, 140)).toBe(0);
    expect(audiencePlacesLeft(100, 60)).toBe(40);
  });

  it("makes an approved audience member promoted to a delegate role find a delegate seat, and the reverse an audience place", () => {
    const approved = (role: string) => ({ role, status: "approved" });
    expect(roomNeededFor(approved("audience"), "speaker")).toBe("seat");
    expect(roomNeededFor(approved("audience"), "delegate")).toBe("seat");
    expect(roomNeededFor(approved("delegate"), "audience")).toBe("audience");
    expect(roomNeededFor(approved("organizer"), "audience")).toBe("audience");
    expect(roomNeededFor(approved("organizer"), "observer")).toBe("seat");
  });

  it("needs no new room within a tier, for an organizer, or for a registration not approved", () => {
    expect(roomNeededFor({ role: "delegate", status: "approved" }, "interpreter")).toBeNull();
    expect(roomNeededFor({ role: "audience", status: "approved" }, "organizer")).toBeNull();
    expect(roomNeededFor({ role: "audience", status: "pending" }, "delegate")).toBeNull();
    expect(roomNeededFor({ role: "audience", status: "waitlisted" }, "speaker")).toBeNull();
  });

  it("offers the audience tier under its own policy, full only when a limit is reached", () => {
    expect(audienceOffer("invitation", null, 0)).toEqual({ kind: "invitation" });
    expect(audienceOffer("open", null, 1_000_000)).toEqual({ kind: "open", policy: "open", full: false });
    expect(audienceOffer("approval", 500, 499)).toEqual({ kind: "open", policy: "approval", full: false });
    expect(audienceOffer("open", 500, 500)).toEqual({ kind: "open", policy: "open", full: true });
  });
});
