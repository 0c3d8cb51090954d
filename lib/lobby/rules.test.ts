import { describe, expect, it } from "vitest";
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import { decideJoin, decideStay, type JoinRequest } from "@/lib/rooms/grants";
import { KNOCK_AGAIN_MS, knockAgainAt, placeOf, visitorMayWait, waitsInLobby } from "./rules";

// A forum block 09:30–12:00 KST on 22 November 2021 (00:30–03:00 UTC).
const forum = { startsAt: new Date("2021-11-22T00:30:00Z"), endsAt: new Date("2021-11-22T03:00:00Z") };
const early = new Date("2021-11-22T00:00:00Z");
const during = new Date("2021-11-22T01:00:00Z");
const after = new Date("2021-11-22T03:00:00Z");
const req = (role: RegistrationRole, over: Partial<JoinRequest> = {}): JoinRequest => ({ role, status: "approved", ownForum: true, forum, now: during, ...over });
const waits = (r: JoinRequest) => {
  const d = decideJoin(r);
  return d.allowed ? false : waitsInLobby(r, d.reason);
};

describe("who waits in the lobby", () => {
  it("an approved delegate who comes before the room opens", () => {
    expect(decideJoin(req("delegate", { now: early }))).toEqual({ allowed: false, reason: "roomNotOpenYet" });
    expect(waits(req("delegate", { now: early }))).toBe(true);
  });
  it.each(["pending", "waitlisted"] as const)("a %s registration, at any time before the room closes", (status) => {
    expect(waits(req("delegate", { status }))).toBe(true);
    expect(waits(req("observer", { status, now: early }))).toBe(true);
    expect(waits(req("speaker", { status, now: after }))).toBe(false);
  });
  it("everyone but organizers when the forum requires admission", () => {
    for (const role of ["speaker", "interpreter", "delegate", "observer"] as const) {
      expect(decideJoin(req(role, { requiresAdmission: true }))).toEqual({ allowed: false, reason: "admissionRequired" });
      expect(waits(req(role, { requiresAdmission: true }))).toBe(true);
    }
    expect(decideJoin(req("organizer", { requiresAdmission: true })).allowed).toBe(true);
  });
  it.each<[string, JoinRequest]>([
    ["a declined registration", req("delegate", { status: "declined" })],
    ["a cancelled registration", req("delegate", { status: "cancelled" })],
    ["the audience (it watches the broadcast)", req("audience", { status: "pending" })],
    ["a person of another forum", req("delegate", { ownForum: false, status: "pending" })],
    ["a person an organizer removed", req("delegate", { banned: true, requiresAdmission: true })],
    ["anyone once the room has closed", req("delegate", { now: after, requiresAdmission: true })],
    ["a pending organizer (no room admin before approval)", req("organizer", { status: "pending" })],
  ])("never %s", (_label, r) => {
    expect(waits(r)).toBe(false);
  });
});

describe("what an admission overrides", () => {
  const admitted = { lobby: "admitted" as const };
  it("lets an undecided registration in with its own role's grant", () => {
    for (const status of ["pending", "waitlisted"] satisfies RegistrationState[]) {
      expect(decideJoin(req("delegate", { status, ...admitted }))).toEqual({ allowed: true, grant: expect.objectContaining({ roomAdmin: false, canPublish: false }) });
      expect(decideStay(req("observer", { status, ...admitted })).allowed).toBe(true);
    }
  });
  it("opens the room early, and a forum that requires admission", () => {
    expect(decideJoin(req("delegate", { now: early, ...admitted })).allowed).toBe(true);
    expect(decideJoin(req("delegate", { requiresAdmission: true, ...admitted })).allowed).toBe(true);
  });
  it("never a decline, a ban, another forum, the audience, an organizer's pending registration or a closed room", () => {
    expect(decideJoin(req("delegate", { status: "declined", ...admitted }))).toEqual({ allowed: false, reason: "notApproved" });
    expect(decideJoin(req("delegate", { banned: true, ...admitted }))).toEqual({ allowed: false, reason: "removed" });
    expect(decideJoin(req("delegate", { ownForum: false, ...admitted }))).toEqual({ allowed: false, reason: "notYourForum" });
    expect(decideJoin(req("audience", { ...admitted }))).toEqual({ allowed: false, reason: "watchOnly" });
    expect(decideJoin(req("organizer", { status: "pending", ...admitted }))).toEqual({ allowed: false, reason: "notApproved" });
    expect(decideJoin(req("delegate", { now: after, ...admitted }))).toEqual({ allowed: false, reason: "roomClosed" });
  });
  it("a person turned away where admission is required may not stay, but may wait again", () => {
    const refused = req("delegate", { lobby: "refused", requiresAdmission: true });
    expect(decideStay(refused)).toEqual({ allowed: false, reason: "turnedAway" });
    expect(waits(refused)).toBe(true);
    expect(decideStay(req("delegate", { status: "pending", lobby: "refused" }))).toEqual({ allowed: false, reason: "notApproved" });
  });
  it("turning away an approved early arrival answers the knock only: they join by right when the room opens", () => {
    expect(decideJoin(req("delegate", { now: early, lobby: "refused" }))).toEqual({ allowed: false, reason: "roomNotOpenYet" });
    expect(decideJoin(req("delegate", { lobby: "refused" })).allowed).toBe(true);
  });
  it("waiting is not admitted", () => {
    expect(decideJoin(req("delegate", { status: "pending", lobby: "waiting" }))).toEqual({ allowed: false, reason: "notApproved" });
    expect(decideJoin(req("delegate", { requiresAdmission: true, lobby: "waiting" }))).toEqual({ allowed: false, reason: "admissionRequired" });
  });
});

describe("asking again", () => {
  it("is at once without an answer, and a minute after being turned away", () => {
    expect(knockAgainAt(null)).toBe(0);
    expect(knockAgainAt({ status: "waiting", decidedAt: null })).toBe(0);
    expect(knockAgainAt({ status: "refused", decidedAt: during })).toBe(during.getTime() + KNOCK_AGAIN_MS);
  });
});

describe("the session page's way to the lobby", () => {
  const reg = (over: Partial<{ status: RegistrationState; role: RegistrationRole; ownForumIds: string[] }> = {}) => ({
    role: "delegate" as const,
    status: "approved" as const,
    ownForumIds: ["f"],
    removedFromForumIds: [],
    ...over,
  });
  const room = { id: "f", ...forum };
  it("is offered to the early and the undecided of the forum, before it closes", () => {
    expect(visitorMayWait(reg(), room, early)).toBe(true);
    expect(visitorMayWait(reg({ status: "pending" }), room, during)).toBe(true);
    expect(visitorMayWait(reg({ status: "waitlisted", role: "observer" }), room, early)).toBe(true);
  });
  it("is not offered to those who join anyway, the declined, people of another forum, the audience or after the room closed", () => {
    expect(visitorMayWait(reg(), room, during)).toBe(false);
    expect(visitorMayWait(reg({ status: "declined" }), room, during)).toBe(false);
    expect(visitorMayWait(reg({ status: "pending", ownForumIds: [] }), room, during)).toBe(false);
    expect(visitorMayWait(reg({ status: "pending", role: "audience" }), room, during)).toBe(false);
    expect(visitorMayWait(reg({ status: "pending" }), room, after)).toBe(false);
    expect(visitorMayWait(null, room, during)).toBe(false);
  });
});

describe("a person's place", () => {
  it("says they were turned away, whatever else still stands in their way, and when they may ask again", () => {
    expect(placeOf("notApproved", { status: "refused", createdAt: early, decidedAt: during })).toEqual({ kind: "outside", reason: "turnedAway", knockAgainAt: during.getTime() + KNOCK_AGAIN_MS });
    expect(placeOf("admissionRequired", { status: "waiting", createdAt: early, decidedAt: null })).toEqual({ kind: "waiting", reason: "admissionRequired", since: early.getTime() });
    expect(placeOf("roomNotOpenYet", null)).toEqual({ kind: "outside", reason: "roomNotOpenYet", knockAgainAt: 0 });
  });
});
