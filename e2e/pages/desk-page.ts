// Page object of the registration desk.
import type { Page } from "@playwright/test";

export class DeskPage {
  constructor(readonly page: Page) {}

  async open(slug: string, query = "") {
    await this.page.goto(`/en/organizer/events/${slug}/registrations${query}`);
    // The row buttons report their result only once the table is hydrated.
    await this.page.waitForLoadState("networkidle");
  }

  get total() {
    return this.page.getByTestId("desk-total");
  }

  get rows() {
    return this.page.getByTestId("desk-row");
  }

  filter(label: string) {
    return this.page.getByRole("search").getByRole("combobox", { name: label, exact: true });
  }

  get search() {
    return this.page.getByRole("search").getByRole("searchbox");
  }

  async apply() {
    await this.page.getByRole("search").getByRole("button", { name: "Apply" }).click();
  }
}
