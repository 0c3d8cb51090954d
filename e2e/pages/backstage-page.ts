// Page object of a forum's backstage (the live room's page while a speaker or interpreter waits, or
// an organizer visits) and of the organizers' Backstage list in the stage's people panel.
import { expect, type Locator, type Page } from "@playwright/test";

export class BackstagePage {
  readonly view: Locator;
  readonly notice: Locator;
  /** The organizers' Backstage section: in the stage's people panel, or backstage itself. */
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId("backstage");
    this.notice = page.getByTestId("backstage-notice");
    this.panel = page.getByTestId("backstage-panel");
  }

  /** Joins from the pre-join screen and lands backstage. */
  async enter() {
    await this.page.getByTestId("prejoin").getByRole("button", { name: "Join the room" }).click();
    await expect(this.view).toBeVisible({ timeout: 20_000 });
  }

  /** Waits until this page's own camera preview is decoding frames. */
  async expectOwnPreview() {
    const video = this.view.locator("video");
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  }

  waiting(name: string) {
    return this.panel.getByTestId("backstage-person").filter({ hasText: name });
  }

  async turn(on: boolean) {
    const toggle = this.panel.getByRole("checkbox", { name: /wait backstage/ });
    await (on ? toggle.check() : toggle.uncheck());
    await expect(this.panel).toHaveAttribute("data-on", String(on));
  }

  async say(text: string) {
    await this.view.getByLabel("Message", { exact: true }).fill(text);
    await this.view.getByRole("button", { name: "Send", exact: true }).click();
    await expect(this.chatMessage(text)).toBeVisible();
  }

  chatMessage(text: string) {
    return this.view.getByTestId("backstage-chat-message").filter({ hasText: text });
  }
}
