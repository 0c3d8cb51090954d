import { describe, expect, it } from "vitest";
import { parseSubtitles } from "./subtitles";
import type { StoredCaption } from "@/lib/captions/store";
import { captionCues, captionsVtt } from "./caption-subtitles";

const at = (s: number) => new Date(Date.UTC(2021, 10, 22, 1, 0, 0) + s * 1000);
const cap = (channel: string, language: string, text: string, from: number, to: number): StoredCaption => ({ channel, language, text, startsAt: at(from), endsAt: at(to) });
const timeline = { startedAt: at(10), endedAt: at(100) };

describe("a recording's subtitles from its captions", () => {
  const captions = [
    cap("floor", "ko", "안녕하십니까", 12, 15),
    cap("zh", "zh", "大家好", 12.5, 15.5),
    cap("floor", "zh", "谢谢主持人", 20, 24),
    cap("ko", "ko", "사회자님 감사합니다", 20.5, 24.5),
    cap("floor", "ko", "before the recording", 1, 5),
    cap("floor", "ko", "across its start", 8, 11),
    cap("floor", "ko", "across its end", 98, 103),
  ];

  it("gives each language its channel's captions and the floor's in that language, on the recording's timeline", () => {
    expect(captionCues(captions, timeline, "ko")).toEqual([
      { startMs: 0, endMs: 1000, text: "across its start" },
      { startMs: 2000, endMs: 5000, text: "안녕하십니까" },
      { startMs: 10500, endMs: 14500, text: "사회자님 감사합니다" },
      { startMs: 88000, endMs: 90000, text: "across its end" },
    ]);
    expect(captionCues(captions, timeline, "zh").map((c) => c.text)).toEqual(["大家好", "谢谢主持人"]);
    expect(captionCues(captions, timeline, "en")).toEqual([]);
  });

  it("writes WebVTT that the upload reader accepts, the speaker's words never read as markup", () => {
    const cues = captionCues([cap("floor", "en", "PM2.5 <b>up</b> & rising", 11, 13)], timeline, "en");
    const vtt = captionsVtt(cues);
    expect(vtt).toContain("NOTE Automatic captions");
    const read = parseSubtitles(vtt, "en.vtt");
    expect(read.ok && read.cues).toEqual([{ startMs: 1000, endMs: 3000, text: "PM2.5 &lt;b&gt;up&lt;/b&gt; &amp; rising" }]);
  });
});
