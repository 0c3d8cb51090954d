import { describe, expect, it } from "vitest";
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import { decideJoin, delegateFloor, delegatePublishing, floorRefusal, joinWindow, mayRaiseHand, stageGrant, type JoinRequest, type StageRole } from "./grants";

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

const roles: StageRole[] = ["organizer", "speaker", "interpreter", "delegate", "observer"];
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
    expect(stageGrant("organizer")).toEqual({ roomAdmin: true, canSubscribe: true, canPublish: true, canPublishData: true });
  });
  it("speaker: camera, microphone and screen share, chat, no admin", () => {
    expect(stageGrant("speaker")).toEqual({
      roomAdmin: false,
      canSubscribe: true,
      canPublish: true,
      canPublishSources: ["camera", "microphone", "screen_share", "screen_share_audio"],
      canPublishData: true,
    });
  });
  it("interpreter: microphone only (the interpretation track), chat", () => {
    expect(stageGrant("interpreter")).toEqual({ roomAdmin: false, canSubscribe: true, canPublish: true, canPublishSources: ["microphone"], canPublishData: true });
  });
  it.each(["delegate", "observer"] as const)("%s: listens and chats, publishes nothing until allowed", (role) => {
    expect(stageGrant(role)).toEqual({ roomAdmin: false, canSubscribe: true, canPublish: false, canPublishData: true });
  });
  it("lets no role write its own name, attributes or metadata", () => {
    for (const role of roles) expect(stageGrant(role)).not.toHaveProperty("canUpdateOwnMetadata");
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
    cases.push([`${role} approved, own forum, during, removed by an organizer`, req(role, { banned: true }), staff ? "allowed" : "removed"]);
    cases.push([`${role} approved, own forum, before the room opens, removed`, req(role, { banned: true, now: at.dayBefore }), staff ? "allowed" : "removed"]);
    cases.push([`${role} declined and removed`, req(role, { banned: true, status: "declined" }), "notApproved"]);
  }

  it.each(cases)("%s → %s", (_label, request, expected) => {
    const decision = decideJoin(request);
    expect(decision.allowed ? "allowed" : decision.reason).toBe(expected);
    if (decision.allowed) expect(decision.grant).toEqual(stageGrant(request.role as StageRole));
  });
});

describe("the audience never joins a stage", () => {
  it("is refused a stage at every time, in its own forum or not, even in a rehearsal, and told to watch", () => {
    const rehearsal = { ...forum, rehearsalUntil: new Date("2021-11-22T12:00:00Z") };
    for (const now of Object.values(at))
      for (const ownForum of [true, false]) {
        expect(decideJoin(req("audience", { now, ownForum }))).toEqual({ allowed: false, reason: "watchOnly" });
        expect(decideJoin(req("audience", { now, ownForum, forum: rehearsal }))).toEqual({ allowed: false, reason: "watchOnly" });
      }
  });
  it("says first that a registration not approved is not approved", () => {
    for (const status of refusedStatuses) expect(decideJoin(req("audience", { status }))).toEqual({ allowed: false, reason: "notApproved" });
  });
  it("is never given the floor", () => {
    expect([floorRefusal("audience"), mayRaiseHand("audience")]).toEqual(["observersListen", false]);
  });
});

describe("a ban lasts until an organizer lifts it", () => {
  it("keeps a removed person out at every time of the forum, and lets them back once lifted", () => {
    for (const now of Object.values(at)) expect(decideJoin(req("delegate", { banned: true, now }))).toMatchObject({ allowed: false });
    expect(decideJoin(req("delegate", { banned: false })).allowed).toBe(true);
  });
});

describe("the floor on request", () => {
  it("is for delegates only; every other role is told its own way to take part", () => {
    expect(roles.map((r) => [r, floorRefusal(r), mayRaiseHand(r)])).toEqual([
      ["organizer", "speakersAlwaysSpeak", false],
      ["speaker", "speakersAlwaysSpeak", false],
      ["interpreter", "interpretersUseBooth", false],
      ["delegate", null, true],
      ["observer", "observersListen", false],
    ]);
  });

  it("grants speaking and screen sharing separately, and takes each back without the other", () => {
    expect(delegatePublishing({ speak: false, share: false })).toEqual({ canPublish: false, canPublishSources: [] });
    expect(delegatePublishing({ speak: true, share: false })).toEqual({ canPublish: true, canPublishSources: ["camera", "microphone"] });
    expect(delegatePublishing({ speak: false, share: true })).toEqual({ canPublish: true, canPublishSources: ["screen_share", "screen_share_audio"] });
    expect(delegatePublishing({ speak: true, share: true }).canPublishSources).toEqual(["camera", "microphone", "screen_share", "screen_share_audio"]);
  });

  it("reads the floor back from the permission LiveKit holds", () => {
    for (const floor of [
      { speak: false, share: false },
      { speak: true, share: false },
      { speak: false, share: true },
      { speak: true, share: true },
    ]) {
      expect(delegateFloor(delegatePublishing(floor))).toEqual(floor);
    }
    // Sources without canPublish publish nothing.
    expect(delegateFloor({ canPublish: false, canPublishSources: ["camera", "microphone"] })).toEqual({ speak: false, share: false });
  });
});

describe("a rehearsal", () => {
  const rehearsal = { ...forum, rehearsalUntil: new Date("2021-11-21T02:00:00Z") };
  it("lets speakers and interpreters in outside the block until it ends, and nobody else", () => {
    const during = (role: RegistrationRole) => decideJoin(req(role, { forum: rehearsal, now: at.dayBefore })).allowed;
    expect(roles.map((r) => [r, during(r)])).toEqual([
      ["organizer", true],
      ["speaker", true],
      ["interpreter", true],
      ["delegate", false],
      ["observer", false],
    ]);
    expect(decideJoin(req("speaker", { forum: rehearsal, now: new Date("2021-11-21T02:00:00Z") }))).toEqual({ allowed: false, reason: "roomNotOpenYet" });
  });
  it("lets in only those the forum is theirs, never someone removed", () => {
    expect(decideJoin(req("speaker", { forum: rehearsal, now: at.dayBefore, ownForum: false }))).toEqual({ allowed: false, reason: "notYourForum" });
    expect(decideJoin(req("interpreter", { forum: rehearsal, now: at.dayBefore, banned: true }))).toEqual({ allowed: false, reason: "removed" });
  });
});
