// Small events and people for registration tests, made straight in the database.
import type { Language, PrismaClient } from "../../lib/generated/prisma/client";

let n = 0;

/** A published three-language event's own fields (Seoul time, no extra zones), its texts `text`. */
function eventFields(slug: string, text: { ko: string; zh: string; en: string }, startsAt: Date, endsAt: Date, capacity: number) {
  return {
    slug,
    title: text,
    description: text,
    venue: text,
    hostCountries: ["KR", "CN"],
    languages: ["ko", "zh", "en"] as Language[],
    timeZone: "Asia/Seoul",
    displayZones: [],
    startsAt,
    endsAt,
    capacity,
    publishedAt: new Date(),
  };
}

export async function makeEvent(prisma: PrismaClient, opts: { capacity: number; policy: "open" | "approval" | "invitation" }) {
  const slug = `test-event-${Date.now().toString(36)}-${n++}`;
  const text = { ko: slug, zh: slug, en: slug };
  const block = { startsAt: new Date("2030-01-01T00:00:00Z"), endsAt: new Date("2030-01-01T03:00:00Z") };
  return prisma.event.create({
    data: {
      ...eventFields(slug, text, new Date("2030-01-01T00:00:00Z"), new Date("2030-01-02T00:00:00Z"), opts.capacity),
      registrationPolicy: opts.policy,
      forums: { create: { slug: "main", title: text, description: text, position: 1, roomName: `${slug}--main`, ...block } },
    },
  });
}

/**
 * A published event on now (a day either side) with `forums` whose blocks run from an hour ago to
 * an hour from now, each with one session over the same hour, published in the agenda: rooms
 * people may join at once. Rooms are named `<slug>--<forum>`.
 */
export async function makeLiveEvent(prisma: PrismaClient, slug: string, forums: string[]) {
  const HOUR = 3_600_000;
  const now = Date.now();
  const text = { ko: "포럼", zh: "论坛", en: "Forum" };
  const block = { startsAt: new Date(now - HOUR), endsAt: new Date(now + HOUR) };
  const event = await prisma.event.create({
    data: {
      ...eventFields(slug, text, new Date(now - 24 * HOUR), new Date(now + 24 * HOUR), 10),
      forums: { create: forums.map((f, i) => ({ slug: f, title: text, description: text, position: i + 1, roomName: `${slug}--${f}`, ...block })) },
    },
    include: { forums: true },
  });
  const sessions = [];
  for (const f of event.forums) sessions.push(await prisma.session.create({ data: { forumId: f.id, key: `${f.slug}-s1`, title: text, abstract: text, language: "ko", ...block } }));
  const { publishAgenda } = await import("../../lib/agenda/publish");
  await publishAgenda(event.id, null, { client: prisma });
  return { event, forums: event.forums, sessions };
}

/** `count` users with emails `<prefix>-<i>@test.example`, in index order, their addresses
 * confirmed (as after signing in by link) unless `verified` is false. */
export async function makeUsers(prisma: PrismaClient, prefix: string, count: number, { verified = true } = {}) {
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@test.example`);
  const emailVerified = verified ? new Date() : null;
  await prisma.user.createMany({ data: emails.map((email, i) => ({ email, name: `${prefix} ${i}`, nameLatin: `${prefix} ${i}`, emailVerified })) });
  const users = await prisma.user.findMany({ where: { email: { in: emails } } });
  return emails.map((e) => users.find((u) => u.email === e)!);
}

export async function enrol(
  prisma: PrismaClient,
  eventId: string,
  userId: string,
  role: "organizer" | "speaker" | "interpreter" | "delegate" | "observer" | "audience",
  status: "approved" | "pending" | "waitlisted" = "approved",
) {
  return prisma.registration.create({ data: { eventId, userId, role, status, country: "KR", timeZone: "Asia/Seoul" } });
}

export const registrationInput = {
  name: "시험 참가자",
  nameLatin: "Test Participant",
  organizationKey: "other",
  organizationOther: "Test Lab",
  country: "KR",
  role: "delegate" as const,
  forums: ["main"],
  preferredLanguage: "ko" as const,
  timeZone: "Asia/Seoul",
  accessibilityNeeds: "",
  recordingConsent: true,
};
