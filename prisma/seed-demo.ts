// `npm start -- --demo`: a small event whose forum runs now, so a newcomer can try a live room
// within a minute of the first start without editing the agenda (the Clean Sky sessions are in
// 2021). Each run moves the demo forum to the current hour and publishes it again. The seeded
// organizers run it; two local-only demo accounts (a speaker and a delegate) sign in with a
// password, to try the room from a second browser. Run after prisma/seed.ts.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { publishAgenda } from "../lib/agenda/publish";
import { hashPassword } from "../lib/auth/password";
import { PrismaClient } from "../lib/generated/prisma/client";
import { loadSeedFile } from "./seed";

export const DEMO_SLUG = "plenary-demo";
/** Local-only password of the demo accounts (README lists them). */
export const DEMO_PASSWORD = "plenary-demo";

const MINUTE = 60_000;

const text = {
  title: { ko: "Plenary 체험 행사", zh: "Plenary 体验活动", en: "Plenary demo event" },
  description: {
    ko: "지금 진행 중인 포럼의 룸에 들어가 카메라, 마이크, 채팅, 손 들기와 통역 채널을 직접 써 보세요.",
    zh: "进入正在进行的论坛会议室，亲自试用摄像头、麦克风、聊天、举手和同传频道。",
    en: "Join the room of a forum that is on now and try the camera, microphone, chat, raised hands and interpretation channels.",
  },
  venue: { ko: "온라인", zh: "线上", en: "Online" },
  forum: { ko: "체험 포럼", zh: "体验论坛", en: "Demo forum" },
  forumDescription: { ko: "시작할 때마다 지금 시각으로 옮겨지는 포럼입니다.", zh: "每次启动时都会移到当前时间的论坛。", en: "A forum moved to the current hour at every start." },
  sessions: [
    { key: "welcome", minutes: 60, title: { ko: "환영 및 장치 점검", zh: "欢迎与设备检查", en: "Welcome and device check" } },
    { key: "discussion", minutes: 120, title: { ko: "자유 토론", zh: "自由讨论", en: "Open discussion" } },
  ],
};

const demoPeople = [
  { email: "demo.speaker@plenary.test", name: "데모 연사", nameLatin: "Demo Speaker", role: "speaker" as const, language: "ko" as const },
  { email: "demo.delegate@plenary.test", name: "演示代表", nameLatin: "Demo Delegate", role: "delegate" as const, language: "zh" as const },
];

export async function seedDemo(prisma: PrismaClient, now = new Date()) {
  const data = loadSeedFile();
  // The current hour began ten minutes ago at the latest: the room is open at once.
  const startsAt = new Date(Math.floor((now.getTime() - 10 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE);
  const endsAt = new Date(startsAt.getTime() + text.sessions.reduce((sum, s) => sum + s.minutes, 0) * MINUTE);
  const { timeZone, displayZones, languages, hostCountries } = data.event;
  const event = await prisma.event.upsert({
    where: { slug: DEMO_SLUG },
    update: { startsAt: new Date(startsAt.getTime() - 60 * MINUTE), endsAt: new Date(endsAt.getTime() + 24 * 60 * MINUTE), publishedAt: now },
    create: {
      slug: DEMO_SLUG,
      title: text.title,
      description: text.description,
      venue: text.venue,
      hostCountries,
      languages,
      timeZone,
      displayZones,
      startsAt: new Date(startsAt.getTime() - 60 * MINUTE),
      endsAt: new Date(endsAt.getTime() + 24 * 60 * MINUTE),
      capacity: 100,
      registrationPolicy: "open",
      publishedAt: now,
    },
  });
  const forum = await prisma.forum.upsert({
    where: { eventId_slug: { eventId: event.id, slug: "live" } },
    update: { startsAt, endsAt, roomExtendedUntil: null },
    create: { eventId: event.id, slug: "live", title: text.forum, description: text.forumDescription, position: 1, startsAt, endsAt, roomName: `${DEMO_SLUG}--live` },
  });
  let at = startsAt.getTime();
  for (const s of text.sessions) {
    const slot = { startsAt: new Date(at), endsAt: new Date(at + s.minutes * MINUTE) };
    at += s.minutes * MINUTE;
    await prisma.session.upsert({
      where: { forumId_key: { forumId: forum.id, key: s.key } },
      update: { ...slot, status: "scheduled", liveAt: null, endedAt: null },
      create: { forumId: forum.id, key: s.key, title: s.title, abstract: text.description, kind: "discussion", language: "ko", ...slot },
    });
  }
  const organizers = await prisma.user.findMany({ where: { email: { in: data.organizers.map((o) => o.email) } } });
  const hash = await hashPassword(DEMO_PASSWORD);
  const demo = await Promise.all(
    demoPeople.map((p) => prisma.user.upsert({ where: { email: p.email }, update: {}, create: { email: p.email, name: p.name, nameLatin: p.nameLatin, locale: p.language, passwordHash: hash } })),
  );
  const members = [
    ...organizers.map((u) => ({ userId: u.id, role: "organizer" as const, language: u.locale })),
    ...demo.map((u, i) => ({ userId: u.id, role: demoPeople[i].role, language: demoPeople[i].language })),
  ];
  for (const m of members) {
    await prisma.registration.upsert({
      where: { eventId_userId: { eventId: event.id, userId: m.userId } },
      update: {},
      create: {
        eventId: event.id,
        userId: m.userId,
        role: m.role,
        status: "approved",
        country: "KR",
        preferredLanguage: m.language,
        timeZone,
        recordingConsent: true,
        decidedAt: now,
        forums: { create: [{ forumId: forum.id }] },
      },
    });
  }
  await publishAgenda(event.id, null, { client: prisma });
  return { eventId: event.id, forumId: forum.id, startsAt, endsAt };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const { startsAt, endsAt } = await seedDemo(prisma);
    console.log(`Demo event ${DEMO_SLUG}: its forum runs ${startsAt.toISOString()}–${endsAt.toISOString()}.`);
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
