import { describe, expect, it } from "vitest";
import { decideCommand, joinRefusal, mayMeet, overlaps, slotRefusal, type MeetingState } from "./rules";

const at = (iso: string) => new Date(iso);
const MIN = 60_000;
// Clean Sky's days in Seoul: 22 and 23 November 2021 (KST, UTC+9).
const event = { startsAt: at("2021-11-22T00:00:00Z"), endsAt: at("2021-11-23T09:00:00Z"), timeZone: "Asia/Seoul" };
const before = at("2021-11-01T00:00:00Z");
const slot = (iso: string, minutes = 30) => ({ startsAt: at(iso), endsAt: new Date(at(iso).getTime() + minutes * MIN) });

describe("who may take part in meetings", () => {
  const approved = (role: "delegate" | "speaker" | "observer" | "organizer" | "audience") => ({ role, status: "approved" as const });
  it("lets every approved participant meet under 'everyone', but never the audience", () => {
    for (const role of ["delegate", "speaker", "observer", "organizer"] as const) expect(mayMeet("everyone", approved(role))).toBe(true);
    expect(mayMeet("everyone", approved("audience"))).toBe(false);
  });
  it("limits meetings to delegates under 'delegates', and to no one when off", () => {
    expect(mayMeet("delegates", approved("delegate"))).toBe(true);
    expect(mayMeet("delegates", approved("speaker"))).toBe(false);
    expect(mayMeet("off", approved("delegate"))).toBe(false);
  });
  it("refuses anyone whose registration is not approved", () => {
    expect(mayMeet("everyone", { role: "delegate", status: "pending" })).toBe(false);
    expect(mayMeet("everyone", null)).toBe(false);
  });
});

describe("the time of a meeting", () => {
  it("accepts a slot on the event's days in its home zone, even before its first session", () => {
    // 08:00 KST on 22 November is 23:00 UTC the day before: the UTC date must not decide.
    expect(slotRefusal(slot("2021-11-21T23:00:00Z"), event, before)).toBeNull();
    expect(slotRefusal(slot("2021-11-23T14:00:00Z", 60), event, before)).toBeNull();
  });
  it("refuses a slot on a day outside the event in its home zone", () => {
    expect(slotRefusal(slot("2021-11-21T14:30:00Z"), event, before)).toBe("outsideEvent");
    expect(slotRefusal(slot("2021-11-23T14:45:00Z", 30), event, before)).toBe("outsideEvent");
  });
  it("refuses a slot that has started and a duration not offered", () => {
    expect(slotRefusal(slot("2021-11-22T01:00:00Z"), event, at("2021-11-22T01:00:00Z"))).toBe("meetingInPast");
    expect(slotRefusal(slot("2021-11-22T01:00:00Z", 20), event, before)).toBe("badDuration");
  });
  it("counts two meetings as clashing only when they share a moment", () => {
    expect(overlaps(slot("2021-11-22T01:00:00Z"), slot("2021-11-22T01:15:00Z"))).toBe(true);
    expect(overlaps(slot("2021-11-22T01:00:00Z"), slot("2021-11-22T01:30:00Z"))).toBe(false);
    expect(overlaps(slot("2021-11-22T01:00:00Z", 60), slot("2021-11-22T01:15:00Z", 15))).toBe(true);
  });
});

describe("what each person may do with a meeting", () => {
  const m = (status: MeetingState["status"]): MeetingState => ({ ...slot("2021-11-22T01:00:00Z"), requesterId: "a", inviteeId: "b", status });
  it("lets only the invitee accept or decline a request, once", () => {
    expect(decideCommand(m("requested"), "b", "accept", before)).toEqual({ allowed: true, to: "accepted" });
    expect(decideCommand(m("requested"), "b", "decline", before)).toEqual({ allowed: true, to: "declined" });
    expect(decideCommand(m("requested"), "a", "accept", before)).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(decideCommand(m("accepted"), "b", "accept", before)).toMatchObject({ allowed: false, code: "CONFLICT" });
  });
  it("lets only the requester withdraw an unanswered request", () => {
    expect(decideCommand(m("requested"), "a", "withdraw", before)).toEqual({ allowed: true, to: "cancelled" });
    expect(decideCommand(m("requested"), "b", "withdraw", before)).toMatchObject({ allowed: false, code: "FORBIDDEN" });
  });
  it("lets either person call off an accepted meeting before it ends, and nobody else", () => {
    expect(decideCommand(m("accepted"), "a", "cancel", before)).toEqual({ allowed: true, to: "cancelled" });
    expect(decideCommand(m("accepted"), "b", "cancel", before)).toEqual({ allowed: true, to: "cancelled" });
    expect(decideCommand(m("accepted"), "c", "cancel", before)).toMatchObject({ allowed: false, code: "FORBIDDEN", reason: "notYourMeeting" });
    expect(decideCommand(m("accepted"), "a", "cancel", at("2021-11-22T02:00:00Z"))).toMatchObject({ allowed: false, code: "CONFLICT" });
  });
  it("refuses to accept a request whose time has come", () => {
    expect(decideCommand(m("requested"), "b", "accept", at("2021-11-22T01:05:00Z"))).toMatchObject({ allowed: false, reason: "meetingInPast" });
  });
});

describe("the meeting's room", () => {
  const accepted: MeetingState = { ...slot("2021-11-22T01:00:00Z"), requesterId: "a", inviteeId: "b", status: "accepted" };
  it("opens to the two people from ten minutes before the start until the end", () => {
    expect(joinRefusal(accepted, "a", at("2021-11-22T00:50:00Z"))).toBeNull();
    expect(joinRefusal(accepted, "b", at("2021-11-22T01:29:59Z"))).toBeNull();
    expect(joinRefusal(accepted, "a", at("2021-11-22T00:49:59Z"))).toBe("outsideWindow");
    expect(joinRefusal(accepted, "a", at("2021-11-22T01:30:00Z"))).toBe("outsideWindow");
  });
  it("stays shut to a third person and to a meeting not accepted", () => {
    expect(joinRefusal(accepted, "c", at("2021-11-22T01:00:00Z"))).toBe("notYourMeeting");
    expect(joinRefusal({ ...accepted, status: "cancelled" }, "a", at("2021-11-22T01:00:00Z"))).toBe("notAccepted");
  });
});
