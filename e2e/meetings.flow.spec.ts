// One-to-one meetings in the browser, on the real LiveKit server with Chromium's fake camera: a
// Korean delegate asks a Chinese delegate for a meeting starting in a few minutes, the other finds
// the request on the meetings page and accepts it, and both join the meeting's room and see each
// other's video. The meeting's event is made for this spec (today, Seoul) and removed after it.
import pg from "pg";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./axe";
import { MeetingsPage } from "./pages/meetings-page";
import { RoomPage } from "./pages/room-page";
import { ORGANIZER, organizerPage, personPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });

// Seeded Clean Sky delegates no other spec signs in as (nor picks by its forums: watch, qa, room…).
const A = { email: "hyeonsu.heo@nier.example", name: "허현수", latin: "Heo Hyeonsu" };
const B = { email: "junfeng.huang@cnemc.example", name: "黄俊峰", latin: "Huang Junfeng" };
const slug = `meetings-flow-${Date.now().toString(36)}`;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  const startsAt = new Date(Date.now() - 60 * 60_000).toISOString();
  const endsAt = new Date(Date.now() + 24 * 60 * 60_000).toISOString();
  const title = JSON.stringify({ ko: "면담 시험 행사", zh: "会谈测试会议", en: "Meetings test event" });
  const zones = JSON.stringify([
    { zone: "Asia/Seoul", abbr: "KST", label: { ko: "서울", zh: "首尔", en: "Seoul" } },
    { zone: "Asia/Shanghai", abbr: "CST", label: { ko: "베이징", zh: "北京", en: "Beijing" } },
  ]);
  await sql(
    `INSERT INTO events (id, slug, title, description, venue, host_countries, languages, time_zone, display_zones, starts_at, ends_at, capacity, published_at, updated_at)
     VALUES ($1, $1, $2::jsonb, $2::jsonb, $2::jsonb, '{KR,CN}', '{ko,zh,en}', 'Asia/Seoul', $3::jsonb, $4, $5, 50, now(), now())`,
    [slug, title, zones, startsAt, endsAt],
  );
  // Its agenda as published (no forums), shaped as Clean Sky's: My conference and the event home read it.
  await sql(
    `INSERT INTO agenda_publications (id, event_id, version, snapshot)
     SELECT $1, $1, 1, jsonb_build_object('event', (p.snapshot -> 'event') || jsonb_build_object('id', $1::text, 'slug', $1::text, 'title', $2::jsonb, 'startsAt', $3::text, 'endsAt', $4::text), 'forums', '[]'::jsonb)
     FROM agenda_publications p JOIN events e ON e.id = p.event_id WHERE e.slug = 'clean-sky-2021' ORDER BY p.version DESC LIMIT 1`,
    [slug, title, startsAt, endsAt],
  );
  for (const [person, zone, language, role] of [
    [A, "Asia/Seoul", "ko", "delegate"],
    [B, "Asia/Shanghai", "zh", "delegate"],
    // The seeded organizer organizes this event too: the console lists its meetings.
    [ORGANIZER, "Asia/Seoul", "ko", "organizer"],
  ] as const) {
    await sql(
      `INSERT INTO registrations (id, event_id, user_id, role, status, country, preferred_language, time_zone, updated_at)
       SELECT $1 || u.id, $2, u.id, $6::"Role", 'approved', 'KR', $3::"Language", $4, now() FROM users u WHERE u.email = $5`,
      [`${slug}-`, slug, language, zone, person.email, role],
    );
  }
});

// The event goes, and its registrations and meetings with it (ON DELETE CASCADE).
test.afterAll(async () => {
  await sql(`DELETE FROM events WHERE slug = $1`, [slug]);
});

/** The next five-minute mark at least five minutes away, on Seoul's wall clock: the room is open
 * from ten minutes before, and the request must still be ahead when it is accepted. */
function soonInSeoul(): string {
  const at = new Date(Math.ceil((Date.now() + 5 * 60_000) / 300_000) * 300_000);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

test("a delegate asks another for a meeting, it is accepted, and both meet in its room and see each other", async ({ browser }) => {
  // About 20 s on a quiet machine; a fresh-clone CI run, late in the browser run, took past 120 s
  // before both cameras showed.
  test.setTimeout(240_000);
  const pageA = await personPage(browser, A.email);
  const pageB = await personPage(browser, B.email);
  const meetingsA = new MeetingsPage(pageA);
  const meetingsB = new MeetingsPage(pageB);

  await test.step("A asks B", async () => {
    await meetingsA.open(slug);
    await meetingsA.request({ search: "Huang Jun", person: /Huang Junfeng/, start: soonInSeoul(), minutes: 15, note: "Sharing the monitoring data" });
    await expect(meetingsA.item("outgoing", B.name)).toContainText("Waiting for an answer");
  });
  await test.step("B finds the request and accepts it", async () => {
    await meetingsB.open(slug, "zh");
    const request = meetingsB.item("incoming", A.name);
    await expect(request).toContainText("Sharing the monitoring data");
    // The page with a request to answer and the request form, in Chinese (the sweep of
    // e2e/accessibility.spec.ts sees only Clean Sky's, whose days are over).
    await expectNoSeriousViolations(pageB, "meetings page (zh)", { contrast: true });
    await request.getByRole("button", { name: "接受" }).click();
    await expect(meetingsB.item("accepted", A.name)).toBeVisible();
  });
  await test.step("the organizer sees the accepted meeting in the console, without its note", async () => {
    const consolePage = await organizerPage(browser);
    await consolePage.goto(`/en/organizer/events/${slug}/meetings`);
    const row = consolePage.getByTestId("console-meeting").filter({ hasText: A.latin });
    await expect(row).toHaveAttribute("data-status", "accepted");
    await expect(row).toContainText(B.latin);
    await expect(consolePage.getByTestId("console-meetings")).not.toContainText("Sharing the monitoring data");
    await expect(consolePage.getByTestId("meeting-figures").locator('[data-key="accepted"]')).toHaveAttribute("data-count", "1");
    await consolePage.context().close();
  });
  await test.step("both join the room and see each other", async () => {
    await meetingsA.open(slug);
    await meetingsA.join(B.name);
    await meetingsB.join(A.name);
    const roomA = new RoomPage(pageA);
    const roomB = new RoomPage(pageB);
    await Promise.all([meetingsA.enter(), meetingsB.enter()]);
    await Promise.all([roomA.expectVideoPlaying(B.name), roomB.expectVideoPlaying(A.name)]);
    // Colour contrast of the room's tiles and bar is the stage's, checked by the room's own specs.
    await expectNoSeriousViolations(pageA, "meeting room", { contrast: false });
  });
  await Promise.all([pageA.context().close(), pageB.context().close()]);
});
