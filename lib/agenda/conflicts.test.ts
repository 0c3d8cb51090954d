import { describe, expect, it } from "vitest";
import { blockConflicts, frameConflicts, personKey, sessionConflicts, type AgendaFrame, type BookedPerson, type Slot } from "./conflicts";
import { planShift } from "./shift";
import { text } from "./testing";

const at = (iso: string) => new Date(iso);
const kim = { key: personKey("u-kim", "김서연"), name: "김서연", role: "speaker" as const };
const wang = { key: personKey(null, "Wang  Fang"), name: "Wang Fang", role: "interpreter" as const };

function slot(id: string, forumId: string, start: string, end: string, people: BookedPerson[] = []): Slot {
  return { id, forumId, title: text(id), startsAt: at(start), endsAt: at(end), people };
}

const frame: AgendaFrame = {
  event: { startsAt: at("2021-11-21T15:00:00Z"), endsAt: at("2021-11-23T15:00:00Z") },
  forums: [
    { id: "f1", title: text("Forecast"), startsAt: at("2021-11-22T00:30:00Z"), endsAt: at("2021-11-22T03:00:00Z") },
    { id: "f2", title: text("Vehicles"), startsAt: at("2021-11-22T00:00:00Z"), endsAt: at("2021-11-22T04:00:00Z") },
  ],
  sessions: [
    slot("a1", "f1", "2021-11-22T00:30:00Z", "2021-11-22T01:15:00Z", [kim]),
    slot("a2", "f1", "2021-11-22T01:15:00Z", "2021-11-22T02:00:00Z", [wang]),
    slot("b1", "f2", "2021-11-22T02:00:00Z", "2021-11-22T03:00:00Z"),
  ],
};

describe("session conflicts", () => {
  it("accept a session that fits its block and touches its neighbours end to start", () => {
    expect(sessionConflicts(slot("new", "f1", "2021-11-22T02:00:00Z", "2021-11-22T03:00:00Z"), frame)).toEqual([]);
  });

  it("refuse an end at or before the start, and nothing else is reported then", () => {
    expect(sessionConflicts(slot("new", "f1", "2021-11-22T02:00:00Z", "2021-11-22T02:00:00Z"), frame)).toEqual([{ type: "endBeforeStart" }]);
  });

  it("find an overlap with another session of the same forum", () => {
    const c = sessionConflicts(slot("new", "f1", "2021-11-22T01:00:00Z", "2021-11-22T01:30:00Z"), frame);
    expect(c.map((x) => [x.type, "sessionId" in x ? x.sessionId : ""])).toEqual([
      ["overlap", "a1"],
      ["overlap", "a2"],
    ]);
  });

  it("ignore the session's own earlier slot when it is moved", () => {
    expect(sessionConflicts(slot("a1", "f1", "2021-11-22T00:40:00Z", "2021-11-22T01:10:00Z", [kim]), frame)).toEqual([]);
  });

  it("find a session outside its forum's block and outside the event", () => {
    const c = sessionConflicts(slot("new", "f1", "2021-11-22T02:30:00Z", "2021-11-22T03:30:00Z"), frame);
    expect(c.map((x) => x.type)).toEqual(["outsideBlock"]);
    const late = sessionConflicts(slot("new", "f2", "2021-11-23T14:30:00Z", "2021-11-23T16:00:00Z"), frame);
    expect(late.map((x) => x.type)).toEqual(["outsideEvent", "outsideBlock"]);
  });

  it("find a speaker booked in another forum at the same time, by user id", () => {
    const c = sessionConflicts(slot("new", "f2", "2021-11-22T01:00:00Z", "2021-11-22T01:30:00Z", [kim]), frame);
    expect(c).toEqual([{ type: "doubleBooked", person: "김서연", sessionId: "a1", title: text("a1"), forum: text("Forecast") }]);
  });

  it("find a guest interpreter booked twice, by name regardless of case and spacing", () => {
    const guest = { key: personKey(null, "wang fang"), name: "wang fang", role: "interpreter" as const };
    const c = sessionConflicts(slot("new", "f2", "2021-11-22T01:30:00Z", "2021-11-22T01:45:00Z", [guest]), frame);
    expect(c.map((x) => x.type)).toEqual(["doubleBooked"]);
  });

  it("do not confuse two registered people who share a name", () => {
    const namesake = { key: personKey("u-other", "김서연"), name: "김서연", role: "speaker" as const };
    expect(sessionConflicts(slot("new", "f2", "2021-11-22T01:00:00Z", "2021-11-22T01:30:00Z", [namesake]), frame)).toEqual([]);
  });

  it("report every conflicting session of a whole agenda", () => {
    const broken = { ...frame, sessions: [...frame.sessions, slot("b2", "f2", "2021-11-22T00:45:00Z", "2021-11-22T01:00:00Z", [kim])] };
    expect(frameConflicts(broken).map((r) => r.sessionId)).toEqual(["a1", "b2"]);
  });

  it("check a forum block against the event's dates", () => {
    expect(blockConflicts({ startsAt: at("2021-11-22T00:00:00Z"), endsAt: at("2021-11-21T00:00:00Z") }, frame.event)).toEqual([{ type: "endBeforeStart" }]);
    expect(blockConflicts({ startsAt: at("2021-11-24T00:00:00Z"), endsAt: at("2021-11-24T01:00:00Z") }, frame.event)[0].type).toBe("outsideEvent");
  });
});

describe("shifting a forum", () => {
  const sessions = [
    { id: "s1", startsAt: at("2021-11-22T00:30:00Z"), endsAt: at("2021-11-22T01:00:00Z"), status: "ended" as const },
    { id: "s2", startsAt: at("2021-11-22T01:00:00Z"), endsAt: at("2021-11-22T01:30:00Z"), status: "live" as const },
    { id: "s3", startsAt: at("2021-11-22T01:30:00Z"), endsAt: at("2021-11-22T02:30:00Z"), status: "scheduled" as const },
  ];
  const blockEnd = at("2021-11-22T02:30:00Z");

  it("moves the chosen session and every later one, and stretches the block to fit", () => {
    const plan = planShift(sessions, "s2", 15, blockEnd)!;
    expect(plan.moved.map((m) => [m.id, m.startsAt.toISOString(), m.endsAt.toISOString()])).toEqual([
      ["s2", "2021-11-22T01:15:00.000Z", "2021-11-22T01:45:00.000Z"],
      ["s3", "2021-11-22T01:45:00.000Z", "2021-11-22T02:45:00.000Z"],
    ]);
    expect(plan.blockEndsAt.toISOString()).toBe("2021-11-22T02:45:00.000Z");
  });

  it("never moves ended sessions and never shrinks the block when pulling earlier", () => {
    const plan = planShift(sessions, "s1", -10, blockEnd)!;
    expect(plan.moved.map((m) => m.id)).toEqual(["s2", "s3"]);
    expect(plan.blockEndsAt).toEqual(blockEnd);
  });

  it("refuses zero, fractional minutes and unknown sessions", () => {
    expect(planShift(sessions, "s2", 0, blockEnd)).toBeNull();
    expect(planShift(sessions, "s2", 1.5, blockEnd)).toBeNull();
    expect(planShift(sessions, "nope", 5, blockEnd)).toBeNull();
  });
});
