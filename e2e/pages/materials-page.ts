// Page objects of session materials: the organizer's materials page and the public list.
import type { Locator, Page } from "@playwright/test";

export class MaterialsPage {
  readonly file: Locator;
  readonly titleEn: Locator;
  readonly visibility: Locator;
  readonly upload: Locator;
  readonly progress: Locator;
  readonly percent: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    const form = page.locator("form", { has: page.getByLabel("File", { exact: true }) });
    this.file = form.getByLabel("File", { exact: true });
    this.titleEn = form.getByLabel("Title in English");
    this.visibility = form.getByLabel("Who can download");
    this.upload = form.getByRole("button", { name: "Upload" });
    this.progress = page.getByRole("progressbar", { name: "Upload progress" });
    this.percent = page.getByTestId("upload-percent");
    this.items = page.getByTestId("organizer-material");
  }

  async open(slug: string, sessionId: string) {
    await this.page.goto(`/en/organizer/events/${slug}/sessions/${sessionId}/materials`);
    // The upload form works only once hydrated.
    await this.page.waitForLoadState("networkidle");
  }

  async choose(name: string, mimeType: string, buffer: Buffer) {
    await this.file.setInputFiles({ name, mimeType, buffer });
  }
}

export class SessionMaterials {
  readonly section: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Materials" });
    this.items = this.section.getByTestId("material");
  }

  link(title: string) {
    return this.section.getByRole("link", { name: new RegExp(`^Download ${title}`) });
  }
}
