import { describe, expect, it } from "vitest";
import { assignOrganizationPairs, assignRandom, type Assignee } from "./assign";

const person = (userId: string, organization: string | null, country: string | null): Assignee => ({ userId, organization, country });
const rooms = ["r1", "r2", "r3"];

function sizes(a: Map<string, string>) {
  const count = new Map<string, number>();
  for (const room of a.values()) count.set(room, (count.get(room) ?? 0) + 1);
  return [...count.values()].sort();
}

describe("assignRandom", () => {
  const people = Array.from({ length: 10 }, (_, i) => person(`u${i}`, null, null));
  it("splits evenly, the same way for the same seed", () => {
    const a = assignRandom(people, rooms, 7);
    expect(a.size).toBe(10);
    expect(sizes(a)).toEqual([3, 3, 4]);
    expect(assignRandom([...people].reverse(), rooms, 7)).toEqual(a);
  });
  it("assigns nobody without rooms", () => {
    expect(assignRandom(people, [], 1).size).toBe(0);
  });
});

describe("assignOrganizationPairs", () => {
  const people = [
    person("k1", "moe-kr", "KR"),
    person("k2", "moe-kr", "KR"),
    person("k3", "nier", "KR"),
    person("k4", "kei", "KR"),
    person("c1", "mee", "CN"),
    person("c2", "craes", "CN"),
    person("c3", "craes", "CN"),
    person("c4", "cnemc", "CN"),
    person("x1", null, null),
  ];
  it("puts one Korean and one Chinese delegation in each room, each delegation together", () => {
    const a = assignOrganizationPairs(people, rooms);
    for (const room of rooms) {
      const inRoom = people.filter((p) => a.get(p.userId) === room);
      expect(new Set(inRoom.filter((p) => p.country === "KR").map((p) => p.organization)).size).toBe(1);
      expect(new Set(inRoom.filter((p) => p.country === "CN").map((p) => p.organization)).size).toBe(1);
    }
    expect(a.get("k1")).toBe(a.get("k2"));
    expect(a.get("c2")).toBe(a.get("c3"));
    // The two largest delegations go to different rooms, and the one unaffiliated person fills the smallest.
    expect(a.get("k1")).not.toBe(a.get("c2"));
    expect(sizes(a)).toEqual([3, 3, 3]);
  });
  it("spreads more delegations than rooms round the rooms", () => {
    const a = assignOrganizationPairs(people, ["r1"]);
    expect(new Set(a.values())).toEqual(new Set(["r1"]));
    expect(a.size).toBe(people.length);
  });
});
