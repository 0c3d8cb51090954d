import { describe, expect, it } from "vitest";
import { callRefusal, decideRoom } from "./backstage";

describe("which room a person may join", () => {
  const off = { backstageOn: false, called: false };
  const on = { backstageOn: true, called: false };

  it("send speakers and interpreters backstage until an organizer calls them", () => {
    for (const role of ["speaker", "interpreter"] as const) {
      expect(decideRoom({ role, ...on, room: "stage" })).toEqual({ allowed: false, reason: "waitBackstage" });
      expect(decideRoom({ role, ...on, room: "backstage" })).toEqual({ allowed: true });
      expect(decideRoom({ role, ...on, called: true, room: "stage" })).toEqual({ allowed: true });
      expect(decideRoom({ role, ...on, called: true, room: "backstage" })).toEqual({ allowed: false, reason: "notBackstage" });
    }
  });

  it("let delegates and observers onto the stage only, backstage or not", () => {
    for (const role of ["delegate", "observer"] as const) {
      expect(decideRoom({ role, ...on, room: "stage" })).toEqual({ allowed: true });
      expect(decideRoom({ role, ...on, room: "backstage" })).toEqual({ allowed: false, reason: "notBackstage" });
    }
  });

  it("let organizers into either room", () => {
    for (const room of ["stage", "backstage"] as const) expect(decideRoom({ role: "organizer", ...on, room })).toEqual({ allowed: true });
  });

  it("put everyone on the stage while backstage is off", () => {
    expect(decideRoom({ role: "speaker", ...off, room: "stage" })).toEqual({ allowed: true });
    expect(decideRoom({ role: "speaker", ...off, room: "backstage" })).toEqual({ allowed: false, reason: "notBackstage" });
  });

  it("bring on stage only speakers and interpreters", () => {
    expect(callRefusal("speaker")).toBeNull();
    expect(callRefusal("interpreter")).toBeNull();
    expect(callRefusal("delegate")).toBe("notBackstageRole");
    expect(callRefusal("organizer")).toBe("notBackstageRole");
    expect(callRefusal(null)).toBe("notRegistered");
  });
});
