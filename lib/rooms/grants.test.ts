import { describe, expect, it } from "vitest";
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import { decideJoin, joinWindow, stageGrant, type JoinRequest } from "./grants";

// A forum block 09:30–12:00 KST on 22 November 2021 (00:30–03:00 UTC).
const forum = { startsAt: new Date("2021-11-22T00:30:00Z"), endsAt: new Date("2021-11-22T03:00:00Z") };
const at = {
  dayBefore: new Date("2021-11-21T00:30:00Z"),
  sixteenBefore: new Date("2021-11-22T00:14:00Z"),
  fifteenBefore: new Date("2021-11-22T00:15:00Z"),
  during: new Date("2021-11-22T01:00:00Z"),
  lastMinute: new Date("2021-11-22T02:59:59Z"),
  atEnd: new Date("2021-11-22T03:00:00Z"),
  dayAfter: new Date("2021-11-23T03:00:00Z"),
};

const roles: RegistrationRole[] = ["organizer", "speaker", "interpreter", "delegate", "observer"];
const refusedStatuses: RegistrationState[] = ["pending", "waitlisted", "declined", "cancelled"];
const req = (role: RegistrationRole, over: Partial<JoinRequest> = {}): JoinRequest => ({ role, status: "approved", ownForum: true, forum, now: at.during, ...over });

describe("join window", () => {
  it.each([
    ["a day before", at.dayBefore, "notYet"],
    ["16 minutes before the block", at.sixteenBefore, "notYet"],
    ["exactly 15 minutes before the block", at.fifteenBefore, "open"],
    ["during the block", at.during, "open"],
    ["in its last second", at.lastMinute, "open"],
    ["at its end", at.atEnd, "closed"],
    ["a day after", at.dayAfter, "closed"],
  ] as const)("is %s → %s", (_label, now, expected) => {
    expect(joinWindow(forum, now)).toBe(expected);
  });

  it("stays open past the block until an organizer's extension runs out, and never closes earlier than the block", () => {
    const extended = { ...forum, closesAt: new Date("2021-11-22T03:15:00Z") };
    expect(joinWindow(extended, at.atEnd)).toBe("open");
    expect(joinWindow(extended, new Date("2021-11-22T03:15:00Z"))).toBe("closed");
    expect(joinWindow({ ...forum, closesAt: new Date("2021-11-22T02:00:00Z") }, at.lastMinute)).toBe("open");
  });
});

describe("grants by role (DESIGN.md)", () => {
  it("organizer: room admin, publishes every source, chat", () => {
    expect(stageGrant("organizer")).toEqual({ roomAdmin: true, canSubscribe: true, canPublish: true, canPublishData: true, canUpdateOwnMetadata: true });
  });
  it("speaker: camera, microphone and screen share, chat, no admin", () => {
    expect(stageGrant("speaker")).toEqual({
      roomAdmin: false,
      canSubscribe: true,
      canPublish: true,
      canPublishSources: ["camera", "microphone", "screen_share", "screen_share_audio"],
      canPublishData: true,
      canUpdateOwnMetadata: true,
    });
  });
  it("interpreter: microphone only (the interpretation track), chat", () => {
    expect(stageGrant("interpreter")).toEqual({ roomAdmin: false, canSubscribe: true, canPublish: true, canPublishSources: ["microphone"], canPublishData: true, canUpdateOwnMetadata: true });
  });
  it.each(["delegate", "observer"] as const)("%s: listens and chats, publishes nothing until allowed", (role) => {
    expect(stageGrant(role)).toEqual({ roomAdmin: false, canSubscribe: true, canPublish: false, canPublishData: true, canUpdateOwnMetadata: true });
  });
  it("hands out copies, so a caller cannot change the table", () => {
    stageGrant("speaker").canPublishSources!.push("camera");
    expect(stageGrant("speaker").canPublishSources).toHaveLength(4);
  });
});

describe("decideJoin: role × registration status × own forum × time", () => {
  const cases: [string, JoinRequest, string][] = [];
  for (const role of roles) {
    for (const status of refusedStatuses) cases.push([`${role} ${status}`, req(role, { status }), "notApproved"]);
    const staff = role === "organizer";
    cases.push([`${role} approved, own forum, during`, req(role), "allowed"]);
    cases.push([`${role} approved, other forum, during`, req(role, { ownForum: false }), staff ? "allowed" : "notYourForum"]);
    cases.push([`${role} approved, own forum, 15 min before`, req(role, { now: at.fifteenBefore }), "allowed"]);
    cases.push([`${role} approved, own forum, 16 min before`, req(role, { now: at.sixteenBefore }), staff ? "allowed" : "roomNotOpenYet"]);
    cases.push([`${role} approved, own forum, at the end`, req(role, { now: at.atEnd }), staff ? "allowed" : "roomClosed"]);
    cases.push([`${role} approved, other forum, a day after`, req(role, { ownForum: false, now: at.dayAfter }), staff ? "allowed" : "notYourForum"]);
  }

  it.each(cases)("%s → %s", (_label, request, expected) => {
    const decision = decideJoin(request);
    expect(decision.allowed ? "allowed" : decision.reason).toBe(expected);
    if (decision.allowed) expect(decision.grant).toEqual(stageGrant(request.role));
  });
});
