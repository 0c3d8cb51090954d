// My agenda in the browser, across the test's two app instances: a person saves a session from its
// page, finds it on My conference and in their calendar feed, asks for reminders two hours ahead,
// and the reminder mail comes once, in their language and zone, from whichever instance swept first.
import fs from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { expect, test } from "@playwright/test";
import { waitForMail } from "./mailbox";
import { SignInPage } from "./pages/sign-in-page";
import { FIXTURE_PASSWORD, LIVE_PEOPLE, STATE_EVENTS } from "./state-fixture";

test.use({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.40" } });

test("a saved session shows on My conference and in the calendar feed, and its reminder mail comes once", async ({ page }) => {
  // The instances sweep every 30 s: the mail may take that long.
  test.setTimeout(120_000);
  const agenda = await (await page.request.get(`/api/events/${STATE_EVENTS.live}/agenda`)).json();
  const second = agenda.forums[0].sessions[1];
  await new SignInPage(page).signIn(LIVE_PEOPLE.approved, FIXTURE_PASSWORD);

  await page.goto(`/en/sessions/${second.id}`);
  const save = page.getByTestId("bookmark");
  await expect(save).toHaveAttribute("aria-pressed", "false");
  await save.click();
  await expect(save).toHaveAttribute("aria-pressed", "true");
  await expect(save).toContainText("In My agenda");

  await page.goto("/en/me");
  const mine = page.getByTestId("my-registration").filter({ has: page.getByRole("link", { name: "Happening now" }) });
  await expect(mine.getByTestId("my-agenda-day").getByTestId("my-session")).toHaveCount(1);
  await expect(mine.getByTestId("my-agenda-day")).toContainText("Second session");
  const ics = await (await page.request.get(await mine.getByTestId("calendar-feed").inputValue())).text();
  const uids = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid);
  expect(uids).toContain(`${second.id}@plenary`);

  // The session starts in under two hours: with a two-hour lead its reminder is due at once.
  const asked = Date.now();
  const preferences = mine.getByTestId("preferences");
  await preferences.getByLabel("Reminder before my sessions").selectOption({ label: "2 hours before" });
  await preferences.getByRole("button", { name: "Save" }).click();
  await expect(preferences.getByRole("status")).toHaveText("Saved.");
  const mail = await waitForMail(LIVE_PEOPLE.approved, /^Starting in \d+ (minutes|hours?): Second session$/, 70_000, asked);
  expect(mail.text).toContain("Second session");
  expect(mail.text).toContain("(South Korea (UTC+9))");
  expect(mail.text).toContain(`/en/sessions/${second.id}`);
  const reminders = fs
    .readdirSync(process.env.MAIL_DIR!)
    .filter((f) => f.includes(LIVE_PEOPLE.approved.replace(/[^A-Za-z0-9@._-]/g, "_")) && fs.statSync(path.join(process.env.MAIL_DIR!, f)).mtimeMs >= asked)
    .filter((f) => fs.readFileSync(path.join(process.env.MAIL_DIR!, f), "utf8").includes("Second session"));
  expect(reminders).toHaveLength(1);
});
