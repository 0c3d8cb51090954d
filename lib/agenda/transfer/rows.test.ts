import { describe, expect, it } from "vitest";
import { parseLocalTime, readRow, toInstant } from "./rows";
import { cells } from "./testing";

const session = cells({
  forum_slug: "forecast",
  forum_starts_at: "2021-11-22 09:30",
  forum_ends_at: "2021-11-22 12:00",
  session_key: "ai",
  title_en: " AI forecasting ",
  kind: "Talk",
  language: "EN",
  starts_at: "2021-11-22 09:45",
  ends_at: "2021-11-22T10:30",
  speakers: "kim@example.test; 王芳 | Wang Fang",
  interpreters: "Guest",
});

describe("wall-clock times in the spreadsheet", () => {
  it("accept the export's format, the ISO 'T' form and what Excel writes back", () => {
    expect(parseLocalTime("2021-11-22 09:30")).toBe("2021-11-22T09:30");
    expect(parseLocalTime("2021-11-22T09:30")).toBe("2021-11-22T09:30");
    expect(parseLocalTime("2021/11/22 9:30:00")).toBe("2021-11-22T09:30");
    expect(parseLocalTime("22/11/2021 09:30")).toBeNull();
    expect(parseLocalTime("2021-11-22")).toBeNull();
  });

  it("read a time in the row's zone and refuse impossible dates and skipped hours", () => {
    expect(toInstant("2021-11-22 09:30", "Asia/Seoul")?.toISOString()).toBe("2021-11-22T00:30:00.000Z");
    expect(toInstant("2021-11-22 09:30", "Asia/Kathmandu")?.toISOString()).toBe("2021-11-22T03:45:00.000Z");
    expect(toInstant("2021-02-30 09:30", "Asia/Seoul")).toBeNull();
    expect(toInstant("2021-03-14 02:30", "America/New_York")).toBeNull();
  });
});

describe("a spreadsheet row → forum cells and a session input", () => {
  it("reads the session through the editor's schema, times in the event's zone when the row names none", () => {
    const row = readRow(3, session, "Asia/Seoul");
    expect(row.problems).toEqual([]);
    expect(row.forum).toEqual({ slug: "forecast", title: {}, startsAt: new Date("2021-11-22T00:30:00Z"), endsAt: new Date("2021-11-22T03:00:00Z") });
    expect(row.session?.fields).toMatchObject({ key: "ai", title: { ko: "", zh: "", en: "AI forecasting" }, kind: "talk", language: "en", zone: "Asia/Seoul", startsAt: "2021-11-22T09:45" });
    expect(row.session?.endsAt.toISOString()).toBe("2021-11-22T01:30:00.000Z");
    expect(row.speakers.map((s) => [s.role, s.entry.email ?? s.entry.name])).toEqual([
      ["speaker", "kim@example.test"],
      ["speaker", "王芳"],
      ["interpreter", "Guest"],
    ]);
  });

  it("reads times in the zone the row names", () => {
    const row = readRow(2, { ...session, time_zone: "Asia/Shanghai" }, "Asia/Seoul");
    expect(row.session?.startsAt.toISOString()).toBe("2021-11-22T01:45:00.000Z");
    expect(row.forum.startsAt?.toISOString()).toBe("2021-11-22T01:30:00.000Z");
  });

  it("tells a forum-only row from a session row", () => {
    const row = readRow(2, cells({ forum_slug: "empty", forum_title_en: "Empty" }), "Asia/Seoul");
    expect(row).toMatchObject({ hasSession: false, session: null, problems: [], forum: { title: { en: "Empty" }, startsAt: null } });
  });

  it("names the column of every problem with a message key", () => {
    const row = readRow(7, { ...session, forum_slug: "", title_en: "", kind: "keynote", language: "fr", session_key: "Bad Key", starts_at: "tomorrow", speakers: "a | b | c | d" }, "Asia/Seoul");
    expect(row.problems).toEqual(
      expect.arrayContaining([
        { row: 7, column: "forum_slug", message: "required" },
        { row: 7, column: "kind", message: "invalidKind", params: { value: "keynote" } },
        { row: 7, column: "language", message: "invalidLanguage", params: { value: "fr" } },
        { row: 7, column: "starts_at", message: "invalidTime" },
        { row: 7, column: "speakers", message: "speakerFormat", params: { value: "a | b | c | d" } },
        { row: 7, column: "session_key", message: "invalidKey" },
        { row: 7, column: "title_en", message: "titleRequired" },
      ]),
    );
    expect(row.session).toBeNull();
  });

  it("refuses an unknown time zone without also blaming the times", () => {
    const row = readRow(2, { ...session, time_zone: "Mars/Olympus" }, "Asia/Seoul");
    expect(row.problems).toEqual([{ row: 2, column: "time_zone", message: "invalidZone" }]);
  });
});
