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
    const live = new RegExp(`/${locale}/sessions/${sessionId}/live$`);
    // The link is a plain <a>, so the room's document loads in full. A fresh-clone CI run once saw
    // the URL stay on the session page for 15 s after the click (the flows' first room of a spec on
    // two busy cores), which a slow answer and a click that started no navigation both explain:
    // click again only if no request for the room went out, and give the room's first render the
    // time a sign-in's redirect gets.
    const join = this.page.getByTestId("join-link");
    for (let attempt = 1; ; attempt++) {
      const asked = this.page
        .waitForRequest((r) => r.isNavigationRequest() && live.test(new URL(r.url()).pathname), { timeout: 5_000 })
        .then(
          () => true,
          () => false,
        );
      await join.click();
      if (await asked) break;
      if (attempt === 3) throw new Error("three clicks on Join asked for no room page");
    }
    await expect(this.page).toHaveURL(live, { timeout: 30_000 });
    await expect(this.prejoin).toBeVisible({ timeout: 15_000 });
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
  panelButton(name: "agenda" | "chat" | "qa" | "polls" | "people" | "language" | "transcript" | "settings") {
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
