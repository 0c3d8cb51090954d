// The organizer console as its readers need it: the current tab marked, a Chinese desk whose
// columns keep words whole, the export holding exactly the desk's filtered rows in the console's
// language, history in words; and, for everyone, an icon (no favicon 404) and pages that fit a phone.
import Papa from "papaparse";
import { expect, test } from "@playwright/test";
import { DeskPage } from "./pages/desk-page";
import { ORGANIZER_STATE } from "./pages/sign-in-page";
import { STATE_EVENTS } from "./state-fixture";

test.describe("the console", () => {
  test.use({ storageState: ORGANIZER_STATE, locale: "zh-CN" });

  test("marks the current tab, keeps Chinese words whole in the desk and exports its filtered rows in Chinese", async ({ page }) => {
    test.slow();
    await page.goto("/zh/organizer/events/load-test-2030/registrations?q=Load+Person+0004");
    await page.waitForLoadState("networkidle");
    const current = page.getByRole("navigation", { name: "会议控制台" }).locator('[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText("注册管理台");
    const desk = new DeskPage(page);
    await expect(desk.rows).toHaveCount(10);
    // One line box per header and per status: no "国/家", "已/批/准" stacked a character a line.
    const lines = (selector: string) =>
      page.locator(selector).evaluateAll((els) =>
        els.map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }),
      );
    expect(new Set(await lines('[data-testid="desk-table"] th'))).toEqual(new Set([1]));
    expect(new Set(await lines('[data-testid="desk-status"]'))).toEqual(new Set([1]));

    const download = page.waitForEvent("download");
    await page.getByTestId("export-form").getByTestId("export-csv").click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of file) chunks.push(c as Buffer);
    const [header, ...rows] = Papa.parse<string[]>(
      Buffer.concat(chunks)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
      { skipEmptyLines: true },
    ).data;
    expect(header[0]).toBe("姓名");
    expect(header.some((h) => /^注册时间（韩国 UTC\+9）$/.test(h))).toBe(true);
    // Exactly the desk's rows: its search went along.
    expect(rows).toHaveLength(10);
    const status = header.indexOf("状态");
    expect(rows.every((r) => /\p{Script=Han}/u.test(r[status]))).toBe(true);
  });

  test("tells the event's history in words, not action codes", async ({ page }) => {
    await page.goto("/en/organizer/events/clean-sky-2021/event");
    const history = page.getByTestId("history");
    await expect(history.locator('[data-action="agenda.published"]').first()).toContainText("published the agenda as version");
    await expect(history).not.toContainText("agenda.published");
  });
});

test("every page has an icon: no request for it answers 404", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (r) => r.status() === 404 && missing.push(r.url()));
  await page.goto("/en/events/clean-sky-2021");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /icon/);
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toContain("image/svg+xml");
  // The page keeps its live-status stream open, so it never goes network-idle: wait for hydration.
  await expect(page.getByTestId("forum-card").first().getByTestId("viewer-time")).not.toHaveAttribute("data-zone", "");
  expect(missing).toEqual([]);
});

test.describe("on a phone 390 px wide", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the event home with what is happening now, and the agenda, fit without scrolling sideways", async ({ page }) => {
    // Three pages in one test.
    test.slow();
    for (const path of [`/en/events/${STATE_EVENTS.live}`, `/ko/events/clean-sky-2021/agenda`, `/zh/events/${STATE_EVENTS.full}/register`]) {
      await page.goto(path);
      await expect(page.getByTestId("viewer-time").or(page.getByTestId("zoned-instant")).first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });
});
