// The date beside every time, for viewers in five zones (Chromium's own zone, as a browser there
// has it): the agenda grouped under the viewer's own days with the event's day beside where it
// differs and "+1 day" marks, the event home's forum cards, a session page, and My conference of a
// person living there. Every expected date is computed here from the agenda's UTC instants.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";
import { FIXTURE_PASSWORD, SAVED_SESSION, ZONE_VIEWERS } from "./state-fixture";

const SLUG = "clean-sky-2021";
const ZONES = Object.keys(ZONE_VIEWERS) as (keyof typeof ZONE_VIEWERS)[];

type ApiSession = { id: string; startsAt: string; endsAt: string; title: { en: string } };
type ApiForum = { id: string; slug: string; startsAt: string; endsAt: string; sessions: ApiSession[] };

const dayOf = (iso: string, zone: string) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const longDay = (day: string) => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${day}T12:00:00Z`));
const shortDate = (iso: string, zone: string) => new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short" }).format(new Date(iso));
const clock = (iso: string, zone: string) => new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso));
const mark = (shift: number) => (shift > 0 ? `+${shift} day` : `−${-shift} day`);

interface Line {
  zone: string;
  day: string;
  text: string;
  title: string | null;
}
interface Row {
  id: string;
  lines: Line[];
}
interface Day {
  day: string;
  heading: string;
  eventDays: string | null;
  rows: Row[];
}

/** Every day section of a list with its rows' time lines (viewer's zone first), as shown. */
async function readDays(sections: Locator, viewerZone: string): Promise<Day[]> {
  return sections.evaluateAll(
    (els, zone) =>
      els.map((section) => ({
        day: section.getAttribute("data-day")!,
        heading: section.querySelector('[data-testid="day-heading"]')!.textContent!,
        eventDays: section.querySelector('[data-testid="event-days"]')?.textContent ?? null,
        rows: [...section.querySelectorAll('[data-testid="session-row"], [data-testid="my-session"]')].map((row) => ({
          id: row.getAttribute("data-session-id")!,
          lines: [
            ...[...row.querySelectorAll('[data-testid="viewer-time"] [data-testid="time-span"]')].map((s) => ({
              zone,
              day: s.getAttribute("data-day")!,
              text: s.textContent!,
              title: s.getAttribute("title"),
            })),
            ...[...row.querySelectorAll('[data-testid="zoned-times"] li')].map((li) => ({
              zone: li.getAttribute("data-zone")!,
              day: li.querySelector('[data-testid="time-span"]')!.getAttribute("data-day")!,
              text: li.textContent!,
              title: li.querySelector('[data-testid="time-span"]')!.getAttribute("title"),
            })),
          ],
        })),
      })),
    viewerZone,
  );
}

/** The span as it must read against a heading's day: each end marked by how far its day lies from the
 * heading's (the end's own mark only when it differs from the start's; an end at midnight closes its day). */
function expectedSpan(s: ApiSession, zone: string, heading: string): string {
  const startShift = daysBetween(heading, dayOf(s.startsAt, zone));
  const endShift = daysBetween(heading, dayOf(new Date(Date.parse(s.endsAt) - 60_000).toISOString(), zone));
  return `${clock(s.startsAt, zone)}${startShift ? mark(startShift) : ""}–${clock(s.endsAt, zone)}${endShift !== startShift ? mark(endShift) : ""}`;
}

/** Each time carries the date it falls on in its zone: the heading's, or a mark saying how far from it. */
function expectDated(days: Day[], sessions: Map<string, ApiSession>) {
  expect(days.length).toBeGreaterThan(0);
  for (const d of days) {
    expect(d.heading).toBe(longDay(d.day));
    for (const row of d.rows) {
      const s = sessions.get(row.id)!;
      expect(row.lines.length, row.id).toBe(3);
      for (const line of row.lines) {
        expect(line.day, `${s.title.en} in ${line.zone}`).toBe(dayOf(s.startsAt, line.zone));
        expect(line.text, `${s.title.en} in ${line.zone}`).toContain(expectedSpan(s, line.zone, d.day));
        // The full date as the span's title only when the heading does not already give it.
        const headed = expectedSpan(s, line.zone, d.day) === `${clock(s.startsAt, line.zone)}–${clock(s.endsAt, line.zone)}`;
        if (headed) expect(line.title, `${s.title.en} in ${line.zone}`).toBeNull();
        else expect(line.title, `${s.title.en} in ${line.zone}`).toBeTruthy();
      }
    }
    // The event's own day is named beside a heading when a block under it starts on another day in Seoul.
    const seoulDays = new Set(d.rows.map((r) => dayOf(sessions.get(r.id)!.startsAt, "Asia/Seoul")));
    if ([...seoulDays].some((s) => s !== d.day)) expect(d.eventDays).toContain("In Seoul:");
  }
}

async function agendaOf(page: Page) {
  const agenda = (await (await page.request.get(`/api/events/${SLUG}/agenda`)).json()) as { forums: ApiForum[] };
  return { forums: agenda.forums, sessions: new Map(agenda.forums.flatMap((f) => f.sessions).map((s) => [s.id, s])) };
}

for (const zone of ZONES) {
  // The browser names some zones by their older IANA identifiers (Asia/Kolkata is Asia/Calcutta), as Node does.
  const browserZone = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  test.describe(`a viewer in ${zone}`, () => {
    // Distinct addresses: each sign-in counts against its own rate limit, not the shared test one.
    test.use({ timezoneId: zone, extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${ZONES.indexOf(zone) + 10}` } });

    test("reads the date beside every time on the agenda, the event home, a session page and My conference", async ({ page }) => {
      test.slow();
      const { forums, sessions } = await agendaOf(page);

      await page.goto(`/en/events/${SLUG}/agenda`);
      await expect(page.getByTestId("viewer-time").first()).toHaveAttribute("data-zone", browserZone);
      const days = await readDays(page.getByTestId("agenda-day"), zone);
      expectDated(days, sessions);
      // Forums are grouped under the viewer's day of their start.
      expect(days.map((d) => d.day)).toEqual([...new Set(forums.map((f) => dayOf(f.startsAt, zone)))]);
      if (zone === "America/Los_Angeles") expect(days[0].heading).toBe("Sunday, 21 November 2021");

      await page.goto(`/en/events/${SLUG}`);
      const cards = page.getByTestId("forum-card");
      await expect(cards.first().getByTestId("viewer-time")).toHaveAttribute("data-zone", browserZone);
      for (const [i, f] of forums.entries()) {
        const card = cards.nth(i);
        await expect(card.getByTestId("viewer-time").getByTestId("span-date")).toHaveText(shortDate(f.startsAt, zone));
        await expect(card.locator('[data-testid="zoned-times"] li[data-zone="Asia/Seoul"] [data-testid="span-date"]')).toHaveText(shortDate(f.startsAt, "Asia/Seoul"));
      }

      const late = forums.find((f) => f.slug === SAVED_SESSION.forum)!.sessions[0];
      await page.goto(`/en/sessions/${late.id}`);
      const when = page.getByRole("region", { name: "When" });
      await expect(when.getByTestId("viewer-time")).toHaveAttribute("data-zone", browserZone);
      await expect(when.getByTestId("viewer-time").getByTestId("span-date")).toHaveText(shortDate(late.startsAt, zone));
      await expect(when.getByTestId("viewer-time")).toContainText(clock(late.startsAt, zone));
      await expect(when.locator('li[data-zone="Asia/Shanghai"] [data-testid="span-date"]')).toHaveText(shortDate(late.startsAt, "Asia/Shanghai"));

      await new SignInPage(page).signIn(ZONE_VIEWERS[zone], FIXTURE_PASSWORD);
      await page.goto("/en/me");
      const mine = page.getByTestId("my-registration").filter({ has: page.getByRole("link", { name: "2021 Korea–China Clean Sky Conference" }) });
      await expect(mine).toHaveAttribute("data-zone", zone);
      await expect(mine.getByTestId("my-zone")).toContainText("UTC");
      await expect(mine.getByTestId("zone-notice")).toHaveCount(0);
      expectDated(await readDays(mine.getByTestId("my-day"), zone), sessions);
      const saved = await readDays(mine.getByTestId("my-agenda-day"), zone);
      expect(saved.flatMap((d) => d.rows.map((r) => r.id))).toEqual([late.id]);
      expectDated(saved, sessions);
    });
  });
}
