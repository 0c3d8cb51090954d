// The run sheet's Broadcast box, as an organizer puts a forum on air and takes it off again.
import { expect, type Page } from "@playwright/test";
import { RunSheetPage } from "./run-sheet-page";

async function openBox(page: Page, slug: string, forumSlug: string) {
  const sheet = new RunSheetPage(page);
  await page.goto(`/en/organizer/events/${slug}/forums/${forumSlug}/run`);
  await sheet.hydrated();
  return page.getByTestId("broadcast-box");
}

/** "Go on air", then waits until Egress reports the stage's first segments (live). */
export async function startBroadcastFromConsole(page: Page, slug: string, forumSlug: string) {
  const box = await openBox(page, slug, forumSlug);
  await box.getByTestId("broadcast-start").click();
  await expect(box).toHaveAttribute("data-status", "live", { timeout: 60_000 });
}

/** "Go off air" when on air (the run sheet's page object accepts the confirmation), then waits
 * until Egress has ended the outputs. */
export async function stopBroadcastFromConsole(page: Page, slug: string, forumSlug: string) {
  const box = await openBox(page, slug, forumSlug);
  if (await box.getByTestId("broadcast-stop").isVisible()) await box.getByTestId("broadcast-stop").click();
  await expect(box.getByTestId("broadcast-status")).toHaveText("Off air", { timeout: 90_000 });
  await page.context().close();
}
