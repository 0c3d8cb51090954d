import { describe, expect, it } from "vitest";
import { formatVttTime, MAX_CUES, parseSubtitles, type SubtitleResult } from "./subtitles";

const ok = (result: SubtitleResult) => {
  if (!result.ok) throw new Error(`expected success, got ${result.reason} at line ${result.line}: ${result.text}`);
  return result;
};
const error = (result: SubtitleResult) => (result.ok ? null : { line: result.line, reason: result.reason, text: result.text });

const srt = ["1", "00:00:01,000 --> 00:00:04,000", "기후 변화와 대기 질", "", "2", "00:00:05,500 --> 00:00:07,250", "清洁空气论坛", "second line", ""].join("\n");

describe("formatVttTime", () => {
  it("writes hours, minutes, seconds and milliseconds with fixed widths", () => {
    expect(formatVttTime(0)).toBe("00:00:00.000");
    expect(formatVttTime(3_723_045)).toBe("01:02:03.045");
    expect(formatVttTime(100 * 3_600_000 + 1)).toBe("100:00:00.001");
  });
});

describe("parseSubtitles from SRT", () => {
  it("converts cues to WebVTT with dotted milliseconds", () => {
    const result = ok(parseSubtitles(srt, "ko.srt"));
    expect(result.vtt).toBe("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n기후 변화와 대기 질\n\n00:00:05.500 --> 00:00:07.250\n清洁空气论坛\nsecond line\n\n");
    expect(result.cues).toEqual([
      { startMs: 1000, endMs: 4000, text: "기후 변화와 대기 질" },
      { startMs: 5500, endMs: 7250, text: "清洁空气论坛\nsecond line" },
    ]);
  });

  it("keeps Korean and Chinese text byte for byte, CRLF files and a BOM included", () => {
    const text = "가나다 한국어 자막 🎤\n中文字幕，测试。";
    const result = ok(parseSubtitles(`\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\n${text.replace("\n", "\r\n")}\r\n`, "a.srt"));
    const bytes = (s: string) => Array.from(new TextEncoder().encode(s));
    expect(bytes(result.cues[0].text)).toEqual(bytes(text));
    expect(result.vtt).toContain(`\n${text}\n\n`);
    expect(result.vtt).not.toContain("\uFEFF");
  });

  it("reads old Mac CR line ends", () => {
    expect(ok(parseSubtitles("1\r00:00:01,000 --> 00:00:02,000\rHello\r", "a.srt")).cues).toHaveLength(1);
  });

  it("tolerates a missing index, a dot before the milliseconds and no spaces around the arrow", () => {
    const result = ok(parseSubtitles("00:00:01.000-->00:00:02,000\nHello\n\n00:00:03,000 --> 00:00:04,000\nWorld", "a.srt"));
    expect(result.cues.map((c) => c.startMs)).toEqual([1000, 3000]);
  });

  it("splits a cue that lost its blank line, taking the number before the timing as the next index", () => {
    const result = ok(parseSubtitles("1\n00:00:01,000 --> 00:00:02,000\nHello\n2\n00:00:03,000 --> 00:00:04,000\nWorld", "a.srt"));
    expect(result.cues).toEqual([
      { startMs: 1000, endMs: 2000, text: "Hello" },
      { startMs: 3000, endMs: 4000, text: "World" },
    ]);
  });

  it("removes font tags and {\\an8} overrides, lowercases <I>, and keeps italics", () => {
    const result = ok(parseSubtitles('1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color="#ffff00"><I>Hi</I></font>', "a.srt"));
    expect(result.cues[0].text).toBe("<i>Hi</i>");
  });

  it("escapes < and & that are not markup, and replaces --> inside text", () => {
    const result = ok(parseSubtitles("1\n00:00:01,000 --> 00:00:02,000\na < b && AT&T &amp; <b>bold</b> <v Kim>hi</v> <bold>\nx --> y", "a.srt"));
    expect(result.cues[0].text).toBe("a &lt; b &amp;&amp; AT&amp;T &amp; <b>bold</b> <v Kim>hi</v> &lt;bold>\nx → y");
    expect(result.vtt.split("\n").filter((l) => l.includes("-->"))).toHaveLength(1);
  });

  it("drops SRT coordinates after the end time", () => {
    expect(ok(parseSubtitles("1\n00:00:01,000 --> 00:00:02,000 X1:40 X2:600 Y1:20 Y2:50\nHi", "a.srt")).vtt).toContain("00:00:02.000\nHi");
  });

  it("sorts cues out of order by start, keeping equal starts in file order", () => {
    const text = ["00:00:05,000 --> 00:00:06,000", "late", "", "00:00:01,000 --> 00:00:02,000", "first", "", "00:00:01,000 --> 00:00:03,000", "second", ""].join("\n");
    expect(ok(parseSubtitles(text, "a.srt")).cues.map((c) => c.text)).toEqual(["first", "second", "late"]);
  });

  it("treats whitespace-only lines as cue separators", () => {
    expect(ok(parseSubtitles("1\n00:00:01,000 --> 00:00:02,000\nA\n  \t\n2\n00:00:03,000 --> 00:00:04,000\nB", "a.srt")).cues).toHaveLength(2);
  });
});

describe("parseSubtitles from WebVTT", () => {
  const vtt = [
    "WEBVTT - Clean Sky forum 1",
    "Kind: captions",
    "",
    "NOTE written by the interpreters",
    "spanning two lines",
    "",
    "STYLE",
    "::cue { color: yellow }",
    "",
    "REGION",
    "id:fred width:40%",
    "",
    "intro",
    "00:01.000 --> 00:04.000 align:start line:0 region:fred bogus",
    "<v Kim>안녕하세요</v>",
    "",
    "01:00:00.000 --> 01:00:01.500",
    "<c.yellow>一小时</c> &lt;3",
    "",
  ].join("\n");

  it("skips the header, NOTE, STYLE and REGION blocks, drops identifiers and keeps known cue settings", () => {
    const result = ok(parseSubtitles(vtt, "zh.vtt"));
    expect(result.vtt).toBe("WEBVTT\n\n00:00:01.000 --> 00:00:04.000 align:start line:0\n<v Kim>안녕하세요</v>\n\n01:00:00.000 --> 01:00:01.500\n<c.yellow>一小时</c> &lt;3\n\n");
  });

  it("goes by content, not by name: a WEBVTT file called .srt is WebVTT", () => {
    expect(ok(parseSubtitles(vtt, "upload.srt")).cues).toHaveLength(2);
  });

  it("reads a bare WEBVTT header followed straight by a cue", () => {
    expect(ok(parseSubtitles("WEBVTT\n00:01.000 --> 00:02.000\nHi", "a.vtt")).cues).toEqual([{ startMs: 1000, endMs: 2000, text: "Hi" }]);
  });

  it("applies WebVTT rules to a .vtt file that lost its header", () => {
    const result = ok(parseSubtitles("NOTE hi\n\n00:01.000 --> 00:02.000 position:10%\nHi", "a.VTT"));
    expect(result.vtt).toBe("WEBVTT\n\n00:00:01.000 --> 00:00:02.000 position:10%\nHi\n\n");
  });

  it("does not take WEBVTTX for a header", () => {
    expect(error(parseSubtitles("WEBVTTX\n\n00:01.000 --> 00:02.000\nHi", "a.srt"))).toEqual({ line: 1, reason: "notSubtitles", text: "WEBVTTX" });
  });
});

describe("parseSubtitles errors", () => {
  it("names the line of a malformed timing in the original file", () => {
    const text = "1\r\n00:00:01,000 --> 00:00:02,000\r\nA\r\n\r\n2\r\n00:00:03 --> 00:00:04,000\r\nB\r\n";
    expect(error(parseSubtitles(text, "a.srt"))).toEqual({ line: 6, reason: "badTimestamp", text: "00:00:03 --> 00:00:04,000" });
  });

  it("counts the BOM's line as line 1", () => {
    expect(error(parseSubtitles("\uFEFF1\n00:00:0x,000 --> 00:00:02,000\nA", "a.srt"))).toMatchObject({ line: 2, reason: "badTimestamp" });
  });

  it("refuses minutes or seconds of 60 and more", () => {
    expect(error(parseSubtitles("00:60:00,000 --> 01:00:00,000\nA", "a.srt"))?.reason).toBe("badTimestamp");
    expect(error(parseSubtitles("WEBVTT\n\n00:60.000 --> 01:10.000\nA", "a.vtt"))?.reason).toBe("badTimestamp");
  });

  it("reports a block without a timing after the first cue as a bad timing line", () => {
    const text = "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\nstray text\n";
    expect(error(parseSubtitles(text, "a.srt"))).toEqual({ line: 6, reason: "badTimestamp", text: "stray text" });
  });

  it("refuses a cue ending at or before its start", () => {
    expect(error(parseSubtitles("1\n00:00:05,000 --> 00:00:04,000\nA", "a.srt"))).toEqual({ line: 2, reason: "endBeforeStart", text: "00:00:05,000 --> 00:00:04,000" });
    expect(error(parseSubtitles("1\n00:00:05,000 --> 00:00:05,000\nA", "a.srt"))?.reason).toBe("endBeforeStart");
  });

  it("refuses a cue without text, or whose text was only SRT formatting", () => {
    expect(error(parseSubtitles("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nB", "a.srt"))).toMatchObject({ line: 2, reason: "emptyCue" });
    expect(error(parseSubtitles("1\n00:00:01,000 --> 00:00:02,000\n<font color=red></font>", "a.srt"))?.reason).toBe("emptyCue");
  });

  it("refuses empty, binary and non-subtitle files at line 1", () => {
    for (const [text, first] of [
      ["", ""],
      ["\uFEFF", ""],
      ["WEBVTT\n\nNOTE nothing here\n", "WEBVTT"],
      ["\u0000\u0000\u0000\u0018ftypmp42 --> ", "\u0000\u0000\u0000\u0018ftypmp42 --> "],
      ["# README\n\nUse a --> b to point.", "# README"],
      ["1\nHello\n\n00:00:01,000 --> 00:00:02,000\nA", "1"],
    ])
      expect(error(parseSubtitles(text, "a.srt")), JSON.stringify(text)).toEqual({ line: 1, reason: "notSubtitles", text: first });
  });

  it("truncates the offending line to 120 characters without splitting a character", () => {
    const long = `00:00:01,000 --> 00:00:0x,000 ${"자".repeat(200)}`;
    const result = error(parseSubtitles(`${long}\nA`, "a.srt"));
    expect(Array.from(result!.text)).toHaveLength(120);
    expect(long.startsWith(result!.text)).toBe(true);
  });

  it(`refuses more than ${MAX_CUES} cues, naming the first one too many`, () => {
    const cue = (n: number) => `${formatVttTime(n * 1000)} --> ${formatVttTime(n * 1000 + 500)}\nc${n}\n`;
    const at = (count: number) => Array.from({ length: count }, (_, n) => cue(n)).join("\n");
    expect(ok(parseSubtitles(`WEBVTT\n\n${at(MAX_CUES)}`, "a.vtt")).cues).toHaveLength(MAX_CUES);
    expect(error(parseSubtitles(`WEBVTT\n\n${at(MAX_CUES + 1)}`, "a.vtt"))).toMatchObject({ line: 3 + 3 * MAX_CUES, reason: "tooManyCues" });
  });
});
