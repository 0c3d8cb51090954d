import { describe, expect, it } from "vitest";
import { forum, session } from "@/lib/agenda/testing";
import { effectiveStatus, eventPhase, happeningNow, joinAdvice, registrationOffer, type RegistrationSettings, type VisitorStanding } from "./state";

const at = (iso: string) => new Date(iso);
const settings: RegistrationSettings = { policy: "open", opensAt: at("2021-10-18T00:00:00Z"), closesAt: at("2021-11-19T09:00:00Z"), capacity: 109 };

// One forum 09:30–12:00 KST with two sessions and a gap between them.
const forecast = forum("forecast", 1, [session("open", "2021-11-22T00:30:00Z", "2021-11-22T00:45:00Z"), session("talk", "2021-11-22T01:00:00Z", "2021-11-22T03:00:00Z")]);

describe("what registration offers", () => {
  it("before the window: when it opens", () => {
    expect(registrationOffer(settings, 0, at("2021-10-01T00:00:00Z"))).toEqual({ kind: "notYet", opensAt: settings.opensAt });
  });

  it("inside the window: the form, with the waitlist announced once the places are taken", () => {
    expect(registrationOffer(settings, 10, at("2021-11-01T00:00:00Z"))).toMatchObject({ kind: "open", full: false, policy: "open" });
    expect(registrationOffer(settings, 109, at("2021-11-01T00:00:00Z"))).toMatchObject({ kind: "open", full: true });
    expect(registrationOffer({ ...settings, policy: "approval", closesAt: null }, 0, at("2030-01-01T00:00:00Z"))).toMatchObject({ kind: "open", policy: "approval", closesAt: null });
  });

  it("after the window: when it closed", () => {
    expect(registrationOffer(settings, 0, at("2021-11-19T09:00:00Z"))).toEqual({ kind: "closed", closesAt: settings.closesAt });
  });

  it("by invitation: only the invitation's link, whatever the window", () => {
    expect(registrationOffer({ ...settings, policy: "invitation" }, 0, at("2021-11-01T00:00:00Z"))).toEqual({ kind: "invitation" });
    expect(registrationOffer({ ...settings, policy: "invitation", audiencePolicy: "invitation" }, 0, at("2021-11-01T00:00:00Z"))).toEqual({ kind: "invitation" });
  });

  it("by invitation to take part but open to watch: registering to watch, inside the window only", () => {
    const watchable = { ...settings, policy: "invitation" as const, audiencePolicy: "approval" as const };
    expect(registrationOffer(watchable, 0, at("2021-11-01T00:00:00Z"))).toEqual({ kind: "audienceOnly", closesAt: settings.closesAt });
    expect(registrationOffer(watchable, 0, at("2021-10-01T00:00:00Z"))).toEqual({ kind: "notYet", opensAt: settings.opensAt });
    expect(registrationOffer(watchable, 0, at("2021-11-19T09:00:00Z"))).toEqual({ kind: "closed", closesAt: settings.closesAt });
  });
});

describe("the programme's phase and what is on now", () => {
  it("is before, during or over by the first start and the last end", () => {
    expect(eventPhase([forecast], at("2021-11-22T00:29:00Z"))).toBe("before");
    expect(eventPhase([forecast], at("2021-11-22T00:30:00Z"))).toBe("during");
    expect(eventPhase([forecast], at("2021-11-22T03:00:00Z"))).toBe("over");
    expect(eventPhase([], at("2021-11-22T03:00:00Z"))).toBe("before");
  });

  it("reads a session nobody started or ended by its slot, and an organizer's status first", () => {
    const s = forecast.sessions[1];
    expect(effectiveStatus(s, at("2021-11-22T00:59:00Z"))).toBe("scheduled");
    expect(effectiveStatus(s, at("2021-11-22T01:30:00Z"))).toBe("live");
    // A 2021 session nobody ended is over, not "Scheduled", in 2026.
    expect(effectiveStatus(s, at("2026-12-06T00:00:00Z"))).toBe("ended");
    expect(effectiveStatus({ ...s, status: "ended" }, at("2021-11-22T01:30:00Z"))).toBe("ended");
    expect(effectiveStatus({ ...s, status: "live" }, at("2021-11-22T03:30:00Z"))).toBe("live");
  });

  it("names the forum under way with its session on now, and the forum between two sessions", () => {
    expect(happeningNow([forecast], at("2021-11-22T01:30:00Z")).map((h) => [h.forum.slug, h.session?.id])).toEqual([["forecast", "talk"]]);
    expect(happeningNow([forecast], at("2021-11-22T00:50:00Z")).map((h) => [h.forum.slug, h.session])).toEqual([["forecast", null]]);
    expect(happeningNow([forecast], at("2021-11-22T04:00:00Z"))).toEqual([]);
    expect(happeningNow([forecast], at("2021-11-21T00:00:00Z"))).toEqual([]);
  });

  it("follows the live statuses: a session ended early is no longer on", () => {
    const ended = new Map([["talk", "ended" as const]]);
    expect(happeningNow([forecast], at("2021-11-22T01:30:00Z"), ended)).toEqual([]);
  });
});

describe("a visitor's next step towards a live room", () => {
  const block = { id: "forecast", startsAt: at("2021-11-22T00:30:00Z"), endsAt: at("2021-11-22T03:00:00Z") };
  const during = at("2021-11-22T01:00:00Z");
  const approved = (over: Partial<NonNullable<VisitorStanding["registration"]>> = {}): VisitorStanding => ({
    signedIn: true,
    registration: { role: "delegate", status: "approved", ownForumIds: ["forecast"], removedFromForumIds: [], ...over },
  });

  it("is Join only for an approved person whose forum it is, while the room is open", () => {
    expect(joinAdvice(approved(), block, during, false)).toBe("join");
    expect(joinAdvice(approved({ ownForumIds: [] }), block, during, false)).toBe("notYourForum");
    expect(joinAdvice(approved(), block, at("2021-11-22T00:00:00Z"), false)).toBe("roomNotOpenYet");
    expect(joinAdvice(approved(), block, at("2021-11-22T03:00:00Z"), false)).toBe("roomClosed");
    // Organizers run every room.
    expect(joinAdvice(approved({ role: "organizer", ownForumIds: [] }), block, during, false)).toBe("join");
  });

  it("tells an anonymous visitor to sign in, and a person without a registration to register while they can", () => {
    expect(joinAdvice({ signedIn: false, registration: null }, block, during, true)).toBe("signIn");
    expect(joinAdvice({ signedIn: true, registration: null }, block, during, true)).toBe("register");
    expect(joinAdvice({ signedIn: true, registration: null }, block, during, false)).toBe("notRegistered");
  });

  it("says why a registration does not let them in yet", () => {
    expect(joinAdvice(approved({ status: "pending" }), block, during, false)).toBe("pending");
    expect(joinAdvice(approved({ status: "waitlisted" }), block, during, false)).toBe("waitlisted");
    expect(joinAdvice(approved({ status: "declined" }), block, during, false)).toBe("notApproved");
  });

  it("follows the room's own rule: removed until let back in, and speakers in early for a rehearsal", () => {
    expect(joinAdvice(approved({ removedFromForumIds: ["forecast"] }), block, during, false)).toBe("removed");
    expect(joinAdvice(approved({ removedFromForumIds: ["other"] }), block, during, false)).toBe("join");
    const early = at("2021-11-21T09:00:00Z");
    const rehearsal = { ...block, rehearsalUntil: at("2021-11-21T10:00:00Z") };
    expect(joinAdvice(approved({ role: "speaker" }), rehearsal, early, false)).toBe("join");
    expect(joinAdvice(approved(), rehearsal, early, false)).toBe("roomNotOpenYet");
  });
});
