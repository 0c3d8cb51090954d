import { describe, expect, it } from "vitest";
import { hlsTranscript } from "./hls-transcript";

const T0 = Date.UTC(2021, 10, 25, 1, 0, 0);
const clock = (s: number) => T0 + s * 1000;

describe("the HLS player's transcript", () => {
  it("joins a sentence cut into segments, taking its latest text, and keeps separate sentences apart", () => {
    const lines = hlsTranscript(
      [
        { startTime: 12, endTime: 14, text: "Air quality" },
        { startTime: 10.5, endTime: 12, text: "Air quality" },
        { startTime: 14, endTime: 15.2, text: "Air quality forecasts for Seoul." },
        { startTime: 16, endTime: 17, text: "Thank you." },
        { startTime: 17, endTime: 18, text: "  " },
        { startTime: 18.05, endTime: 19, text: "Next question" },
      ],
      "en",
      clock,
    );
    expect(lines.map((l) => [l.text, l.startsAt.getTime() - T0, l.endsAt.getTime() - T0])).toEqual([
      ["Air quality forecasts for Seoul.", 10_500, 15_200],
      ["Thank you.", 16_000, 17_000],
      ["Next question", 18_050, 19_000],
    ]);
    expect(new Set(lines.map((l) => l.segmentId)).size).toBe(3);
    expect(lines.every((l) => l.channel === "en" && l.language === "en" && l.speaker === "")).toBe(true);
  });

  it("never joins a sentence that does not carry on the one before, even when they touch", () => {
    const lines = hlsTranscript(
      [
        { startTime: 0, endTime: 2, text: "맑은 하늘" },
        { startTime: 2, endTime: 4, text: "감사합니다" },
      ],
      "floor",
      clock,
    );
    expect(lines.map((l) => l.text)).toEqual(["맑은 하늘", "감사합니다"]);
    expect(lines[0].language).toBe("");
  });
});
