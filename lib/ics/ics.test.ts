import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, foldLine, type IcsEvent } from "./ics";

const session: IcsEvent = {
  uid: "session-abc@plenary",
  sequence: 3,
  stamp: new Date("2021-11-01T00:00:00Z"),
  start: new Date("2021-11-22T00:30:00Z"),
  end: new Date("2021-11-22T01:15:00Z"),
  summary: "인공지능 기반 대기질 예측; 基于人工智能的空气质量预测, AI forecasting",
  description: "첫째 줄\n둘째 줄 — " + "미세먼지 ".repeat(40),
  location: "Seoul, Korea",
  url: "http://localhost:3000/ko/sessions/abc",
};

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("ICS output", () => {
  const text = buildCalendar({ name: "Clean Sky 2021", events: [session] });

  it("ends every line with CRLF and folds at 75 octets without splitting characters", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    for (const line of text.split("\r\n")) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
  });

  it("round-trips through an ICS parser with the same instants, texts, UID and SEQUENCE", () => {
    const [event] = parse(text);
    expect(event.uid).toBe(session.uid);
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe(session.summary);
    expect(event.description).toBe(session.description);
    expect(event.location).toBe("Seoul, Korea");
    expect(event.startDate.toJSDate().toISOString()).toBe("2021-11-22T00:30:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2021-11-22T01:15:00.000Z");
  });

  it("writes one VEVENT per event", () => {
    const two = buildCalendar({ name: "x", events: [session, { ...session, uid: "other@plenary" }] });
    expect(parse(two).map((e) => e.uid)).toEqual(["session-abc@plenary", "other@plenary"]);
  });

  it("folds a long line of multi-byte text into lines that unfold to the original", () => {
    const line = "SUMMARY:" + "晴天".repeat(60);
    const folded = foldLine(line);
    expect(folded.split("\r\n").every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("escapes every line break, a bare CR included, and drops the control characters TEXT may not hold", () => {
    const tricky = { ...session, summary: "Air\rQuality\r\nForecast\u0000\u0007 and\ttab", description: "one\rtwo\u001bthree" };
    const written = buildCalendar({ name: "Clean\rSky", events: [tricky] });
    // No CR but those ending content lines; no other control character but tab.
    expect(written.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(written.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const [event] = parse(written);
    expect(event.summary).toBe("Air\nQuality\nForecast and\ttab");
    expect(event.description).toBe("one\ntwothree");
  });
});
