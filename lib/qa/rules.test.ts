import { describe, expect, it } from "vitest";
import type { RegistrationRole, RegistrationState } from "@/lib/auth/roles";
import {
  decideQaStay,
  flowsToNext,
  initialStatus,
  mayEdit,
  mayPin,
  mayVote,
  mayWithdraw,
  moderate,
  qaOpen,
  seesAsker,
  seesQuestion,
  sortQuestions,
  type QuestionFacts,
  type QuestionStatus,
} from "./rules";

const organizer = { userId: "org", organizer: true };
const asker = { userId: "asker", organizer: false };
const other = { userId: "other", organizer: false };
const question = (status: QuestionStatus, anonymous = false): QuestionFacts => ({ userId: "asker", anonymous, status });

describe("a new question", () => {
  it("is shown at once in an open Q&A and waits under approve-first, unless an organizer asked", () => {
    expect(initialStatus("open", false)).toBe("approved");
    expect(initialStatus("approve", false)).toBe("pending");
    expect(initialStatus("approve", true)).toBe("approved");
  });
});

describe("who sees a question", () => {
  it.each<[QuestionStatus, boolean, boolean, boolean]>([
    // status, organizer, asker, someone else
    ["pending", true, true, false],
    ["approved", true, true, true],
    ["answered", true, true, true],
    ["dismissed", true, false, false],
    ["withdrawn", true, false, false],
  ])("%s: organizer %s, asker %s, others %s", (status, org, own, others) => {
    expect(seesQuestion(organizer, question(status))).toBe(org);
    expect(seesQuestion(asker, question(status))).toBe(own);
    expect(seesQuestion(other, question(status))).toBe(others);
  });
});

describe("who sees the asker", () => {
  it("organizers always; others never when anonymous", () => {
    expect(seesAsker(organizer, question("approved", true))).toBe(true);
    expect(seesAsker(other, question("approved", true))).toBe(false);
    expect(seesAsker(other, question("approved", false))).toBe(true);
  });
  it("the asker sees their own name on their anonymous question", () => {
    expect(seesAsker(asker, question("approved", true))).toBe(true);
  });
  it("a deleted account's anonymous question stays anonymous", () => {
    expect(seesAsker(other, { userId: null, anonymous: true, status: "approved" })).toBe(false);
  });
});

describe("what may be done in each state", () => {
  it("votes go to approved questions only", () => {
    expect((["pending", "approved", "dismissed", "answered", "withdrawn"] as const).filter(mayVote)).toEqual(["approved"]);
  });
  it("the asker, and only the asker, withdraws while unanswered", () => {
    expect(mayWithdraw(asker, question("pending"))).toBe(true);
    expect(mayWithdraw(asker, question("approved"))).toBe(true);
    expect(mayWithdraw(asker, question("answered"))).toBe(false);
    expect(mayWithdraw(other, question("approved"))).toBe(false);
  });
  it("moderation moves between states and refuses what does not apply", () => {
    expect(moderate("approve", "pending")).toBe("approved");
    expect(moderate("approve", "dismissed")).toBe("approved");
    expect(moderate("approve", "approved")).toBeNull();
    expect(moderate("dismiss", "approved")).toBe("dismissed");
    expect(moderate("dismiss", "answered")).toBeNull();
    expect(moderate("answer", "approved")).toBe("answered");
    expect(moderate("answer", "withdrawn")).toBeNull();
  });
  it("only an approved question is pinned, and a withdrawn one is not edited", () => {
    expect(mayPin("approved")).toBe(true);
    expect(mayPin("pending")).toBe(false);
    expect(mayEdit("answered")).toBe(true);
    expect(mayEdit("withdrawn")).toBe(false);
  });
  it("Q&A closes when the session ends or its slot is over", () => {
    const endsAt = new Date("2021-11-22T01:00:00Z");
    expect(qaOpen({ status: "live", endsAt }, new Date("2021-11-22T00:59:00Z"))).toBe(true);
    expect(qaOpen({ status: "live", endsAt }, endsAt)).toBe(false);
    expect(qaOpen({ status: "ended", endsAt }, new Date("2021-11-22T00:30:00Z"))).toBe(false);
  });
});

describe("sorting", () => {
  const list = [
    { id: "a", votes: 2, createdAt: "2021-11-22T00:01:00.000Z" },
    { id: "b", votes: 5, createdAt: "2021-11-22T00:02:00.000Z" },
    { id: "c", votes: 2, createdAt: "2021-11-22T00:00:30.000Z" },
    { id: "d", votes: 0, createdAt: "2021-11-22T00:03:00.000Z" },
  ];
  it("by votes, the earlier question first among equals", () => {
    expect(sortQuestions(list, "votes").map((q) => q.id)).toEqual(["b", "c", "a", "d"]);
  });
  it("newest first", () => {
    expect(sortQuestions(list, "newest").map((q) => q.id)).toEqual(["d", "b", "a", "c"]);
  });
});

describe("a question asked as a session ends", () => {
  const slotEndsAt = new Date("2021-11-22T01:30:00Z");
  const during = new Date("2021-11-22T01:29:59Z");
  const after = new Date("2021-11-22T01:30:00Z");
  it("stays where it was asked unless the event chose to pass it on", () => {
    expect(flowsToNext("stay", { status: "ended", slotEndsAt }, { status: "live" }, after)).toBe(false);
  });
  it("goes to the next session once the one asked to is over: ended by an organizer, or its slot passed", () => {
    expect(flowsToNext("next", { status: "ended", slotEndsAt }, { status: "scheduled" }, during)).toBe(true);
    expect(flowsToNext("next", { status: "live", slotEndsAt }, { status: "live" }, after)).toBe(true);
    expect(flowsToNext("next", { status: "live", slotEndsAt }, { status: "scheduled" }, during)).toBe(false);
  });
  it("stays when there is no next session, or it has ended too", () => {
    expect(flowsToNext("next", { status: "ended", slotEndsAt }, null, after)).toBe(false);
    expect(flowsToNext("next", { status: "ended", slotEndsAt }, { status: "ended" }, after)).toBe(false);
  });
});

describe("who takes part in Q&A and polls", () => {
  const member = (role: RegistrationRole, over: Partial<{ status: RegistrationState; ownForum: boolean; banned: boolean }> = {}) => ({
    role,
    status: "approved" as RegistrationState,
    ownForum: false,
    banned: false,
    ...over,
  });
  it("lets an approved audience member ask and vote in any forum of the event, though it names none", () => {
    expect(decideQaStay(member("audience"))).toEqual({ allowed: true });
  });
  it("refuses an audience member not approved, or removed from the forum's room", () => {
    for (const status of ["pending", "waitlisted", "declined", "cancelled"] as const) expect(decideQaStay(member("audience", { status }))).toEqual({ allowed: false, reason: "notApproved" });
    expect(decideQaStay(member("audience", { banned: true }))).toEqual({ allowed: false, reason: "removed" });
  });
  it("keeps the room's rule for everyone else: a delegate or observer of another forum is still refused", () => {
    expect(decideQaStay(member("delegate"))).toEqual({ allowed: false, reason: "notYourForum" });
    expect(decideQaStay(member("observer"))).toEqual({ allowed: false, reason: "notYourForum" });
    expect(decideQaStay(member("delegate", { ownForum: true }))).toEqual({ allowed: true });
    expect(decideQaStay(member("speaker", { ownForum: true, banned: true }))).toEqual({ allowed: false, reason: "removed" });
    expect(decideQaStay(member("organizer"))).toEqual({ allowed: true });
  });
  it("lets a forum's members ask while its room admits people from the lobby, but not one turned away from it", () => {
    expect(decideQaStay({ ...member("delegate", { ownForum: true }), requiresAdmission: true })).toEqual({ allowed: true });
    expect(decideQaStay({ ...member("delegate", { ownForum: true }), requiresAdmission: true, lobby: "refused" })).toEqual({ allowed: false, reason: "turnedAway" });
    expect(decideQaStay({ ...member("delegate", { ownForum: true }), lobby: "refused" })).toEqual({ allowed: true });
  });
});
