// Page object of a forum's live room (/sessions/{id}/live): pre-join, stage, control bar, panels.
import { expect, type Locator, type Page } from "@playwright/test";

export class RoomPage {
  readonly prejoin: Locator;
  readonly room: Locator;
  readonly outcome: Locator;
  readonly refused: Locator;
  readonly notice: Locator;
  readonly handQueue: Locator;

  constructor(readonly page: Page) {
    this.prejoin = page.getByTestId("prejoin");
    this.room = page.getByTestId("room");
    this.outcome = page.getByTestId("room-outcome");
    this.refused = page.getByTestId("room-refused");
    this.notice = page.getByTestId("room-notice");
    this.handQueue = page.getByTestId("hand-queue");
  }

  /** Opens the session page and follows its Join link to the pre-join screen. */
  async openFromSession(sessionId: string, locale = "en") {
    await this.page.goto(`/${locale}/sessions/${sessionId}`);
    await this.page.getByTestId("join-link").click();
    await expect(this.page).toHaveURL(new RegExp(`/${locale}/sessions/${sessionId}/live$`));
    await expect(this.prejoin).toBeVisible();
  }

  async enter() {
    await this.prejoin.getByRole("button", { name: "Join the room" }).click();
    await expect(this.room).toBeVisible({ timeout: 20_000 });
  }

  tile(name: string) {
    return this.page.locator(`[data-testid="tile"][data-name="${name}"][data-source="camera"]`);
  }

  /** Waits until `name`'s camera is decoding frames here. */
  async expectVideoPlaying(name: string) {
    const video = this.tile(name).locator("video");
    await expect(video).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  }

  /** Waits until the level meter of `name`'s microphone moves here (the fake device beeps). */
  async expectAudioFrom(name: string) {
    await expect.poll(async () => Number(await this.tile(name).getAttribute("data-audio-level")), { timeout: 20_000 }).toBeGreaterThan(0);
  }

  button(name: string | RegExp) {
    return this.page.getByRole("toolbar", { name: "Your controls" }).getByRole("button", { name });
  }

  /** The control bar's button for a panel (a phone keeps Agenda and Settings behind More). */
  panelButton(name: "agenda" | "chat" | "qa" | "polls" | "people" | "language" | "settings") {
    return this.page.getByTestId(`panel-${name}`);
  }

  /** Opens a panel (closing another one), unless it is open already. */
  async tab(name: "Agenda" | "Chat" | "Q&A" | "Polls" | "People" | "Language" | "Settings") {
    const button = this.panelButton(name === "Q&A" ? "qa" : (name.toLowerCase() as "chat"));
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    await expect(this.panel(name)).toBeVisible();
  }

  panel(name: string) {
    return this.page.getByRole("region", { name, exact: true });
  }

  async say(text: string) {
    await this.tab("Chat");
    const panel = this.panel("Chat");
    await panel.getByLabel("Message", { exact: true }).fill(text);
    await panel.getByRole("button", { name: "Send" }).click();
    // Sent once the server has stored it and it shows in the sender's own log.
    await expect(this.chatMessage(text)).toBeVisible();
  }

  chatMessage(text: string) {
    return this.page.getByTestId("chat-message").filter({ hasText: text });
  }

  participant(name: string) {
    return this.page.locator(`[data-testid="participant"][data-name="${name}"]`);
  }
}
