import { describe, expect, it } from "vitest";
import { applyCommand, checkChoices, closesAt, effectiveStatus, seesPoll, seesResults, tally, type PollOption } from "./rules";

const label = (en: string) => ({ ko: "", zh: "", en });
const options: PollOption[] = [
  { id: "o1", label: label("Yes") },
  { id: "o2", label: label("No") },
  { id: "o3", label: label("Abstain") },
];

describe("a poll's timer", () => {
  const openedAt = new Date("2021-11-22T01:00:00Z");
  it("closes an open poll when it runs out", () => {
    const poll = { status: "open" as const, openedAt, timerSeconds: 60 };
    expect(closesAt(poll)).toEqual(new Date("2021-11-22T01:01:00Z"));
    expect(effectiveStatus(poll, new Date("2021-11-22T01:00:59Z"))).toBe("open");
    expect(effectiveStatus(poll, new Date("2021-11-22T01:01:00Z"))).toBe("closed");
  });
  it("keeps a poll without a timer open until it is closed", () => {
    expect(effectiveStatus({ status: "open", openedAt, timerSeconds: null }, new Date("2021-11-23T00:00:00Z"))).toBe("open");
    expect(closesAt({ status: "draft", openedAt: null, timerSeconds: 30 })).toBeNull();
  });
});

describe("an answer", () => {
  it("is one option of a single-choice poll", () => {
    expect(checkChoices(options, false, ["o2"])).toEqual({ ok: true, choices: ["o2"] });
    expect(checkChoices(options, false, ["o1", "o2"])).toEqual({ ok: false, error: "pollSingleChoice" });
  });
  it("is one or more options of a multiple-choice poll, each counted once, in the poll's order", () => {
    expect(checkChoices(options, true, ["o3", "o1", "o3"])).toEqual({ ok: true, choices: ["o1", "o3"] });
  });
  it("names only the poll's options, and at least one", () => {
    expect(checkChoices(options, true, [])).toEqual({ ok: false, error: "pollChoiceInvalid" });
    expect(checkChoices(options, false, ["o9"])).toEqual({ ok: false, error: "pollChoiceInvalid" });
  });
});

describe("who sees what", () => {
  it("drafts are for organizers", () => {
    expect(seesPoll(true, "draft")).toBe(true);
    expect(seesPoll(false, "draft")).toBe(false);
    expect(seesPoll(false, "open")).toBe(true);
  });
  it("results: organizers live, others once revealed", () => {
    expect(seesResults(true, { status: "open", revealed: false })).toBe(true);
    expect(seesResults(false, { status: "open", revealed: false })).toBe(false);
    expect(seesResults(false, { status: "closed", revealed: true })).toBe(true);
  });
});

describe("organizers' commands", () => {
  it("launch a draft, close an open poll, reveal and hide results of a launched one", () => {
    expect(applyCommand("open", { status: "draft", revealed: false })).toEqual({ status: "open", revealed: false });
    expect(applyCommand("open", { status: "closed", revealed: false })).toBeNull();
    expect(applyCommand("close", { status: "open", revealed: false })).toEqual({ status: "closed", revealed: false });
    expect(applyCommand("close", { status: "draft", revealed: false })).toBeNull();
    expect(applyCommand("reveal", { status: "closed", revealed: false })).toEqual({ status: "closed", revealed: true });
    expect(applyCommand("reveal", { status: "draft", revealed: false })).toBeNull();
    expect(applyCommand("hide", { status: "open", revealed: true })).toEqual({ status: "open", revealed: false });
    expect(applyCommand("hide", { status: "open", revealed: false })).toBeNull();
  });
});

describe("the count", () => {
  it("counts each person once per option", () => {
    expect(tally(options, [["o1"], ["o1", "o3"], ["o3", "o3"], ["o9"]])).toEqual([
      { optionId: "o1", count: 2 },
      { optionId: "o2", count: 0 },
      { optionId: "o3", count: 2 },
    ]);
  });
});
