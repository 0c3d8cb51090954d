import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { overlaps } from "../../lib/agenda/agenda";
import { agendaToJson } from "../../lib/agenda/serialize";
import { seed } from "../../prisma/seed";
import { migratedDatabase } from "./db";

describe("the published agenda query", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let data: typeof import("../../lib/agenda/data");
  beforeAll(async () => {
    db = await migratedDatabase("agenda");
    await seed(db.prisma);
    process.env.DATABASE_URL = db.databaseUrl;
    data = await import("../../lib/agenda/data");
  });
  afterAll(() => db.drop());

  it("returns the five forums in order with their sessions by start time", async () => {
    const agenda = await data.getAgendaOrThrow("clean-sky-2021");
    expect(agenda.forums.map((f) => f.slug)).toEqual(["forecast", "vehicles", "carbon-neutrality", "air-pollution", "joint-research"]);
    for (const forum of agenda.forums) {
      const starts = forum.sessions.map((s) => s.startsAt.getTime());
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      for (const s of forum.sessions) {
        expect(s.startsAt.getTime()).toBeGreaterThanOrEqual(forum.startsAt.getTime());
        expect(s.endsAt.getTime()).toBeLessThanOrEqual(forum.endsAt.getTime());
        expect(s.endsAt.getTime()).toBeGreaterThan(s.startsAt.getTime());
      }
    }
  });

  it("never has overlapping sessions within a forum", async () => {
    const agenda = await data.getAgendaOrThrow("clean-sky-2021");
    for (const forum of agenda.forums) expect(overlaps(forum.sessions)).toEqual([]);
  });

  it("keeps the seeded forum blocks in Seoul time", async () => {
    const agenda = await data.getAgendaOrThrow("clean-sky-2021");
    const json = agendaToJson(agenda);
    expect(json.forums.map((f) => [f.startsAt, f.endsAt])).toEqual([
      ["2021-11-22T00:30:00.000Z", "2021-11-22T03:00:00.000Z"],
      ["2021-11-22T05:00:00.000Z", "2021-11-22T08:00:00.000Z"],
      ["2021-11-23T00:30:00.000Z", "2021-11-23T03:00:00.000Z"],
      ["2021-11-23T04:30:00.000Z", "2021-11-23T06:30:00.000Z"],
      ["2021-11-23T06:45:00.000Z", "2021-11-23T08:45:00.000Z"],
    ]);
  });

  it("treats an unpublished or unknown event as not found", async () => {
    await expect(data.getAgendaOrThrow("no-such-event")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.prisma.event.update({ where: { slug: "clean-sky-2021" }, data: { publishedAt: null } });
    await expect(data.getAgendaOrThrow("clean-sky-2021")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.prisma.event.update({ where: { slug: "clean-sky-2021" }, data: { publishedAt: new Date() } });
  });

  it("finds a session's forum and its neighbours in running order", async () => {
    const agenda = await data.getAgendaOrThrow("clean-sky-2021");
    const [first, second] = agenda.forums[0].sessions;
    const ctx = await data.getSessionContextOrThrow(second.id);
    expect(ctx.forum.slug).toBe("forecast");
    expect(ctx.previous?.id).toBe(first.id);
    const lastOfDayOne = agenda.forums[1].sessions.at(-1)!;
    expect((await data.getSessionContextOrThrow(lastOfDayOne.id)).next?.id).toBe(agenda.forums[2].sessions[0].id);
    await expect(data.getSessionContextOrThrow("missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
