import { describe, expect, it } from "vitest";
import { captionAttributes, captionFromAgent, CHANNEL, readCaption, STARTS_AT } from "./wire";

const facts = {
  segmentId: "TR_a.k1.0",
  final: true,
  trackSid: "TR_a",
  channel: "zh" as const,
  speaker: "user-1",
  language: "zh",
  startsAt: new Date("2021-11-22T01:00:00.000Z"),
  endsAt: new Date("2021-11-22T01:00:04.500Z"),
};

describe("captions on the wire", () => {
  it("reads back what the worker writes", () => {
    const attributes = captionAttributes(facts);
    expect(attributes["lk.transcription_final"]).toBe("true");
    expect(attributes["lk.segment_id"]).toBe("TR_a.k1.0");
    expect(attributes["lk.transcribed_track_id"]).toBe("TR_a");
    expect(readCaption(attributes, "各位早上好")).toEqual({ ...facts, text: "各位早上好" });
    expect(readCaption(captionAttributes({ ...facts, final: false }), "各位")?.final).toBe(false);
  });

  it("refuses a caption for no channel of ours, without a segment, or without its instants", () => {
    const attributes = captionAttributes(facts);
    expect(readCaption({ ...attributes, [CHANNEL]: "fr" }, "x")).toBeNull();
    expect(readCaption({ ...attributes, "lk.segment_id": "" }, "x")).toBeNull();
    expect(readCaption({ ...attributes, [STARTS_AT]: "yesterday" }, "x")).toBeNull();
    expect(readCaption(undefined, "x")).toBeNull();
  });

  it("believes only a sender LiveKit reports as an agent", () => {
    expect(captionFromAgent(4)).toBe(true);
    for (const kind of [0, 1, 2, 3, undefined]) expect(captionFromAgent(kind)).toBe(false);
  });
});
