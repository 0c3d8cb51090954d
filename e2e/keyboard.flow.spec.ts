// Keyboard only (Tab, Shift+Tab, Enter, Space and typing, never the mouse): a newcomer skips to the
// content, registers, confirms the address from the mailed link, and — once an organizer has
// approved them — goes from a session page through sign-in back to it and on through Join to the
// pre-join screen of its room, seeing the focus at every step.
//
// Test-only data changes, undone in afterAll: registration is opened with room for one more (as
// registration.flow.spec.ts does), and the "forecast" forum is moved to now (e2e/open-forum.ts) so
// its room is open to delegates.
import { expect, test } from "@playwright/test";
import { expectVisibleFocus, tabTo, typeInto } from "./keyboard";
import { linkIn, waitForMail } from "./mailbox";
import { openForumNow } from "./open-forum";
import { DeskPage } from "./pages/desk-page";
import { organizerPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });
test.setTimeout(90_000);

const SLUG = "clean-sky-2021";
const person = { email: `keyboard-${Date.now()}@e2e.example`, password: "typed without a mouse", name: "Kim Keyboard" };
let restoreForum: (() => Promise<void>) | null = null;
let restoreSettings: (() => Promise<void>) | null = null;
let sessionId = "";

test.beforeAll(async ({ browser }) => {
  const opened = await openForumNow("forecast");
  restoreForum = opened.restore;
  sessionId = opened.snapshot.forums.find((f) => f.slug === "forecast")!.sessions[0].id;

  const page = await organizerPage(browser);
  await page.goto(`/en/organizer/events/${SLUG}/settings`);
  const fields = [page.getByLabel(/^Capacity/), page.getByLabel(/^Registration opens/), page.getByLabel(/^Registration closes/)];
  const before = await Promise.all(fields.map((f) => f.inputValue()));
  const save = async (values: string[]) => {
    for (const [i, f] of fields.entries()) await f.fill(values[i]);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  };
  await save([String(Math.max(115, Number(before[0]))), "2021-10-18T09:00", ""]);
  restoreSettings = async () => {
    await page.reload();
    await save(before);
  };
});

test.afterAll(async () => {
  await restoreSettings?.();
  await restoreForum?.();
});

test("a newcomer skips to the content and registers with the keyboard alone", async ({ page }) => {
  await page.goto(`/en/events/${SLUG}`);
  // The first Tab reaches the skip link, which then moves the focus to the main content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await tabTo(page.getByTestId("register-link"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/en/events/${SLUG}/register$`));

  const form = page.getByTestId("register-form");
  // The browser fills in the zone once the form is hydrated.
  await expect(form.getByLabel("Your time zone")).not.toHaveValue("");
  await typeInto(form.getByLabel("Name in your own script"), person.name);
  await typeInto(form.getByLabel("Name in Latin letters"), person.name);
  await typeInto(form.getByLabel("Email"), person.email);
  await typeInto(form.getByLabel("Password for your new account"), person.password);
  const organisation = form.getByLabel("Organisation", { exact: true });
  await tabTo(organisation);
  await page.keyboard.press("End");
  await expect(organisation).toHaveValue("other");
  await typeInto(form.getByLabel("Name of your organisation"), "Keyboard Institute (fictional)");
  const country = form.getByLabel("Country");
  await tabTo(country);
  await page.keyboard.type("Germany");
  await expect(country).toHaveValue("DE");
  // The role radios keep "delegate"; a Space ticks a forum.
  const forum = form.getByLabel(/2nd Workshop on Air Quality Forecast/);
  await tabTo(forum);
  await page.keyboard.press("Space");
  await expect(forum).toBeChecked();
  await tabTo(form.getByRole("button", { name: "Register" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/en/events/${SLUG}/register/check-email$`));

  // The mailed link (opened as a mail program would) asks for the password chosen, then the keyboard goes on.
  await page.goto(linkIn(await waitForMail(person.email, /^Confirm your registration/), "/register/confirm/"));
  await typeInto(page.getByLabel("The password you chose when registering"), person.password);
  await tabTo(page.getByRole("button", { name: "Confirm registration" }));
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/en\/me\?registered=1$/);
  await expect(page.getByTestId("my-status")).toHaveText("Pending approval");

  await tabTo(page.getByRole("button", { name: "Sign out" }), { back: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("once approved, they go from the session page through sign-in and Join to the room's pre-join screen with the keyboard alone", async ({ page, browser }) => {
  const desk = new DeskPage(await organizerPage(browser));
  await desk.open(SLUG, `?q=${encodeURIComponent(person.email)}`);
  await desk.rows
    .first()
    .getByRole("button", { name: /^Approve/ })
    .click();
  await expect(desk.page.getByRole("status").filter({ hasText: "1 changed." })).toBeVisible();

  // Signed out, the session page asks to sign in; signed in and approved, it offers Join.
  await page.goto(`/en/sessions/${sessionId}`);
  await tabTo(page.getByTestId("join-sign-in"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=/);

  const form = page.locator("form", { has: page.getByLabel("Password", { exact: true }) });
  await typeInto(form.getByLabel("Email"), person.email);
  // Tab moves from the email straight on to the password and then to the button.
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type(person.password);
  await page.keyboard.press("Tab");
  await expect(form.getByRole("button", { name: "Sign in" })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/en/sessions/${sessionId}$`));
  await tabTo(page.getByTestId("join-link"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/en/sessions/${sessionId}/live$`));
  const prejoin = page.getByTestId("prejoin");
  await expect(prejoin).toBeVisible();
  // The name others will see is the registered one, shown, not a field anyone could change.
  await expect(prejoin.getByTestId("prejoin-name")).toContainText(person.name);
  await expect(prejoin.getByRole("textbox")).toHaveCount(0);
  // Every control of the pre-join screen is reachable, the join button last.
  for (const control of [prejoin.getByRole("checkbox").first(), prejoin.getByRole("combobox").first(), prejoin.getByRole("checkbox").last(), prejoin.getByRole("combobox").last()])
    await tabTo(control);
  await tabTo(prejoin.getByRole("button", { name: "Join the room" }));
});
