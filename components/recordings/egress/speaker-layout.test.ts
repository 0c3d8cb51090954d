import { describe, expect, it } from "vitest";
import { STRIP_SIZE, pickFocus, speakerLayout, type StagePerson } from "./speaker-layout";

const person = (identity: string, joinedAt: number, lastSpokeAt = 0, sharingSince: number | null = null): StagePerson => ({ identity, joinedAt, lastSpokeAt, sharingSince });

const panel = [person("chair", 1, 50), person("kim", 2, 40), person("li", 3, 0)];

describe("who holds the main tile", () => {
  it("gives it to the loudest current speaker", () => {
    expect(pickFocus(panel, ["li", "kim"], "chair")).toBe("li");
  });

  it("keeps it with the previous holder while they still speak", () => {
    expect(pickFocus(panel, ["li", "kim"], "kim")).toBe("kim");
  });

  it("keeps it with the previous holder through a silence", () => {
    expect(pickFocus(panel, [], "li")).toBe("li");
  });

  it("falls back to the most recent speaker, then to the first to join", () => {
    expect(pickFocus(panel, [], null)).toBe("chair");
    expect(pickFocus(panel, [], "gone")).toBe("chair");
    expect(pickFocus([person("b", 2), person("a", 1)], [], null)).toBe("a");
    expect(pickFocus([], ["ghost"], null)).toBeNull();
  });

  it("ignores a speaker who is not on the stage", () => {
    expect(pickFocus(panel, ["interpreter"], "kim")).toBe("kim");
  });
});

describe("the speaker layout", () => {
  it("puts the focus large and everyone else in the strip in joining order", () => {
    expect(speakerLayout(panel, "kim")).toEqual({
      main: { identity: "kim", source: "camera" },
      strip: [
        { identity: "chair", source: "camera" },
        { identity: "li", source: "camera" },
      ],
    });
  });

  it("shows the latest screen share large, its sharer's camera staying in the strip", () => {
    const sharing = [person("chair", 1, 50, 100), person("kim", 2, 40, 200), person("li", 3)];
    const layout = speakerLayout(sharing, "chair");
    expect(layout.main).toEqual({ identity: "kim", source: "screen" });
    expect(layout.strip.map((t) => t.identity)).toEqual(["chair", "kim", "li"]);
  });

  it("keeps only the most recent speakers in a full strip", () => {
    const crowd = Array.from({ length: 10 }, (_, i) => person(`p${i}`, i, i === 0 ? 0 : 100 - i));
    const layout = speakerLayout(crowd, "p1");
    expect(layout.strip).toHaveLength(STRIP_SIZE);
    expect(layout.strip.map((t) => t.identity)).toEqual(["p2", "p3", "p4", "p5", "p6", "p7"]);
  });

  it("is empty on an empty stage", () => {
    expect(speakerLayout([], null)).toEqual({ main: null, strip: [] });
  });
});
