import { describe, expect, it } from "vitest";
import { agendaDays, filterAgenda, groupByDay, markLiveAndNext, neighbours, overlaps, sessionsInOrder } from "./agenda";
import { forum, session } from "./testing";
import type { Agenda } from "./types";

// Day one 09:30 KST = 00:30Z; day two 09:30 KST = 2021-11-23T00:30Z.
const forecast = forum("forecast", 1, [session("a1", "2021-11-22T00:30:00Z", "2021-11-22T01:15:00Z"), session("a2", "2021-11-22T01:15:00Z", "2021-11-22T02:00:00Z", { language: "zh" })]);
const vehicles = forum("vehicles", 2, [session("b1", "2021-11-22T05:00:00Z", "2021-11-22T06:00:00Z", { language: "zh" }), session("b2", "2021-11-22T06:00:00Z", "2021-11-22T08:00:00Z")]);
const carbon = forum("carbon", 3, [session("c1", "2021-11-23T00:30:00Z", "2021-11-23T01:30:00Z"), session("c2", "2021-11-23T01:30:00Z", "2021-11-23T03:00:00Z", { language: "en" })]);
const forums = [forecast, vehicles, carbon];

describe("agenda grouping", () => {
  it("groups forums under their day in the event's zone, in time order", () => {
    const days = groupByDay([carbon, vehicles, forecast], "Asia/Seoul");
    expect(days.map((d) => d.day)).toEqual(["2021-11-22", "2021-11-23"]);
    expect(days[0].forums.map((f) => f.slug)).toEqual(["forecast", "vehicles"]);
    expect(days[1].forums.map((f) => f.slug)).toEqual(["carbon"]);
  });

  it("uses the zone's calendar day, not UTC's", () => {
    // 09:30 KST on the 22nd is still the 21st in Los Angeles.
    expect(agendaDays([forecast], "America/Los_Angeles")).toEqual(["2021-11-21"]);
  });

  it("lists sessions in running order across forums and finds neighbours", () => {
    const agenda = { event: {} as Agenda["event"], forums } as Agenda;
    const ordered = sessionsInOrder(agenda).map((s) => s.id);
    expect(ordered).toEqual(["a1", "a2", "b1", "b2", "c1", "c2"]);
    const list = sessionsInOrder(agenda);
    expect(neighbours(list, "a2").previous?.id).toBe("a1");
    expect(neighbours(list, "a2").next?.id).toBe("b1");
    expect(neighbours(list, "a1").previous).toBeNull();
    expect(neighbours(list, "c2").next).toBeNull();
  });
});

describe("agenda filters", () => {
  it("filters by day, forum and language and drops empty forums", () => {
    expect(filterAgenda(forums, { day: "2021-11-23" }, "Asia/Seoul").map((f) => f.slug)).toEqual(["carbon"]);
    expect(filterAgenda(forums, { forum: "vehicles" }, "Asia/Seoul").map((f) => f.slug)).toEqual(["vehicles"]);
    const zh = filterAgenda(forums, { lang: "zh" }, "Asia/Seoul");
    expect(zh.flatMap((f) => f.sessions.map((s) => s.id))).toEqual(["a2", "b1"]);
    expect(filterAgenda(forums, { lang: "en", day: "2021-11-22" }, "Asia/Seoul")).toEqual([]);
  });
});

describe("live and next marking", () => {
  const all = forums.flatMap((f) => f.sessions);

  it("marks the session in its slot as live and the following one as next", () => {
    const marks = markLiveAndNext(all, new Date("2021-11-22T01:00:00Z"));
    expect([...marks.live]).toEqual(["a1"]);
    expect(marks.next).toBe("a2");
  });

  it("marks the next session during a gap between forums", () => {
    const marks = markLiveAndNext(all, new Date("2021-11-22T03:00:00Z"));
    expect(marks.live.size).toBe(0);
    expect(marks.next).toBe("b1");
  });

  it("marks nothing before or after the event", () => {
    expect(markLiveAndNext(all, new Date("2021-11-21T00:00:00Z"))).toEqual({ live: new Set(), next: null });
    expect(markLiveAndNext(all, new Date("2021-11-23T03:00:00Z"))).toEqual({ live: new Set(), next: null });
  });

  it("honours an organizer's status over the clock", () => {
    const ran = all.map((s) => (s.id === "a1" ? { ...s, status: "ended" as const } : s.id === "a2" ? { ...s, status: "live" as const } : s));
    const marks = markLiveAndNext(ran, new Date("2021-11-22T01:00:00Z"));
    expect([...marks.live]).toEqual(["a2"]);
    expect(marks.next).toBe("b1");
  });
});

describe("overlaps", () => {
  it("finds sessions of one forum that overlap and accepts back-to-back slots", () => {
    expect(overlaps(forecast.sessions)).toEqual([]);
    const bad = [...forecast.sessions, session("a3", "2021-11-22T01:50:00Z", "2021-11-22T02:10:00Z")];
    expect(overlaps(bad).map(([x, y]) => [x.id, y.id])).toEqual([["a2", "a3"]]);
  });
});
