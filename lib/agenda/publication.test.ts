import { describe, expect, it } from "vitest";
import { assignSequences, diffAgendas, fromSnapshot, toSnapshot } from "./publication";
import { agenda, forum, session, speaker, text } from "./testing";

const published = assignSequences(
  null,
  agenda([forum("forecast", 1, [session("a1", "2021-11-22T00:30:00Z", "2021-11-22T01:15:00Z", { speakers: [speaker("김서연")] }), session("a2", "2021-11-22T01:15:00Z", "2021-11-22T02:00:00Z")])]),
  new Date("2021-11-01T00:00:00Z"),
);

function edit(fn: (a: ReturnType<typeof structuredClone<typeof published>>) => void) {
  const copy = structuredClone(published);
  fn(copy);
  return copy;
}

describe("ICS SEQUENCE on publish", () => {
  it("starts new sessions at 0, stamped with the publication time", () => {
    const s = published.forums[0].sessions[0];
    expect(s.sequence).toBe(0);
    expect(s.updatedAt.toISOString()).toBe("2021-11-01T00:00:00.000Z");
  });

  it("keeps SEQUENCE and DTSTAMP of sessions that did not change", () => {
    const again = assignSequences(published, structuredClone(published), new Date("2021-11-10T00:00:00Z"));
    expect(again.forums[0].sessions.map((s) => [s.sequence, s.updatedAt.toISOString()])).toEqual([
      [0, "2021-11-01T00:00:00.000Z"],
      [0, "2021-11-01T00:00:00.000Z"],
    ]);
  });

  it("raises SEQUENCE by one for a moved session only, and again on each further change", () => {
    const moved = edit((a) => {
      a.forums[0].sessions[1].startsAt = new Date("2021-11-22T01:30:00Z");
    });
    const second = assignSequences(published, moved, new Date("2021-11-10T00:00:00Z"));
    expect(second.forums[0].sessions.map((s) => s.sequence)).toEqual([0, 1]);
    expect(second.forums[0].sessions[1].updatedAt.toISOString()).toBe("2021-11-10T00:00:00.000Z");
    const renamed = structuredClone(second);
    renamed.forums[0].sessions[1].title = text("Renamed");
    expect(assignSequences(second, renamed, new Date("2021-11-11T00:00:00Z")).forums[0].sessions[1].sequence).toBe(2);
  });

  it("treats a speaker change or a renamed forum (the calendar's location) as a change", () => {
    const withSpeaker = edit((a) => a.forums[0].sessions[1].speakers.push(speaker("王芳")));
    expect(assignSequences(published, withSpeaker, new Date()).forums[0].sessions[1].sequence).toBe(1);
    const renamedForum = edit((a) => (a.forums[0].title = text("Air quality forecasting")));
    expect(assignSequences(published, renamedForum, new Date()).forums[0].sessions.map((s) => s.sequence)).toEqual([1, 1]);
  });

  it("ignores the live status, which is not part of a publication", () => {
    const live = edit((a) => (a.forums[0].sessions[0].status = "live"));
    expect(assignSequences(published, live, new Date()).forums[0].sessions[0].sequence).toBe(0);
  });
});

describe("snapshots", () => {
  it("round-trip the agenda with statuses taken from the live map", () => {
    const back = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(published))), new Map([["a2", "live"]]));
    expect(back.forums[0].sessions.map((s) => s.status)).toEqual(["scheduled", "live"]);
    expect(back.forums[0].sessions[0].startsAt).toEqual(published.forums[0].sessions[0].startsAt);
    expect(back.forums[0].sessions[0].speakers).toEqual(published.forums[0].sessions[0].speakers);
  });

  it("store no status", () => {
    expect(JSON.stringify(toSnapshot(published))).not.toContain("status");
  });
});

describe("what publishing would change", () => {
  it("lists added, removed and changed sessions with the changed fields", () => {
    const draft = edit((a) => {
      a.forums[0].sessions[0].endsAt = new Date("2021-11-22T01:00:00Z");
      a.forums[0].sessions.splice(1, 1);
      a.forums[0].sessions.push(session("a3", "2021-11-22T02:00:00Z", "2021-11-22T02:30:00Z"));
    });
    const changes = diffAgendas(published, draft);
    expect(changes.map((c) => [c.kind, "change" in c ? c.change : "", "id" in c ? c.id : "", c.fields])).toEqual([
      ["session", "changed", "a1", ["endsAt"]],
      ["session", "added", "a3", []],
      ["session", "removed", "a2", []],
    ]);
  });

  it("is empty when the draft equals the publication", () => {
    expect(diffAgendas(published, structuredClone(published))).toEqual([]);
  });

  it("ignores live statuses, which are not published", () => {
    expect(
      diffAgendas(
        published,
        edit((a) => (a.forums[0].sessions[0].status = "live")),
      ),
    ).toEqual([]);
  });

  it("names event fields that changed", () => {
    const draft = edit((a) => (a.event.title = text("Clean Sky 2022")));
    expect(diffAgendas(published, draft)).toEqual([{ kind: "event", fields: ["title"] }]);
  });
});
