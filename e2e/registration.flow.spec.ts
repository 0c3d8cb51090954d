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
  test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  test("the registration form reports errors beside the fields in the user's language, saves nothing and keeps every choice", async ({ page }) => {
    await page.goto("/zh/events/clean-sky-2021/register");
    const form = page.getByTestId("register-form");
    await expect(form.getByLabel("您的时区")).toHaveValue("Asia/Shanghai");
    // Everything chosen but the name and the email.
    await form.getByLabel("机构", { exact: true }).selectOption("other");
    await form.getByLabel("所在机构名称").fill("中国环境科学研究院（虚构）");
    await form.getByLabel("国家").selectOption("CN");
    await form.getByLabel("观察员").check();
    await form.getByLabel("首选语言").selectOption("en");
    await form.getByLabel("您的时区").selectOption("Europe/Berlin");
    await page.getByRole("button", { name: "注册" }).click();
    await expect(page.locator("#field-name-error")).toHaveText(/\p{Script=Han}/u);
    await expect(page.locator("#field-email-error")).toBeVisible();
    await expect(page.getByText(/至少选择一个论坛|请至少选择/)).toBeVisible();
    await expect(page).toHaveURL(/\/zh\/events\/clean-sky-2021\/register$/);
    // Every choice is still there (the form used to fall back to its first options: 한국어, Africa/Abidjan).
    await expect(form.getByLabel("机构", { exact: true })).toHaveValue("other");
    await expect(form.getByLabel("所在机构名称")).toHaveValue("中国环境科学研究院（虚构）");
    await expect(form.getByLabel("国家")).toHaveValue("CN");
    await expect(form.getByLabel("观察员")).toBeChecked();
    await expect(form.getByLabel("首选语言")).toHaveValue("en");
    await expect(form.getByLabel("您的时区")).toHaveValue("Europe/Berlin");
  });
});

test.describe("for a delegate in Berlin", () => {
  test.use({ timezoneId: "Europe/Berlin" });

  test("registers as a speaker, confirms the address by mail, is approved at the desk (the role still requested), signs out for good, signs in again and sees their sessions in their own zone", async ({
    page,
    browser,
  }) => {
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
    await page.getByLabel("Speaker").check();
    await page.getByRole("button", { name: "Register" }).click();
    // Nothing counts until the address is confirmed with the link and the password chosen.
    await expect(page).toHaveURL(/\/en\/events\/clean-sky-2021\/register\/check-email$/);
    await expect(page.getByTestId("register-check-email")).toBeVisible();
    await page.goto(linkIn(await waitForMail(delegate.email, /^Confirm your registration/), "/register/confirm/"));
    await page.getByLabel("The password you chose when registering").fill(delegate.password);
    await page.getByRole("button", { name: "Confirm registration" }).click();
    await expect(page).toHaveURL(/\/en\/me\?registered=1$/);
    await expect(page.getByTestId("my-status")).toHaveText("Pending approval");
    await expect(page.getByTestId("my-role")).toContainText("Delegate");
    await expect(page.getByTestId("my-role")).toContainText("Requested role: Speaker");
    await waitForMail(delegate.email, /^Registration received/);

    const organizer = await organizerPage(browser);
    const desk = new DeskPage(organizer);
    await desk.open("clean-sky-2021", `?q=${encodeURIComponent(delegate.email)}`);
    await expect(desk.rows).toHaveCount(1);
    await expect(desk.rows.first().getByTestId("desk-role")).toContainText("requested: Speaker");
    await desk.rows
      .first()
      .getByRole("button", { name: /^Approve/ })
      .click();
    await expect(organizer.getByRole("status").filter({ hasText: "1 changed." })).toBeVisible();
    await organizer.reload();
    await expect(desk.rows.first()).toHaveAttribute("data-status", "approved");
    await waitForMail(delegate.email, /approved/i);

    // Signing out ends the session itself: a copy of its cookie no longer signs anyone in.
    const copied = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    // The header forgets at once; the sign-out itself is done when its redirect home arrives.
    await expect(page).toHaveURL(/\/en$/, { timeout: 15_000 });
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    expect(await (await thief.request.get("/api/me/account")).json()).toEqual({ user: null });
    expect(await (await thief.request.get("/api/auth/session")).json()).toBeNull();
    await thief.close();
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

test("an invitation CSV with a bad row imports nothing and says why; a good one invites in the row's language, and the link approves", async ({ browser }) => {
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
  // The organizer works in English; this invitee reads Chinese: the mail, its link and the form follow the row.
  await upload(`name,email,organisation,role,forums,language\n林晓雯,${invitee},craes,speaker,forecast;vehicles,zh\n`);
  await expect(page.getByText("1 invitation created and sent.")).toBeVisible();
  // The list of sent invitations shows it at once, without a reload.
  await expect(page.getByTestId("invitations-table")).toContainText(invitee);

  const mail = await waitForMail(invitee, /诚邀/);
  expect(linkIn(mail, "/invitations/")).toContain("/zh/invitations/");
  const invited = await (await browser.newContext({ timezoneId: "Asia/Shanghai", locale: "en-GB" })).newPage();
  await invited.goto(linkIn(mail, "/invitations/"));
  await expect(invited.getByLabel("电子邮箱")).toHaveValue(invitee);
  await expect(invited.getByLabel("姓名（本国文字）")).toHaveValue("林晓雯");
  await expect(invited.getByLabel("首选语言")).toHaveValue("zh");
  await invited.getByLabel("姓名（拉丁字母）").fill("Lin Xiaowen");
  await invited.getByLabel("新账号密码").fill("another long password");
  await invited.getByLabel("国家").selectOption("CN");
  await invited.getByRole("button", { name: "提交注册" }).click();
  await expect(invited).toHaveURL(/\/zh\/me\?registered=1$/);
  await expect(invited.getByTestId("my-status")).toHaveText("已批准");
  await invited.goto(linkIn(mail, "/invitations/"));
  await expect(invited.getByText(/此邀请无效/)).toBeVisible();
});

test("signs in with a link sent by email in the page's language; the used link then lands on the sign-in page in that language", async ({ page }) => {
  await page.goto("/ko/sign-in");
  const form = page.locator("form", { has: page.getByRole("button", { name: "로그인 링크 받기" }) });
  await form.getByLabel("이메일").fill(delegate.email);
  const asked = Date.now();
  await form.getByRole("button", { name: "로그인 링크 받기" }).click();
  await expect(page.getByTestId("check-email")).toContainText("15분");
  const link = linkIn(await waitForMail(delegate.email, /로그인/, 10_000, asked), "/api/auth/callback/email");
  await page.goto(link);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Erika Mustermann");
  await page.goto(link);
  await expect(page).toHaveURL(/\/ko\/sign-in\?error=Verification/);
  await expect(page.getByText("이 로그인 링크를 사용할 수 없습니다")).toBeVisible();
});
