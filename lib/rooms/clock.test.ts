import { describe, expect, it } from "vitest";
import { better, estimateFrom } from "./clock";

describe("the server's clock as a browser estimates it", () => {
  it("reads the offset of a browser whose clock is an hour slow, whatever the time zone", () => {
    // Asked at 10:00:00.000 by the browser, answered 11:00:00.050 by the server, back at 10:00:00.100.
    const sent = Date.parse("2021-11-22T10:00:00.000Z");
    const estimate = estimateFrom(sent, Date.parse("2021-11-22T11:00:00.050Z"), sent + 100);
    expect(estimate).toEqual({ offset: 3_600_000, roundTrip: 100 });
  });

  it("reads a clock that is ahead as a negative offset", () => {
    expect(estimateFrom(10_000, 4_000, 10_020).offset).toBe(-6_010);
  });

  it("keeps the estimate from the exchange with the shorter round trip", () => {
    const slow = { offset: 500, roundTrip: 2_000 };
    const quick = { offset: 40, roundTrip: 30 };
    expect(better(null, slow)).toBe(slow);
    expect(better(slow, quick)).toBe(quick);
    expect(better(quick, slow)).toBe(quick);
  });

  it("never counts a negative round trip (a clock stepped back mid-exchange)", () => {
    expect(estimateFrom(1_000, 5_000, 900).roundTrip).toBe(0);
  });
});
