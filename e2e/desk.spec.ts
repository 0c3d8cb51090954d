import { expect, test } from "@playwright/test";
import { DeskPage } from "./pages/desk-page";
import { ORGANIZER_STATE } from "./pages/sign-in-page";

test.describe("the registration desk at 10,000 registrations", () => {
  test.use({ storageState: ORGANIZER_STATE });

  test("filters, searches, sorts and pages on the server", async ({ page }) => {
    // Five queries over 10,000 rows, on two cores shared with the other specs' servers.
    test.slow();
    const desk = new DeskPage(page);
    await desk.open("load-test-2030");
    await expect(desk.total).toHaveText("10,001 registrations");
    await expect(desk.rows).toHaveCount(50);
    await expect(page.getByTestId("desk-page")).toHaveText("Page 1 of 201");
    await desk.filter("Status").selectOption("waitlisted");
    await desk.filter("Country").selectOption("JP");
    await desk.apply();
    await expect(desk.total).toHaveText("2,500 registrations");
    await expect(page).toHaveURL(/status=waitlisted/);
    await expect(page).toHaveURL(/country=JP/);
    await page.getByRole("link", { name: "Name" }).click();
    await expect(desk.rows.first()).toContainText("Load Person 00002");
    await page.getByRole("link", { name: /Name/ }).click();
    await expect(desk.rows.first()).toContainText("Load Person 09998");
    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page.getByTestId("desk-page")).toHaveText("Page 2 of 50");
    await desk.search.fill("Load Person 00042");
    await desk.apply();
    await expect(desk.total).toHaveText("1 registration");
  });

  test("shows the counts as charts", async ({ page }) => {
    await page.goto("/en/organizer/events/load-test-2030");
    await expect(page.getByTestId("chart-status").locator('[data-key="waitlisted"]')).toHaveAttribute("data-count", "2500");
    await expect(page.getByTestId("chart-country").locator("li")).toHaveCount(4);
    await expect(page.getByTestId("chart-forum").locator("li")).toHaveCount(3);
  });
});

test("the registration desk refuses people who are not organizers of the event", async ({ browser, request }) => {
  expect((await request.get("/api/organizer/events/load-test-2030/registrations.csv")).status()).toBe(401);
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/en/organizer/events/load-test-2030/registrations");
  await expect(anonymous).toHaveURL(/\/en\/sign-in\?callbackUrl=/);
});
