import { describe, expect, it } from "vitest";
import { atLiveEdge, behindLive, latencySeconds, seekWindow } from "./live-position";

const ranges = (pairs: [number, number][]) => ({ length: pairs.length, start: (i: number) => pairs[i][0], end: (i: number) => pairs[i][1] });

describe("latencySeconds", () => {
  it("is the time since the playing frame's program date, to a tenth of a second", () => {
    expect(latencySeconds(new Date("2021-11-22T00:30:00.000Z"), Date.parse("2021-11-22T00:30:04.260Z"))).toBe(4.3);
  });

  it("is unknown before a dated frame plays", () => {
    expect(latencySeconds(null, Date.now())).toBeNull();
    expect(latencySeconds(new Date(NaN), Date.now())).toBeNull();
  });

  it("never goes below zero when the clocks disagree", () => {
    expect(latencySeconds(new Date(10_000), 9_000)).toBe(0);
  });
});

describe("atLiveEdge", () => {
  it("counts a segment and a half behind the live sync position as live", () => {
    expect(atLiveEdge(100, 105, 4)).toBe(true);
    expect(atLiveEdge(100, 107, 4)).toBe(false);
  });

  it("treats a stream with no sync position yet as live", () => {
    expect(atLiveEdge(0, null, 4)).toBe(true);
  });
});

describe("seekWindow", () => {
  it("spans the seekable ranges", () => {
    expect(
      seekWindow(
        ranges([
          [12, 40],
          [40, 300],
        ]),
      ),
    ).toEqual({ start: 12, end: 300 });
  });

  it("is absent while nothing is seekable", () => {
    expect(seekWindow(ranges([]))).toBeNull();
    expect(seekWindow(ranges([[0, Infinity]]))).toBeNull();
  });
});

describe("behindLive", () => {
  it("says how far behind the live end the position is", () => {
    expect(behindLive(175, { start: 0, end: 300 })).toBe("2:05");
    expect(behindLive(300, { start: 0, end: 300 })).toBe("0:00");
  });
});
