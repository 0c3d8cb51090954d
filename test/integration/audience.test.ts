// The audience tier on a real PostgreSQL: audience registrations are decided under the event's lock
// against their own policy and limit and never take a delegate seat; each tier's waitlist is
// promoted only into its own freed room; an audience member gets no stage token but may ask and
// vote; a role change between the tiers finds room in the tier it enters.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migratedDatabase } from "./db";
import { enrol, makeEvent, makeUsers, registrationInput } from "./fixtures";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

const HOUR = 3_600_000;
const audienceInput = { ...registrationInput, role: "audience" as const, forums: [] };

type Lib = {
  mutations: typeof import("../../lib/registration/mutations");
  organizer: typeof import("../../lib/registration/organizer");
  token: typeof import("../../lib/rooms/token");
  qa: typeof import("../../lib/qa/mutations");
  polls: typeof import("../../lib/polls/mutations");
  session: typeof import("../../lib/auth/session");
};

describe("the audience tier (PostgreSQL)", () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let lib: Lib;
  const register = (slug: string, userId: string, input: typeof registrationInput | typeof audienceInput = audienceInput) => lib.mutations.register({ slug, actor: { userId }, input });
  const statuses = async (eventId: string, role: "audience" | "delegate") =>
    (await db.prisma.registration.findMany({ where: { eventId, role }, orderBy: { arrival: "asc" }, select: { userId: true, status: true } })).map((r) => r.status);

  beforeAll(async () => {
    db = await migratedDatabase("audience");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl });
    lib = {
      mutations: await import("../../lib/registration/mutations"),
      organizer: await import("../../lib/registration/organizer"),
      token: await import("../../lib/rooms/token"),
      qa: await import("../../lib/qa/mutations"),
      polls: await import("../../lib/polls/mutations"),
      session: await import("../../lib/auth/session"),
    };
  }, 120_000);
  afterAll(() => db?.drop());

  it("never gives a delegate seat to the audience: a full event still takes its audience, with no forum", async () => {
    const event = await makeEvent(db.prisma, { capacity: 2, policy: "open" });
    const people = await makeUsers(db.prisma, "tiers", 6);
    for (const p of people.slice(0, 3)) await register(event.slug, p.id, registrationInput);
    for (const p of people.slice(3)) expect((await register(event.slug, p.id)).status).toBe("approved");
    expect(await statuses(event.id, "delegate")).toEqual(["approved", "approved", "waitlisted"]);
    expect(await statuses(event.id, "audience")).toEqual(["approved", "approved", "approved"]);
    const forums = await db.prisma.registrationForum.count({ where: { registration: { eventId: event.id, role: "audience" } } });
    expect(forums).toBe(0);
    // A delegate's place freed goes to the delegate waitlist, never counted against the audience.
    await lib.mutations.cancelRegistration({ userId: people[0].id }, event.slug);
    expect(await statuses(event.id, "delegate")).toEqual(["cancelled", "approved", "approved"]);
  });

  it("approves exactly the audience limit out of 20 concurrent audience registrations, beside 6 concurrent delegates, each tier in arrival order", async () => {
    const event = await makeEvent(db.prisma, { capacity: 3, policy: "open" });
    await db.prisma.event.update({ where: { id: event.id }, data: { audienceCapacity: 7 } });
    const watchers = await makeUsers(db.prisma, "burst-audience", 20);
    const delegates = await makeUsers(db.prisma, "burst-delegates", 6);
    const results = await Promise.allSettled([...watchers.map((u) => register(event.slug, u.id)), ...delegates.map((u) => register(event.slug, u.id, registrationInput))]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const audience = await statuses(event.id, "audience");
    expect(audience).toEqual([...Array(7).fill("approved"), ...Array(13).fill("waitlisted")]);
    expect(await statuses(event.id, "delegate")).toEqual([...Array(3).fill("approved"), ...Array(3).fill("waitlisted")]);
  });

  it("promotes the first of the audience waitlist when an audience place frees, and more when the limit grows", async () => {
    const event = await makeEvent(db.prisma, { capacity: 1, policy: "open" });
    await db.prisma.event.update({ where: { id: event.id }, data: { audienceCapacity: 1 } });
    const [boss, a, b, c, d] = await makeUsers(db.prisma, "promote", 5);
    await enrol(db.prisma, event.id, boss.id, "organizer");
    for (const u of [a, b, c]) await register(event.slug, u.id);
    await register(event.slug, d.id, registrationInput);
    expect(await statuses(event.id, "audience")).toEqual(["approved", "waitlisted", "waitlisted"]);
    await lib.mutations.cancelRegistration({ userId: a.id }, event.slug);
    expect(await statuses(event.id, "audience")).toEqual(["cancelled", "approved", "waitlisted"]);
    const { promoted } = await lib.organizer.updateRegistrationSettings({ userId: boss.id }, event.slug, {
      capacity: 1,
      registrationPolicy: "open",
      audiencePolicy: "open",
      audienceCapacity: 5,
      registrationOpensAt: null,
      registrationClosesAt: null,
    });
    expect(promoted).toHaveLength(1);
    expect(await statuses(event.id, "audience")).toEqual(["cancelled", "approved", "approved"]);
    const log = await db.prisma.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "event.registration-settings" } });
    expect(log.data).toMatchObject({ from: { audienceCapacity: 1, audiencePolicy: "open" }, to: { audienceCapacity: 5, audiencePolicy: "open" } });
    // Limits are validated: zero is not a limit (null is "none").
    await expect(
      lib.organizer.updateRegistrationSettings({ userId: boss.id }, event.slug, {
        capacity: 1,
        registrationPolicy: "open",
        audienceCapacity: 0,
        registrationOpensAt: null,
        registrationClosesAt: null,
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["audienceCapacity"], message: "audienceCapacity" })] });
  });

  it("decides the audience under its own policy: approval waits for the desk, invitation-only refuses, whatever the delegates' policy", async () => {
    const event = await makeEvent(db.prisma, { capacity: 10, policy: "invitation" });
    const [a, b, c] = await makeUsers(db.prisma, "policy", 3);
    // Delegates register by invitation only; the audience is open.
    await expect(register(event.slug, a.id, registrationInput)).rejects.toMatchObject({ code: "FORBIDDEN", message: "invitationOnly" });
    expect((await register(event.slug, a.id)).status).toBe("approved");
    await db.prisma.event.update({ where: { id: event.id }, data: { audiencePolicy: "approval", audienceCapacity: 1 } });
    expect((await register(event.slug, b.id)).status).toBe("pending");
    await db.prisma.event.update({ where: { id: event.id }, data: { audiencePolicy: "invitation" } });
    await expect(register(event.slug, c.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: "audienceInvitationOnly" });
    // The same rule holds in the database, under the lock, for a policy changed after the form's check.
    const { registerSeat } = await import("../../lib/registration/seats");
    const raw = await registerSeat(db.prisma, {
      ...{ eventId: event.id, userId: c.id, role: "audience", requestedRole: null, invitationId: null, organizationId: null, organizationOther: null },
      ...{ requestedOrganizationId: null, requestedOrganizationOther: null, country: "KR", preferredLanguage: "ko", timeZone: "Asia/Seoul" },
      ...{ accessibilityNeeds: null, recordingConsent: false, forumIds: [], auditAction: "registration.created", now: new Date() },
    });
    expect(raw).toEqual({ registrationId: null, status: "invitationOnly" });
    expect(await db.prisma.registration.count({ where: { eventId: event.id, userId: c.id } })).toBe(0);
    // Approving a pending audience member counts against the audience limit, which a is holding.
    const [boss] = await makeUsers(db.prisma, "policy-boss", 1);
    await enrol(db.prisma, event.id, boss.id, "organizer");
    const pending = await db.prisma.registration.findFirstOrThrow({ where: { eventId: event.id, userId: b.id } });
    expect(await lib.organizer.decideRegistrations({ userId: boss.id }, event.slug, { ids: [pending.id], decision: "approved" })).toEqual({ changed: [], refused: [pending.id] });
  });

  it("changes an audience member's role to a delegate role only into a free delegate seat, and a participant's to audience only into a free audience place", async () => {
    const event = await makeEvent(db.prisma, { capacity: 1, policy: "open" });
    await db.prisma.event.update({ where: { id: event.id }, data: { audienceCapacity: 2 } });
    const [boss, seated, watcher, other, waiting] = await makeUsers(db.prisma, "roles", 5);
    await enrol(db.prisma, event.id, boss.id, "organizer");
    const seatedReg = await enrol(db.prisma, event.id, seated.id, "delegate");
    const watcherReg = await enrol(db.prisma, event.id, watcher.id, "audience");
    const otherReg = await enrol(db.prisma, event.id, other.id, "audience");
    const waitingReg = await enrol(db.prisma, event.id, waiting.id, "audience", "waitlisted");
    const change = (ids: string[], role: "speaker" | "audience" | "delegate") => lib.organizer.changeRoles({ userId: boss.id }, event.slug, { ids, role });
    // The one seat is taken: the audience member cannot silently become a speaker.
    expect(await change([watcherReg.id], "speaker")).toEqual({ changed: [], refused: [watcherReg.id] });
    // The audience is full too: the delegate cannot be moved into it.
    expect(await change([seatedReg.id], "audience")).toEqual({ changed: [], refused: [seatedReg.id] });
    await lib.mutations.cancelRegistration({ userId: seated.id }, event.slug);
    // Now a seat is free: one of the two fits, in arrival order; the audience place it frees goes to the audience waitlist.
    expect(await change([watcherReg.id, otherReg.id], "speaker")).toEqual({ changed: [watcherReg.id], refused: [otherReg.id] });
    const rows = await db.prisma.registration.findMany({ where: { eventId: event.id }, select: { id: true, role: true, status: true } });
    const by = new Map(rows.map((r) => [r.id, `${r.role} ${r.status}`]));
    expect([by.get(watcherReg.id), by.get(otherReg.id), by.get(waitingReg.id)]).toEqual(["speaker approved", "audience approved", "audience approved"]);
  });

  it("shows the desk both tiers' counts, filters by tier and exports the role in the console's language", async () => {
    const event = await makeEvent(db.prisma, { capacity: 2, policy: "open" });
    await db.prisma.event.update({ where: { id: event.id }, data: { audienceCapacity: 2 } });
    const [boss, ...people] = await makeUsers(db.prisma, "desk-tiers", 7);
    await enrol(db.prisma, event.id, boss.id, "organizer");
    for (const p of people.slice(0, 3)) await register(event.slug, p.id, registrationInput);
    for (const p of people.slice(3)) await register(event.slug, p.id);
    const { deskQuerySchema, getDeskPage, getDashboard } = await import("../../lib/registration/desk");
    const { exportRegistrationsCsv } = await import("../../lib/registration/export");
    const access = await lib.session.requireOrganizer({ userId: boss.id }, event.slug);
    const page = await getDeskPage(access, deskQuerySchema.parse({ tier: "audience" }));
    expect(page.event).toMatchObject({ seatsTaken: 2, seatsWaitlisted: 1, audienceTaken: 2, audienceWaitlisted: 1, audienceCapacity: 2 });
    expect(page.rows.map((r) => `${r.role} ${r.status}`)).toEqual(["audience approved", "audience approved", "audience waitlisted"]);
    const participants = await getDeskPage(access, deskQuerySchema.parse({ tier: "participants", status: "approved" }));
    expect(participants.rows.map((r) => r.role).sort()).toEqual(["delegate", "delegate", "organizer"]);
    expect(await getDashboard(access, "en")).toMatchObject({ seatsTaken: 2, audienceTaken: 2, audienceWaitlisted: 1 });
    const { csv } = await exportRegistrationsCsv({ userId: boss.id }, event.slug, deskQuerySchema.parse({ tier: "audience" }), { lang: "ko" });
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((l) => l.includes(",청중,"))).toBe(true);
  });

  describe("in a forum on now", () => {
    let slug = "";
    let sessionId = "";
    const user: Record<string, string> = {};

    beforeAll(async () => {
      const event = await makeEvent(db.prisma, { capacity: 10, policy: "open" });
      slug = event.slug;
      const now = Date.now();
      const forum = await db.prisma.forum.update({ where: { eventId_slug: { eventId: event.id, slug: "main" } }, data: { startsAt: new Date(now - HOUR), endsAt: new Date(now + HOUR) } });
      const text = { ko: "s", zh: "s", en: "s" };
      const session = await db.prisma.session.create({
        data: { forumId: forum.id, key: "s", title: text, abstract: text, language: "en", startsAt: forum.startsAt, endsAt: forum.endsAt, status: "live" },
      });
      sessionId = session.id;
      const { publishAgenda } = await import("../../lib/agenda/publish");
      await publishAgenda(event.id, null, { client: db.prisma });
      const people = ["organizer", "watcher", "pendingWatcher", "delegate", "elsewhere"] as const;
      const users = await makeUsers(db.prisma, `now-${slug}`, people.length);
      people.forEach((who, i) => (user[who] = users[i].id));
      await enrol(db.prisma, event.id, user.organizer, "organizer");
      await enrol(db.prisma, event.id, user.watcher, "audience");
      await enrol(db.prisma, event.id, user.pendingWatcher, "audience", "pending");
      const delegate = await enrol(db.prisma, event.id, user.delegate, "delegate");
      await db.prisma.registrationForum.create({ data: { registrationId: delegate.id, forumId: forum.id } });
      // A delegate who chose no forum of this session: still refused its Q&A.
      await enrol(db.prisma, event.id, user.elsewhere, "delegate");
    });

    it("refuses the audience a stage token with the watch-only reason, while a delegate of the forum gets one", async () => {
      expect((await lib.token.issueStageToken({ userId: user.delegate }, sessionId)).participantToken).toBeTruthy();
      await expect(lib.token.issueStageToken({ userId: user.watcher }, sessionId)).rejects.toMatchObject({ code: "FORBIDDEN", message: "watchOnly" });
      // The organizer cannot slip an audience member onto the stage by making it a rehearsal.
      await db.prisma.forum.updateMany({ where: { event: { slug } }, data: { rehearsalUntil: new Date(Date.now() + HOUR) } });
      await expect(lib.token.issueStageToken({ userId: user.watcher }, sessionId)).rejects.toMatchObject({ message: "watchOnly" });
    });

    it("lets an approved audience member ask, vote on questions and answer polls; not one still pending, nor a delegate of another forum", async () => {
      const { id: questionId } = await lib.qa.askQuestion({ userId: user.watcher }, sessionId, { body: "How will the targets be verified?", language: "en", anonymous: false });
      expect(await lib.qa.voteQuestion({ userId: user.watcher }, questionId, true)).toEqual({ votes: 1, voted: true });
      expect(await lib.qa.voteQuestion({ userId: user.delegate }, questionId, true)).toEqual({ votes: 2, voted: true });
      await expect(lib.qa.askQuestion({ userId: user.pendingWatcher }, sessionId, { body: "And me?", language: "en", anonymous: false })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "notApproved",
      });
      await expect(lib.qa.voteQuestion({ userId: user.elsewhere }, questionId, true)).rejects.toMatchObject({ code: "FORBIDDEN", message: "notYourForum" });
      const org = await lib.session.requireOrganizer({ userId: user.organizer }, slug);
      const { id: pollId } = await lib.polls.createPoll(org, sessionId, { question: { en: "Which?" }, options: [{ en: "A" }, { en: "B" }], multiple: false });
      await lib.polls.commandPoll(org, pollId, "open");
      expect(await lib.polls.votePoll({ userId: user.watcher }, pollId, { choices: ["o2"] })).toEqual({ choices: ["o2"] });
      await expect(lib.polls.votePoll({ userId: user.pendingWatcher }, pollId, { choices: ["o1"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });
});
