// A bulk action at the desk leaves nothing stale behind: the result is announced, the ticks are
// cleared and Apply is disabled until new rows are chosen. Changes two registrations of the
// synthetic load-test event (the read-only desk spec has counted it before the flows run).
import { expect, test } from "@playwright/test";
import { DeskPage } from "./pages/desk-page";
import { ORGANIZER_STATE } from "./pages/sign-in-page";

test.use({ storageState: ORGANIZER_STATE });

test("after a bulk action the selection is cleared and Apply waits for a new one", async ({ page }) => {
  const desk = new DeskPage(page);
  await desk.open("load-test-2030", "?q=Load+Person+0001&status=pending");
  const boxes = desk.rows.getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const bulk = page.getByLabel(/^Action for the \d+ selected/);
  await expect(bulk).toBeVisible();
  await expect(page.getByText("Action for the 2 selected")).toBeVisible();
  await bulk.selectOption("declined");
  await page.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 changed." })).toBeVisible();
  await expect(page.getByText("Action for the 0 selected")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply to selected" })).toBeDisabled();
  await expect(desk.rows.getByRole("checkbox", { checked: true })).toHaveCount(0);
});
