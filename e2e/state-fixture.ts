// Events in each state a page must follow, for e2e/event-state.spec.ts, made relative to the time the
// browser tests start (the seeded Clean Sky 2021 conference is the one that is over): registration
// not yet open, open, open but full, closed, and a forum under way now. And, for e2e/time-zones.spec.ts,
// five people registered for Clean Sky who live in five zones, each with one saved session.
// Made by scripts/e2e-fixtures.ts; slugs and addresses are fixed so the specs can name them.
import type { PrismaClient } from "../lib/generated/prisma/client";

export const STATE_EVENTS = {
  before: "state-before",
  open: "state-open",
  full: "state-full",
  closed: "state-closed",
  live: "state-live",
} as const;

export const FIXTURE_PASSWORD = "fixture person password";

/** On the live event: approved for its forum (may join), and awaiting approval (may not). */
export const LIVE_PEOPLE = { approved: "live-approved@fixture.example", pending: "live-pending@fixture.example" } as const;

export const ZONE_VIEWERS = {
  "America/Los_Angeles": "viewer-la@fixture.example",
  "Europe/Berlin": "viewer-berlin@fixture.example",
  "Asia/Seoul": "viewer-seoul@fixture.example",
  "Asia/Kolkata": "viewer-kolkata@fixture.example",
  "Pacific/Auckland": "viewer-auckland@fixture.example",
} as const;

/** The Clean Sky session each zone viewer saved: 13:30 in Seoul, late evening the day before in Los Angeles. */
export const SAVED_SESSION = { forum: "air-pollution", key: "prevention-policy" };

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const zones = [
  { zone: "Asia/Seoul", abbr: "KST", label: { ko: "서울", zh: "首尔", en: "Seoul" } },
  { zone: "Asia/Shanghai", abbr: "CST", label: { ko: "베이징", zh: "北京", en: "Beijing" } },
];

interface Plan {
  title: { ko: string; zh: string; en: string };
  policy: "open" | "approval";
  capacity: number;
  opens: number;
  closes: number;
  /** The forum's block, in ms from now. */
  block: [number, number];
}

function plans(): Record<keyof typeof STATE_EVENTS, Plan> {
  const later: [number, number] = [60 * DAY, 60 * DAY + 3 * 60 * MIN];
  return {
    before: { title: { ko: "등록 전 행사", zh: "尚未开放注册的会议", en: "Registration not open yet" }, policy: "open", capacity: 50, opens: 30 * DAY, closes: 50 * DAY, block: later },
    open: { title: { ko: "등록 중인 행사", zh: "正在注册的会议", en: "Registration open" }, policy: "approval", capacity: 50, opens: -DAY, closes: 30 * DAY, block: later },
    full: { title: { ko: "정원이 찬 행사", zh: "名额已满的会议", en: "Registration full" }, policy: "open", capacity: 1, opens: -DAY, closes: 30 * DAY, block: later },
    closed: {
      title: { ko: "등록 마감된 행사", zh: "注册已截止的会议", en: "Registration closed" },
      policy: "open",
      capacity: 50,
      opens: -20 * DAY,
      closes: -DAY,
      block: [10 * DAY, 10 * DAY + 3 * 60 * MIN],
    },
    live: { title: { ko: "지금 진행 중인 행사", zh: "正在进行的会议", en: "Happening now" }, policy: "open", capacity: 50, opens: -20 * DAY, closes: DAY, block: [-30 * MIN, 4 * 60 * MIN] },
  };
}

async function person(prisma: PrismaClient, email: string, name: string, zone: string, passwordHash: string) {
  return prisma.user.upsert({ where: { email }, update: {}, create: { email, name, nameLatin: name, passwordHash, locale: "en", timeZone: zone } });
}

async function stateEvent(prisma: PrismaClient, slug: string, p: Plan, now: number) {
  const at = (ms: number) => new Date(now + ms);
  const [start, end] = p.block;
  const mid = start + (end - start) / 2;
  const text = (s: string) => ({ ko: s, zh: s, en: s });
  const event = await prisma.event.create({
    data: {
      slug,
      title: p.title,
      description: p.title,
      venue: text("Online"),
      hostCountries: ["KR", "CN"],
      languages: ["ko", "zh", "en"],
      timeZone: "Asia/Seoul",
      displayZones: zones,
      startsAt: at(start),
      endsAt: at(end),
      capacity: p.capacity,
      registrationPolicy: p.policy,
      registrationOpensAt: at(p.opens),
      registrationClosesAt: at(p.closes),
      forums: {
        create: {
          slug: "main",
          title: { ko: "본 포럼", zh: "主论坛", en: "Main forum" },
          description: text(""),
          position: 1,
          startsAt: at(start),
          endsAt: at(end),
          roomName: `${slug}--main`,
          sessions: {
            create: [
              { key: "first", title: { ko: "첫 세션", zh: "第一场次", en: "First session" }, abstract: text(""), language: "en", startsAt: at(start), endsAt: at(mid) },
              { key: "second", title: { ko: "둘째 세션", zh: "第二场次", en: "Second session" }, abstract: text(""), language: "en", startsAt: at(mid), endsAt: at(end) },
            ],
          },
        },
      },
    },
    include: { forums: true },
  });
  // Imported here, not above: the specs read this file's names, and lib/ is for the react-server build.
  const { publishAgenda } = await import("../lib/agenda/publish");
  await publishAgenda(event.id, null, { client: prisma });
  return event;
}

export async function createStateFixtures(prisma: PrismaClient, now = Date.now()) {
  if (await prisma.event.findUnique({ where: { slug: STATE_EVENTS.live } })) return;
  const { hashPassword } = await import("../lib/auth/password");
  const hash = await hashPassword(FIXTURE_PASSWORD);
  const events = Object.fromEntries(
    await Promise.all(Object.entries(plans()).map(async ([state, plan]) => [state, await stateEvent(prisma, STATE_EVENTS[state as keyof typeof STATE_EVENTS], plan, now)] as const)),
  );
  // The full event's one place is taken.
  const taker = await person(prisma, "full-taker@fixture.example", "Full Taker", "Asia/Seoul", hash);
  await prisma.registration.create({ data: { eventId: events.full.id, userId: taker.id, role: "delegate", status: "approved", country: "KR", timeZone: "Asia/Seoul" } });
  const live = events.live;
  for (const [email, status] of [
    [LIVE_PEOPLE.approved, "approved"],
    [LIVE_PEOPLE.pending, "pending"],
  ] as const) {
    const user = await person(prisma, email, email.split("@")[0], "Asia/Seoul", hash);
    await prisma.registration.create({
      data: { eventId: live.id, userId: user.id, role: "delegate", status, country: "KR", timeZone: "Asia/Seoul", forums: { create: { forumId: live.forums[0].id } } },
    });
  }
  // Zone viewers of Clean Sky: awaiting approval, so they take none of its 109 places.
  const cleanSky = await prisma.event.findUniqueOrThrow({ where: { slug: "clean-sky-2021" }, include: { forums: true } });
  const saved = await prisma.session.findFirstOrThrow({ where: { key: SAVED_SESSION.key, forum: { eventId: cleanSky.id, slug: SAVED_SESSION.forum } } });
  for (const [zone, email] of Object.entries(ZONE_VIEWERS)) {
    const user = await person(prisma, email, `Viewer ${zone}`, zone, hash);
    await prisma.registration.create({
      data: {
        eventId: cleanSky.id,
        userId: user.id,
        role: "delegate",
        status: "pending",
        country: "KR",
        preferredLanguage: "en",
        timeZone: zone,
        forums: { create: cleanSky.forums.map((f) => ({ forumId: f.id })) },
      },
    });
    await prisma.bookmark.create({ data: { userId: user.id, sessionId: saved.id } });
  }
}
