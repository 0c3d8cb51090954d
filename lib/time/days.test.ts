import { describe, expect, it } from "vitest";
import { dayShift, daysBetween, groupByDayIn, zonedSpan } from "./days";

// The Clean Sky forums: 09:30–12:00 KST on the 22nd, 13:30–15:30 KST on the 23rd.
const forecast = { start: new Date("2021-11-22T00:30:00Z"), end: new Date("2021-11-22T03:00:00Z") };
const airPollution = { start: new Date("2021-11-23T04:30:00Z"), end: new Date("2021-11-23T06:30:00Z") };

describe("calendar days in a zone", () => {
  it("counts whole days between calendar days, across months and backwards", () => {
    expect(daysBetween("2021-11-22", "2021-11-23")).toBe(1);
    expect(daysBetween("2021-11-30", "2021-12-01")).toBe(1);
    expect(daysBetween("2021-11-22", "2021-11-21")).toBe(-1);
    expect(daysBetween("2021-11-22", "2021-11-22")).toBe(0);
  });

  it("puts 09:30 in Seoul on the viewer's own day: the day before in Los Angeles, the same in Auckland", () => {
    expect(dayShift(forecast.start, "America/Los_Angeles", "2021-11-22")).toBe(-1);
    expect(dayShift(forecast.start, "Pacific/Auckland", "2021-11-22")).toBe(0);
    expect(dayShift(forecast.start, "Asia/Kolkata", "2021-11-22")).toBe(0);
  });

  it("marks a span that crosses midnight in the zone it is read in, and only there", () => {
    // 13:30–15:30 KST is 23:30–01:30 in New York (EST).
    expect(zonedSpan(airPollution.start, airPollution.end, "America/New_York")).toEqual({ day: "2021-11-22", startShift: 0, endShift: 1 });
    expect(zonedSpan(airPollution.start, airPollution.end, "Asia/Seoul")).toEqual({ day: "2021-11-23", startShift: 0, endShift: 0 });
  });

  it("marks both ends against the day a list is grouped under", () => {
    // A New York viewer's "Monday 22 November": the Seoul clock already reads Tuesday.
    expect(zonedSpan(airPollution.start, airPollution.end, "Asia/Seoul", "2021-11-22")).toEqual({ day: "2021-11-23", startShift: 1, endShift: 1 });
    expect(zonedSpan(forecast.start, forecast.end, "America/Los_Angeles", "2021-11-22")).toEqual({ day: "2021-11-21", startShift: -1, endShift: -1 });
  });

  it("keeps an end at midnight on the day it closes", () => {
    // 14:00–17:00 KST is 21:00–00:00 in Los Angeles: it ends as the 21st ends.
    const vehicles = { start: new Date("2021-11-22T05:00:00Z"), end: new Date("2021-11-22T08:00:00Z") };
    expect(zonedSpan(vehicles.start, vehicles.end, "America/Los_Angeles")).toEqual({ day: "2021-11-21", startShift: 0, endShift: 0 });
  });

  it("groups items by the day they start in the viewer's zone, days and items in time order", () => {
    const items = [
      { id: "carbon", at: new Date("2021-11-23T00:30:00Z") },
      { id: "vehicles", at: new Date("2021-11-22T05:00:00Z") },
      { id: "forecast", at: new Date("2021-11-22T00:30:00Z") },
    ];
    const seoul = groupByDayIn(items, (i) => i.at, "Asia/Seoul");
    expect(seoul.map((d) => [d.day, d.items.map((i) => i.id)])).toEqual([
      ["2021-11-22", ["forecast", "vehicles"]],
      ["2021-11-23", ["carbon"]],
    ]);
    // New York: the first forum is Sunday evening, the second after midnight, the third Monday evening.
    const newYork = groupByDayIn(items, (i) => i.at, "America/New_York");
    expect(newYork.map((d) => [d.day, d.items.map((i) => i.id)])).toEqual([
      ["2021-11-21", ["forecast"]],
      ["2021-11-22", ["vehicles", "carbon"]],
    ]);
  });
});
