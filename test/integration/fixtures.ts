// Small events and people for registration tests, made straight in the database.
import type { PrismaClient } from "../../lib/generated/prisma/client";

let n = 0;

export async function makeEvent(prisma: PrismaClient, opts: { capacity: number; policy: "open" | "approval" | "invitation" }) {
  const slug = `test-event-${Date.now().toString(36)}-${n++}`;
  const text = { ko: slug, zh: slug, en: slug };
  const event = await prisma.event.create({
    data: {
      slug,
      title: text,
      description: text,
      venue: text,
      hostCountries: ["KR", "CN"],
      languages: ["ko", "zh", "en"],
      timeZone: "Asia/Seoul",
      displayZones: [],
      startsAt: new Date("2030-01-01T00:00:00Z"),
      endsAt: new Date("2030-01-02T00:00:00Z"),
      capacity: opts.capacity,
      registrationPolicy: opts.policy,
      publishedAt: new Date(),
      forums: {
        create: {
          slug: "main",
          title: text,
          description: text,
          position: 1,
          startsAt: new Date("2030-01-01T00:00:00Z"),
          endsAt: new Date("2030-01-01T03:00:00Z"),
          roomName: `${slug}--main`,
        },
      },
    },
  });
  return event;
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
