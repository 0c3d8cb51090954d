// Page objects of breakout rooms: the organizers' box on a forum's run sheet, and what a
// participant sees of them in the live room (the countdown, their room's bar, messages).
import { expect, type Locator, type Page } from "@playwright/test";

export class BreakoutConsole {
  readonly box: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByTestId("breakout-box");
  }

  async open(slug: string, forum: string) {
    await this.page.goto(`/en/organizer/events/${slug}/forums/${forum}/run`);
    await expect(this.box).toBeVisible();
  }

  /** Opens the per-person list (closed at first: a forum has dozens of people). */
  async showPeople() {
    const list = this.box.getByTestId("breakout-people-list");
    if (!(await list.evaluate((d: HTMLDetailsElement) => d.open))) await list.locator("summary").click();
  }

  rooms() {
    return this.box.getByTestId("breakout-room");
  }

  async addRooms(count: number) {
    await this.box.getByLabel("How many").selectOption(String(count));
    await this.box.getByRole("button", { name: "Add rooms" }).click();
    await expect(this.rooms()).toHaveCount(count);
  }

  async assignByOrganisationPairs() {
    await this.box.getByRole("button", { name: "By organisation pairs (Korea–China)" }).click();
    await expect(this.box.getByRole("status").filter({ hasText: /people placed/ })).toBeVisible();
  }

  /** The room a person is in, by its name as the select shows it. */
  async roomOf(name: string) {
    await this.showPeople();
    const select = this.box.getByLabel(`Room for ${name}`);
    return select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? "");
  }

  async assign(name: string, room: string) {
    await this.showPeople();
    await this.box.getByLabel(`Room for ${name}`).selectOption({ label: room });
    await expect.poll(() => this.roomOf(name)).toBe(room);
  }

  async run(button: "Open all rooms" | "Close all rooms", seconds: 10 | 30 | 60) {
    await this.box.getByLabel("Countdown").selectOption(String(seconds));
    await this.box.getByRole("button", { name: button }).click();
  }

  async message(text: string) {
    await this.box.getByLabel("Message to every room").fill(text);
    await this.box.getByRole("button", { name: "Send", exact: true }).click();
    await expect(this.box.getByText("Sent to every room.")).toBeVisible();
  }

  status() {
    return this.box.getByTestId("breakout-status");
  }
}

export class BreakoutView {
  readonly going: Locator;
  readonly bar: Locator;
  readonly name: Locator;
  readonly message: Locator;
  readonly closing: Locator;
  /** On the stage, for someone who left their room: the way back to it. */
  readonly offer: Locator;

  constructor(readonly page: Page) {
    this.going = page.getByTestId("breakout-going");
    this.bar = page.getByTestId("breakout-bar");
    this.name = page.getByTestId("breakout-name");
    this.message = page.getByTestId("breakout-message-shown");
    this.closing = page.getByTestId("breakout-closing");
    this.offer = page.getByTestId("breakout-offer");
  }

  /** Waits until this participant's client has moved into the breakout room `room`. */
  async expectIn(room: string) {
    await expect(this.name).toHaveText(`You are in the breakout room ${room}.`, { timeout: 30_000 });
  }
}
