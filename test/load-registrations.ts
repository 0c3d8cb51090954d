// A second, synthetic event with many registrations (10,000 by default) for the desk's browser
// test and the benchmarks. Made with set-based SQL, so it takes about a second.
import type { PrismaClient } from "../lib/generated/prisma/client";

export const LOAD_EVENT_SLUG = "load-test-2030";

export async function loadRegistrations(prisma: PrismaClient, opts: { count?: number; organizerEmail: string }) {
  const count = opts.count ?? 10_000;
  const text = { ko: "부하 시험 행사 2030", zh: "负载测试会议 2030", en: "Load-test conference 2030" };
  const event = await prisma.event.upsert({
    where: { slug: LOAD_EVENT_SLUG },
    update: {},
    create: {
      slug: LOAD_EVENT_SLUG,
      title: text,
      description: text,
      venue: text,
      hostCountries: ["KR", "CN"],
      languages: ["ko", "zh", "en"],
      timeZone: "Asia/Seoul",
      displayZones: [],
      startsAt: new Date("2030-05-01T00:00:00Z"),
      endsAt: new Date("2030-05-02T09:00:00Z"),
      capacity: 5000,
      registrationPolicy: "approval",
      forums: {
        create: ["alpha", "beta", "gamma"].map((slug, i) => ({
          slug,
          title: { ko: slug, zh: slug, en: slug },
          description: text,
          position: i + 1,
          startsAt: new Date(Date.UTC(2030, 4, 1, i * 3)),
          endsAt: new Date(Date.UTC(2030, 4, 1, i * 3 + 2)),
          roomName: `${LOAD_EVENT_SLUG}--${slug}`,
        })),
      },
    },
  });
  const organizer = await prisma.user.findUniqueOrThrow({ where: { email: opts.organizerEmail } });
  await prisma.registration.upsert({
    where: { eventId_userId: { eventId: event.id, userId: organizer.id } },
    update: {},
    create: { eventId: event.id, userId: organizer.id, role: "organizer", status: "approved", country: "KR", timeZone: "Asia/Seoul" },
  });
  // Deterministic spread: statuses, roles, countries and organisations cycle with the row number.
  await prisma.$executeRaw`
    WITH n AS (SELECT g FROM generate_series(1, ${count}::int) g),
    u AS (
      INSERT INTO users (id, email, name, name_latin, updated_at)
      SELECT 'load-user-' || g, 'load' || g || '@load.example', '부하' || g, 'Load Person ' || lpad(g::text, 5, '0'), now() FROM n
      ON CONFLICT (email) DO NOTHING RETURNING id
    )
    INSERT INTO registrations (id, event_id, user_id, role, status, organization_id, country, time_zone, updated_at)
    SELECT 'load-reg-' || substr(u.id, 11), ${event.id}, u.id,
      (ARRAY['delegate','delegate','delegate','speaker','observer','interpreter'])[1 + (substr(u.id, 11)::int % 6)]::"Role",
      (ARRAY['approved','pending','waitlisted','declined'])[1 + (substr(u.id, 11)::int % 4)]::"RegistrationStatus",
      (SELECT id FROM organizations ORDER BY key OFFSET (substr(u.id, 11)::int % 6) LIMIT 1),
      (ARRAY['KR','CN','JP','US'])[1 + (substr(u.id, 11)::int % 4)], 'Asia/Seoul', now()
    FROM u`;
  await prisma.$executeRaw`
    INSERT INTO registration_forums (registration_id, forum_id)
    SELECT r.id, f.id FROM registrations r JOIN forums f ON f.event_id = r.event_id
    WHERE r.event_id = ${event.id} AND r.id LIKE 'load-reg-%' AND (f.position + length(r.id)) % 2 = 0
    ON CONFLICT DO NOTHING`;
  return event;
}
