// Page object of the organizer's agenda editor: publishing, forums, sessions and the delay shift.
import { expect, type Locator, type Page } from "@playwright/test";

export class AgendaEditorPage {
  readonly publishPanel: Locator;

  constructor(
    readonly page: Page,
    readonly slug = "clean-sky-2021",
  ) {
    this.publishPanel = page.getByTestId("publish-panel");
  }

  async open() {
    await this.page.goto(`/en/organizer/events/${this.slug}/agenda`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Agenda editor" })).toBeVisible();
  }

  forum(slug: string) {
    return this.page.locator(`[data-testid="editor-forum"][data-slug="${slug}"]`);
  }

  /** Fills the forum form (block times in `zone`) and saves it. */
  async createForum(f: { slug: string; title: string; zone: string; start: string; end: string }) {
    await this.page.goto(`/en/organizer/events/${this.slug}/forums/new`);
    await this.page.getByLabel("Address name (slug)").fill(f.slug);
    await this.page.locator("#title-en").fill(f.title);
    await this.page.getByLabel("Times entered in").selectOption(f.zone);
    await this.page.getByLabel("Start", { exact: true }).fill(f.start);
    await this.page.getByLabel("End", { exact: true }).fill(f.end);
    await this.page.getByRole("button", { name: "Create" }).click();
    await expect(this.page).toHaveURL(/\/agenda\?saved=forum$/);
  }

  /** Opens "Add a session" of a forum, fills title and times in `zone`, and saves. */
  async createSession(forumSlug: string, s: { title: string; zone: string; start: string; end: string }) {
    await this.page.goto(`/en/organizer/events/${this.slug}/sessions/new?forum=${forumSlug}`);
    await this.page.locator("#title-en").fill(s.title);
    await this.page.getByLabel("Times entered in").selectOption(s.zone);
    await this.page.getByLabel("Start", { exact: true }).fill(s.start);
    await this.page.getByLabel("End", { exact: true }).fill(s.end);
    await this.page.getByRole("button", { name: "Create" }).click();
    await expect(this.page).toHaveURL(/\/sessions\/[a-z0-9]+\?saved=1$/);
  }

  async publish() {
    await this.open();
    await this.publishPanel.getByRole("button", { name: "Publish the agenda" }).click();
    await expect(this.page.getByTestId("no-pending")).toBeVisible();
  }
}
