import { describe, expect, it } from "vitest";
import { chapterAt, computeChapters, formatOffset, parseOffset, type ChapterRecording, type ChapterSession } from "./chapters";

const at = (hhmm: string) => new Date(`2021-11-22T${hhmm}Z`);
const min = 60_000;
const text = (s: string) => ({ ko: s, zh: s, en: s });

function session(id: string, scheduled: [string, string], ran: [string | null, string | null] = [null, null], status: ChapterSession["status"] = "ended"): ChapterSession {
  return {
    id,
    title: text(id),
    startsAt: at(scheduled[0]),
    endsAt: at(scheduled[1]),
    liveAt: ran[0] ? at(ran[0]) : null,
    endedAt: ran[1] ? at(ran[1]) : null,
    status,
  };
}

function recording(start: string, end: string | null, durationMs: number | null = end ? at(end).getTime() - at(start).getTime() : null): ChapterRecording {
  return { startedAt: at(start), endedAt: end ? at(end) : null, durationMs };
}

const offsets = (r: ChapterRecording, sessions: ChapterSession[]) => computeChapters(r, sessions).map((c) => [c.sessionId, c.offsetMs]);

// The forum as it really ran: each session went live a little late and some overran.
const forum = [
  session("opening", ["00:30:00", "01:00:00"], ["00:32:00", "00:58:00"]),
  session("talk", ["01:00:00", "01:45:00"], ["01:01:00", "01:50:00"]),
  session("panel", ["01:45:00", "02:30:00"], ["01:52:00", "02:35:00"]),
  session("closing", ["02:30:00", "03:00:00"], [null, null], "cancelled"),
];

describe("computeChapters", () => {
  it("places each session at its live start on a recording started on time", () => {
    expect(offsets(recording("00:31:00", "02:36:00"), forum)).toEqual([
      ["opening", 1 * min],
      ["talk", 30 * min],
      ["panel", 81 * min],
    ]);
  });

  it("carries the session's title", () => {
    expect(computeChapters(recording("00:31:00", "02:36:00"), forum)[0].title).toEqual(text("opening"));
  });

  it("opens a recording started late on the session already running, at 0", () => {
    expect(offsets(recording("01:10:00", "02:36:00"), forum)).toEqual([
      ["talk", 0],
      ["panel", 42 * min],
    ]);
  });

  it("gives each part of a restarted recording its own sessions, the one running across the restart in both", () => {
    expect(offsets(recording("00:31:00", "01:20:00"), forum)).toEqual([
      ["opening", 1 * min],
      ["talk", 30 * min],
    ]);
    expect(offsets(recording("01:22:00", "02:36:00"), forum)).toEqual([
      ["talk", 0],
      ["panel", 30 * min],
    ]);
  });

  it("uses scheduled times for sessions never started live", () => {
    const planned = [session("a", ["00:30:00", "01:00:00"], [null, null], "scheduled"), session("b", ["01:00:00", "01:30:00"], [null, null], "scheduled")];
    expect(offsets(recording("00:25:00", "01:40:00"), planned)).toEqual([
      ["a", 5 * min],
      ["b", 35 * min],
    ]);
  });

  it("leaves cancelled sessions out even when they fall inside the recording", () => {
    expect(offsets(recording("02:00:00", "03:10:00"), forum).map(([id]) => id)).toEqual(["panel"]);
  });

  it("leaves out a session that ended as the recording started, or began as it ended", () => {
    expect(offsets(recording("00:58:00", "01:52:00"), forum)).toEqual([["talk", 3 * min]]);
  });

  it("ends a session at the next one's start when an organizer never ended it", () => {
    const unended = [session("a", ["00:30:00", "01:00:00"], ["00:30:00", null], "live"), session("b", ["01:00:00", "01:30:00"], ["01:02:00", null], "live")];
    expect(offsets(recording("01:05:00", null, null), unended)).toEqual([["b", 0]]);
  });

  it("keeps a session that went live after its scheduled end, until the next one starts", () => {
    const overran = [session("a", ["00:30:00", "01:00:00"], ["01:10:00", null], "ended"), session("b", ["01:00:00", "01:30:00"], ["01:40:00", "02:00:00"])];
    expect(offsets(recording("01:20:00", "02:00:00"), overran)).toEqual([
      ["a", 0],
      ["b", 20 * min],
    ]);
  });

  it("sets tied offsets 1 ms apart in order of real, then scheduled, start", () => {
    const odd = [
      session("second", ["01:00:00", "01:30:00"], ["00:40:00", "01:30:00"]),
      session("first", ["00:30:00", "01:00:00"], ["00:40:00", "01:00:00"]),
      session("third", ["01:30:00", "02:00:00"], ["00:50:00", "02:00:00"]),
    ];
    expect(offsets(recording("00:40:00", "02:00:00"), odd)).toEqual([
      ["first", 0],
      ["second", 1],
      ["third", 10 * min],
    ]);
  });

  it("pushes a later chapter on when a tie lands on its offset", () => {
    const packed = [
      session("a", ["00:30:00", "01:00:00"], ["00:40:00", null]),
      session("b", ["00:31:00", "01:00:00"], ["00:40:00", null]),
      session("c", ["00:32:00", "01:00:00"], ["00:40:00.001", null]),
    ];
    expect(offsets(recording("00:40:00", "01:00:00"), packed)).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
  });

  it("leaves out chapters at or beyond the known duration", () => {
    expect(offsets(recording("00:31:00", null, 30 * min), forum)).toEqual([["opening", 1 * min]]);
    expect(offsets(recording("00:31:00", null, 30 * min + 1), forum)).toEqual([
      ["opening", 1 * min],
      ["talk", 30 * min],
    ]);
    // The end instant may be later than the media actually lasts (a stop takes a moment).
    expect(offsets(recording("00:31:00", "02:36:00", 80 * min), forum).map(([id]) => id)).toEqual(["opening", "talk"]);
  });

  it("keeps the recording open-ended while it has neither end nor duration", () => {
    const live = [...forum.slice(0, 2), session("panel", ["01:45:00", "02:30:00"], ["01:52:00", null], "live")];
    expect(offsets(recording("01:55:00", null, null), live)).toEqual([["panel", 0]]);
  });

  it("returns no chapters without sessions", () => {
    expect(computeChapters(recording("00:31:00", "02:36:00"), [])).toEqual([]);
  });
});

describe("chapterAt", () => {
  const chapters = [{ offsetMs: 0 }, { offsetMs: 1 }, { offsetMs: 30 * min }];

  it("finds the last chapter starting at or before the position", () => {
    expect(chapterAt(chapters, 0)).toBe(0);
    expect(chapterAt(chapters, 1)).toBe(1);
    expect(chapterAt(chapters, 30 * min - 1)).toBe(1);
    expect(chapterAt(chapters, 30 * min)).toBe(2);
    expect(chapterAt(chapters, 10 * 60 * min)).toBe(2);
  });

  it("answers -1 before the first chapter, without chapters, or for a position that is not a number", () => {
    expect(chapterAt([{ offsetMs: 5000 }], 4999)).toBe(-1);
    expect(chapterAt([], 0)).toBe(-1);
    expect(chapterAt(chapters, Number.NaN)).toBe(-1);
  });
});

describe("formatOffset", () => {
  it("writes M:SS below an hour and H:MM:SS from an hour on, dropping milliseconds", () => {
    expect(formatOffset(0)).toBe("0:00");
    expect(formatOffset(59_999)).toBe("0:59");
    expect(formatOffset(62 * 1000 + 3000)).toBe("1:05");
    expect(formatOffset(59 * min + 59_000)).toBe("59:59");
    expect(formatOffset(3_723_500)).toBe("1:02:03");
    expect(formatOffset(25 * 60 * min)).toBe("25:00:00");
  });

  it("shows a negative position as the start", () => {
    expect(formatOffset(-5000)).toBe("0:00");
  });
});

describe("parseOffset", () => {
  it("reads clock forms, plain seconds and fractions", () => {
    expect(parseOffset("1:02:03")).toBe(3_723_000);
    expect(parseOffset("62:03")).toBe(3_723_000);
    expect(parseOffset("3723")).toBe(3_723_000);
    expect(parseOffset("1:02:03.5")).toBe(3_723_500);
    expect(parseOffset("0:00.045")).toBe(45);
    expect(parseOffset(" 0:07 ")).toBe(7000);
  });

  it("reads YouTube-style units", () => {
    expect(parseOffset("1h2m3s")).toBe(3_723_000);
    expect(parseOffset("90s")).toBe(90_000);
    expect(parseOffset("2m")).toBe(120_000);
    expect(parseOffset("1H")).toBe(3_600_000);
    expect(parseOffset("1m30.25s")).toBe(90_250);
  });

  it("gives back what formatOffset wrote", () => {
    for (const ms of [0, 7000, 3_723_000, 25 * 60 * min]) expect(parseOffset(formatOffset(ms))).toBe(ms);
  });

  it("refuses fields of 60 below a larger one, and anything else", () => {
    for (const text of ["", " ", "1:60", "1:60:00", "1:02:60", "-5", "1:", ":30", "1.2.3", "1:02:03.5000", "h", "2m1h", "1.5m", "abc", "1 h", "1:2:3:4", "9".repeat(20)])
      expect(parseOffset(text), text).toBeNull();
  });
});
