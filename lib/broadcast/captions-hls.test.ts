import { describe, expect, it } from "vitest";
import { captionRenditionsOf, captionSegmentName, captionsPlaylist, captionsSegment, parseCaptionSegmentName, readStagePlaylist, SETTLE_MS } from "./captions-hls";

const T0 = Date.parse("2021-11-25T01:00:00.000Z");
const stageText = (ended = false) =>
  [
    "#EXTM3U",
    "#EXT-X-VERSION:4",
    "#EXT-X-TARGETDURATION:2",
    "#EXT-X-MEDIA-SEQUENCE:40",
    "#EXT-X-PROGRAM-DATE-TIME:2021-11-25T01:00:00Z",
    "#EXTINF:2.000,",
    "seg_00040.ts",
    "#EXT-X-PROGRAM-DATE-TIME:2021-11-25T01:00:02Z",
    "#EXTINF:2.000,",
    "seg_00041.ts",
    "#EXT-X-DISCONTINUITY",
    "#EXT-X-PROGRAM-DATE-TIME:2021-11-25T01:00:10Z",
    "#EXTINF:1.500,",
    "seg_00042.ts",
    ...(ended ? ["#EXT-X-ENDLIST"] : []),
  ].join("\n");

describe("readStagePlaylist", () => {
  it("numbers the segments from the media sequence, with their instants and discontinuities", () => {
    const stage = readStagePlaylist(stageText());
    expect(stage.segments.map((s) => [s.sequence, s.startsAt! - T0, s.seconds, s.uri, s.discontinuity])).toEqual([
      [40, 0, 2, "seg_00040.ts", false],
      [41, 2000, 2, "seg_00041.ts", false],
      [42, 10_000, 1.5, "seg_00042.ts", true],
    ]);
    expect(stage.ended).toBe(false);
  });

  it("carries a PROGRAM-DATE-TIME on to the segments that follow without one", () => {
    const stage = readStagePlaylist("#EXTM3U\n#EXT-X-PROGRAM-DATE-TIME:2021-11-25T01:00:00Z\n#EXTINF:2,\na.ts\n#EXTINF:2,\nb.ts\n");
    expect(stage.segments.map((s) => s.startsAt! - T0)).toEqual([0, 2000]);
  });
});

describe("captionsPlaylist", () => {
  it("follows the stage segment for segment, listing those whose captions have settled", () => {
    const stage = readStagePlaylist(stageText());
    const text = captionsPlaylist(stage, "en", T0 + 4000 + SETTLE_MS);
    expect(text.split("\n")).toEqual([
      "#EXTM3U",
      "#EXT-X-VERSION:4",
      "#EXT-X-TARGETDURATION:2",
      "#EXT-X-MEDIA-SEQUENCE:40",
      "#EXT-X-PROGRAM-DATE-TIME:2021-11-25T01:00:00.000Z",
      "#EXTINF:2.000,",
      "en-40.vtt",
      "#EXT-X-PROGRAM-DATE-TIME:2021-11-25T01:00:02.000Z",
      "#EXTINF:2.000,",
      "en-41.vtt",
      "",
    ]);
  });

  it("lists every segment, discontinuities kept, once the stage has ended", () => {
    const text = captionsPlaylist(readStagePlaylist(stageText(true)), "floor", T0);
    expect(text).toContain("#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:2021-11-25T01:00:10.000Z\n#EXTINF:1.500,\nfloor-42.vtt\n#EXT-X-ENDLIST\n");
  });
});

describe("captionsSegment", () => {
  const at = (s: number) => new Date(T0 + s * 1000);
  const captions = [
    { channel: "floor", language: "ko", text: "안녕하세요", startsAt: at(0.5), endsAt: at(3) },
    { channel: "en", language: "en", text: "Good <morning>", startsAt: at(1), endsAt: at(1.8) },
    { channel: "floor", language: "en", text: "Thank you", startsAt: at(1.2), endsAt: at(1.9) },
    { channel: "zh", language: "zh", text: "谢谢", startsAt: at(5), endsAt: at(6) },
  ];
  const segment = readStagePlaylist(stageText()).segments[0];

  it("maps the segment's start onto its first PTS and cuts each caption to the segment", () => {
    expect(captionsSegment(captions, segment, "floor", 900_000)).toBe(
      "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n\nNOTE Automatic captions (Plenary live captions), not reviewed.\n\n" +
        "00:00:00.500 --> 00:00:02.000\n안녕하세요\n\n00:00:01.200 --> 00:00:01.900\nThank you\n\n",
    );
  });

  it("gives a language its channel's captions and the floor's in that language, escaped", () => {
    const vtt = captionsSegment(captions, segment, "en", 900_000);
    expect(vtt).toContain("00:00:01.000 --> 00:00:01.800\nGood &lt;morning&gt;\n");
    expect(vtt).toContain("Thank you");
    expect(vtt).not.toContain("안녕하세요");
    expect(captionsSegment(captions, segment, "zh", 900_000)).not.toContain("-->");
  });

  it("is an empty file when the segment's clock is unknown", () => {
    expect(captionsSegment(captions, { ...segment, startsAt: null }, "floor", 1)).not.toContain("-->");
    expect(captionsSegment(captions, segment, "floor", null)).not.toContain("-->");
  });
});

describe("names", () => {
  it("reads back the segment names it writes, and nothing else", () => {
    expect(parseCaptionSegmentName(captionSegmentName("zh", 1234))).toEqual({ rendition: "zh", sequence: 1234 });
    for (const bad of ["fr-1.vtt", "en-1.ts", "en--1.vtt", "../en-1.vtt", "en-1.vtt?x", "en-12345678901.vtt"]) expect(parseCaptionSegmentName(bad)).toBeNull();
  });

  it("offers the floor and the event's languages", () => {
    expect(captionRenditionsOf(["ko", "zh"])).toEqual(["floor", "ko", "zh"]);
  });
});
