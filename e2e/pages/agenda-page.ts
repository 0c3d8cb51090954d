// Page object of the agenda: filters, forums, session rows and their times.
import { expect, type Locator, type Page } from "@playwright/test";

export class AgendaPage {
  readonly heading: Locator;
  readonly forums: Locator;
  readonly sessions: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.forums = page.getByTestId("agenda-forum");
    this.sessions = page.getByTestId("session-row");
  }

  async open(locale: string, query = "") {
    await this.page.goto(`/${locale}/events/clean-sky-2021/agenda${query}`);
  }

  /** Hydrated: the viewer's zone is filled in by the browser, and the filters submit on change. */
  async ready() {
    await expect(this.sessions.first().getByTestId("viewer-time")).not.toHaveAttribute("data-zone", "");
  }

  filter(label: string) {
    return this.page.getByRole("combobox", { name: label, exact: true });
  }

  row(index: number) {
    const row = this.sessions.nth(index);
    return {
      row,
      viewerTime: row.getByTestId("viewer-time"),
      zone: (zone: string) => row.locator(`[data-testid="zoned-times"] li[data-zone="${zone}"]`),
      title: row.getByRole("heading", { level: 4 }).getByRole("link"),
    };
  }
}
