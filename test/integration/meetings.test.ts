// One-to-one meetings on a real PostgreSQL, a real SMTP server in-process and the real LiveKit
// server: every new action answers anonymous, refused-by-setting and third-person callers as
// documented; two overlapping acceptances at once leave exactly one accepted; an accepted meeting
// is in both people's feeds (and leaves them cancelled); each mail is in its recipient's language
// and zone; and the webhook puts anyone else out of a meeting's room, as the other person sees.
import { AccessToken, TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { startSmtp } from "../smtp";
import { migratedDatabase } from "./db";
import { enrol, makeUsers } from "./fixtures";
import { startStageBrowser } from "./stage-browser";
import { forwardWebhooks, type WebhookForwarder } from "./webhook-forwarder";

const actor = vi.hoisted(() => ({ current: null as { userId: string } | null }));
vi.mock("@/lib/auth/current", async (original) => ({
  ...(await original<typeof import("@/lib/auth/current")>()),
  getActor: async () => actor.current,
  getCookieActor: async () => actor.current,
}));

const livekit = inject("livekit");
const skipped = "skipped" in livekit ? livekit.skipped : null;
const MIN = 60_000;
const HOUR = 60 * MIN;

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** "YYYY-MM-DDTHH:mm" on the wall clock of `zone`, `ms` from now rounded up to the minute. */
function local(ms: number, zone: string) {
  const at = new Date(Math.ceil((Date.now() + ms) / MIN) * MIN);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

describe.skipIf(!!skipped)("one-to-one meetings (PostgreSQL, SMTP, real LiveKit server)", () => {
  const lk = livekit as { url: string; apiKey: string; apiSecret: string; webhookPort: number };
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let hook: WebhookForwarder | undefined;
  let browser: Awaited<ReturnType<typeof startStageBrowser>> | undefined;
  let actions: typeof import("../../lib/meetings/actions");
  let mutations: typeof import("../../lib/meetings/mutations");
  let me: typeof import("../../lib/registration/me");
  let tokenRoute: typeof import("../../app/api/meetings/[id]/token/route");
  let slug = "";
  let otherSlug = "";
  let eventId = "";
  const user: Record<string, string> = {};
  const email: Record<string, string> = {};
  const feed: Record<string, string> = {};
  const as = <T>(who: string | null, fn: () => Promise<T>) => {
    actor.current = who ? { userId: user[who] } : null;
    return fn();
  };
  const ask = (who: string | null, invitee: string, ms = 2 * HOUR, minutes = 30, zone = "Asia/Seoul") =>
    as(who, () => actions.requestMeetingAction(slug, { inviteeId: user[invitee], start: local(ms, zone), minutes, note: "대기질 자료 공유" }));
  const change = (who: string | null, id: string, command: string) => as(who, () => actions.changeMeetingAction(id, command));
  const setPolicy = (who: string | null, policy: string, eventSlug = slug) => as(who, () => actions.setMeetingPolicyAction(eventSlug, policy));
  async function token(who: string | null, id: string) {
    actor.current = who ? { userId: user[who] } : null;
    const res = await tokenRoute.POST(new Request(`http://127.0.0.1/api/meetings/${id}/token`, { method: "POST" }), { params: Promise.resolve({ id }) });
    return { status: res.status, body: await res.json() };
  }
  const calendar = async (who: string) => (await me.getPersonalCalendar(feed[who], "https://plenary.example")).ics;

  beforeAll(async () => {
    db = await migratedDatabase("meetings");
    smtp = await startSmtp();
    Object.assign(process.env, {
      DATABASE_URL: db.databaseUrl,
      SMTP_URL: smtp.url,
      LIVEKIT_URL: lk.url,
      LIVEKIT_API_KEY: lk.apiKey,
      LIVEKIT_API_SECRET: lk.apiSecret,
      PUBLIC_BASE_URL: "https://plenary.example",
    });
    delete process.env.LIVEKIT_API_URL;
    const now = Date.now();
    const tag = now.toString(36);
    const text = { ko: "청정대기 포럼", zh: "清洁空气论坛", en: "Clean Air Forum" };
    const zones = [
      { zone: "Asia/Seoul", abbr: "KST", label: { ko: "서울", zh: "首尔", en: "Seoul" } },
      { zone: "Asia/Shanghai", abbr: "CST", label: { ko: "베이징", zh: "北京", en: "Beijing" } },
    ];
    const base = {
      title: text,
      description: text,
      venue: text,
      hostCountries: ["KR", "CN"],
      languages: ["ko", "zh", "en"] as ("ko" | "zh" | "en")[],
      timeZone: "Asia/Seoul",
      displayZones: zones,
      capacity: 100,
      publishedAt: new Date(),
    };
    slug = `meet-${tag}`;
    otherSlug = `meet-other-${tag}`;
    // Three days ahead: the matrix's request at 40 h on Seoul's wall clock is Berlin's wall clock for
    // c, 8 h later, and near the end of a 48 h event its 15 minutes could cross into the day after
    // the event (a failure when the suite ran at 23:45-24:00 in Seoul).
    const event = await db.prisma.event.create({ data: { ...base, slug, startsAt: new Date(now - HOUR), endsAt: new Date(now + 72 * HOUR) } });
    const other = await db.prisma.event.create({ data: { ...base, slug: otherSlug, startsAt: new Date(now - HOUR), endsAt: new Date(now + 72 * HOUR) } });
    eventId = event.id;
    // The personal feed is the published agenda's (empty here) plus the person's meetings.
    const { publishAgenda } = await import("../../lib/agenda/publish");
    await publishAgenda(event.id, null, { client: db.prisma });
    const people = [
      ["organizer", "organizer", "ko", "Asia/Seoul"],
      ["a", "delegate", "ko", "Asia/Seoul"],
      ["b", "delegate", "zh", "Asia/Shanghai"],
      ["c", "delegate", "en", "Europe/Berlin"],
      ["d", "delegate", "en", "Asia/Seoul"],
      ["speaker", "speaker", "en", "Asia/Seoul"],
      ["audience", "audience", "en", "Asia/Seoul"],
      ["pending", "delegate", "en", "Asia/Seoul"],
      ["otherOrganizer", "organizer", "en", "Asia/Seoul"],
    ] as const;
    const users = await makeUsers(db.prisma, `meet-${tag}`, people.length);
    for (const [i, [who, role, language, zone]] of people.entries()) {
      user[who] = users[i].id;
      email[who] = users[i].email;
      const r = await enrol(db.prisma, who === "otherOrganizer" ? other.id : event.id, user[who], role, who === "pending" ? "pending" : "approved");
      const updated = await db.prisma.registration.update({ where: { id: r.id }, data: { preferredLanguage: language, timeZone: zone } });
      feed[who] = updated.calendarToken;
    }
    await db.prisma.user.update({ where: { id: user.a }, data: { name: "김민지", nameLatin: "Kim Minji" } });
    await db.prisma.user.update({ where: { id: user.b }, data: { name: "王芳", nameLatin: "Wang Fang" } });

    actions = await import("../../lib/meetings/actions");
    mutations = await import("../../lib/meetings/mutations");
    me = await import("../../lib/registration/me");
    tokenRoute = await import("../../app/api/meetings/[id]/token/route");
  });
  afterAll(async () => {
    await hook?.close();
    await browser?.close();
    await smtp?.close();
    await db?.drop();
  });

  it("answers every new action of an anonymous caller with sign-in required (401 for the token)", async () => {
    const asked = await ask("a", "b", 3 * HOUR);
    expect(asked.ok).toBe(true);
    const id = asked.ok ? asked.data.id : "";
    expect(await ask(null, "b")).toEqual({ ok: false, error: "signInRequired" });
    expect(await change(null, id, "accept")).toEqual({ ok: false, error: "signInRequired" });
    expect(await setPolicy(null, "off")).toEqual({ ok: false, error: "signInRequired" });
    expect(await token(null, id)).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(await change("a", id, "withdraw")).toMatchObject({ ok: true, data: { status: "cancelled" } });
  });

  it("refuses the audience, pending registrations and people of no registration, as asker and as invitee", async () => {
    expect(await ask("audience", "b")).toEqual({ ok: false, error: "notAllowed" });
    expect(await ask("pending", "b")).toEqual({ ok: false, error: "notAllowed" });
    expect(await ask("otherOrganizer", "b")).toEqual({ ok: false, error: "notAllowed" });
    expect(await ask("a", "audience")).toEqual({ ok: false, error: "inviteeNotAllowed" });
    expect(await ask("a", "pending")).toEqual({ ok: false, error: "inviteeNotAllowed" });
    expect(await ask("a", "a")).toEqual({ ok: false, error: "withYourself" });
  });

  it("refuses a time outside the event's days or already past", async () => {
    expect(await ask("a", "b", 4 * 24 * HOUR)).toEqual({ ok: false, error: "outsideEvent" });
    expect(await ask("a", "b", -HOUR)).toEqual({ ok: false, error: "meetingInPast" });
    expect(await ask("a", "b", 2 * HOUR, 20)).toMatchObject({ ok: false, error: "badDuration" });
  });

  it("lets only organizers of the event change its setting, and the setting decides who may ask and be asked", async () => {
    expect(await setPolicy("a", "off")).toEqual({ ok: false, error: "organizersOnly" });
    expect(await setPolicy("otherOrganizer", "off")).toEqual({ ok: false, error: "organizersOnly" });
    expect(await setPolicy("organizer", "delegates")).toEqual({ ok: true, data: { policy: "delegates" } });
    expect(await ask("speaker", "a")).toEqual({ ok: false, error: "notAllowed" });
    expect(await ask("a", "speaker")).toEqual({ ok: false, error: "inviteeNotAllowed" });
    expect(await setPolicy("organizer", "off")).toEqual({ ok: true, data: { policy: "off" } });
    expect(await ask("a", "b")).toEqual({ ok: false, error: "meetingsOff" });
    expect(await setPolicy("organizer", "everyone")).toEqual({ ok: true, data: { policy: "everyone" } });
    const asked = await ask("speaker", "a", 5 * HOUR);
    expect(asked.ok).toBe(true);
    // A request made while allowed is accepted under the setting as it is when answered.
    const id = asked.ok ? asked.data.id : "";
    expect(await setPolicy("organizer", "delegates")).toMatchObject({ ok: true });
    expect(await change("a", id, "accept")).toEqual({ ok: false, error: "notAllowed" });
    expect(await setPolicy("organizer", "everyone")).toMatchObject({ ok: true });
    expect(await change("a", id, "accept")).toEqual({ ok: true, data: { status: "accepted" } });
    const audited = await db.prisma.auditLog.findMany({ where: { eventId, action: "meeting.settings" }, orderBy: { id: "asc" } });
    expect(audited.map((a) => [a.actorId, (a.data as { policy: string }).policy])).toEqual([
      [user.organizer, "delegates"],
      [user.organizer, "off"],
      [user.organizer, "everyone"],
      [user.organizer, "delegates"],
      [user.organizer, "everyone"],
    ]);
  });

  it("lets only the invitee answer, only the requester withdraw and no third person do anything", async () => {
    const asked = await ask("a", "b", 6 * HOUR);
    const id = asked.ok ? asked.data.id : "";
    expect(await change("c", id, "accept")).toEqual({ ok: false, error: "notYourMeeting" });
    expect(await change("c", id, "withdraw")).toEqual({ ok: false, error: "notYourMeeting" });
    expect(await change("a", id, "accept")).toEqual({ ok: false, error: "onlyInviteeAnswers" });
    expect(await change("b", id, "withdraw")).toEqual({ ok: false, error: "onlyRequesterWithdraws" });
    expect(await change("b", id, "decline")).toEqual({ ok: true, data: { status: "declined" } });
    expect(await change("b", id, "accept")).toEqual({ ok: false, error: "alreadyAnswered" });
    expect(await as("a", () => actions.requestMeetingAction(slug, { inviteeId: user.b, start: local(6 * HOUR, "Asia/Seoul"), minutes: 30 }))).toEqual({ ok: false, error: "declinedSlot" });
    const declined = await smtp.waitFor(email.a, /거절/);
    expect(declined.subject).toBe("王芳 님이 1:1 면담을 거절했습니다");
  });

  it("mails the request to the invitee in their language, their zone first and the event's zones beside", async () => {
    const asked = await ask("a", "b", 7 * HOUR);
    expect(asked.ok).toBe(true);
    const mail = await smtp.waitFor(email.b, /请求与您一对一会谈/);
    expect(mail.subject).toBe("김민지请求与您一对一会谈");
    expect(mail.text).toContain("(中国 (UTC+8))");
    expect(mail.text).toContain("首尔 KST");
    expect(mail.text).toContain("北京 CST");
    expect(mail.text).toContain("留言：대기질 자료 공유");
    expect(mail.text).toContain(`https://plenary.example/zh/events/${slug}/meetings`);
  });

  it("of two overlapping acceptances at once, exactly one wins and the other is told the invitee is busy", async () => {
    // d asks b and c asks b for overlapping slots; b accepts both at once.
    const first = await ask("d", "b", 10 * HOUR, 60);
    const second = await ask("c", "b", 10 * HOUR + 30 * MIN, 30, "Europe/Berlin");
    expect(first.ok && second.ok).toBe(true);
    const ids = [first, second].map((r) => (r.ok ? r.data.id : ""));
    const results = await Promise.all(
      ids.map((id) =>
        mutations.changeMeeting({ userId: user.b }, id, "accept").then(
          (r) => r.status,
          (e: Error) => e.message,
        ),
      ),
    );
    expect(results.sort()).toEqual(["accepted", "youAreBusy"]);
    const accepted = await db.prisma.meeting.count({ where: { id: { in: ids }, status: "accepted" } });
    expect(accepted).toBe(1);
  });

  it("puts an accepted meeting in both people's feeds with one UID, and marks it cancelled there when called off", async () => {
    const asked = await ask("a", "d", 20 * HOUR);
    const id = asked.ok ? asked.data.id : "";
    expect(await change("d", id, "accept")).toEqual({ ok: true, data: { status: "accepted" } });
    const uid = `UID:meeting-${id}@plenary`;
    for (const who of ["a", "d"]) expect(await calendar(who)).toContain(uid);
    expect(await calendar("b")).not.toContain(uid);
    expect(await calendar("a")).toMatch(/SUMMARY:1:1 면담: meet-/);
    const acceptedMail = await smtp.waitFor(email.a, /수락했습니다/);
    expect(acceptedMail.attachments.map((a) => a.contentType)).toEqual(["text/calendar"]);
    expect(acceptedMail.attachments[0].content.toString()).toContain(uid);

    expect(await change("c", id, "cancel")).toEqual({ ok: false, error: "notYourMeeting" });
    expect(await change("d", id, "cancel")).toEqual({ ok: true, data: { status: "cancelled" } });
    for (const who of ["a", "d"]) {
      const ics = await calendar(who);
      const entry = ics.slice(ics.indexOf(uid));
      expect(entry).toMatch(/SEQUENCE:2[\s\S]*STATUS:CANCELLED/);
    }
    const cancelled = await smtp.waitFor(email.a, /취소되었습니다/);
    expect(cancelled.text).toContain("(대한민국 (UTC+9))");
    expect(cancelled.text).toContain("베이징 CST");
  });

  it("issues a meeting room token only to its two people while it is open, with full publishing and no metadata rights", async () => {
    const later = await ask("a", "c", 30 * HOUR);
    const laterId = later.ok ? later.data.id : "";
    expect(await token("a", laterId)).toMatchObject({ status: 403, body: { error: { message: "notAccepted" } } });
    await change("c", laterId, "accept");
    expect(await token("a", laterId)).toMatchObject({ status: 403, body: { error: { message: "outsideWindow" } } });

    const soon = await ask("a", "c", 5 * MIN, 15);
    const id = soon.ok ? soon.data.id : "";
    await change("c", id, "accept");
    expect(await token("b", id)).toMatchObject({ status: 403, body: { error: { message: "notYourMeeting" } } });
    const { status, body } = await token("a", id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ serverUrl: lk.url, roomName: `meeting.${id}`, participantName: "김민지" });
    const claims = await new TokenVerifier(lk.apiKey, lk.apiSecret).verify(body.participantToken);
    expect(claims.sub).toBe(user.a);
    expect(claims.video).toMatchObject({ roomJoin: true, room: `meeting.${id}`, canPublish: true, canSubscribe: true, canPublishData: true });
    expect(claims.video?.canUpdateOwnMetadata).toBeFalsy();
  });

  it("answers every new action with the status the authorization matrix says, for every kind of person", async () => {
    const { httpStatus } = await import("../../lib/errors");
    const { requireOrganizer } = await import("../../lib/auth/session");
    type Who = "anonymous" | "organizer" | "a" | "b" | "c" | "speaker" | "audience" | "pending" | "otherOrganizer";
    const status = (work: Promise<unknown>) =>
      work.then(
        () => 200,
        (err: { code?: Parameters<typeof httpStatus>[0] }) => (err.code ? httpStatus(err.code) : 500),
      );
    const actorOf = (w: Who) => (w === "anonymous" ? null : { userId: user[w] });
    const fresh = async (ms: number) => {
      const r = await ask("a", "b", ms, 15);
      if (!r.ok) throw new Error(r.error);
      return r.data.id;
    };
    const toAnswer = await fresh(41 * HOUR);
    const toCancel = await fresh(42 * HOUR);
    await change("b", toCancel, "accept");
    // In its window now, between two people free then (a meets c in 5 minutes).
    const nowAsked = await ask("speaker", "organizer", 9 * MIN, 15);
    const now = nowAsked.ok ? nowAsked.data.id : "";
    await change("organizer", now, "accept");
    const others: Who[] = ["anonymous", "organizer", "c", "speaker", "audience", "pending", "otherOrganizer"];
    const refused = (w: Who) => (w === "anonymous" ? 401 : 403);
    const rows: [string, (w: Who) => Promise<number>, [Who, number][]][] = [
      [
        "organizers' setting",
        async (w) => status(requireOrganizer(actorOf(w), slug).then((access) => mutations.setMeetingPolicy(access, "everyone"))),
        [...(["anonymous", "a", "b", "c", "speaker", "audience", "pending", "otherOrganizer"] as Who[]).map((w): [Who, number] => [w, refused(w)]), ["organizer", 200]],
      ],
      [
        "ask for a meeting",
        (w) => status(mutations.requestMeeting(actorOf(w), slug, { inviteeId: user.d, start: local(40 * HOUR, "Asia/Seoul"), minutes: 15 })),
        [
          ["anonymous", 401],
          ["audience", 403],
          ["pending", 403],
          ["otherOrganizer", 403],
          ["organizer", 200],
          ["a", 200],
          ["b", 200],
          ["c", 200],
          ["speaker", 200],
        ],
      ],
      ["accept", (w) => status(mutations.changeMeeting(actorOf(w), toAnswer, "accept")), [...[...others, "a" as Who].map((w): [Who, number] => [w, refused(w)]), ["b", 200]]],
      ["cancel", (w) => status(mutations.changeMeeting(actorOf(w), toCancel, "cancel")), [...others.map((w): [Who, number] => [w, refused(w)]), ["a", 200]]],
      [
        "room token",
        async (w) => (await token(w === "anonymous" ? null : w, now)).status,
        [...(["anonymous", "a", "b", "c", "audience", "pending", "otherOrganizer"] as Who[]).map((w): [Who, number] => [w, refused(w)]), ["speaker", 200], ["organizer", 200]],
      ],
    ];
    const got: Record<string, Record<string, number>> = {};
    const want: Record<string, Record<string, number>> = {};
    for (const [name, run, expected] of rows) {
      got[name] = {};
      want[name] = {};
      for (const [w, code] of expected) {
        want[name][w] = code;
        got[name][w] = await run(w);
      }
    }
    expect(got).toEqual(want);
  });

  it("puts anyone but the two people out of a meeting's room, as the one inside sees, and audits it", async () => {
    browser = await startStageBrowser();
    hook = await forwardWebhooks(lk.webhookPort);
    // b and d, free now (a is in the meeting with c that starts in 5 minutes).
    const soon = await ask("d", "b", 8 * MIN, 15);
    const id = soon.ok ? soon.data.id : "";
    expect(await change("b", id, "accept")).toMatchObject({ ok: true });
    const a = (await token("d", id)).body;
    const b = (await token("b", id)).body;
    const inA = await browser.join(a.serverUrl, a.participantToken);
    const inB = await browser.join(b.serverUrl, b.participantToken);
    await until(
      () => inA.view(),
      (v) => v.some((p) => p.identity === user.b),
    );
    // A token for the room minted with the API secret (a leak, or one of an earlier arrangement).
    const leaked = new AccessToken(lk.apiKey, lk.apiSecret, { identity: user.c, name: "c" });
    leaked.addGrant({ roomJoin: true, room: `meeting.${id}`, canPublish: true, canSubscribe: true });
    const intruder = await browser.join(lk.url, await leaked.toJwt(), { mayFail: true });
    await until(
      () => intruder.state(),
      (s) => s.state === "disconnected",
    );
    await until(
      () => inA.view(),
      (v) => !v.some((p) => p.identity === user.c) && v.some((p) => p.identity === user.b),
    );
    const audited = await until(
      () => db.prisma.auditLog.findMany({ where: { action: "meeting.intruderRemoved", entityId: id } }),
      (rows) => rows.length > 0,
    );
    expect(audited[0]).toMatchObject({ eventId, actorId: null, data: expect.objectContaining({ identity: user.c, reason: "notYourMeeting" }) });
    expect(await db.prisma.auditLog.count({ where: { action: "meeting.intruderRemoved", entityId: id, data: { path: ["identity"], equals: user.b } } })).toBe(0);
    await Promise.all([inA.close(), inB.close(), intruder.close()]);
  });
  it("shows the event's organizers alone every meeting without its note, and lets them call one off: both mailed, both feeds CANCELLED with a higher SEQUENCE", async () => {
    const { httpStatus } = await import("../../lib/errors");
    const { requireOrganizer } = await import("../../lib/auth/session");
    const { getMeetingsConsole } = await import("../../lib/meetings/console");
    const { meetingTime } = await import("../../lib/meetings/times");
    const status = (work: Promise<unknown>) =>
      work.then(
        () => 200,
        (err: { code?: Parameters<typeof httpStatus>[0] }) => (err.code ? httpStatus(err.code) : 500),
      );
    const read = (who: string | null, query: Parameters<typeof getMeetingsConsole>[1] = { page: 1 }) =>
      requireOrganizer(who ? { userId: user[who] } : null, slug).then((access) => getMeetingsConsole(access, query));
    expect(await status(read(null))).toBe(401);
    expect(await status(read("c"))).toBe(403);
    expect(await status(read("d"))).toBe(403);
    expect(await status(read("otherOrganizer"))).toBe(403);

    // c and d, both free then; the note is for d alone.
    const asked = await as("c", () => actions.requestMeetingAction(slug, { inviteeId: user.d, start: local(44 * HOUR, "Europe/Berlin"), minutes: 30, note: "only-for-d-7f3a" }));
    const id = asked.ok ? asked.data.id : "";
    expect(await change("d", id, "accept")).toMatchObject({ ok: true });
    const before = await db.prisma.meeting.findUniqueOrThrow({ where: { id } });
    const view = await read("organizer");
    expect(view.meetings.find((m) => m.id === id)).toMatchObject({ status: "accepted", requester: { userId: user.c }, invitee: { userId: user.d } });
    expect(JSON.stringify(view)).not.toContain("only-for-d-7f3a");
    expect(view.figures.byStatus.accepted).toBe(await db.prisma.meeting.count({ where: { eventId, status: "accepted" } }));
    expect(view.figures.requested).toBe(await db.prisma.meeting.count({ where: { eventId } }));
    expect((await read("organizer", { page: 1, status: "declined" })).meetings.every((m) => m.status === "declined")).toBe(true);

    const cancel = (who: string | null, eventSlug = slug) => as(who, () => actions.cancelMeetingAsOrganizerAction(eventSlug, id));
    expect(await cancel(null)).toEqual({ ok: false, error: "signInRequired" });
    expect(await cancel("c")).toEqual({ ok: false, error: "organizersOnly" });
    expect(await cancel("otherOrganizer")).toEqual({ ok: false, error: "organizersOnly" });
    // Another event's organizers, through their own event, do not reach it either.
    expect(await cancel("otherOrganizer", otherSlug)).toEqual({ ok: false, error: "meetingNotFound" });
    expect(await cancel("organizer")).toEqual({ ok: true, data: { status: "cancelled" } });
    expect(await cancel("organizer")).toEqual({ ok: false, error: "alreadyClosed" });

    const uid = `UID:meeting-${id}@plenary`;
    for (const who of ["c", "d"]) {
      const ics = await calendar(who);
      expect(ics.slice(ics.indexOf(uid))).toMatch(new RegExp(`SEQUENCE:${before.sequence + 1}[\\s\\S]*STATUS:CANCELLED`));
    }
    for (const [who, zone] of [
      ["c", "Europe/Berlin"],
      ["d", "Asia/Seoul"],
    ] as const) {
      const mail = await smtp.waitFor(email[who], /is cancelled/);
      expect(mail.text).toContain("organizers of");
      expect(mail.text).toContain(meetingTime(before.startsAt, before.endsAt, zone, "en"));
      expect(mail.text).not.toContain("only-for-d-7f3a");
      expect(mail.attachments[0].content.toString()).toContain("STATUS:CANCELLED");
    }
    const audited = await db.prisma.auditLog.findMany({ where: { action: "meeting.cancelledByOrganizer", entityId: id } });
    expect(audited.map((a) => [a.actorId, a.data])).toEqual([[user.organizer, { from: "accepted", to: "cancelled" }]]);
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "cancelled", cancelledById: user.organizer });
  });
});
