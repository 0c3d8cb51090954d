import { describe, expect, it } from "vitest";
import { actingRoomName, breakoutGrant, decideBreakout, parseBreakoutAttribute, runPhase, stageBreakoutView, toBreakoutAttribute, type BreakoutRunState } from "./breakouts";

const t0 = new Date("2021-11-22T01:00:00Z");
const later = (s: number) => new Date(t0.getTime() + s * 1000);
const open: BreakoutRunState = { mode: "assigned", status: "open", opensAt: later(30), closesAt: null };
const closing: BreakoutRunState = { mode: "assigned", status: "closing", opensAt: t0, closesAt: later(30) };

describe("runPhase", () => {
  it("counts down to the opening instant, then is open", () => {
    expect(runPhase(open, t0)).toBe("opening");
    expect(runPhase(open, later(30))).toBe("open");
  });
  it("is closing until the close instant and closed from it, even before the sweep stores it", () => {
    expect(runPhase(closing, later(29))).toBe("closing");
    expect(runPhase(closing, later(30))).toBe("closed");
    expect(runPhase(null, t0)).toBe("closed");
  });
});

describe("decideBreakout", () => {
  const base = { role: "delegate" as const, run: open, assigned: "b1", asked: null, breakouts: ["b1", "b2"], now: later(31) };
  it("gives an assigned person their own room while open", () => {
    expect(decideBreakout(base)).toEqual({ allowed: true, breakoutId: "b1" });
    expect(decideBreakout({ ...base, run: closing, now: later(10) })).toEqual({ allowed: true, breakoutId: "b1" });
  });
  it("refuses someone not assigned, or asking for another room", () => {
    expect(decideBreakout({ ...base, assigned: null })).toEqual({ allowed: false, reason: "notAssigned" });
    expect(decideBreakout({ ...base, asked: "b2" })).toEqual({ allowed: false, reason: "notAssigned" });
  });
  it("refuses before the countdown ends and once the rooms closed", () => {
    expect(decideBreakout({ ...base, now: later(5) })).toEqual({ allowed: false, reason: "breakoutsNotOpenYet" });
    expect(decideBreakout({ ...base, run: closing, now: later(30) })).toEqual({ allowed: false, reason: "breakoutsClosed" });
  });
  it("lets an organizer visit any room of the forum, unassigned, even during the countdown", () => {
    const organizer = { ...base, role: "organizer" as const, assigned: null, asked: "b2", now: t0 };
    expect(decideBreakout(organizer)).toEqual({ allowed: true, breakoutId: "b2" });
    expect(decideBreakout({ ...organizer, asked: "elsewhere" })).toEqual({ allowed: false, reason: "breakoutNotFound" });
    expect(decideBreakout({ ...organizer, run: null })).toEqual({ allowed: false, reason: "breakoutsClosed" });
  });
});

describe("breakoutGrant", () => {
  it("lets delegates speak in a working group; observers still listen; interpreters keep the booth grant", () => {
    expect(breakoutGrant("delegate")).toMatchObject({ canPublish: true, canPublishSources: ["camera", "microphone"] });
    expect(breakoutGrant("observer").canPublish).toBe(false);
    expect(breakoutGrant("interpreter").canPublishSources).toEqual(["microphone"]);
  });
});

describe("breakout attribute", () => {
  it("round-trips the target and the opening instant", () => {
    const value = toBreakoutAttribute("b1", later(30));
    expect(parseBreakoutAttribute(value)).toEqual({ target: "b1", opensAt: later(30).getTime() });
    expect(parseBreakoutAttribute("")).toBeNull();
    expect(toBreakoutAttribute(null, t0)).toBe("");
  });
});

describe("stageBreakoutView", () => {
  const opensAt = later(10).getTime();
  const value = toBreakoutAttribute("b1", later(10));
  it("counts down, then sends the person to their room", () => {
    expect(stageBreakoutView(value, t0.getTime(), null)).toEqual({ kind: "countdown", target: "b1", seconds: 10 });
    expect(stageBreakoutView(value, opensAt, null)).toEqual({ kind: "move", target: "b1" });
    expect(stageBreakoutView(undefined, opensAt, null)).toEqual({ kind: "none" });
  });
  it("lets people choose when the organizers let them", () => {
    expect(stageBreakoutView(toBreakoutAttribute("choose", later(10)), opensAt, null)).toEqual({ kind: "choose" });
  });
  it("offers the way back, without sending, to someone who returned from that room after it opened", () => {
    expect(stageBreakoutView(value, opensAt + 5000, { breakoutId: "b1", at: opensAt + 4000 })).toEqual({ kind: "offer", target: "b1" });
    // A return from an earlier run, or from another room, does not hold them back.
    expect(stageBreakoutView(value, opensAt + 5000, { breakoutId: "b1", at: opensAt - 60_000 })).toEqual({ kind: "move", target: "b1" });
    expect(stageBreakoutView(value, opensAt + 5000, { breakoutId: "b2", at: opensAt + 4000 })).toEqual({ kind: "move", target: "b1" });
  });
});

describe("actingRoomName", () => {
  it("is the stage without a breakout, and that breakout's own room with one", () => {
    expect(actingRoomName("clean-sky-2021--carbon", null)).toBe("clean-sky-2021--carbon");
    expect(actingRoomName("clean-sky-2021--carbon", "b1")).toBe("clean-sky-2021--carbon.breakout.b1");
  });
});
