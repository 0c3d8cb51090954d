import { describe, expect, it } from "vitest";
import { channelLines, KEEP, mergeCaption, type CaptionLine } from "./lines";

const line = (segmentId: string, text: string, final: boolean, second: number, channel: CaptionLine["channel"] = "floor"): CaptionLine => ({
  segmentId,
  text,
  final,
  channel,
  trackSid: "TR_1",
  speaker: "u1",
  language: "en",
  startsAt: new Date(Date.UTC(2021, 10, 22, 1, 0, second)),
  endsAt: new Date(Date.UTC(2021, 10, 22, 1, 0, second + 2)),
  receivedAt: second * 1000,
});

describe("the captions a client keeps", () => {
  it("replaces an interim caption by its longer text and then its final one, never a final by a late interim", () => {
    let lines = mergeCaption([], line("s1", "air quality", false, 0));
    lines = mergeCaption(lines, line("s1", "air quality forecasts", false, 0));
    lines = mergeCaption(lines, line("s1", "Air quality forecasts.", true, 0));
    lines = mergeCaption(lines, line("s1", "air quality", false, 0));
    expect(lines.map((l) => [l.text, l.final])).toEqual([["Air quality forecasts.", true]]);
  });

  it("keeps lines of interleaved channels in spoken order, and only the most recent ones", () => {
    let lines = mergeCaption([], line("b", "second", true, 5, "ko"));
    lines = mergeCaption(lines, line("a", "first", true, 1));
    expect(lines.map((l) => l.segmentId)).toEqual(["a", "b"]);
    for (let i = 0; i < KEEP + 5; i++) lines = mergeCaption(lines, line(`n${i}`, "x", true, 10 + i));
    expect(lines).toHaveLength(KEEP);
    expect(lines.at(-1)!.segmentId).toBe(`n${KEEP + 4}`);
  });

  it("finds a channel's lines by a word, whatever its case or width", () => {
    const lines = [line("a", "Fine DUST in Seoul", true, 1), line("b", "미세먼지 농도", true, 2, "ko"), line("c", "ＰＭ2.5 levels", true, 3)];
    expect(channelLines(lines, "floor", "dust").map((l) => l.segmentId)).toEqual(["a"]);
    expect(channelLines(lines, "floor", "pm2.5").map((l) => l.segmentId)).toEqual(["c"]);
    expect(channelLines(lines, "ko", "먼지").map((l) => l.segmentId)).toEqual(["b"]);
    expect(channelLines(lines, "floor").map((l) => l.segmentId)).toEqual(["a", "c"]);
  });
});
