import { describe, expect, it } from "vitest";
import { channelLines, KEEP, mergeCaption, mergeHistory, type CaptionLine } from "./lines";

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

describe("the transcript so far, taken in under what arrived live", () => {
  it("adds the stored lines in spoken order, keeps a live line unless the stored one is final and it is not", () => {
    const live = [line("s2", "fine dust", false, 20), line("s3", "Trucks.", true, 30)];
    const stored = [line("s1", "Air quality.", true, 10), line("s2", "Fine dust rules.", true, 20), line("s3", "trucks", false, 30)].map((l) => ({ ...l, receivedAt: 0, speakerName: "김 서연" }));
    const merged = mergeHistory(live, stored);
    expect(merged.map((l) => [l.segmentId, l.text, l.final])).toEqual([
      ["s1", "Air quality.", true],
      ["s2", "Fine dust rules.", true],
      ["s3", "Trucks.", true],
    ]);
    expect(merged[0].speakerName).toBe("김 서연");
    // The final text taken from the store keeps when the live line arrived (the overlay's freshness).
    expect(merged[1].receivedAt).toBe(20_000);
  });

  it("keeps only the most recent lines", () => {
    const stored = Array.from({ length: KEEP + 3 }, (_, i) => line(`h${i}`, "x", true, i));
    const merged = mergeHistory([], stored);
    expect(merged).toHaveLength(KEEP);
    expect(merged[0].segmentId).toBe("h3");
  });
});
