import { describe, expect, it } from "vitest";
import { dueReminders, isDue, leadMinutes, type ReminderCandidate } from "./reminders";

const start = new Date("2021-11-22T00:30:00Z");
const candidate = (over: Partial<ReminderCandidate> = {}): ReminderCandidate => ({ userId: "u1", sessionId: "s1", startsAt: start, status: "scheduled", lead: 15, ...over });
const minutesBefore = (m: number) => new Date(start.getTime() - m * 60_000);

describe("reminder mails", () => {
  it("are due from the chosen lead before the start until the start", () => {
    expect(isDue(candidate(), minutesBefore(16))).toBe(false);
    expect(isDue(candidate(), minutesBefore(15))).toBe(true);
    expect(isDue(candidate(), minutesBefore(1))).toBe(true);
    expect(isDue(candidate(), start)).toBe(false);
  });

  it("take the person's own lead, else the deployment's, and none when they chose none", () => {
    expect(leadMinutes(null, 15)).toBe(15);
    expect(leadMinutes(60, 15)).toBe(60);
    expect(leadMinutes(0, 15)).toBe(0);
    expect(isDue(candidate({ lead: 0 }), minutesBefore(1))).toBe(false);
    expect(isDue(candidate({ lead: 60 }), minutesBefore(45))).toBe(true);
  });

  it("are not sent for a session an organizer already started or ended", () => {
    expect(isDue(candidate({ status: "live" }), minutesBefore(5))).toBe(false);
    expect(isDue(candidate({ status: "ended" }), minutesBefore(5))).toBe(false);
  });

  it("go once per person and session, even to a speaker who bookmarked their own session", () => {
    const due = dueReminders([candidate(), candidate({ lead: 30 }), candidate({ userId: "u2" }), candidate({ sessionId: "s2", lead: 5 })], minutesBefore(10));
    expect(due.map((c) => `${c.userId}/${c.sessionId}`)).toEqual(["u1/s1", "u2/s1"]);
  });
});
