import { describe, expect, it } from "vitest";
import { COMMON_ZONES, searchZones, zoneCity, zoneLabel, zoneOptions } from "./zone-names";

const november = new Date("2021-11-22T00:30:00Z");
const all = Intl.supportedValuesOf("timeZone");

describe("time-zone names for people", () => {
  it("names a zone by its place in the page's language, never by its IANA identifier", () => {
    expect(zoneCity("America/Los_Angeles", "en")).toBe("Los Angeles");
    expect(zoneCity("America/Los_Angeles", "ko")).toBe("로스앤젤레스");
    expect(zoneCity("America/Los_Angeles", "zh")).toBe("洛杉矶");
    expect(zoneCity("Asia/Seoul", "ko")).toBe("대한민국");
    expect(zoneCity("Asia/Kolkata", "zh")).toBe("印度");
    // CLDR has "CET" rather than a place for Berlin in British English: the city stands in.
    expect(zoneCity("Europe/Berlin", "en")).toBe("Berlin");
    expect(zoneCity("Europe/Berlin", "ko")).toBe("독일");
  });

  it("adds the offset the zone has at the given instant, daylight saving included", () => {
    expect(zoneLabel("Pacific/Auckland", "en", november)).toBe("New Zealand (UTC+13)");
    expect(zoneLabel("Pacific/Auckland", "en", new Date("2021-07-01T00:00:00Z"))).toBe("New Zealand (UTC+12)");
    expect(zoneLabel("Asia/Kolkata", "ko", november)).toBe("인도 (UTC+5:30)");
    expect(zoneLabel("UTC", "zh", november)).toBe("UTC");
  });

  it("offers the given and common zones first, then every other zone once, by offset", () => {
    const { common, others } = zoneOptions(all, "ko", november, ["Asia/Kathmandu"]);
    expect(common[0].value).toBe("Asia/Kathmandu");
    expect(common.map((o) => o.value)).toEqual(["Asia/Kathmandu", ...COMMON_ZONES]);
    const values = [...common, ...others].map((o) => o.value);
    expect(new Set(values).size).toBe(values.length);
    // Every zone of the runtime is there once, under whichever of its names came first.
    expect(values).toContain("Asia/Kolkata");
    expect(values).not.toContain("Asia/Calcutta");
    expect(values.length).toBeGreaterThan(400);
    const offsets = others.map((o) => o.offsetMinutes);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
    const labels = [...common, ...others].map((o) => o.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.every((l) => !l.includes("_") && !/^[A-Z][a-z]+\//.test(l))).toBe(true);
  });

  it("finds a zone by its localized place, its English place or its IANA name", () => {
    const { common, others } = zoneOptions(all, "zh", november);
    const options = [...common, ...others];
    expect(searchZones(options, "洛杉矶").map((o) => o.value)).toEqual(["America/Los_Angeles"]);
    expect(searchZones(options, "los ang").map((o) => o.value)).toEqual(["America/Los_Angeles"]);
    expect(searchZones(options, "Kolkata").map((o) => o.value)).toEqual(["Asia/Kolkata"]);
    expect(searchZones(options, "")).toHaveLength(options.length);
  });
});
