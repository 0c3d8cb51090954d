// Q&A and polls on a real PostgreSQL: a thousand people voting at once on one question and on one
// poll are each counted exactly once (the primary key decides, not the application), moderation
// moves questions between states and pins one per session, anonymity holds for everyone but
// organizers and the asker, the routes answer 401/403/409 as documented, and every change reaches
// the live channel.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LIVE_CHANNEL, parseQaMessage, type QaMessage } from "../../lib/agenda/live/message";
import { migratedDatabase } from "./db";
import { enrol, makeUsers } from "./fixtures";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

const HOUR = 3_600_000;
const VOTERS = 1000;
const ORIGIN = "http://127.0.0.1:3999";

describe("Q&A and polls (PostgreSQL)", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let qa: typeof import("../../lib/qa/mutations");
  let qaData: typeof import("../../lib/qa/data");
  let access: typeof import("../../lib/qa/access");
  let polls: typeof import("../../lib/polls/mutations");
  let pollData: typeof import("../../lib/polls/data");
  let questionsRoute: typeof import("../../app/api/sessions/[id]/questions/route");
  let voteRoute: typeof import("../../app/api/questions/[id]/vote/route");
  let pinnedRoute: typeof import("../../app/api/sessions/[id]/questions/pinned/route");
  let pollsRoute: typeof import("../../app/api/sessions/[id]/polls/route");
  let pollVoteRoute: typeof import("../../app/api/polls/[id]/vote/route");
  let requireOrganizer: typeof import("../../lib/auth/session").requireOrganizer;
  let slug = "";
  let eventId = "";
  let sessionId = "";
  let endedSessionId = "";
  const user: Record<string, string> = {};
  let voters: string[] = [];
  const as = (who: string | null) => (who ? { userId: user[who] ?? who } : null);
  const organizer = () => requireOrganizer(as("organizer"), slug);

  beforeAll(async () => {
    db = await migratedDatabase("qa_polls");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl });
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "포럼", zh: "论坛", en: "Forum" };
    slug = `qa-${tag}`;
    const event = await db.prisma.event.create({
      data: {
        slug,
        title: text,
        description: text,
        venue: text,
        hostCountries: ["KR"],
        languages: ["ko", "zh", "en"],
        timeZone: "Asia/Seoul",
        displayZones: [],
        startsAt: new Date(now - 24 * HOUR),
        endsAt: new Date(now + 24 * HOUR),
        capacity: 2000,
        publishedAt: new Date(),
        forums: {
          create: [
            { slug: "main", title: text, description: text, position: 1, roomName: `qa-${tag}--main`, startsAt: new Date(now - 3 * HOUR), endsAt: new Date(now + 3 * HOUR) },
            { slug: "other", title: text, description: text, position: 2, roomName: `qa-${tag}--other`, startsAt: new Date(now - 3 * HOUR), endsAt: new Date(now + 3 * HOUR) },
          ],
        },
      },
      include: { forums: true },
    });
    eventId = event.id;
    const [main, other] = [event.forums.find((f) => f.slug === "main")!, event.forums.find((f) => f.slug === "other")!];
    sessionId = (
      await db.prisma.session.create({
        data: { forumId: main.id, key: "now", title: text, abstract: text, language: "ko", startsAt: new Date(now - HOUR), endsAt: new Date(now + HOUR), status: "live" },
      })
    ).id;
    endedSessionId = (
      await db.prisma.session.create({
        data: { forumId: main.id, key: "before", title: text, abstract: text, language: "ko", startsAt: new Date(now - 3 * HOUR), endsAt: new Date(now - 2 * HOUR), status: "ended" },
      })
    ).id;
    await db.prisma.session.create({ data: { forumId: other.id, key: "elsewhere", title: text, abstract: text, language: "ko", startsAt: new Date(now - HOUR), endsAt: new Date(now + HOUR) } });
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });

    const people = [
      ["organizer", "organizer", null],
      ["asker", "delegate", main.id],
      ["other", "delegate", main.id],
      ["elsewhere", "delegate", other.id],
      ["pending", "delegate", main.id],
    ] as const;
    const users = await makeUsers(db.prisma, `qa-${tag}`, people.length + 1);
    for (const [i, [who, role, forumId]] of people.entries()) {
      user[who] = users[i].id;
      const r = await enrol(db.prisma, event.id, user[who], role, who === "pending" ? "pending" : "approved");
      if (forumId) await db.prisma.registration.update({ where: { id: r.id }, data: { forums: { create: [{ forumId }] } } });
    }
    user.stranger = users[people.length].id;
    // A thousand approved delegates of the forum, made in bulk.
    const crowd = await makeUsers(db.prisma, `qa-crowd-${tag}`, VOTERS);
    voters = crowd.map((u) => u.id);
    await db.prisma.registration.createMany({
      data: voters.map((userId) => ({ eventId: event.id, userId, role: "delegate" as const, status: "approved" as const, country: "KR", timeZone: "Asia/Seoul" })),
    });
    const regs = await db.prisma.registration.findMany({ where: { eventId: event.id, userId: { in: voters } }, select: { id: true } });
    await db.prisma.registrationForum.createMany({ data: regs.map((r) => ({ registrationId: r.id, forumId: main.id })) });

    qa = await import("../../lib/qa/mutations");
    qaData = await import("../../lib/qa/data");
    access = await import("../../lib/qa/access");
    polls = await import("../../lib/polls/mutations");
    pollData = await import("../../lib/polls/data");
    questionsRoute = await import("../../app/api/sessions/[id]/questions/route");
    voteRoute = await import("../../app/api/questions/[id]/vote/route");
    pinnedRoute = await import("../../app/api/sessions/[id]/questions/pinned/route");
    pollsRoute = await import("../../app/api/sessions/[id]/polls/route");
    pollVoteRoute = await import("../../app/api/polls/[id]/vote/route");
    ({ requireOrganizer } = await import("../../lib/auth/session"));
  }, 120_000);
  afterAll(() => db?.drop());

  const listFor = async (who: string, id = sessionId) => qaData.getQuestionList(await access.requireQaAccess(as(who), id));
  const request = (url: string, method = "GET", body?: unknown) =>
    new Request(`${ORIGIN}${url}`, {
      method,
      headers: { "host": "127.0.0.1:3999", "origin": ORIGIN, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const params = <P>(p: P) => ({ params: Promise.resolve(p) });
  /** What the live channel carries of the Q&A kind from now on, until `end`. */
  const listenToQa = async () => {
    const client = new pg.Client({ connectionString: db.databaseUrl });
    await client.connect();
    const heard: QaMessage[] = [];
    client.on("notification", (n) => {
      const m = parseQaMessage(n.payload);
      if (m) heard.push(m);
    });
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    return { heard, end: () => client.end() };
  };

  it("keeps the asker of an anonymous question from everyone but organizers and the asker", async () => {
    const q = await qa.askQuestion(as("asker"), sessionId, { body: "  익명 질문입니다 <b>not HTML</b>  ", language: "ko", anonymous: true });
    expect(q.status).toBe("approved");
    const seen = (list: Awaited<ReturnType<typeof listFor>>) => list.questions.find((x) => x.id === q.id)!;
    expect(seen(await listFor("other"))).toMatchObject({ body: "익명 질문입니다 <b>not HTML</b>", asker: null, anonymous: true, mine: false });
    expect(seen(await listFor("organizer")).asker?.name).toContain("qa-");
    expect(seen(await listFor("asker"))).toMatchObject({ mine: true, asker: { name: expect.stringContaining("qa-") } });
    // The route answers each viewer for themselves: nothing about the asker in another's answer.
    actor.current = as("other");
    const text = await (await questionsRoute.GET(request(`/api/sessions/${sessionId}/questions`), params({ id: sessionId }))).text();
    expect(text).toContain(q.id);
    expect(text).not.toContain(user.asker);
    expect(text).not.toContain(`${slug} 1`);
  });

  it("counts a thousand concurrent votes on one question exactly, one per person", async () => {
    const q = await qa.askQuestion(as("other"), sessionId, { body: "Popular question", language: "en" });
    const started = performance.now();
    // Every voter twice at once: the second is the same vote, never a second one.
    const results = await Promise.allSettled([...voters, ...voters.slice(0, 200)].map((id) => qa.voteQuestion({ userId: id }, q.id, true)));
    const elapsed = performance.now() - started;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await db.prisma.questionVote.count({ where: { questionId: q.id } })).toBe(VOTERS);
    const list = await listFor("organizer");
    expect(list.questions[0]).toMatchObject({ id: q.id, votes: VOTERS });
    console.log(`[qa] ${VOTERS + 200} question votes in ${Math.round(elapsed)} ms`);
    // Taking a vote back removes exactly that one.
    await qa.voteQuestion({ userId: voters[0] }, q.id, false);
    expect(await db.prisma.questionVote.count({ where: { questionId: q.id } })).toBe(VOTERS - 1);
  }, 120_000);

  it("moderates: approve-first holds questions back, organizers approve, dismiss, answer, edit with history and pin one", async () => {
    const org = await organizer();
    await qa.setQaSettings(org, { moderation: "approve" });
    const held = await qa.askQuestion(as("asker"), sessionId, { body: "Held question", language: "en" });
    expect(held.status).toBe("pending");
    expect((await listFor("other")).questions.map((q) => q.id)).not.toContain(held.id);
    expect((await listFor("asker")).questions.find((q) => q.id === held.id)?.status).toBe("pending");
    // Nobody votes on what they cannot see.
    await expect(qa.voteQuestion(as("other"), held.id, true)).rejects.toMatchObject({ code: "CONFLICT", message: "questionNotOpen" });
    await expect(qa.pinQuestion(org, sessionId, held.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await qa.moderateQuestion(org, held.id, "approve");
    expect((await listFor("other")).questions.map((q) => q.id)).toContain(held.id);
    await qa.editQuestion(org, held.id, "Held question, corrected");
    const edited = (await listFor("organizer")).questions.find((q) => q.id === held.id)!;
    expect(edited).toMatchObject({ body: "Held question, corrected", edited: true, history: [{ body: "Held question" }] });
    expect((await listFor("other")).questions.find((q) => q.id === held.id)).toMatchObject({ edited: true, history: [] });
    await qa.pinQuestion(org, sessionId, held.id);
    const second = await qa.askQuestion(as("organizer"), sessionId, { body: "Organizer's own", language: "en" });
    expect(second.status).toBe("approved");
    await qa.pinQuestion(org, sessionId, second.id);
    expect(await db.prisma.questionPin.findMany({ where: { sessionId } })).toEqual([expect.objectContaining({ questionId: second.id })]);
    expect((await listFor("other")).pinnedId).toBe(second.id);
    await qa.moderateQuestion(org, second.id, "answer");
    expect((await listFor("other")).pinnedId).toBeNull();
    await expect(qa.moderateQuestion(org, second.id, "answer")).rejects.toMatchObject({ code: "CONFLICT", message: "questionStateChanged" });
    await qa.moderateQuestion(org, held.id, "dismiss");
    expect((await listFor("other")).questions.map((q) => q.id)).not.toContain(held.id);
    const log = await db.prisma.auditLog.findMany({ where: { eventId, action: { startsWith: "qa." } }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(log.map((l) => l.action)).toEqual(["qa.settings", "qa.approved", "qa.edited", "qa.pinned", "qa.pinned", "qa.answered", "qa.dismissed"]);
    await qa.setQaSettings(org, { moderation: "open" });
  });

  it("shows the question being answered now to anyone, the recording's layout included, naming the asker only when not anonymous", async () => {
    const org = await organizer();
    const pinned = async (id = sessionId) => {
      actor.current = null;
      const res = await pinnedRoute.GET(request(`/api/sessions/${id}/questions/pinned`), params({ id }));
      return { status: res.status, body: (await res.json()) as { pinned: unknown } };
    };
    expect(await pinned()).toEqual({ status: 200, body: { pinned: null } });
    const hidden = await qa.askQuestion(as("other"), sessionId, { body: "누가 물었는지 모릅니다", language: "ko", anonymous: true });
    await qa.pinQuestion(org, sessionId, hidden.id);
    expect(await pinned()).toEqual({ status: 200, body: { pinned: { id: hidden.id, body: "누가 물었는지 모릅니다", language: "ko", asker: null } } });
    const named = await qa.askQuestion(as("other"), sessionId, { body: "Named", language: "en" });
    await qa.pinQuestion(org, sessionId, named.id);
    expect((await pinned()).body.pinned).toMatchObject({ id: named.id, asker: { name: expect.any(String) } });
    await qa.moderateQuestion(org, named.id, "answer");
    expect((await pinned()).body.pinned).toBeNull();
    expect((await pinned("no-such-session")).status).toBe(404);
  });

  it("lets the asker, and only the asker, withdraw while unanswered", async () => {
    const q = await qa.askQuestion(as("asker"), sessionId, { body: "Never mind", language: "en" });
    await expect(qa.withdrawQuestion(as("other"), q.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await qa.withdrawQuestion(as("asker"), q.id);
    expect((await listFor("asker")).questions.map((x) => x.id)).not.toContain(q.id);
  });

  it("refuses bad input, strangers and a session that is over, with the documented statuses", async () => {
    await expect(qa.askQuestion(as("asker"), sessionId, { body: "x".repeat(501), language: "en" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "questionTooLong" })] });
    await expect(qa.askQuestion(as("asker"), sessionId, { body: "a\u0000b", language: "en" })).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "questionInvalid" })] });
    const status = async (who: string | null, call: () => Promise<Response>) => {
      actor.current = as(who);
      return (await call()).status;
    };
    const ask = (id: string) => questionsRoute.POST(request(`/api/sessions/${id}/questions`, "POST", { body: "Route question", language: "zh" }), params({ id }));
    expect(await status(null, () => ask(sessionId))).toBe(401);
    expect(await status("stranger", () => ask(sessionId))).toBe(403);
    expect(await status("elsewhere", () => ask(sessionId))).toBe(403);
    expect(await status("pending", () => ask(sessionId))).toBe(403);
    expect(await status("asker", () => ask(endedSessionId))).toBe(409);
    expect(await status("asker", () => ask(sessionId))).toBe(201);
    actor.current = as("other");
    const list = (await (await questionsRoute.GET(request(`/api/sessions/${sessionId}/questions`), params({ id: sessionId }))).json()) as { questions: { id: string; body: string }[] };
    const id = list.questions.find((q) => q.body === "Route question")!.id;
    const vote = await voteRoute.POST(request(`/api/questions/${id}/vote`, "POST", { vote: true }), params({ id }));
    expect(await vote.json()).toEqual({ votes: 1, voted: true });
    // The log of a session that is over is still read.
    expect((await listFor("other", endedSessionId)).open).toBe(false);
  });

  it("passes a question asked to a session that is over on to the forum's next one when the event chose so, and tells every open Q&A of the change", async () => {
    const org = await organizer();
    const late = { body: "지난 발표에 대한 질문", language: "ko" };
    // "other" asks: the asker's own questions per minute are spent by the tests before.
    await expect(qa.askQuestion(as("other"), endedSessionId, late)).rejects.toMatchObject({ code: "CONFLICT", message: "qaClosed" });
    const { heard, end: endListening } = await listenToQa();
    expect(await qa.setQaSettings(org, { boundary: "next" })).toEqual({ moderation: "open", boundary: "next" });
    const moved = await qa.askQuestion(as("other"), endedSessionId, late);
    expect(moved.sessionId).toBe(sessionId);
    expect((await listFor("asker")).questions.find((q) => q.id === moved.id)).toMatchObject({ body: late.body, status: "approved" });
    expect((await listFor("other", endedSessionId)).questions.map((q) => q.id)).not.toContain(moved.id);
    // A session that is not over keeps what is asked to it.
    expect((await qa.askQuestion(as("other"), sessionId, { body: "Still on time", language: "en" })).sessionId).toBe(sessionId);
    await vi.waitFor(() => expect(heard.map((m) => m.sessionId)).toEqual(["*", sessionId, sessionId]));
    await endListening();
    expect((await listFor("asker")).boundary).toBe("next");
    await expect(qa.setQaSettings(org, {})).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "qaSettingsEmpty" })] });
    await expect(qa.setQaSettings(org, { boundary: "later" } as never)).rejects.toThrow();
    await qa.setQaSettings(org, { boundary: "stay" });
    const log = await db.prisma.auditLog.findMany({ where: { eventId, action: "qa.settings" }, orderBy: { createdAt: "asc" }, select: { data: true } });
    expect(log.map((l) => l.data)).toEqual(expect.arrayContaining([{ boundary: "next" }, { boundary: "stay" }]));
  });

  it("counts a thousand concurrent answers to one poll exactly, changeable until it closes, results revealed on the organizer's word", async () => {
    const org = await organizer();
    const { id: pollId } = await polls.createPoll(org, sessionId, {
      question: { ko: "어느 쪽?", zh: "哪一个？", en: "Which one?" },
      options: [{ en: "Yes" }, { ko: "아니요", en: "No" }, { zh: "", ko: "", en: "" }],
      multiple: false,
    });
    // A blank option is dropped; a draft is for organizers only and takes no votes.
    const poll = await db.prisma.poll.findUniqueOrThrow({ where: { id: pollId } });
    expect((poll.options as unknown[]).length).toBe(2);
    await expect(polls.votePoll({ userId: voters[0] }, pollId, { choices: ["o1"] })).rejects.toMatchObject({ code: "CONFLICT", message: "pollNotOpen" });
    const pollsFor = async (who: string | { userId: string }) => pollData.getPollList(await access.requireQaAccess(typeof who === "string" ? as(who) : who, sessionId));
    expect((await pollsFor("other")).polls).toEqual([]);
    await polls.commandPoll(org, pollId, "open");
    const started = performance.now();
    const results = await Promise.allSettled(voters.map((id, i) => polls.votePoll({ userId: id }, pollId, { choices: [i % 4 === 0 ? "o2" : "o1"] })));
    const elapsed = performance.now() - started;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    console.log(`[qa] ${VOTERS} poll answers in ${Math.round(elapsed)} ms`);
    // A change of mind replaces the answer.
    await polls.votePoll({ userId: voters[1] }, pollId, { choices: ["o2"] });
    await expect(polls.votePoll({ userId: voters[2] }, pollId, { choices: ["o1", "o2"] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "pollSingleChoice" });
    expect(await db.prisma.pollVote.count({ where: { pollId } })).toBe(VOTERS);
    const live = (await pollsFor("organizer")).polls[0];
    expect(live.results).toEqual({
      voters: VOTERS,
      counts: [
        { optionId: "o1", count: 749 },
        { optionId: "o2", count: 251 },
      ],
    });
    const forVoter = (await pollsFor({ userId: voters[1] })).polls[0];
    expect(forVoter).toMatchObject({ status: "open", mine: ["o2"], results: null });
    await polls.commandPoll(org, pollId, "close");
    actor.current = { userId: voters[3] };
    const late = await pollVoteRoute.POST(request(`/api/polls/${pollId}/vote`, "POST", { choices: ["o2"] }), params({ id: pollId }));
    expect(late.status).toBe(409);
    await polls.commandPoll(org, pollId, "reveal");
    actor.current = as("other");
    const shown = (await (await pollsRoute.GET(request(`/api/sessions/${sessionId}/polls`), params({ id: sessionId }))).json()) as { polls: { status: string; results: unknown }[] };
    expect(shown.polls[0]).toMatchObject({ status: "closed", results: { voters: VOTERS } });
    await expect(polls.updatePoll(org, pollId, { question: { en: "Changed" }, options: [{ en: "a" }, { en: "b" }] })).rejects.toMatchObject({ code: "CONFLICT", message: "pollNotDraft" });
  }, 120_000);

  it("announces every change on the live channel with ids only", async () => {
    const { heard, end: endListening } = await listenToQa();
    const q = await qa.askQuestion(as("asker"), sessionId, { body: "Secret words", language: "en", anonymous: true });
    await qa.voteQuestion(as("other"), q.id, true);
    const deadline = Date.now() + 5000;
    while (heard.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await endListening();
    expect(heard.map((m) => [m.eventId, m.sessionId, m.what])).toEqual([
      [eventId, sessionId, "questions"],
      [eventId, sessionId, "questions"],
    ]);
    expect(JSON.stringify(heard)).not.toContain("Secret");
  });

  it("exports the questions (askers named for organizers, even anonymous ones) and the polls' results as CSV", async () => {
    const { exportQaCsv } = await import("../../lib/qa/export");
    const { exportPollsCsv } = await import("../../lib/polls/export");
    await expect(exportQaCsv(as("other"), slug, sessionId, { lang: "en" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { csv, filename } = await exportQaCsv(as("organizer"), slug, sessionId, { lang: "ko" });
    expect(filename).toMatch(/questions.*-ko-Asia-Seoul\.csv$/);
    const line = csv.split("\r\n").find((l) => l.includes("익명 질문입니다"))!;
    expect(line).toContain(`${slug}-1@test.example`);
    expect(line).toContain("예");
    const polls = (await exportPollsCsv(as("organizer"), slug, sessionId, { lang: "en" })).csv;
    expect(polls).toContain("Which one?,Closed,");
    expect(polls).toMatch(/,Yes,749,1000/);
    expect(polls).toMatch(/,No,251,1000/);
  });
});
