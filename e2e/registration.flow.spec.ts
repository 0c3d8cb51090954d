import { expect, test } from "@playwright/test";
import { linkIn, waitForMail } from "./mailbox";
import { DeskPage } from "./pages/desk-page";
import { organizerPage, SignInPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });

const delegate = { email: `delegate-${Date.now()}@e2e.example`, password: "a long enough password" };

test("an organizer opens registration again and adds places", async ({ browser }) => {
  const page = await organizerPage(browser);
  await page.goto("/en/organizer/events/clean-sky-2021/settings");
  await page.getByLabel(/^Capacity/).fill("115");
  await page.getByLabel(/^Registration closes/).fill("");
  await page.getByLabel(/^Registration opens/).fill("2021-10-18T09:00");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });
  test("the registration form reports errors beside the fields in the user's language and saves nothing", async ({ page }) => {
    await page.goto("/zh/events/clean-sky-2021/register");
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.locator("#field-name-error")).toHaveText(/\p{Script=Han}/u);
    await expect(page.locator("#field-email-error")).toBeVisible();
    await expect(page.getByText(/至少选择一个论坛|请至少选择/)).toBeVisible();
    await expect(page).toHaveURL(/\/zh\/events\/clean-sky-2021\/register$/);
  });
});

test.describe("for a delegate in Berlin", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("registers, is approved at the desk, signs in again and sees their sessions in their own zone", async ({ page, browser }) => {
    await page.goto("/en/events/clean-sky-2021/register");
    // The zone is filled in by the browser once the form is hydrated (the organisation choice needs it too).
    await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Berlin");
    await page.getByLabel("Name in your own script").fill("Erika Mustermann");
    await page.getByLabel("Name in Latin letters").fill("Erika Mustermann");
    await page.getByLabel("Email").fill(delegate.email);
    await page.getByLabel("Password for your new account").fill(delegate.password);
    await page.getByLabel("Organisation", { exact: true }).selectOption("other");
    await page.getByLabel("Name of your organisation").fill("Umweltbundesamt (fictional)");
    await page.getByLabel("Country").selectOption("DE");
    await page.getByLabel(/2nd Workshop on Air Quality Forecast/).check();
    await page.getByLabel("Preferred language").selectOption("en");
    await page.getByRole("button", { name: "Register" }).click();
    await expect(page).toHaveURL(/\/en\/me\?registered=1$/);
    await expect(page.getByTestId("my-status")).toHaveText("Pending approval");
    await waitForMail(delegate.email, /registration/i);

    const organizer = await organizerPage(browser);
    const desk = new DeskPage(organizer);
    await desk.open("clean-sky-2021", `?q=${encodeURIComponent(delegate.email)}`);
    await expect(desk.rows).toHaveCount(1);
    await desk.rows.first().getByRole("button", { name: /^Approve/ }).click();
    await expect(organizer.getByRole("status").filter({ hasText: "1 changed." })).toBeVisible();
    await organizer.reload();
    await expect(desk.rows.first()).toHaveAttribute("data-status", "approved");
    await waitForMail(delegate.email, /approved/i);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await new SignInPage(page).signIn(delegate.email, delegate.password);
    await page.goto("/en/me");
    await expect(page.getByTestId("my-status")).toHaveText("Approved");
    // 09:30 in Seoul is 01:30 in Berlin (UTC+1 in November).
    await expect(page.getByTestId("my-time").first()).toContainText("01:30–");
    await expect(page.getByTestId("my-time").first()).toContainText("UTC+1");
    const feed = await page.getByTestId("calendar-feed").inputValue();
    const ics = await (await page.request.get(feed)).text();
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(2);

    // The export is for organizers only, checked on the server.
    expect((await page.request.get("/api/organizer/events/clean-sky-2021/registrations.csv")).status()).toBe(403);
    const csv = await organizer.request.get("/api/organizer/events/clean-sky-2021/registrations.csv");
    expect(csv.status()).toBe(200);
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain(delegate.email);
  });
});

test("an invitation CSV with a bad row imports nothing and says why; a good one invites, and the link approves", async ({ browser }) => {
  const page = await organizerPage(browser);
  await page.goto("/en/organizer/events/clean-sky-2021/invitations");
  const invitee = `invitee-${Date.now()}@e2e.example`;
  const upload = async (csv: string) => {
    await page.getByLabel("CSV file").setInputFiles({ name: "invitations.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Upload and send invitations" }).click();
    await expect(page.getByTestId("upload-progress")).toHaveAttribute("value", "100");
  };
  await upload(`name,email,organisation,role,forums\n林晓雯,${invitee},craes,speaker,forecast\nNo Email,,nier,delegate,forecast\n`);
  await expect(page.getByTestId("rejected-row")).toHaveCount(1);
  await expect(page.getByTestId("rejected-row")).toContainText("Enter a valid email address.");
  await expect(page.getByText(/Nothing was imported/)).toBeVisible();
  await upload(`name,email,organisation,role,forums\n林晓雯,${invitee},craes,speaker,forecast;vehicles\n`);
  await expect(page.getByText("1 invitation created and sent.")).toBeVisible();
  // The list of sent invitations shows it at once, without a reload.
  await expect(page.getByTestId("invitations-table")).toContainText(invitee);

  const mail = await waitForMail(invitee, /./);
  const invited = await (await browser.newContext({ timezoneId: "Asia/Shanghai" })).newPage();
  await invited.goto(linkIn(mail, "/invitations/"));
  await expect(invited.getByLabel("Email")).toHaveValue(invitee);
  await expect(invited.getByLabel("Name in your own script")).toHaveValue("林晓雯");
  await invited.getByLabel("Name in Latin letters").fill("Lin Xiaowen");
  await invited.getByLabel("Password for your new account").fill("another long password");
  await invited.getByLabel("Country").selectOption("CN");
  await invited.getByRole("button", { name: "Register" }).click();
  await expect(invited).toHaveURL(/\/me\?registered=1$/);
  await expect(invited.getByTestId("my-status")).toHaveText("Approved");
  await invited.goto(linkIn(mail, "/invitations/"));
  await expect(invited.getByText(/This invitation is not valid/)).toBeVisible();
});

test("signs in with a link sent by email", async ({ page }) => {
  await page.goto("/en/sign-in");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Send me a sign-in link" }) });
  await form.getByLabel("Email").fill(delegate.email);
  await form.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByTestId("check-email")).toBeVisible();
  const mail = await waitForMail(delegate.email, /sign in|sign-in/i);
  await page.goto(linkIn(mail, "/api/auth/callback/email"));
  await expect(page.getByTestId("signed-in-as")).toHaveText("Erika Mustermann");
});
