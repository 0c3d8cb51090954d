import { describe, expect, it } from "vitest";
import { openUntil, presenceByPerson, presentMs, totalsBy, unionOf } from "./minutes";

// A session 09:00–10:00 UTC; t("09:30") is an instant on that day.
const t = (hhmm: string) => new Date(`2030-01-01T${hhmm}:00.000Z`);
const slot = { start: t("09:00"), end: t("10:00") };
const minutes = (ms: number) => ms / 60_000;
const stay = (from: string, to: string | null) => ({ joinedAt: t(from), leftAt: to ? t(to) : null });
const late = t("23:00");

describe("unionOf", () => {
  it("merges overlapping and touching intervals and drops empty ones", () => {
    expect(
      unionOf([
        [5, 10],
        [0, 3],
        [3, 4],
        [8, 12],
        [20, 20],
        [15, 14],
      ]),
    ).toEqual([
      [0, 4],
      [5, 12],
    ]);
  });
});

describe("minutes present in a session", () => {
  it("counts one stay only inside the session's slot", () => {
    expect(minutes(presentMs([stay("08:30", "09:20")], slot, late))).toBe(20);
    expect(minutes(presentMs([stay("09:50", "10:40")], slot, late))).toBe(10);
    expect(minutes(presentMs([stay("08:00", "11:00")], slot, late))).toBe(60);
  });

  it("adds the stays of a person who reconnected, without the gap between them", () => {
    const stays = [stay("09:00", "09:10"), stay("09:15", "09:30"), stay("09:45", "10:00")];
    expect(minutes(presentMs(stays, slot, late))).toBe(40);
  });

  it("counts overlapping stays (two tabs, a reconnect before the old leave) once", () => {
    const stays = [stay("09:00", "09:40"), stay("09:30", "09:50"), stay("09:35", "09:45")];
    expect(minutes(presentMs(stays, slot, late))).toBe(50);
  });

  it("runs an open stay until `now` while the forum is on", () => {
    const until = openUntil(t("09:25"), t("12:00"));
    expect(minutes(presentMs([stay("09:05", null)], slot, until))).toBe(20);
  });

  it("runs an open stay to the forum block's end once the block is over", () => {
    const until = openUntil(t("18:00"), t("09:40"));
    expect(until).toEqual(t("09:40"));
    expect(minutes(presentMs([stay("09:10", null)], slot, until))).toBe(30);
  });

  it("counts nothing for stays outside the slot or an open stay that starts after `now`", () => {
    expect(presentMs([stay("07:00", "08:00"), stay("10:00", "11:00")], slot, late)).toBe(0);
    expect(presentMs([stay("09:30", null)], slot, t("09:20"))).toBe(0);
  });
});

describe("presence by person", () => {
  it("gives first join, last leave, minutes and connections per person, skipping people not there", () => {
    const rows = [
      { personKey: "kim", ...stay("08:55", "09:10") },
      { personKey: "kim", ...stay("09:05", "09:30") },
      { personKey: "li", ...stay("09:20", null) },
      { personKey: "absent", ...stay("10:00", "10:30") },
    ];
    const people = presenceByPerson(rows, slot, t("09:50"));
    expect(people).toEqual([
      { key: "kim", firstJoinedAt: t("08:55"), lastLeftAt: t("09:30"), minutes: 30, joins: 2 },
      { key: "li", firstJoinedAt: t("09:20"), lastLeftAt: null, minutes: 30, joins: 1 },
    ]);
  });

  it("rounds to the nearest minute and clamps a leave recorded before its join to nothing", () => {
    const rows = [
      { personKey: "a", joinedAt: new Date(t("09:00").getTime() + 29_000), leftAt: t("09:02") },
      { personKey: "b", joinedAt: t("09:10"), leftAt: new Date(t("09:10").getTime() - 500) },
    ];
    expect(presenceByPerson(rows, slot, late)).toEqual([{ key: "a", firstJoinedAt: rows[0].joinedAt, lastLeftAt: t("09:02"), minutes: 2, joins: 1 }]);
  });
});

describe("totals per organisation", () => {
  it("sums people and minutes per organisation, most minutes first", () => {
    const people = [
      { org: "kier", minutes: 30 },
      { org: "craes", minutes: 50 },
      { org: "kier", minutes: 25 },
      { org: "none", minutes: 0 },
    ];
    expect(totalsBy(people, (p) => p.org)).toEqual([
      { key: "kier", people: 2, minutes: 55 },
      { key: "craes", people: 1, minutes: 50 },
      { key: "none", people: 1, minutes: 0 },
    ]);
  });
});
