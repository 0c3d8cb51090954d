import { describe, expect, it } from "vitest";
import type { Cells } from "./columns";
import { toSheetRows } from "./export-rows";
import { planImport } from "./plan";
import { readRow } from "./rows";
import { smallAgenda, smallDirectory } from "./testing";

/** The small agenda's own export with `edit` applied, planned back against it (row n of the file is rows[n-2]). */
function plan(edit: (rows: Cells[]) => Cells[] = (r) => r) {
  const rows = edit(toSheetRows(smallAgenda()));
  return planImport(
    smallAgenda(),
    rows.map((c, i) => readRow(i + 2, c, "Asia/Seoul")),
    smallDirectory(),
  );
}

const newSession = (rows: Cells[], values: Partial<Cells>): Cells => ({
  ...rows[1],
  session_key: "",
  speakers: "",
  moderators: "",
  title_en: "Late addition",
  starts_at: "2021-11-22 11:00",
  ends_at: "2021-11-22 11:30",
  ...values,
});

describe("planning an import", () => {
  it("finds nothing to change in the agenda's own export", () => {
    const { problems, summary } = plan();
    expect(problems).toEqual([]);
    expect(summary).toEqual({ forums: { create: 0, update: 0, unchanged: 2 }, sessions: { create: 0, update: 0, unchanged: 2 }, untouched: 0 });
  });

  it("updates a session matched by forum slug and key, keeping the bios of people already on it", () => {
    const p = plan((rows) => [{ ...rows[0], title_en: "Opening", speakers: "kim@example.test; lee@example.test" }]);
    expect(p.problems).toEqual([]);
    expect(p.summary).toEqual({ forums: { create: 0, update: 0, unchanged: 1 }, sessions: { create: 0, update: 1, unchanged: 0 }, untouched: 1 });
    const s = p.sessions[0];
    expect(s).toMatchObject({ action: "update", key: "opening", stored: { id: "s1" } });
    expect(s.speakers.map((x) => [x.userId, x.role, x.bio.en])).toEqual([
      ["u-kim", "speaker", "Researcher"],
      ["u-lee", "speaker", ""],
      [null, "interpreter", ""],
    ]);
  });

  it("creates forums and sessions the agenda lacks, deriving a free key from the English title", () => {
    const p = plan((rows) => [
      newSession(rows, { title_en: "AI forecasting" }),
      { ...rows[2], forum_slug: "lunch", forum_title_en: "Lunch", forum_starts_at: "2021-11-22 12:00", forum_ends_at: "2021-11-22 13:00" },
      newSession(rows, { forum_slug: "lunch", forum_title_en: "", forum_starts_at: "", forum_ends_at: "", session_key: "talk", starts_at: "2021-11-22 12:00", ends_at: "2021-11-22 12:30" }),
    ]);
    expect(p.problems).toEqual([]);
    expect(p.forums.map((f) => [f.slug, f.action])).toEqual([
      ["forecast", "unchanged"],
      ["lunch", "create"],
    ]);
    expect(p.sessions.map((s) => [s.forumSlug, s.key, s.action])).toEqual([
      ["forecast", "ai-forecasting", "create"],
      ["lunch", "talk", "create"],
    ]);
    expect(p.summary.untouched).toBe(2);
  });

  it("rejects a repeated session key, forum cells that disagree, unknown people and organisations", () => {
    const p = plan((rows) => [rows[0], { ...rows[1], forum_title_en: "Another title", session_key: "opening" }, { ...rows[1], speakers: "nobody@example.test; Guest | | nowhere" }]);
    expect(p.problems).toEqual([
      { row: 3, column: "forum_title_en", message: "forumMismatch", params: { row: 2 } },
      { row: 3, column: "session_key", message: "duplicateSession", params: { value: "opening", row: 2 } },
      { row: 4, column: "speakers", message: "unknownSpeaker", params: { value: "nobody@example.test" } },
      { row: 4, column: "speakers", message: "unknownOrganization", params: { value: "nowhere" } },
    ]);
  });

  it("applies the conflict rules to the resulting agenda: overlaps, blocks and people booked twice", () => {
    const p = plan((rows) => [
      newSession(rows, { starts_at: "2021-11-22 09:40", ends_at: "2021-11-22 10:00" }),
      newSession(rows, { forum_slug: "empty", session_key: "late", starts_at: "2021-11-23 10:00", ends_at: "2021-11-23 12:00" }),
      newSession(rows, {
        forum_slug: "parallel",
        forum_title_en: "Parallel",
        forum_starts_at: "2021-11-22 09:00",
        forum_ends_at: "2021-11-22 11:00",
        session_key: "p1",
        starts_at: "2021-11-22 10:00",
        ends_at: "2021-11-22 10:15",
        moderators: "kim@example.test",
      }),
    ]);
    expect(p.problems.map((x) => [x.row, x.column, x.conflict?.type])).toEqual([
      [2, "starts_at", "overlap"],
      [2, "starts_at", "overlap"],
      [3, "starts_at", "outsideBlock"],
      [4, "starts_at", "doubleBooked"],
    ]);
  });

  it("reports a forum block that would leave sessions the file does not name outside it", () => {
    const p = plan((rows) => [{ ...rows[2], forum_slug: "forecast", forum_title_en: "Forecast workshop", forum_starts_at: "2021-11-22 09:30", forum_ends_at: "2021-11-22 10:00" }]);
    expect(p.problems).toEqual([
      expect.objectContaining({ row: null, message: "conflict", conflict: expect.objectContaining({ type: "outsideBlock" }), session: expect.objectContaining({ en: "AI forecasting" }) }),
    ]);
  });

  it("rejects a forum block outside the event and a new forum without times", () => {
    const p = plan((rows) => [
      { ...rows[2], forum_slug: "later", forum_starts_at: "2021-12-01 09:00", forum_ends_at: "2021-12-01 10:00" },
      { ...rows[2], forum_slug: "timeless", forum_starts_at: "", forum_ends_at: "" },
    ]);
    expect(p.problems.map((x) => [x.row, x.column, x.message, x.conflict?.type])).toEqual([
      [2, "forum_starts_at", "conflict", "outsideEvent"],
      [3, "forum_starts_at", "required", undefined],
      [3, "forum_ends_at", "required", undefined],
    ]);
  });
});
