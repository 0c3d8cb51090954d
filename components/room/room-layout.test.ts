import { describe, expect, it } from "vitest";
import { galleryView, speakerView, type RoomPerson } from "./room-layout";

const person = (identity: string, over: Partial<RoomPerson> = {}): RoomPerson => ({ identity, isLocal: false, role: "delegate", joinedAt: 0, lastSpokeAt: 0, sharingSince: null, ...over });
const cam = (identity: string) => ({ identity, source: "camera" as const });
const screen = (identity: string) => ({ identity, source: "screen" as const });

// The viewer is an organizer; a speaker, two delegates (one came first) are in the room.
const me = person("me", { isLocal: true, role: "organizer", joinedAt: 1 });
const speaker = person("speaker", { role: "speaker", joinedAt: 5 });
const early = person("early", { joinedAt: 2 });
const late = person("late", { joinedAt: 9 });
const room = [me, speaker, early, late];

describe("the speaker view", () => {
  it("gives the stage to the speaker before anyone has spoken, never to the viewer's own camera, which stays small", () => {
    expect(speakerView(room, [], null, null)).toEqual({ main: cam("speaker"), strip: [cam("early"), cam("late")], self: cam("me") });
  });

  it("follows whoever speaks, and keeps the picture on one of two people talking over each other", () => {
    const talking = room.map((p) => (p.identity === "late" ? { ...p, lastSpokeAt: 100 } : p));
    expect(speakerView(talking, ["late"], null, null).main).toEqual(cam("late"));
    expect(speakerView(talking, ["early", "late"], null, "late").main).toEqual(cam("late"));
    // Silence: the last one heard keeps the stage.
    expect(speakerView(talking, [], null, "late").main).toEqual(cam("late"));
  });

  it("gives a screen share the stage by itself, its sharer's camera in the strip", () => {
    const sharing = room.map((p) => (p.identity === "early" ? { ...p, sharingSince: 50 } : p));
    expect(speakerView(sharing, ["speaker"], null, null)).toEqual({ main: screen("early"), strip: [cam("speaker"), cam("early"), cam("late")], self: cam("me") });
  });

  it("shows the latest of two screen shares large and the other in the strip", () => {
    const two = room.map((p) => (p.identity === "early" ? { ...p, sharingSince: 50 } : p.identity === "late" ? { ...p, sharingSince: 60 } : p));
    const view = speakerView(two, [], null, null);
    expect(view.main).toEqual(screen("late"));
    expect(view.strip[0]).toEqual(screen("early"));
  });

  it("keeps a pinned tile large over speakers and screens, and forgets a pin whose tile has gone", () => {
    const sharing = room.map((p) => (p.identity === "early" ? { ...p, sharingSince: 50 } : p));
    expect(speakerView(sharing, ["speaker"], cam("late"), null).main).toEqual(cam("late"));
    expect(speakerView(room, [], screen("early"), null).main).toEqual(cam("speaker"));
  });

  it("lets the viewer pin themselves, and shows them large when they are alone", () => {
    expect(speakerView(room, [], cam("me"), null)).toMatchObject({ main: cam("me"), self: null });
    expect(speakerView([me], [], null, null)).toEqual({ main: cam("me"), strip: [], self: null });
    expect(speakerView([], [], null, null)).toEqual({ main: null, strip: [], self: null });
  });
});

describe("the gallery", () => {
  it("lists screens first, then organizers and speakers, then everyone by arrival", () => {
    const sharing = room.map((p) => (p.identity === "late" ? { ...p, sharingSince: 70 } : p));
    expect(galleryView(sharing)).toEqual([screen("late"), cam("me"), cam("speaker"), cam("early"), cam("late")]);
  });
});
