import { describe, expect, it } from "vitest";
import { currentAndNext, plan, planEnd, planNext, planStart, runningOrder, type RunSession } from "./control";
import type { SessionStatus } from "../types";

// Listed out of order on purpose: the rules must go by start time.
function forum(statuses: Partial<Record<"s1" | "s2" | "s3" | "s4", SessionStatus>> = {}): RunSession[] {
  const at = (h: number) => new Date(Date.UTC(2021, 10, 22, h));
  return [
    { id: "s3", status: statuses.s3 ?? "scheduled", startsAt: at(3) },
    { id: "s1", status: statuses.s1 ?? "scheduled", startsAt: at(1) },
    { id: "s4", status: statuses.s4 ?? "scheduled", startsAt: at(4) },
    { id: "s2", status: statuses.s2 ?? "scheduled", startsAt: at(2) },
  ];
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message };
  }
  throw new Error("expected a refusal");
};

describe("running order", () => {
  it("orders a forum's sessions by start time", () => {
    expect(runningOrder(forum()).map((s) => s.id)).toEqual(["s1", "s2", "s3", "s4"]);
  });
});

describe("start", () => {
  it("takes a scheduled session live", () => {
    expect(planStart(forum(), "s1")).toEqual([{ sessionId: "s1", from: "scheduled", to: "live" }]);
  });

  it("ends the forum's other live session first, so a forum never has two live sessions", () => {
    expect(planStart(forum({ s1: "live" }), "s3")).toEqual([
      { sessionId: "s1", from: "live", to: "ended" },
      { sessionId: "s3", from: "scheduled", to: "live" },
    ]);
  });

  it("refuses a session that is already live or has ended, and one that is not in the forum", () => {
    expect(refusal(() => planStart(forum({ s2: "live" }), "s2"))).toEqual({ code: "CONFLICT", message: "alreadyLive" });
    expect(refusal(() => planStart(forum({ s2: "ended" }), "s2"))).toEqual({ code: "CONFLICT", message: "alreadyEnded" });
    expect(refusal(() => planStart(forum(), "elsewhere"))).toEqual({ code: "NOT_FOUND", message: "sessionNotFound" });
  });
});

describe("end", () => {
  it("ends the live session", () => {
    expect(planEnd(forum({ s2: "live" }), "s2")).toEqual([{ sessionId: "s2", from: "live", to: "ended" }]);
  });

  it("refuses to end a session that is not live", () => {
    expect(refusal(() => planEnd(forum(), "s1"))).toEqual({ code: "CONFLICT", message: "notLive" });
    expect(refusal(() => planEnd(forum({ s1: "ended" }), "s1"))).toEqual({ code: "CONFLICT", message: "alreadyEnded" });
  });
});

describe("next session", () => {
  it("ends the live session and starts the one after it in running order", () => {
    expect(planNext(forum({ s1: "ended", s2: "live" }))).toEqual([
      { sessionId: "s2", from: "live", to: "ended" },
      { sessionId: "s3", from: "scheduled", to: "live" },
    ]);
  });

  it("starts the first session when nothing has run yet", () => {
    expect(planNext(forum())).toEqual([{ sessionId: "s1", from: "scheduled", to: "live" }]);
  });

  it("continues after the last session that ran, not with one skipped earlier", () => {
    expect(planNext(forum({ s2: "ended" }))).toEqual([{ sessionId: "s3", from: "scheduled", to: "live" }]);
    expect(currentAndNext(forum({ s1: "live", s2: "ended" }))).toMatchObject({ current: { id: "s1" }, next: { id: "s3" } });
  });

  it("refuses when no scheduled session follows", () => {
    expect(refusal(() => planNext(forum({ s1: "ended", s2: "ended", s3: "ended", s4: "live" })))).toEqual({ code: "CONFLICT", message: "noNextSession" });
  });

  it("refuses a stale view, so two organizers pressing Next at once do not skip a session", () => {
    const moved = forum({ s1: "ended", s2: "live" });
    expect(refusal(() => planNext(moved, "s1"))).toEqual({ code: "CONFLICT", message: "runSheetStale" });
    expect(refusal(() => planNext(moved, null))).toEqual({ code: "CONFLICT", message: "runSheetStale" });
    expect(planNext(moved, "s2").map((c) => c.sessionId)).toEqual(["s2", "s3"]);
  });
});

describe("current and next", () => {
  it("names the live session and the scheduled one after it", () => {
    expect(currentAndNext(forum({ s1: "ended", s2: "live" }))).toMatchObject({ current: { id: "s2" }, next: { id: "s3" } });
    expect(currentAndNext(forum())).toMatchObject({ current: null, next: { id: "s1" } });
    expect(currentAndNext(forum({ s1: "ended", s2: "ended", s3: "ended", s4: "ended" }))).toEqual({ current: null, next: null });
  });
});

describe("commands", () => {
  it("dispatches start, end and next, and asks start and end for a session", () => {
    expect(plan("start", forum(), { sessionId: "s2" })).toEqual(planStart(forum(), "s2"));
    expect(plan("end", forum({ s2: "live" }), { sessionId: "s2" })).toEqual(planEnd(forum({ s2: "live" }), "s2"));
    expect(plan("next", forum(), {})).toEqual(planNext(forum()));
    expect(refusal(() => plan("end", forum(), {}))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
