// The audience tier in a browser: an organizer gives the audience a limit, a person registers in
// Korean to watch only (no forum to choose), confirms by mail and is approved as audience at once;
// the desk counts and filters them apart from the participants.
import { expect, test } from "@playwright/test";
import { linkIn, waitForMail } from "./mailbox";
import { DeskPage } from "./pages/desk-page";
import { organizerPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });

const watcher = { email: `audience-${Date.now()}@e2e.example`, password: "a long enough password" };

test("an organizer opens registration and gives the audience its own limit and policy", async ({ browser }) => {
  const page = await organizerPage(browser);
  await page.goto("/en/organizer/events/clean-sky-2021/settings");
  await page.getByLabel(/^Registration closes/).fill("");
  await page.getByLabel(/^Registration opens/).fill("2021-10-18T09:00");
  const audience = page.getByTestId("audience-settings");
  await audience.getByLabel(/^Audience limit/).fill("500");
  await audience.getByRole("radio", { name: /^Open/ }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  // Zero is no limit: the field says so in words and nothing is saved.
  await audience.getByLabel(/^Audience limit/).fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(audience.getByText("Enter a whole number of at least 1, or leave the field empty for no limit.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("audience-settings").getByLabel(/^Audience limit/)).toHaveValue("500");
});

test.describe("in Korean", () => {
  test.use({ locale: "ko-KR", timezoneId: "Asia/Seoul" });

  test("registers to watch only: no forum to choose, confirmed by mail, approved as audience at once", async ({ page }) => {
    await page.goto("/ko/events/clean-sky-2021/register");
    const form = page.getByTestId("register-form");
    await expect(form.getByLabel("내 시간대")).toHaveValue("Asia/Seoul");
    // Taking part is the default: its forums are offered until "watch only" is chosen.
    await expect(form.getByRole("group", { name: "참석할 포럼" })).toBeVisible();
    await form.getByLabel(/^시청만\(청중\)/).check();
    await expect(form.getByRole("group", { name: "참석할 포럼" })).toHaveCount(0);
    await form.getByLabel("이름(자국 문자 표기)").fill("김시청");
    await form.getByLabel("이름(로마자 표기)").fill("Kim Sicheong");
    await form.getByLabel("이메일").fill(watcher.email);
    await form.getByLabel("새 계정 비밀번호").fill(watcher.password);
    await form.getByLabel("기관", { exact: true }).selectOption("other");
    await form.getByLabel("소속 기관명").fill("시민 시청단(가상)");
    await form.getByLabel("국가").selectOption("KR");
    await page.getByRole("button", { name: "등록하기" }).click();
    await expect(page).toHaveURL(/\/ko\/events\/clean-sky-2021\/register\/check-email$/);
    await page.goto(linkIn(await waitForMail(watcher.email, /등록을 확인해 주세요$/), "/register/confirm/"));
    await page.getByLabel("등록할 때 정한 비밀번호").fill(watcher.password);
    await page.getByRole("button", { name: "등록 확인하기" }).click();
    await expect(page).toHaveURL(/\/ko\/me\?registered=1$/);
    await expect(page.getByTestId("my-status")).toHaveText("승인됨");
    await expect(page.getByTestId("my-role")).toContainText("청중");
  });
});

test("the desk counts the audience apart from the participants' places and filters it", async ({ browser }) => {
  const desk = new DeskPage(await organizerPage(browser));
  await desk.open("clean-sky-2021", "?tier=audience");
  await expect(desk.page.getByTestId("audience-line")).toContainText("1 of 500 audience places taken");
  await expect(desk.rows).toHaveCount(1);
  await expect(desk.rows.first()).toContainText("Kim Sicheong");
  await expect(desk.rows.first().getByTestId("desk-role")).toHaveText("Audience");
  await expect(desk.filter("Participants or audience")).toHaveValue("audience");
});
