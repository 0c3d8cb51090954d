import { describe, expect, it } from "vitest";
import { currentSession, withStatuses, type TimedSession } from "./current-session";

const at = (hhmm: string) => Date.parse(`2021-11-23T${hhmm}:00+09:00`);
const session = (id: string, from: string, to: string, status: TimedSession["status"] = "scheduled"): TimedSession => ({ id, startsAt: at(from), endsAt: at(to), status });

const forum = [session("opening", "09:30", "09:40"), session("talk", "09:40", "10:25"), session("panel", "10:30", "11:00")];

describe("the current session of a stage", () => {
  it("follows the schedule when no session is marked live", () => {
    expect(currentSession(forum, at("09:30"))?.id).toBe("opening");
    expect(currentSession(forum, at("09:39"))?.id).toBe("opening");
    expect(currentSession(forum, at("09:40"))?.id).toBe("talk");
  });

  it("shows nothing before the first session, in a gap, and after the last", () => {
    expect(currentSession(forum, at("09:00"))).toBeNull();
    expect(currentSession(forum, at("10:27"))).toBeNull();
    expect(currentSession(forum, at("11:00"))).toBeNull();
  });

  it("prefers the session an organizer marked live over the one the clock points at", () => {
    const overrun = withStatuses(forum, new Map([["opening", "live"]]));
    expect(currentSession(overrun, at("09:50"))?.id).toBe("opening");
    expect(currentSession(overrun, at("23:00"))?.id).toBe("opening");
  });

  it("takes the latest-starting session when more than one is marked live", () => {
    const both = withStatuses(
      forum,
      new Map([
        ["opening", "live"],
        ["talk", "live"],
      ]),
    );
    expect(currentSession(both, at("09:35"))?.id).toBe("talk");
  });

  it("does not bring back by its slot a session that was ended early", () => {
    const ended = withStatuses(forum, new Map([["talk", "ended"]]));
    expect(currentSession(ended, at("10:00"))).toBeNull();
  });

  it("keeps a session's own status when no newer one was heard", () => {
    const statuses = new Map([["elsewhere", "live" as const]]);
    expect(withStatuses(forum, statuses)).toEqual(forum);
  });
});
