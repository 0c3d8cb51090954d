// Page object of a forum's lobby: the live page as a person waits there, and the organizers' Lobby
// list in the room's people panel (with the count over the stage).
import { expect, type Locator, type Page } from "@playwright/test";

export class LobbyPage {
  readonly view: Locator;
  readonly status: Locator;
  readonly agenda: Locator;
  /** The organizers' Lobby section of the people panel. */
  readonly panel: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId("lobby");
    this.status = page.getByTestId("lobby-status");
    this.agenda = this.view.getByTestId("room-agenda");
    this.panel = page.getByTestId("lobby-panel");
    this.alert = page.getByTestId("lobby-alert");
  }

  /** Opens the live page of `sessionId` straight away (a lobby has no pre-join screen). */
  async open(sessionId: string, locale = "en") {
    await this.page.goto(`/${locale}/sessions/${sessionId}/live`);
    await expect(this.view).toBeVisible({ timeout: 20_000 });
  }

  async ask() {
    await this.view.getByRole("button", { name: "Ask to join" }).click();
    await expect(this.view).toHaveAttribute("data-place", "waiting");
  }

  /** The organizers' "admission required" switch. */
  async requireAdmission(on: boolean) {
    const toggle = this.panel.getByRole("checkbox", { name: /waits in the lobby/ });
    await (on ? toggle.check() : toggle.uncheck());
    await expect(toggle).toBeChecked({ checked: on });
    await expect(toggle).toBeEnabled();
  }

  waiting(name: string) {
    return this.panel.getByTestId("lobby-waiting").getByTestId("lobby-person").filter({ hasText: name });
  }
}
