import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("@/lib/db", () => ({ db: {} }));
const { runsOf } = await import("./group");
import type { AttendanceChange } from "./webhook";

const at = new Date("2030-03-01T01:10:00Z");
const join = (id: string, sid: string): AttendanceChange => ({ id, event: "participant_joined", room: "r", at, kind: "joined", sid, identity: "u", joinedAt: at });
const leave = (id: string, sid: string): AttendanceChange => ({ id, event: "participant_left", room: "r", at, kind: "left", sid, identity: "u", joinedAt: at });

describe("runsOf (what one group statement may write together)", () => {
  it("keeps distinct events of distinct participants in one run, in arrival order", () => {
    expect(runsOf([join("e1", "a"), join("e2", "b"), leave("e3", "c")]).map((r) => r.map((c) => c.id))).toEqual([["e1", "e2", "e3"]]);
  });

  it("starts a new run where a participant or an event id repeats, so each sees the one before committed", () => {
    const runs = runsOf([join("e1", "a"), join("e2", "b"), leave("e3", "a"), join("e1", "a"), join("e4", "c")]);
    expect(runs.map((r) => r.map((c) => c.id))).toEqual([["e1", "e2"], ["e3"], ["e1", "e4"]]);
  });

  it("runs room_finished and aborted connections alone, between what came before and after them", () => {
    const finished: AttendanceChange = { id: "f", event: "room_finished", room: "r", at, kind: "roomFinished" };
    const aborted: AttendanceChange = { id: "x", event: "participant_connection_aborted", room: "r", at, kind: "aborted", sid: "z" };
    const runs = runsOf([join("e1", "a"), finished, join("e2", "b"), aborted, leave("e3", "b")]);
    expect(runs.map((r) => r.map((c) => c.id))).toEqual([["e1"], ["f"], ["e2"], ["x"], ["e3"]]);
  });
});
