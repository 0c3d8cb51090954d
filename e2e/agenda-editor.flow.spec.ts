// Organizers build the agenda in the browser: a forum entered in Beijing time appears in Seoul
// time on the public agenda only once published; a delay shift moves the rest of the forum.
import { expect, test, type Page } from "@playwright/test";
import { AgendaEditorPage } from "./pages/agenda-editor-page";
import { AgendaPage } from "./pages/agenda-page";
import { organizerPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });

let page: Page;
let editor: AgendaEditorPage;

test.beforeAll(async ({ browser }) => {
  page = await organizerPage(browser, { timezoneId: "Asia/Shanghai" });
  editor = new AgendaEditorPage(page);
});

test.afterAll(() => page.context().close());

async function publicRows(p: Page, title: string) {
  const agenda = new AgendaPage(p);
  await agenda.open("en", "?day=2021-11-22");
  return agenda.sessions.filter({ hasText: title });
}

test("a forum with two sessions entered in Beijing time shows in Seoul time on the public agenda once published", async ({ browser }) => {
  await editor.createForum({ slug: "lunch-dialogue", title: "Lunch dialogue", zone: "Asia/Shanghai", start: "2021-11-22T11:00", end: "2021-11-22T13:00" });

  await page.goto(`/en/organizer/events/clean-sky-2021/sessions/new?forum=lunch-dialogue`);
  await page.locator("#title-en").fill("Dialogue on haze");
  await page.getByLabel("Times entered in").selectOption("Asia/Shanghai");
  await page.getByLabel("Start", { exact: true }).fill("2021-11-22T11:00");
  await page.getByLabel("End", { exact: true }).fill("2021-11-22T11:45");
  // The live preview shows the slot in Seoul before anything is saved.
  await expect(page.getByTestId("time-preview").locator('li[data-zone="Asia/Seoul"]')).toContainText("12:00–12:45");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/sessions\/[a-z0-9]+\?saved=1$/);

  await editor.createSession("lunch-dialogue", { title: "Dialogue on dust", zone: "Asia/Shanghai", start: "2021-11-22T11:45", end: "2021-11-22T12:30" });

  // A draft: the public does not see it yet, and the editor lists what publishing would change.
  const visitor = await (await browser.newContext({ timezoneId: "Europe/Berlin" })).newPage();
  await expect(await publicRows(visitor, "Dialogue on")).toHaveCount(0);
  await editor.open();
  await expect(page.getByTestId("pending-changes")).toContainText("New forum “Lunch dialogue”");
  await expect(page.getByTestId("pending-changes")).toContainText("New session “Dialogue on dust”");

  await editor.publish();
  const rows = await publicRows(visitor, "Dialogue on");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('[data-testid="zoned-times"] li[data-zone="Asia/Seoul"]')).toContainText("12:00–12:45");
  await expect(rows.nth(1).locator('[data-testid="zoned-times"] li[data-zone="Asia/Seoul"]')).toContainText("12:45–13:30");
  await expect(rows.nth(0).locator('[data-testid="zoned-times"] li[data-zone="Asia/Shanghai"]')).toContainText("11:00–11:45");
  await visitor.context().close();
});

test("an overlapping session is shown as a conflict before saving and refused", async () => {
  await page.goto(`/en/organizer/events/clean-sky-2021/sessions/new?forum=lunch-dialogue`);
  await page.locator("#title-en").fill("Clashing talk");
  await page.getByLabel("Times entered in").selectOption("Asia/Shanghai");
  await page.getByLabel("Start", { exact: true }).fill("2021-11-22T11:30");
  await page.getByLabel("End", { exact: true }).fill("2021-11-22T12:00");
  await expect(page.getByTestId("conflicts")).toContainText("Overlaps “Dialogue on haze” in the same forum.");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("conflicts")).toContainText("Not saved");
  await expect(page).toHaveURL(/\/sessions\/new/);
});

test("a delay shift moves the rest of the forum, published at once", async () => {
  await editor.open();
  const shift = editor.forum("lunch-dialogue").getByTestId("shift-form");
  await shift.getByLabel("From this session on").selectOption({ label: "12:00 Dialogue on haze" });
  await shift.getByLabel(/^Minutes/).fill("15");
  await shift.getByLabel("Publish at once").check();
  await shift.getByRole("button", { name: "Shift" }).click();
  await expect(shift.getByRole("status")).toContainText("2 sessions moved and published");

  const visitor = await page.context().browser()!.newPage();
  const rows = await publicRows(visitor, "Dialogue on");
  await expect(rows.nth(0).locator('[data-testid="zoned-times"] li[data-zone="Asia/Seoul"]')).toContainText("12:15–13:00");
  await expect(rows.nth(1).locator('[data-testid="zoned-times"] li[data-zone="Asia/Seoul"]')).toContainText("13:00–13:45");
  await visitor.close();
});

test("the session's history lists its creation and the shift, and the forum is removed again", async () => {
  await editor.open();
  await editor.forum("lunch-dialogue").getByRole("link", { name: "Dialogue on dust" }).click();
  const history = page.getByTestId("history");
  await expect(history.locator('[data-action="session.created"]')).toBeVisible();
  await expect(history.locator('[data-action="session.shifted"]')).toContainText("shifted (delay)");

  // Leave the seeded agenda as the other specs expect it.
  await editor.open();
  page.on("dialog", (d) => d.accept());
  for (const title of ["Dialogue on haze", "Dialogue on dust"]) {
    await editor
      .forum("lunch-dialogue")
      .getByRole("button", { name: `Delete “${title}”` })
      .click();
    await expect(editor.forum("lunch-dialogue").getByRole("link", { name: title })).toHaveCount(0);
  }
  await editor.forum("lunch-dialogue").getByRole("button", { name: "Delete" }).click();
  await expect(editor.forum("lunch-dialogue")).toHaveCount(0);
  await editor.publish();
});
