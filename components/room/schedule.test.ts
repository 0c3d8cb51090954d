import { describe, expect, it } from "vitest";
import { blockPhase, currentItem, END_WARNING_MS, minutesLeft, nextItem } from "./schedule";

const t = (iso: string) => Date.parse(iso);
const start = t("2021-11-22T00:30:00Z");
const end = t("2021-11-22T03:00:00Z");
const items = [
  { id: "a", startsAt: start, endsAt: t("2021-11-22T01:00:00Z") },
  { id: "b", startsAt: t("2021-11-22T01:15:00Z"), endsAt: end },
];

describe("blockPhase", () => {
  it("is 'before' until the block starts, then 'open'", () => {
    expect(blockPhase(start, end, start - 1)).toBe("before");
    expect(blockPhase(start, end, start)).toBe("open");
  });
  it("warns from exactly 5 minutes before the end, and is 'over' at the end", () => {
    expect(blockPhase(start, end, end - END_WARNING_MS - 1)).toBe("open");
    expect(blockPhase(start, end, end - END_WARNING_MS)).toBe("endingSoon");
    expect(blockPhase(start, end, end)).toBe("over");
  });
});

describe("minutesLeft", () => {
  it("rounds up and never goes below zero", () => {
    expect(minutesLeft(end, end - 4 * 60_000 - 1)).toBe(5);
    expect(minutesLeft(end, end - 60_000)).toBe(1);
    expect(minutesLeft(end, end + 1)).toBe(0);
  });
});

describe("currentItem and nextItem", () => {
  it("find the running session and the one after it", () => {
    expect(currentItem(items, start + 1)?.id).toBe("a");
    expect(nextItem(items, start + 1)?.id).toBe("b");
  });
  it("find nothing running in a gap, but still the next one", () => {
    const gap = t("2021-11-22T01:05:00Z");
    expect(currentItem(items, gap)).toBeNull();
    expect(nextItem(items, gap)?.id).toBe("b");
  });
});
