// Page object of the sign-in page.
import { expect, type Page } from "@playwright/test";

export const ORGANIZER = { email: "organizer.kr@plenary.test", password: "clean-sky-organizer" };

export class SignInPage {
  constructor(readonly page: Page) {}

  async signIn(email: string, password: string, locale = "en") {
    await this.page.goto(`/${locale}/sign-in`);
    const form = this.page.locator("form", { has: this.page.getByLabel("Password", { exact: true }) });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password", { exact: true }).fill(password);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page).not.toHaveURL(/\/sign-in/);
    await expect(this.page.getByTestId("signed-in-as")).toBeVisible();
  }
}
