import { describe, expect, it } from "vitest";
import { backstageRoomName, breakoutRoomName, meetingRoomName, parseRoomName } from "./room-name";

describe("room names", () => {
  const stage = "clean-sky-2021--energy";

  it("put the backstage beside its stage and read both back", () => {
    expect(backstageRoomName(stage)).toBe("clean-sky-2021--energy.backstage");
    expect(parseRoomName(backstageRoomName(stage))).toEqual({ kind: "backstage", stageRoomName: stage });
    expect(parseRoomName(stage)).toEqual({ kind: "stage", stageRoomName: stage });
  });

  it("hang a breakout room off its stage and read its id back", () => {
    expect(parseRoomName(breakoutRoomName(stage, "cm123"))).toEqual({ kind: "breakout", stageRoomName: stage, breakoutId: "cm123" });
  });

  it("name a meeting's room apart from every stage", () => {
    expect(parseRoomName(meetingRoomName("cm9"))).toEqual({ kind: "meeting", meetingId: "cm9" });
  });

  it("do not take a bare suffix or prefix for another kind of room", () => {
    expect(parseRoomName(".backstage").kind).toBe("stage");
    expect(parseRoomName("meeting.").kind).toBe("stage");
    expect(parseRoomName(".breakout.x").kind).toBe("stage");
    expect(parseRoomName(`${stage}.breakout.`).kind).toBe("stage");
  });
});
