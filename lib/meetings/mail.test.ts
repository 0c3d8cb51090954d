import { describe, expect, it } from "vitest";
import { meetingIcsEvent } from "./calendar";
import { meetingMail } from "./mail";
import { meetingTime, zoneTimes } from "./times";

// 13:30–14:00 in Seoul on 22 November 2021: 12:30 in Beijing, 05:30 in Berlin.
const startsAt = new Date("2021-11-22T04:30:00Z");
const endsAt = new Date("2021-11-22T05:00:00Z");
const zones = [
  { zone: "Asia/Seoul", abbr: "KST", label: "Seoul" },
  { zone: "Asia/Shanghai", abbr: "CST", label: "Beijing" },
];

describe("a meeting's time in words", () => {
  it("reads on the reader's own clock, naming the zone, whatever zone the server runs in", () => {
    expect(meetingTime(startsAt, endsAt, "Europe/Berlin", "en")).toMatch(/^Monday,? 22 November 2021 05:30–06:00 \(.+ \(UTC\+1\)\)$/);
  });
  it("gives the same range on each of the event's zones", () => {
    expect(zoneTimes(startsAt, endsAt, zones, "en")).toMatch(/^Seoul KST .*13:30–14:00 · Beijing CST .*12:30–13:00$/);
  });
});

describe("the meetings' mail", () => {
  const args = {
    locale: "ko" as const,
    name: "김민지",
    other: "王芳",
    eventTitle: "청정대기 포럼",
    startsAt,
    endsAt,
    timeZone: "Asia/Seoul",
    zones,
    note: "자료 공유",
    url: "https://x.example/ko/events/e/meetings",
  };
  it("asks the invitee in their language with the note, the time in their zone and the event's zones", () => {
    const mail = meetingMail({ ...args, kind: "requested" });
    expect(mail.subject).toBe("王芳 님의 1:1 면담 요청");
    expect(mail.text).toContain("13:30–14:00");
    expect(mail.text).toContain("Beijing CST");
    expect(mail.text).toContain("메모: 자료 공유");
    expect(mail.text).toContain(args.url);
  });
  it("tells of an answer without repeating the note", () => {
    const mail = meetingMail({ ...args, locale: "en", kind: "declined" });
    expect(mail.subject).toBe("王芳 declined your one-to-one meeting");
    expect(mail.text).not.toContain("자료 공유");
  });
  it("tells each of the two, when the organizers call a meeting off, that the organizers did", () => {
    const mail = meetingMail({ ...args, locale: "zh", kind: "cancelledByOrganizer" });
    expect(mail.subject).toBe("与王芳的一对一会谈已取消");
    expect(mail.text).toContain("已由会议主办方取消");
    expect(mail.text).not.toContain("자료 공유");
    expect(mail.text).toContain("13:30–14:00");
  });
});

describe("a meeting's calendar entry", () => {
  const m = { id: "m1", startsAt, endsAt, sequence: 1, updatedAt: endsAt, note: "" };
  it("keeps one UID, and is cancelled once called off", () => {
    const accepted = meetingIcsEvent({ ...m, status: "accepted" }, "王芳", "E", "zh", "https://x.example");
    const cancelled = meetingIcsEvent({ ...m, status: "cancelled", sequence: 2 }, "王芳", "E", "zh", "https://x.example");
    expect(accepted).toMatchObject({ uid: "meeting-m1@plenary", status: "CONFIRMED", summary: "一对一会谈：王芳", url: "https://x.example/zh/meetings/m1/live" });
    expect(cancelled).toMatchObject({ uid: "meeting-m1@plenary", status: "CANCELLED", sequence: 2 });
  });
});
