// Every organizer action and every registration call × every kind of person → the HTTP status the
// edge answers with (AppError code → status, success → 200). Checked on the server, per request.
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { beforeAll, afterAll, describe, expect, it, vi } from "vitest";
import { httpStatus } from "../../lib/errors";
import { migratedDatabase } from "./db";
import { enrol, makeEvent, makeUsers, registrationInput } from "./fixtures";

type Who = "anonymous" | "observer" | "delegate" | "speaker" | "interpreter" | "otherEventOrganizer" | "organizer";
const people: Who[] = ["anonymous", "observer", "delegate", "speaker", "interpreter", "otherEventOrganizer", "organizer"];

// The Q&A and poll routes read who is asking from the cookie; here, from the row being checked.
const cookie = vi.hoisted(() => ({ actor: null as { userId: string } | null }));
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => cookie.actor,
  getCookieActor: async () => cookie.actor,
}));

/** Those registered for the forum (and its organizers) take part in its Q&A and polls. */
const forumMembers = { anonymous: 401, observer: 200, delegate: 200, speaker: 200, interpreter: 200, otherEventOrganizer: 403, organizer: 200 };

const organizerOnly = { anonymous: 401, observer: 403, delegate: 403, speaker: 403, interpreter: 403, otherEventOrganizer: 403, organizer: 200 };

describe("authorization matrix", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let actors: Record<Who, { userId: string } | null>;
  let slug: string;
  let target: string;
  let call: Record<string, (who: Who) => Promise<unknown>>;

  beforeAll(async () => {
    db = await migratedDatabase("authz");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, MAIL_DIR: mkdtempSync(path.join(os.tmpdir(), "plenary-mail-")) });
    delete process.env.SMTP_URL;
    const event = await makeEvent(db.prisma, { capacity: 50, policy: "approval" });
    const other = await makeEvent(db.prisma, { capacity: 50, policy: "approval" });
    slug = event.slug;
    const users = await makeUsers(db.prisma, "matrix", 7);
    actors = { anonymous: null } as Record<Who, { userId: string } | null>;
    for (const [i, who] of people.entries()) {
      if (who === "anonymous") continue;
      actors[who] = { userId: users[i].id };
      if (who === "otherEventOrganizer") await enrol(db.prisma, other.id, users[i].id, "organizer");
      else await enrol(db.prisma, event.id, users[i].id, who);
    }
    const [someone] = await makeUsers(db.prisma, "matrix-target", 1);
    target = (await enrol(db.prisma, event.id, someone.id, "delegate", "pending")).id;
    await db.prisma.registration.update({ where: { id: target }, data: { requestedRole: "speaker" } });
    const organizerRegistration = await db.prisma.registration.findFirstOrThrow({ where: { eventId: event.id, role: "organizer" } });
    // A published session of the event's forum, with everyone registered here registered for the forum.
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId: event.id } });
    const text = { ko: "세션", zh: "场次", en: "Session" };
    const sessionId = (await db.prisma.session.create({ data: { forumId: forum.id, key: "qa", title: text, abstract: text, language: "ko", startsAt: forum.startsAt, endsAt: forum.endsAt } })).id;
    for (const r of await db.prisma.registration.findMany({ where: { eventId: event.id, role: { not: "organizer" } } })) {
      await db.prisma.registrationForum.create({ data: { registrationId: r.id, forumId: forum.id } });
    }
    await (await import("../../lib/agenda/publish")).publishAgenda(event.id, null, { client: db.prisma });
    const qa = await import("../../lib/qa/mutations");
    const polls = await import("../../lib/polls/mutations");
    const questionsRoute = await import("../../app/api/sessions/[id]/questions/route");
    const questionVoteRoute = await import("../../app/api/questions/[id]/vote/route");
    const pollsRoute = await import("../../app/api/sessions/[id]/polls/route");
    const pollVoteRoute = await import("../../app/api/polls/[id]/vote/route");
    const orgAccess = await (await import("../../lib/auth/session")).requireOrganizer(actors.organizer, slug);
    const { id: questionId } = await qa.askQuestion(actors.organizer, sessionId, { body: "Matrix question", language: "en" });
    const { id: pollId } = await polls.createPoll(orgAccess, sessionId, { question: { en: "Matrix poll" }, options: [{ en: "A" }, { en: "B" }] });
    await polls.commandPoll(orgAccess, pollId, "open");
    const origin = "http://127.0.0.1:3999";
    // A route's answer: its status (a refusal is an AppError turned into a status by the route itself).
    const route = async (who: Who, handler: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>, id: string, body?: unknown) => {
      cookie.actor = actors[who];
      const req = new Request(`${origin}/x`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "host": "127.0.0.1:3999", origin, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const res = await handler(req, { params: Promise.resolve({ id }) });
      return { routeStatus: res.status };
    };

    const desk = await import("../../lib/registration/desk");
    const exporter = await import("../../lib/registration/export");
    const organizer = await import("../../lib/registration/organizer");
    const invitations = await import("../../lib/registration/invitations");
    const mutations = await import("../../lib/registration/mutations");
    const { requireOrganizer } = await import("../../lib/auth/session");
    const a = (who: Who) => actors[who];
    // Reads take the checked access: the check is what answers 401/403/404 for them.
    const checked = (who: Who) => requireOrganizer(a(who), slug);
    call = {
      "desk: list registrations": async (w) => desk.getDeskPage(await checked(w), desk.deskQuerySchema.parse({})),
      "desk: dashboard": async (w) => desk.getDashboard(await checked(w), "en"),
      "desk: export CSV": (w) => exporter.exportRegistrationsCsv(a(w), slug, desk.deskQuerySchema.parse({}), { lang: "en" }),
      "desk: settings (read)": async (w) => desk.getRegistrationSettings(await checked(w)),
      "desk: decide": (w) => organizer.decideRegistrations(a(w), slug, { ids: [target], decision: "waitlisted" }),
      "desk: change role": (w) => organizer.changeRoles(a(w), slug, { ids: [target], role: "observer" }),
      // The event's only organizer, the acting one, is among those declined: refused, nothing changes.
      "desk: decline every organizer": (w) => organizer.decideRegistrations(a(w), slug, { ids: [organizerRegistration.id, target], decision: "declined" }),
      "desk: grant a requested role": (w) => organizer.decideRequests(a(w), slug, { ids: [target], grant: true }),
      "desk: settings (write)": (w) => organizer.updateRegistrationSettings(a(w), slug, { capacity: 50, registrationPolicy: "approval", registrationOpensAt: null, registrationClosesAt: null }),
      "invitations: import": (w) => invitations.importInvitations(a(w), slug, "name,email,organisation,role,forums\nA,a-matrix@test.example,,delegate,main\n"),
      "invitations: list": async (w) => invitations.listInvitations(await checked(w)),
      "qa: GET /api/sessions/{id}/questions": (w) => route(w, questionsRoute.GET, sessionId),
      "qa: POST /api/sessions/{id}/questions": (w) => route(w, questionsRoute.POST, sessionId, { body: `Asked by ${w}`, language: "ko" }),
      "qa: POST /api/questions/{id}/vote": (w) => route(w, questionVoteRoute.POST, questionId, { vote: true }),
      "qa: approve / dismiss / answer": async (w) => qa.moderateQuestion(await checked(w), questionId, "dismiss").then(() => qa.moderateQuestion(orgAccess, questionId, "approve")),
      "qa: edit a question": async (w) => qa.editQuestion(await checked(w), questionId, `Matrix question (${w})`),
      "qa: pin now answering": async (w) => qa.pinQuestion(await checked(w), sessionId, questionId),
      "qa: moderation setting": async (w) => qa.setQaSettings(await checked(w), { moderation: "open" }),
      "polls: GET /api/sessions/{id}/polls": (w) => route(w, pollsRoute.GET, sessionId),
      "polls: POST /api/polls/{id}/vote": (w) => route(w, pollVoteRoute.POST, pollId, { choices: ["o1"] }),
      "polls: prepare": async (w) => polls.createPoll(await checked(w), sessionId, { question: { en: "Q" }, options: [{ en: "A" }, { en: "B" }] }),
      "polls: reveal / hide results": async (w) => polls.commandPoll(await checked(w), pollId, "reveal").then(() => polls.commandPoll(orgAccess, pollId, "hide")),
      "registration: register while signed in": (w) => mutations.register({ slug, actor: a(w), input: registrationInput }),
      "registration: cancel own": (w) => mutations.cancelRegistration(a(w), slug),
    };
  });
  afterAll(() => db.drop());

  const expected: Record<string, Record<Who, number>> = {
    "desk: list registrations": organizerOnly,
    "desk: dashboard": organizerOnly,
    "desk: export CSV": organizerOnly,
    "desk: settings (read)": organizerOnly,
    "desk: decide": organizerOnly,
    "desk: change role": organizerOnly,
    "desk: decline every organizer": { ...organizerOnly, organizer: 409 },
    "desk: grant a requested role": organizerOnly,
    "desk: settings (write)": organizerOnly,
    "invitations: import": organizerOnly,
    "invitations: list": organizerOnly,
    "qa: GET /api/sessions/{id}/questions": forumMembers,
    "qa: POST /api/sessions/{id}/questions": { ...forumMembers, organizer: 201, observer: 201, delegate: 201, speaker: 201, interpreter: 201 },
    "qa: POST /api/questions/{id}/vote": forumMembers,
    "qa: approve / dismiss / answer": organizerOnly,
    "qa: edit a question": organizerOnly,
    "qa: pin now answering": organizerOnly,
    "qa: moderation setting": organizerOnly,
    "polls: GET /api/sessions/{id}/polls": forumMembers,
    "polls: POST /api/polls/{id}/vote": forumMembers,
    "polls: prepare": organizerOnly,
    "polls: reveal / hide results": organizerOnly,
    // Everyone but the other event's organizer is registered here already.
    "registration: register while signed in": { anonymous: 401, observer: 409, delegate: 409, speaker: 409, interpreter: 409, otherEventOrganizer: 200, organizer: 409 },
    // The event's last organizer cannot leave it.
    "registration: cancel own": { anonymous: 401, observer: 200, delegate: 200, speaker: 200, interpreter: 200, otherEventOrganizer: 200, organizer: 409 },
  };

  const status = (p: Promise<unknown>) =>
    p.then(
      (v) => (v && typeof v === "object" && "routeStatus" in v ? (v as { routeStatus: number }).routeStatus : 200),
      (err: { code?: string }) => {
        if (!err.code) throw err;
        return httpStatus(err.code as never);
      },
    );

  // Order matters only for the last two rows, which change who is registered.
  it.each(Object.keys(expected))("%s answers as expected for each kind of person", async (action) => {
    const got: Record<string, number> = {};
    for (const who of people) got[who] = await status(call[action](who));
    expect(got).toEqual(expected[action]);
  });
});
