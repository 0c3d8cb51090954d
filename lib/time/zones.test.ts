import { describe, expect, it } from "vitest";
import { dayKey, formatClock, formatClockRange, formatDay, machineTime, offsetLabel, parseInstant, zoneName, zoneWithOffset } from "./zones";

// 09:30 in Seoul on the first conference day.
const forumStart = new Date("2021-11-22T00:30:00.000Z");

describe("time zones", () => {
  it("runs under an odd offset so code that forgets the zone fails", () => {
    expect(process.env.TZ).toBe("Asia/Kathmandu");
    expect(new Date(2021, 10, 22).getTimezoneOffset()).toBe(-345);
  });

  it("shows the same instant in Seoul, Beijing and a third zone", () => {
    expect(formatClock(forumStart, "Asia/Seoul")).toBe("09:30");
    expect(formatClock(forumStart, "Asia/Shanghai")).toBe("08:30");
    expect(formatClock(forumStart, "Europe/Berlin")).toBe("01:30");
    expect(formatClock(forumStart, "Asia/Kathmandu")).toBe("06:15");
  });

  it("puts an instant on the calendar day of the zone, not of the server", () => {
    expect(dayKey(forumStart, "Asia/Seoul")).toBe("2021-11-22");
    expect(dayKey(forumStart, "America/Los_Angeles")).toBe("2021-11-21");
  });

  it("formats ranges with a 24-hour clock", () => {
    const end = new Date("2021-11-22T03:00:00.000Z");
    expect(formatClockRange(forumStart, end, "Asia/Seoul")).toBe("09:30–12:00");
    expect(formatClockRange(forumStart, end, "Asia/Shanghai")).toBe("08:30–11:00");
  });

  it("labels offsets, including half and quarter hours and DST", () => {
    expect(offsetLabel(forumStart, "Asia/Seoul")).toBe("UTC+9");
    expect(offsetLabel(forumStart, "Asia/Shanghai")).toBe("UTC+8");
    expect(offsetLabel(forumStart, "Asia/Kathmandu")).toBe("UTC+5:45");
    expect(offsetLabel(forumStart, "Europe/Berlin")).toBe("UTC+1");
    expect(offsetLabel(new Date("2021-07-01T00:00:00Z"), "Europe/Berlin")).toBe("UTC+2");
    expect(offsetLabel(forumStart, "UTC")).toBe("UTC");
  });

  it("names zones and days in the viewer's language", () => {
    expect(zoneName(forumStart, "Europe/Berlin", "en")).toBe("Central European Time");
    expect(zoneName(forumStart, "Asia/Seoul", "en")).toBe("Korean Standard Time");
    expect(zoneName(forumStart, "Europe/Berlin", "ko")).toBe("중부유럽 시간");
    expect(zoneName(forumStart, "Europe/Berlin", "zh")).toBe("中欧时间");
    expect(zoneWithOffset(forumStart, "America/Los_Angeles", "ko")).toMatch(/^(북)?미 태평양 시간 \(UTC-8\)$/);
    expect(zoneWithOffset(forumStart, "UTC", "zh")).toBe("UTC");
    expect(formatDay(forumStart, "Asia/Seoul", "ko")).toBe("2021년 11월 22일 월요일");
    expect(formatDay(forumStart, "Asia/Seoul", "en")).toBe("Monday, 22 November 2021");
    expect(formatDay(forumStart, "Asia/Seoul", "zh")).toBe("2021年11月22日星期一");
  });

  it("accepts only explicit instants for ?now=", () => {
    expect(parseInstant("2021-11-22T10:00:00+09:00")?.toISOString()).toBe("2021-11-22T01:00:00.000Z");
    expect(parseInstant("2021-11-22T01:00Z")?.toISOString()).toBe("2021-11-22T01:00:00.000Z");
    expect(parseInstant("2021-11-22T10:00:00")).toBeNull();
    expect(parseInstant("yesterday")).toBeNull();
    // Impossible dates and times are refused, not moved (JavaScript's Date reads these as 2 March, 11:39…).
    expect(parseInstant("2027-02-30T10:00:00Z")).toBeNull();
    expect(parseInstant("2027-02-28T10:99Z")).toBeNull();
    expect(parseInstant("2027-02-28T24:00Z")).toBeNull();
    expect(parseInstant("2028-02-29T10:00Z")?.toISOString()).toBe("2028-02-29T10:00:00.000Z");
    expect(parseInstant(undefined)).toBeNull();
  });
});

describe("a <time>'s datetime", () => {
  it("is to the minute when the instant has no seconds, and reads back as the same instant", () => {
    const start = new Date("2021-11-22T00:30:00.000Z");
    expect(machineTime(start)).toBe("2021-11-22T00:30Z");
    expect(new Date(machineTime(start)).getTime()).toBe(start.getTime());
  });

  it("keeps seconds and milliseconds when there are any", () => {
    expect(machineTime(new Date("2021-11-22T00:30:15.000Z"))).toBe("2021-11-22T00:30:15.000Z");
    expect(machineTime(new Date("2021-11-22T00:30:00.250Z"))).toBe("2021-11-22T00:30:00.250Z");
  });
});

describe("wall-clock input in a zone", () => {
  it("turns a Seoul or Beijing wall-clock time into the right instant", async () => {
    const { zonedLocalToUtc, utcToZonedLocal } = await import("./zones");
    expect(zonedLocalToUtc("2021-11-22T09:30", "Asia/Seoul")?.toISOString()).toBe("2021-11-22T00:30:00.000Z");
    expect(zonedLocalToUtc("2021-11-22T08:30", "Asia/Shanghai")?.toISOString()).toBe("2021-11-22T00:30:00.000Z");
    expect(zonedLocalToUtc("2021-03-28T03:30", "Europe/Berlin")?.toISOString()).toBe("2021-03-28T01:30:00.000Z");
    expect(zonedLocalToUtc("nonsense", "Asia/Seoul")).toBeNull();
    expect(zonedLocalToUtc("2021-11-22T09:30", "Mars/Olympus")).toBeNull();
    expect(utcToZonedLocal(new Date("2021-11-22T00:30:00Z"), "Asia/Seoul")).toBe("2021-11-22T09:30");
  });

  it("refuses readings that do not exist instead of moving them", async () => {
    const { zonedLocalToUtc } = await import("./zones");
    expect(zonedLocalToUtc("2027-02-30T10:00", "Asia/Seoul")).toBeNull();
    expect(zonedLocalToUtc("2027-02-28T10:99", "Asia/Seoul")).toBeNull();
    expect(zonedLocalToUtc("2027-13-01T10:00", "Asia/Seoul")).toBeNull();
    expect(zonedLocalToUtc("2027-02-28T24:00", "Asia/Seoul")).toBeNull();
    // 02:30 does not happen in Berlin on the morning clocks go forward.
    expect(zonedLocalToUtc("2021-03-28T02:30", "Europe/Berlin")).toBeNull();
    expect(zonedLocalToUtc("2028-02-29T10:00", "Asia/Seoul")?.toISOString()).toBe("2028-02-29T01:00:00.000Z");
    // The hour that happens twice when clocks go back is still a real reading.
    expect(zonedLocalToUtc("2021-10-31T02:30", "Europe/Berlin")).not.toBeNull();
  });
});
