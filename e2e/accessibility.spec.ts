// Accessibility of every public, delegate and organizer page, each in one of Korean, Chinese and
// English in turn: axe-core (WCAG 2.1 A/AA, colour contrast included) finds nothing serious or
// critical, with every <details> opened and the
// registration form (closed in the seed; keyboard.flow.spec.ts checks it open, with its errors);
// and text in another language than the page's carries its
// own lang attribute. The keyboard-only walk is e2e/keyboard.flow.spec.ts (it changes data).
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousViolations, openDisclosures } from "./axe";
import { organizerPage, personPage } from "./pages/sign-in-page";
import { RECORDING_FIXTURE } from "./recordings-fixture";
import { STATE_EVENTS } from "./state-fixture";

// Read-only, and a hundred pages: both workers take this file's tests, not one worker all of them.
test.describe.configure({ mode: "parallel" });

const SLUG = "clean-sky-2021";
const LOCALES = ["ko", "zh", "en"] as const;
/** The language tag of each interface language in <html lang>. */
const HTML_LANG = { ko: "ko", zh: "zh-Hans", en: "en" } as const;

const seed = JSON.parse(fs.readFileSync("prisma/data/clean-sky-2021.json", "utf8")) as {
  people: { email: string; name: string; nameLatin: string; role: string; forums: string[] }[];
};
// A delegate no other spec signs in (room, interpretation and recordings specs use others).
const DELEGATE = seed.people.filter((p) => p.role === "delegate" && !p.forums.includes("forecast") && !p.forums.includes("joint-research")).at(-1)!;

type Ids = { sessionId: string; forumSlug: string; recordedSessionId: string };

async function agendaIds(request: APIRequestContext): Promise<Ids> {
  const agenda = await (await request.get(`/api/events/${SLUG}/agenda`)).json();
  const forum = (slug: string) => agenda.forums.find((f: { slug: string }) => f.slug === slug);
  return { sessionId: forum("forecast").sessions[1].id, forumSlug: "forecast", recordedSessionId: forum(RECORDING_FIXTURE.public.forum).sessions[1].id };
}

type Screen = { name: string; path: (ids: Ids) => string; status?: number; then?: (page: Page) => Promise<void> };

const publicScreens: Screen[] = [
  { name: "home", path: () => "" },
  { name: "event page", path: () => `/events/${SLUG}` },
  { name: "agenda", path: () => `/events/${SLUG}/agenda` },
  { name: "forum page", path: (ids) => `/events/${SLUG}/forums/${ids.forumSlug}` },
  { name: "session page", path: (ids) => `/sessions/${ids.sessionId}` },
  { name: "registration form", path: () => `/events/${SLUG}/register` },
  { name: "confirm your address", path: () => `/events/${SLUG}/register/check-email` },
  { name: "registration confirmation with a bad link", path: () => `/events/${SLUG}/register/confirm/no-such-token` },
  { name: "sign-in", path: () => "/sign-in" },
  { name: "check your email", path: () => "/sign-in/check-email" },
  { name: "forgotten password", path: () => "/reset-password" },
  { name: "password reset with a bad link", path: () => "/reset-password/no-such-token" },
  { name: "invitation with a bad link", path: () => "/invitations/no-such-token" },
  { name: "recordings library", path: () => `/events/${SLUG}/recordings` },
  { name: "recording page", path: () => `/events/${SLUG}/recordings/${RECORDING_FIXTURE.public.id}` },
  { name: "session page with its recording", path: (ids) => `/sessions/${ids.recordedSessionId}` },
  { name: "page not found", path: () => "/no/such/page", status: 404 },
  // e2e/state-fixture.ts: the happening-now strip, and the registration form while registration is open.
  { name: "event page with a forum on now", path: () => `/events/${STATE_EVENTS.live}` },
  { name: "open registration form", path: () => `/events/${STATE_EVENTS.open}/register` },
];

const organizerScreens: Screen[] = [
  { name: "organizer home", path: () => "/organizer" },
  { name: "dashboard", path: () => `/organizer/events/${SLUG}` },
  { name: "agenda editor", path: () => `/organizer/events/${SLUG}/agenda` },
  { name: "agenda import and export", path: () => `/organizer/events/${SLUG}/agenda/transfer` },
  { name: "event details", path: () => `/organizer/events/${SLUG}/event` },
  { name: "new forum", path: () => `/organizer/events/${SLUG}/forums/new` },
  { name: "forum editor", path: (ids) => `/organizer/events/${SLUG}/forums/${ids.forumSlug}/edit` },
  { name: "run sheet", path: (ids) => `/organizer/events/${SLUG}/forums/${ids.forumSlug}/run` },
  { name: "new session", path: (ids) => `/organizer/events/${SLUG}/sessions/new?forum=${ids.forumSlug}` },
  { name: "session editor", path: (ids) => `/organizer/events/${SLUG}/sessions/${ids.sessionId}` },
  { name: "session materials", path: (ids) => `/organizer/events/${SLUG}/sessions/${ids.sessionId}/materials` },
  { name: "registration desk", path: () => `/organizer/events/${SLUG}/registrations` },
  { name: "invitations", path: () => `/organizer/events/${SLUG}/invitations` },
  { name: "registration settings", path: () => `/organizer/events/${SLUG}/settings` },
  // The organizer is an approved participant too: their own one-to-one meetings page.
  { name: "one-to-one meetings", path: () => `/events/${SLUG}/meetings` },
  { name: "meetings console", path: () => `/organizer/events/${SLUG}/meetings` },
  { name: "attendance", path: () => `/organizer/events/${SLUG}/attendance` },
  { name: "recordings console", path: () => `/organizer/events/${SLUG}/recordings` },
  { name: "room pre-join", path: (ids) => `/sessions/${ids.sessionId}/live` },
  {
    name: "live room, with its people panel open",
    path: (ids) => `/sessions/${ids.sessionId}/live`,
    then: async (page) => {
      await page.getByTestId("join").click();
      await expect(page.getByTestId("room")).toBeVisible({ timeout: 20_000 });
      await page.getByTestId("panel-people").click();
      await expect(page.getByTestId("participants")).toBeVisible();
    },
  },
];

async function check(page: Page, locale: (typeof LOCALES)[number], screen: Screen, ids: Ids) {
  // An axe run over a long page (the agenda, the desk, the event editor's zone pickers) took over
  // 30 s on two cores shared with the other specs' servers; a quiet machine needs a few seconds.
  test.slow();
  const path = `/${locale}${screen.path(ids)}`;
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(screen.status ?? 200);
  await expect(page.locator("html")).toHaveAttribute("lang", HTML_LANG[locale]);
  await page.waitForLoadState("load");
  await screen.then?.(page);
  await openDisclosures(page);
  // Colour contrast too: each screen is checked in one language only.
  await expectNoSeriousViolations(page, path, { contrast: true });
}

// Every screen once, the three languages taken in turn: a page's structure, roles, labels and styles
// are the same in each (the catalogue tests keep every message in all three), so checking each
// screen in all three tripled a sweep that already took two-thirds of the browser run.
const localeOf = (i: number) => LOCALES[i % LOCALES.length];

publicScreens.forEach((screen, i) => {
  const locale = localeOf(i);
  test(`the ${screen.name} (${locale}) has no serious or critical axe findings`, async ({ page, request }) => {
    await check(page, locale, screen, await agendaIds(request));
  });
});
organizerScreens.forEach((screen, i) => {
  const locale = localeOf(i + 1);
  test(`the organizer's ${screen.name} (${locale}) has no serious or critical axe findings`, async ({ browser, request }) => {
    const page = await organizerPage(browser);
    await check(page, locale, screen, await agendaIds(request));
    if (screen.name === "room pre-join") await expect(page.getByTestId("prejoin")).toBeVisible();
  });
});

// One sign-in for all three languages: sign-in links are rate-limited per address.
test("a delegate's own pages — My conference and a room they may not enter yet — have no serious or critical axe findings", async ({ browser, request }) => {
  // Six pages and a sign-in in one test, beside the rest of the spec's load.
  test.setTimeout(150_000);
  const ids = await agendaIds(request);
  const page = await personPage(browser, DELEGATE.email);
  for (const locale of LOCALES) {
    await check(page, locale, { name: "my conference", path: () => "/me" }, ids);
    await check(page, locale, { name: "a room of another forum", path: (i) => `/sessions/${i.sessionId}/live` }, ids);
    await expect(page.getByTestId("room-refused")).toBeVisible();
  }
});

test.describe("lang attributes", () => {
  for (const locale of LOCALES) {
    test(`the ${locale} pages name their language, and the language switcher names each language in its own`, async ({ page }) => {
      await page.goto(`/${locale}/events/${SLUG}`);
      await expect(page.locator("html")).toHaveAttribute("lang", HTML_LANG[locale]);
      const switcher = page.getByRole("navigation", { name: /./ }).filter({ hasText: "English" });
      await expect(switcher.getByRole("link", { name: "한국어" })).toHaveAttribute("lang", "ko");
      await expect(switcher.getByRole("link", { name: "中文" })).toHaveAttribute("lang", "zh-Hans");
      await expect(switcher.getByRole("link", { name: "English" })).toHaveAttribute("lang", "en");
    });
  }

  test("on the English session page, a Korean speaker's name in Hangul is marked as Korean", async ({ page, request }) => {
    const { sessionId } = await agendaIds(request);
    const agenda = await (await request.get(`/api/events/${SLUG}/agenda`)).json();
    const session = agenda.forums.flatMap((f: { sessions: unknown[] }) => f.sessions).find((s: { id: string }) => s.id === sessionId);
    const korean = session.speakers.find((sp: { name: string }) => /\p{Script=Hangul}/u.test(sp.name));
    await page.goto(`/en/sessions/${sessionId}`);
    await expect(page.getByTestId("speakers").locator(`[lang="ko"]`, { hasText: korean.name }).first()).toBeVisible();
    // The Latin form is the page's own language and needs no mark.
    await expect(page.getByTestId("speakers")).toContainText(korean.nameLatin);
  });

  test("on the Korean session page, a Chinese speaker's name in Han characters is marked as Chinese, and the Latin form as English", async ({ page, request }) => {
    const agenda = await (await request.get(`/api/events/${SLUG}/agenda`)).json();
    const sessions = agenda.forums.flatMap((f: { sessions: { id: string; speakers: { name: string; nameLatin: string }[] }[] }) => f.sessions);
    const session = sessions.find((s: { speakers: { name: string }[] }) => s.speakers.some((sp) => /\p{Script=Han}/u.test(sp.name) && !/\p{Script=Hangul}/u.test(sp.name)));
    const chinese = session.speakers.find((sp: { name: string }) => /\p{Script=Han}/u.test(sp.name));
    await page.goto(`/ko/sessions/${session.id}`);
    const speakers = page.getByTestId("speakers");
    await expect(speakers.locator(`[lang="zh-Hans"]`, { hasText: chinese.name }).first()).toBeVisible();
    await expect(speakers.locator(`[lang="en"]`, { hasText: chinese.nameLatin }).first()).toBeVisible();
  });
});
