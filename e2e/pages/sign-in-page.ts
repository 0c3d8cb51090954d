// Page object of the sign-in page.
import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { linkIn, waitForMail } from "../mailbox";

export const ORGANIZER = { email: "organizer.kr@plenary.test", password: "clean-sky-organizer" };

/** The organizer's signed-in cookies, saved once by organizer.setup.ts: signing in before every
 * spec would run into the per-account sign-in limit (10 per 15 minutes). */
export const ORGANIZER_STATE = `${process.env.PLENARY_TEST_RESULTS ?? ".data/test-results"}/organizer-state.json`;

/** A page in a new context signed in as the seeded organizer. */
export async function organizerPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  return (await browser.newContext({ ...options, storageState: ORGANIZER_STATE })).newPage();
}

/** A page in a new context signed in as a seeded person (they have no password) with the link
 * from their mailbox. */
export async function personPage(browser: Browser, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto("/en/sign-in");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Send me a sign-in link" }) });
  await form.getByLabel("Email").fill(email);
  const asked = Date.now();
  await form.getByRole("button", { name: "Send me a sign-in link" }).click();
  // The answer comes after the link is mailed: a server round trip that, beside the accessibility
  // spec's hundred pages on two cores, once missed expect's 5 s in CI (test.slow() does not
  // lengthen expect's own timeout).
  await expect(page.getByTestId("check-email")).toBeVisible({ timeout: 30_000 });
  await page.goto(linkIn(await waitForMail(email, /./, 10_000, asked), "/api/auth/callback/email"));
  // The header asks who is signed in after the page loads (GET /api/me/account), beside the same load.
  await expect(page.getByTestId("signed-in-as")).toBeVisible({ timeout: 15_000 });
  return page;
}

export class SignInPage {
  constructor(readonly page: Page) {}

  async signIn(email: string, password: string, locale = "en") {
    await this.page.goto(`/${locale}/sign-in`);
    const form = this.page.locator("form", { has: this.page.getByLabel("Password", { exact: true }) });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password", { exact: true }).fill(password);
    await form.getByRole("button", { name: "Sign in" }).click();
    // The first sign-in of a fresh server (the setup's) loads Auth.js and hashes with scrypt: on
    // two cores shared with the other world's browser and servers it has missed 15 s.
    await expect(this.page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
    await expect(this.page.getByTestId("signed-in-as")).toBeVisible();
  }
}
