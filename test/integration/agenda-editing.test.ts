// Organizers' agenda editing on real PostgreSQL: drafts stay private until published (JSON API
// and calendars), optimistic concurrency, the conflict rules, shifting, and the audit trail.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed";
import { migratedDatabase } from "./db";

type Modules = {
  sessions: typeof import("../../lib/agenda/editor/sessions");
  forums: typeof import("../../lib/agenda/editor/forums");
  shift: typeof import("../../lib/agenda/editor/shift");
  frame: typeof import("../../lib/agenda/editor/frame");
  publish: typeof import("../../lib/agenda/publish");
  agendaRoute: typeof import("../../app/api/events/[slug]/agenda/route");
  agendaIcs: typeof import("../../app/api/events/[slug]/agenda.ics/route");
  sessionIcs: typeof import("../../app/api/sessions/[id]/ics/route");
  photos: typeof import("../../lib/agenda/editor/photos");
  event: typeof import("../../lib/agenda/editor/event");
  photoRoute: typeof import("../../app/api/speaker-photos/[kind]/[eventId]/[file]/route");
};

const slug = "clean-sky-2021";
let db: Awaited<ReturnType<typeof migratedDatabase>>;
let m: Modules;
let eventId: string;
let actor: { userId: string };

const getJson = async () => {
  const res = await m.agendaRoute.GET(new Request(`http://127.0.0.1/api/events/${slug}/agenda`), { params: Promise.resolve({ slug }) });
  return { status: res.status, body: res.status === 200 ? await res.json() : null };
};
const getIcs = async () => {
  const res = await m.agendaIcs.GET(new Request(`http://127.0.0.1/api/events/${slug}/agenda.ics?lang=en`), { params: Promise.resolve({ slug }) });
  return { status: res.status, text: await res.text() };
};
const sessionIcs = async (id: string) => (await m.sessionIcs.GET(new Request(`http://127.0.0.1/api/sessions/${id}/ics?lang=en`), { params: Promise.resolve({ id }) })).text();

async function sessionByKey(key: string) {
  const row = await db.prisma.session.findFirstOrThrow({ where: { key, forum: { slug: "forecast", eventId } }, select: m.frame.sessionEditorSelect });
  return { row, input: m.frame.toSessionInput(row, "Asia/Seoul") };
}

beforeAll(async () => {
  db = await migratedDatabase("editing");
  await seed(db.prisma);
  process.env.DATABASE_URL = db.databaseUrl;
  process.env.RECORDINGS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-photos-"));
  m = {
    sessions: await import("../../lib/agenda/editor/sessions"),
    forums: await import("../../lib/agenda/editor/forums"),
    shift: await import("../../lib/agenda/editor/shift"),
    frame: await import("../../lib/agenda/editor/frame"),
    publish: await import("../../lib/agenda/publish"),
    agendaRoute: await import("../../app/api/events/[slug]/agenda/route"),
    agendaIcs: await import("../../app/api/events/[slug]/agenda.ics/route"),
    sessionIcs: await import("../../app/api/sessions/[id]/ics/route"),
    photos: await import("../../lib/agenda/editor/photos"),
    event: await import("../../lib/agenda/editor/event"),
    photoRoute: await import("../../app/api/speaker-photos/[kind]/[eventId]/[file]/route"),
  };
  eventId = (await db.prisma.event.findUniqueOrThrow({ where: { slug } })).id;
  actor = { userId: (await db.prisma.user.findUniqueOrThrow({ where: { email: "organizer.kr@plenary.test" } })).id };
});
afterAll(() => db.drop());

describe("draft and published agenda", () => {
  it("keeps an edit out of the JSON API and calendars until published, then shows it with a higher SEQUENCE", async () => {
    const { row, input } = await sessionByKey("kr-ai-forecast");
    expect(await sessionIcs(row.id)).toContain("SEQUENCE:0");
    await m.sessions.saveSession(eventId, actor, { id: row.id, version: row.version }, { ...input, title: { ...input.title, en: "Korea's AI forecasting, revised" }, endsAt: "2021-11-22T10:20" });

    const before = await getJson();
    const published = before.body.forums[0].sessions.find((s: { id: string }) => s.id === row.id);
    expect(published.title.en).toBe(row.title && (row.title as { en: string }).en);
    expect(published.endsAt).toBe("2021-11-22T01:25:00.000Z");
    expect((await getIcs()).text).not.toContain("revised");

    const state = await m.publish.getPublicationState(eventId);
    expect(state.changes).toEqual([expect.objectContaining({ kind: "session", change: "changed", id: row.id, fields: ["title", "endsAt"] })]);
    const { version } = await m.publish.publishAgenda(eventId, actor);
    expect(version).toBe(2);

    const after = (await getJson()).body.forums[0].sessions.find((s: { id: string }) => s.id === row.id);
    expect(after.title.en).toBe("Korea's AI forecasting, revised");
    expect(after.endsAt).toBe("2021-11-22T01:20:00.000Z");
    const ics = await sessionIcs(row.id);
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain("DTEND:20211122T012000Z");
    // Sessions that did not change keep SEQUENCE 0, so calendars leave them alone.
    const others = (await getIcs()).text.match(/SEQUENCE:\d+/g)!;
    expect(others.filter((s) => s === "SEQUENCE:1")).toHaveLength(1);
    expect((await m.publish.getPublicationState(eventId)).changes).toEqual([]);
  });

  it("hides an unpublished event from the JSON API and calendars (404) and shows it again when published", async () => {
    await m.publish.unpublishEvent(eventId, actor);
    expect((await getJson()).status).toBe(404);
    expect((await getIcs()).status).toBe(404);
    await m.publish.publishAgenda(eventId, actor);
    expect((await getJson()).status).toBe(200);
    expect((await getIcs()).status).toBe(200);
  });

  it("does not show a new session publicly before it is published", async () => {
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId, slug: "forecast" } });
    const { input } = await sessionByKey("opening");
    const created = await m.sessions.saveSession(eventId, actor, null, {
      ...input,
      key: "",
      forumId: forum.id,
      title: { ko: "", zh: "", en: "Late addition" },
      startsAt: "2021-11-22T10:20",
      endsAt: "2021-11-22T10:25",
      speakers: [],
    });
    expect(JSON.stringify((await getJson()).body)).not.toContain("Late addition");
    const res = await m.sessionIcs.GET(new Request(`http://127.0.0.1/api/sessions/${created.id}/ics`), { params: Promise.resolve({ id: created.id }) });
    expect(res.status).toBe(404);
    await m.sessions.deleteSession(eventId, actor, created.id);
  });
});

describe("optimistic concurrency on session edits", () => {
  it("saves the first of two edits made from the same version and tells the second what changed", async () => {
    const { row, input } = await sessionByKey("cn-ai-forecast");
    const from = { id: row.id, version: row.version };
    await m.sessions.saveSession(eventId, actor, from, { ...input, title: { ...input.title, en: "First editor's title" } });
    const second = m.sessions.saveSession(eventId, actor, from, { ...input, abstract: { ...input.abstract, en: "Second editor's abstract" } });
    await expect(second).rejects.toMatchObject({
      code: "CONFLICT",
      message: "sessionChanged",
      details: { version: row.version + 1, current: expect.objectContaining({ title: expect.objectContaining({ en: "First editor's title" }) }) },
    });
    const now = await sessionByKey("cn-ai-forecast");
    expect(now.row.version).toBe(row.version + 1);
    expect(now.input.abstract.en).toBe(input.abstract.en);
  });

  it("lets exactly one of two simultaneous saves of the same version through", async () => {
    const { row, input } = await sessionByKey("discussion");
    const from = { id: row.id, version: row.version };
    const results = await Promise.allSettled(["A", "B"].map((who) => m.sessions.saveSession(eventId, actor, from, { ...input, title: { ...input.title, en: `Edit ${who}` } })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["CONFLICT"]);
    const updates = await db.prisma.auditLog.count({ where: { entityId: row.id, action: "session.updated" } });
    expect(updates).toBe(1);
  });
});

describe("conflict rules on the server", () => {
  it("refuses an overlap inside the forum and writes nothing", async () => {
    const { row, input } = await sessionByKey("break");
    const audits = await db.prisma.auditLog.count();
    await expect(m.sessions.saveSession(eventId, actor, { id: row.id, version: row.version }, { ...input, startsAt: "2021-11-22T11:00" })).rejects.toMatchObject({
      message: "conflicts",
      details: { conflicts: [expect.objectContaining({ type: "overlap" })] },
    });
    expect((await sessionByKey("break")).row.version).toBe(row.version);
    expect(await db.prisma.auditLog.count()).toBe(audits);
  });

  it("refuses an end before the start, a time outside the event, and an unknown speaker", async () => {
    const { row, input } = await sessionByKey("break");
    const target = { id: row.id, version: row.version };
    await expect(m.sessions.saveSession(eventId, actor, target, { ...input, endsAt: "2021-11-22T11:00" })).rejects.toMatchObject({ details: { conflicts: [{ type: "endBeforeStart" }] } });
    await expect(m.sessions.saveSession(eventId, actor, target, { ...input, startsAt: "2021-11-25T11:05", endsAt: "2021-11-25T11:15" })).rejects.toMatchObject({
      details: { conflicts: expect.arrayContaining([expect.objectContaining({ type: "outsideEvent" })]) },
    });
    const stranger = { userId: "no-such-user", name: "", nameLatin: "", organizationKey: "", role: "speaker" as const, bio: { ko: "", zh: "", en: "" }, photoUrl: "" };
    await expect(m.sessions.saveSession(eventId, actor, target, { ...input, speakers: [stranger] })).rejects.toMatchObject({ message: "unknownSpeaker" });
  });

  it("refuses a speaker booked in a parallel forum at the same time", async () => {
    const parallel = await m.forums.saveForum(eventId, actor, null, {
      slug: "parallel",
      title: { ko: "", zh: "", en: "Parallel forum" },
      description: { ko: "", zh: "", en: "" },
      zone: "Asia/Shanghai",
      startsAt: "2021-11-22T08:30",
      endsAt: "2021-11-22T11:00",
      hosts: ["nier"],
    });
    const { input } = await sessionByKey("kr-ai-forecast");
    await expect(
      m.sessions.saveSession(eventId, actor, null, { ...input, key: "", forumId: parallel.id, zone: "Asia/Shanghai", startsAt: "2021-11-22T08:50", endsAt: "2021-11-22T09:10" }),
    ).rejects.toMatchObject({ details: { conflicts: [expect.objectContaining({ type: "doubleBooked", person: input.speakers[0].name })] } });
    await m.forums.deleteForum(eventId, actor, parallel.id);
  });
});

describe("shifting the rest of a forum", () => {
  it("moves the chosen and later sessions, stretches the block, audits each session and publishes when asked", async () => {
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId, slug: "vehicles" }, include: { sessions: { orderBy: { startsAt: "asc" } } } });
    const [, second, ...rest] = forum.sessions;
    const result = await m.shift.shiftForum(eventId, actor, { forumId: forum.id, fromSessionId: second.id, minutes: 10, publish: true });
    expect(result.moved).toBe(forum.sessions.length - 1);
    const after = await db.prisma.forum.findUniqueOrThrow({ where: { id: forum.id }, include: { sessions: { orderBy: { startsAt: "asc" } } } });
    expect(after.sessions[0].startsAt).toEqual(forum.sessions[0].startsAt);
    expect(after.sessions[1].startsAt.getTime() - second.startsAt.getTime()).toBe(600_000);
    expect(after.endsAt.getTime() - forum.endsAt.getTime()).toBe(600_000);
    const audits = await db.prisma.auditLog.findMany({ where: { action: "session.shifted", entityId: { in: [second, ...rest].map((s) => s.id) } } });
    expect(audits).toHaveLength(rest.length + 1);
    const json = (await getJson()).body.forums.find((f: { slug: string }) => f.slug === "vehicles");
    expect(json.endsAt).toBe(after.endsAt.toISOString());
  });

  it("refuses a shift that would collide with the session before it", async () => {
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId, slug: "carbon-neutrality" }, include: { sessions: { orderBy: { startsAt: "asc" } } } });
    await expect(m.shift.shiftForum(eventId, actor, { forumId: forum.id, fromSessionId: forum.sessions[1].id, minutes: -5, publish: false })).rejects.toMatchObject({
      details: { conflicts: [expect.objectContaining({ type: "overlap" })] },
    });
  });
});

describe("the audit trail", () => {
  it("records who created, changed, deleted and published, with the changed fields", async () => {
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId, slug: "joint-research" } });
    const first = await db.prisma.session.findFirstOrThrow({ where: { forumId: forum.id }, orderBy: { startsAt: "asc" }, select: m.frame.sessionEditorSelect });
    const input = { ...m.frame.toSessionInput(first, "Asia/Seoul"), key: "", title: { ko: "", zh: "", en: "Audited" }, speakers: [] };
    // Before the block: refused; after the block is stretched earlier, accepted.
    const refused = await m.sessions.saveSession(eventId, actor, null, { ...input, startsAt: "2021-11-23T15:30", endsAt: "2021-11-23T15:45" }).catch((e) => e);
    expect(refused.details.conflicts.map((c: { type: string }) => c.type)).toEqual(["outsideBlock"]);
    await m.forums.saveForum(eventId, actor, { id: forum.id, version: forum.version }, { ...(await forumInput(forum.id)), startsAt: "2021-11-23T15:30" });
    const made = await m.sessions.saveSession(eventId, actor, null, { ...input, startsAt: "2021-11-23T15:30", endsAt: "2021-11-23T15:45" });
    await m.sessions.deleteSession(eventId, actor, made.id);
    const log = await db.prisma.auditLog.findMany({ where: { entityId: made.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => [l.action, l.actorId])).toEqual([
      ["session.created", actor.userId],
      ["session.deleted", actor.userId],
    ]);
    expect(Object.keys((log[0].data as { changes: object }).changes)).toEqual(expect.arrayContaining(["title", "startsAt", "endsAt"]));
    const forumLog = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: forum.id, action: "forum.updated" } });
    expect(Object.keys((forumLog.data as { changes: object }).changes)).toEqual(["startsAt"]);
    expect(await db.prisma.auditLog.count({ where: { action: "agenda.published", eventId } })).toBeGreaterThanOrEqual(2);
  });
});

describe("the event's details", () => {
  it("are a draft until published, refuse a period that leaves a forum outside, and refuse a stale version", async () => {
    const input = await m.event.getEventInput(await (await import("../../lib/auth/session")).requireOrganizer(actor, slug));
    await expect(m.event.updateEvent(eventId, actor, { ...input, endsAt: "2021-11-23T12:00" })).rejects.toMatchObject({
      details: { conflicts: expect.arrayContaining([expect.objectContaining({ type: "forumOutside" })]) },
    });
    const saved = await m.event.updateEvent(eventId, actor, { ...input, title: { ...input.title, en: "Clean Sky 2021 (revised)" } });
    expect(saved.version).toBe(input.version + 1);
    expect((await getJson()).body.event.title.en).toBe(input.title.en);
    await expect(m.event.updateEvent(eventId, actor, { ...input, venue: { ...input.venue, en: "Elsewhere" } })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { current: expect.objectContaining({ title: expect.objectContaining({ en: "Clean Sky 2021 (revised)" }) }) },
    });
    await m.publish.publishAgenda(eventId, actor);
    expect((await getJson()).body.event.title.en).toBe("Clean Sky 2021 (revised)");
    const audits = await db.prisma.auditLog.findMany({ where: { entityId: eventId, action: "event.updated" } });
    expect(audits.map((a) => Object.keys((a.data as { changes: object }).changes))).toEqual([["title"]]);
  });
});

describe("speaker photos", () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
  const upload = (fileName: string, bytes: Buffer, declaredBytes: number | null = bytes.length) =>
    m.photos.uploadSpeakerPhoto(eventId, actor, { fileName, body: Readable.from([bytes]), declaredBytes });

  it("stores a PNG and serves it publicly as an image that is never sniffed", async () => {
    const { url } = await upload("portrait.png", png);
    const [, , , kind, event, file] = url.split("/");
    const res = await m.photoRoute.GET(new Request(`http://127.0.0.1${url}`), { params: Promise.resolve({ kind, eventId: event, file }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
  });

  it("refuses an SVG, a PNG that is not one, and an image over 2 MB", async () => {
    await expect(upload("logo.svg", Buffer.from("<svg/>"))).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    await expect(upload("fake.png", Buffer.from("%PDF-1.7"))).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    await expect(upload("huge.png", Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]), null)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("answers 404 for a name that is not a stored photo", async () => {
    const res = await m.photoRoute.GET(new Request("http://127.0.0.1/x"), { params: Promise.resolve({ kind: "local", eventId, file: "../../etc.png" }) });
    expect(res.status).toBe(404);
  });
});

async function forumInput(id: string) {
  const row = await db.prisma.forum.findUniqueOrThrow({ where: { id }, include: { hosts: { include: { organization: true } } } });
  return m.forums.toForumInput(row, "Asia/Seoul");
}
