import { expect, test } from "@playwright/test";
import { NAVIGATION } from "./waits";

test.describe("event home", () => {
  test("shows the title, dates, both host countries, the five forums and the counts", async ({ page }) => {
    await page.goto("/en/events/clean-sky-2021");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("2021 Korea–China Clean Sky Conference");
    await expect(page.getByText(/22\s*–\s*23 November 2021/)).toBeVisible();
    await expect(page.getByText(/Host countries: South Korea · China/)).toBeVisible();
    await expect(page.getByTestId("forum-card")).toHaveCount(5);
    const count = (key: string) => page.locator(`[data-count="${key}"]`);
    await expect(count("forums")).toHaveText("5");
    await expect(count("participants")).toHaveText("109");
    await expect(count("organizations")).toHaveText("6");
    await expect(count("countries")).toHaveText("2");
    await expect(page.getByTestId("organization-chart").locator("li")).toHaveCount(6);
  });

  test("links each forum to its page with its host organisations and sessions in order", async ({ page }) => {
    await page.goto("/ko/events/clean-sky-2021");
    await page.getByTestId("forum-card").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/ko\/events\/clean-sky-2021\/forums\/forecast$/, NAVIGATION);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("제2차 예보정보기술교류 연찬회");
    await expect(page.getByTestId("forum-hosts").locator("li")).not.toHaveCount(0);
    // Each row's first <time> is its start (its end and other zones follow).
    const times = await page.getByTestId("session-row").evaluateAll((rows) => rows.map((r) => r.querySelector("time")!.getAttribute("datetime")));
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort()).toEqual(times);
  });
});
