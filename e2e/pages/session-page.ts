// Page object of a session page.
import type { Locator, Page } from "@playwright/test";

export class SessionPage {
  readonly title: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly calendarLink: Locator;
  readonly joinReason: Locator;
  readonly speakers: Locator;
  /** The status badge that follows the live stream. */
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole("heading", { level: 1 });
    this.next = page.getByTestId("next-session");
    this.previous = page.getByTestId("previous-session");
    this.calendarLink = page.getByTestId("session-ics");
    this.joinReason = page.getByTestId("join-reason");
    this.speakers = page.getByTestId("speakers");
    this.status = page.getByTestId("live-status");
  }
}
