// Page object of a forum's run sheet (organizer console) and its way in from the dashboard.
import { expect, type Locator, type Page } from "@playwright/test";

export class RunSheetPage {
  readonly current: Locator;
  readonly next: Locator;
  readonly rows: Locator;
  readonly clocks: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.current = page.getByTestId("run-current");
    this.next = page.getByTestId("run-next");
    this.rows = page.getByTestId("run-row");
    this.clocks = page.getByTestId("run-clocks");
    this.alert = page.getByTestId("run-sheet").getByRole("alert");
    // End and Next ask before ending a session; the flows answer yes.
    page.on("dialog", (d) => void d.accept());
  }

  /** Through the dashboard's link, as an organizer finds it. */
  async openFromDashboard(slug: string, forumTitle: string, locale = "en") {
    await this.page.goto(`/${locale}/organizer/events/${slug}`);
    await this.page.getByTestId("run-sheet-links").getByRole("link", { name: forumTitle }).click();
    await this.hydrated();
  }

  /** The viewer's own clock appears only in the browser, so it marks a hydrated sheet. */
  async hydrated() {
    await expect(this.clocks.locator("li").last()).toContainText(/Your time|내 시간|您的时间/);
  }

  row(sessionId: string) {
    return this.page.locator(`[data-testid="run-row"][data-session-id="${sessionId}"]`);
  }
}
