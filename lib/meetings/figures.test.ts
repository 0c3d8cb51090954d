import { describe, expect, it } from "vitest";
import { decideOrganizerCancel } from "./rules";
import { eventDays, meetingFigures } from "./figures";

const at = (iso: string) => new Date(iso);
// Clean Sky's days in Seoul: 22 and 23 November 2021 (KST, UTC+9).
const event = { startsAt: at("2021-11-22T00:00:00Z"), endsAt: at("2021-11-23T09:00:00Z"), timeZone: "Asia/Seoul" };

describe("the organizers' meeting figures", () => {
  it("lists the event's days in its home zone", () => {
    expect(eventDays(event)).toEqual(["2021-11-22", "2021-11-23"]);
  });
  it("counts every request once and the accepted ones on their day in the event's zone", () => {
    const figures = meetingFigures(
      [
        // 23:30 UTC on the 22nd is 08:30 on the 23rd in Seoul.
        { status: "accepted", startsAt: at("2021-11-22T23:30:00Z") },
        { status: "accepted", startsAt: at("2021-11-22T01:00:00Z") },
        { status: "accepted", startsAt: at("2021-11-22T02:00:00Z") },
        { status: "declined", startsAt: at("2021-11-22T02:00:00Z") },
        { status: "cancelled", startsAt: at("2021-11-22T02:00:00Z") },
        { status: "requested", startsAt: at("2021-11-22T03:00:00Z") },
      ],
      event,
    );
    expect(figures.requested).toBe(6);
    expect(figures.byStatus).toEqual({ requested: 1, accepted: 3, declined: 1, cancelled: 1 });
    expect(figures.acceptedPerDay).toEqual([
      { day: "2021-11-22", count: 2 },
      { day: "2021-11-23", count: 1 },
    ]);
  });
});

describe("an organizer calling a meeting off", () => {
  const now = at("2021-11-22T01:00:00Z");
  const m = (status: "requested" | "accepted" | "declined" | "cancelled", endsAt = "2021-11-22T03:00:00Z") => ({ status, startsAt: at("2021-11-22T02:30:00Z"), endsAt: at(endsAt) });
  it("may call off a request or an accepted meeting that is not over", () => {
    expect(decideOrganizerCancel(m("requested"), now)).toEqual({ allowed: true, to: "cancelled" });
    expect(decideOrganizerCancel(m("accepted"), now)).toEqual({ allowed: true, to: "cancelled" });
  });
  it("finds nothing to call off once declined, cancelled or over", () => {
    expect(decideOrganizerCancel(m("declined"), now)).toMatchObject({ allowed: false, code: "CONFLICT", reason: "alreadyClosed" });
    expect(decideOrganizerCancel(m("cancelled"), now)).toMatchObject({ allowed: false, reason: "alreadyClosed" });
    expect(decideOrganizerCancel(m("accepted", "2021-11-22T00:30:00Z"), now)).toMatchObject({ allowed: false, reason: "meetingOver" });
  });
});
