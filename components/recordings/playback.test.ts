import { describe, expect, it } from "vitest";
import { channelTime, chapterJump, keyAction, keyBelongsToTarget } from "./playback";

describe("keyAction", () => {
  it("maps Space and K to play/pause, J/L to ±10 s, the arrows to ±5 s and , . to chapters", () => {
    expect(keyAction(" ")).toEqual({ kind: "toggle" });
    expect(keyAction("K")).toEqual({ kind: "toggle" });
    expect(keyAction("j")).toEqual({ kind: "seekBy", seconds: -10 });
    expect(keyAction("L")).toEqual({ kind: "seekBy", seconds: 10 });
    expect(keyAction("ArrowLeft")).toEqual({ kind: "seekBy", seconds: -5 });
    expect(keyAction("ArrowRight")).toEqual({ kind: "seekBy", seconds: 5 });
    expect(keyAction(",")).toEqual({ kind: "chapter", direction: -1 });
    expect(keyAction(".")).toEqual({ kind: "chapter", direction: 1 });
  });

  it("ignores every other key", () => {
    expect(keyAction("a")).toBeNull();
    expect(keyAction("Enter")).toBeNull();
    expect(keyAction("ArrowUp")).toBeNull();
  });
});

describe("keyBelongsToTarget", () => {
  it("leaves every key to a field, Space and arrows to a button, Space to the focused video, nothing to the player itself", () => {
    expect(keyBelongsToTarget("k", "field")).toBe(true);
    expect(keyBelongsToTarget(" ", "control")).toBe(true);
    expect(keyBelongsToTarget("ArrowLeft", "control")).toBe(true);
    expect(keyBelongsToTarget("k", "control")).toBe(false);
    expect(keyBelongsToTarget(" ", "media")).toBe(true);
    expect(keyBelongsToTarget("ArrowRight", "media")).toBe(false);
    expect(keyBelongsToTarget("j", "media")).toBe(false);
    expect(keyBelongsToTarget(" ", "other")).toBe(false);
  });
});

describe("chapterJump", () => {
  const chapters = [{ offsetMs: 0 }, { offsetMs: 20_000 }, { offsetMs: 40_000 }];

  it("goes to the next chapter's start, and nowhere after the last", () => {
    expect(chapterJump(chapters, 5_000, 1)).toBe(20_000);
    expect(chapterJump(chapters, 20_000, 1)).toBe(40_000);
    expect(chapterJump(chapters, 50_000, 1)).toBeNull();
  });

  it("goes back to the current chapter's start, or to the one before when just past its start", () => {
    expect(chapterJump(chapters, 30_000, -1)).toBe(20_000);
    expect(chapterJump(chapters, 21_000, -1)).toBe(0);
    expect(chapterJump(chapters, 1_000, -1)).toBe(0);
  });

  it("has nothing to jump to before the first chapter or without chapters", () => {
    expect(chapterJump([{ offsetMs: 10_000 }], 5_000, -1)).toBeNull();
    expect(chapterJump([{ offsetMs: 10_000 }], 5_000, 1)).toBe(10_000);
    expect(chapterJump([], 5_000, 1)).toBeNull();
  });
});

describe("channelTime", () => {
  const channel = { offsetMs: 5_000, durationMs: 50_000 };

  it("is the video's time less the channel's start, while the channel runs", () => {
    expect(channelTime(channel, 5)).toBe(0);
    expect(channelTime(channel, 20.5)).toBe(15.5);
  });

  it("is null before the channel starts and from its end on (the floor plays then)", () => {
    expect(channelTime(channel, 4.9)).toBeNull();
    expect(channelTime(channel, 55)).toBeNull();
  });

  it("ends with the audio file when the channel's duration was not recorded", () => {
    expect(channelTime({ offsetMs: 0, durationMs: null }, 100)).toBe(100);
    expect(channelTime({ offsetMs: 0, durationMs: null }, 100, 90)).toBeNull();
  });
});
