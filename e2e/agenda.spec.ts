import { expect, test } from "@playwright/test";
import { AgendaPage } from "./pages/agenda-page";
import { NAVIGATION } from "./waits";

const headings = { en: "Agenda", ko: "일정", zh: "议程" } as const;

test.describe("agenda", () => {
  for (const [locale, heading] of Object.entries(headings)) {
    test(`shows both days, all five forums and every session in ${locale}`, async ({ page }) => {
      const agenda = new AgendaPage(page);
      await agenda.open(locale);
      await expect(agenda.heading).toHaveText(heading);
      await expect(page.locator("html")).toHaveAttribute("lang", locale === "zh" ? "zh-Hans" : locale);
      await expect(page.getByTestId("agenda-day")).toHaveCount(2);
      await expect(agenda.forums).toHaveCount(5);
      const api = await (await page.request.get("/api/events/clean-sky-2021/agenda")).json();
      const total = api.forums.reduce((n: number, f: { sessions: unknown[] }) => n + f.sessions.length, 0);
      await expect(agenda.sessions).toHaveCount(total);
      await expect(agenda.row(0).title).toHaveText(api.forums[0].sessions[0].title[locale]);
    });
  }

  test.describe("for a viewer in Berlin", () => {
    test.use({ timezoneId: "Europe/Berlin" });

    test("shows each time in the viewer's zone with Seoul KST and Beijing CST beside it", async ({ page }) => {
      const agenda = new AgendaPage(page);
      await agenda.open("en");
      const first = agenda.row(0);
      // The first forum opens at 09:30 in Seoul: 08:30 in Beijing, 01:30 in Berlin (CET, UTC+1).
      await expect(first.viewerTime).toHaveAttribute("data-zone", "Europe/Berlin");
      await expect(first.viewerTime).toContainText(/^.*01:30–\d\d:\d\d/);
      await expect(first.viewerTime).toContainText("UTC+1");
      await expect(first.zone("Asia/Seoul")).toContainText(/09:30–\d\d:\d\d Seoul KST/);
      await expect(first.zone("Asia/Shanghai")).toContainText(/08:30–\d\d:\d\d Beijing CST/);
    });
  });

  test("marks the live session and the next one when ?now= is inside the event", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.open("en", "?now=2021-11-22T09:50:00%2B09:00");
    await expect(page.getByTestId("live-marker")).toHaveCount(1);
    await expect(page.getByTestId("next-marker")).toHaveCount(1);
    await expect(agenda.row(1).row).toHaveAttribute("data-marker", "live");
    await expect(agenda.row(2).row).toHaveAttribute("data-marker", "next");
  });

  test("marks nothing when ?now= is outside the event", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.open("en", "?now=2022-01-01T00:00:00Z");
    await expect(agenda.sessions.first()).toBeVisible();
    await expect(page.getByTestId("live-marker")).toHaveCount(0);
    await expect(page.getByTestId("next-marker")).toHaveCount(0);
  });

  test("filters by day, forum and session language, with the filters in the URL", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.open("en");
    await agenda.ready();
    await agenda.filter("Day").selectOption("2021-11-23");
    await expect(page).toHaveURL(/day=2021-11-23/);
    await expect(agenda.forums).toHaveCount(3);
    await agenda.ready();
    await agenda.filter("Session language").selectOption("zh");
    await expect(page).toHaveURL(/lang=zh/);
    const languages = await page.getByTestId("session-language").allTextContents();
    expect(languages.length).toBeGreaterThan(0);
    expect(new Set(languages)).toEqual(new Set(["Chinese"]));
    await agenda.ready();
    await agenda.filter("Forum").selectOption("vehicles");
    await expect(page.getByTestId("agenda-empty")).toBeVisible();
    await page.goto("/en/events/clean-sky-2021/agenda?forum=vehicles");
    await expect(agenda.forums).toHaveCount(1);
    await expect(agenda.forums.first()).toHaveAttribute("data-forum", "vehicles");
  });

  test("goes from the agenda to a session page and on to its neighbour", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.open("en");
    // Hydrated first (a click while React takes over the page may be lost); the session page is
    // rendered per request, so getting there waits as long as a navigation may (e2e/waits.ts).
    await agenda.ready();
    const firstTitle = await agenda.row(0).title.textContent();
    const secondTitle = await agenda.row(1).title.textContent();
    await agenda.row(0).title.click();
    await expect(page).toHaveURL(/\/en\/sessions\/[a-z0-9]+$/, NAVIGATION);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle!);
    await page.getByTestId("next-session").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(secondTitle!, NAVIGATION);
    await page.getByTestId("previous-session").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle!, NAVIGATION);
  });

  test("keeps the page and its filters when the language is switched", async ({ page }) => {
    const agenda = new AgendaPage(page);
    // Hydrated before each click: a click while React takes over the page may be lost, and the
    // page rendered for the query comes from the server (10 s: the other specs load it meanwhile).
    await agenda.open("en", "?day=2021-11-23");
    await agenda.ready();
    await page.getByRole("link", { name: "한국어" }).click();
    await expect(page).toHaveURL(/\/ko\/events\/clean-sky-2021\/agenda\?day=2021-11-23$/, NAVIGATION);
    await expect(agenda.heading).toHaveText("일정");
    await agenda.ready();
    await page.getByRole("link", { name: "中文" }).click();
    await expect(page).toHaveURL(/\/zh\/events\/clean-sky-2021\/agenda\?day=2021-11-23$/, NAVIGATION);
    await expect(agenda.heading).toHaveText("议程");
    await expect(agenda.forums).toHaveCount(3);
  });

  test("has a print stylesheet that hides the filters and the language switcher", async ({ page }) => {
    const agenda = new AgendaPage(page);
    await agenda.open("en");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("search")).toBeHidden();
    await expect(page.getByRole("link", { name: "한국어" })).toBeHidden();
    await expect(agenda.sessions.first()).toBeVisible();
  });
});
