// Page object of an event's one-to-one meetings (/{locale}/events/{slug}/meetings): the request
// form, the lists, and the way into a meeting's room.
import { expect, type Locator, type Page } from "@playwright/test";

export class MeetingsPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("meeting-request-form");
  }

  async open(slug: string, locale = "en") {
    await this.page.goto(`/${locale}/events/${slug}/meetings`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** Asks `person` (found by typing `search`) for a meeting at `start` (the viewer's wall clock,
   * "YYYY-MM-DDTHH:mm") lasting `minutes`, with a note. */
  async request({ search, person, start, minutes, note }: { search: string; person: RegExp; start: string; minutes: 15 | 30 | 45 | 60; note: string }) {
    await this.form.getByLabel("Find a person").fill(search);
    await this.form.getByLabel("Person", { exact: true }).selectOption({ label: (await this.form.getByRole("option", { name: person }).textContent()) ?? "" });
    await this.form.getByLabel(/^Date and time/).fill(start);
    await expect(this.form.getByTestId("meeting-elsewhere")).toContainText("Seoul KST");
    await this.form.getByLabel("Length").selectOption(String(minutes));
    await this.form.getByLabel("Note (optional)").fill(note);
    await this.form.getByRole("button", { name: "Send the request" }).click();
    await expect(this.form.getByRole("status")).toContainText("Request sent.");
  }

  /** A meeting in one of the lists: incoming, outgoing, accepted or past. */
  item(list: "incoming" | "outgoing" | "accepted" | "past", withName: string) {
    return this.page.getByTestId(`meetings-${list}`).locator(`[data-testid="meeting"][data-with="${withName}"]`);
  }

  /** Opens the meeting's room from the accepted list (the page's own link, as a person would). */
  async join(withName: string) {
    await this.item("accepted", withName).getByTestId("meeting-join").click();
    await expect(this.page).toHaveURL(/\/meetings\/[^/]+\/live$/);
    await expect(this.page.getByTestId("prejoin")).toBeVisible({ timeout: 20_000 });
  }

  /** From the pre-join screen into the room, in any language. */
  async enter() {
    await this.page.getByTestId("join").click();
    await expect(this.page.getByTestId("room")).toBeVisible({ timeout: 20_000 });
  }
}
