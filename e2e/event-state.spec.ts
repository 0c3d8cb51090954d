// Pages follow the event's state: the call to action of the event home and the register page
// before registration opens, while it is open, when it is full, after it closed, while a forum is
// on (Join only for those the room lets in) and once the event is over. The events are made
// relative to the run's start by e2e/state-fixture.ts; Clean Sky 2021 is the one that is over.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";
import { FIXTURE_PASSWORD, LIVE_PEOPLE, STATE_EVENTS } from "./state-fixture";
import { NAVIGATION } from "./waits";

test.describe.configure({ mode: "parallel" });

const home = (page: Page, slug: string, locale = "en") => page.goto(`/${locale}/events/${slug}`);

/** A person of the fixtures signed in, from an address of their own (sign-ins are rate-limited per address). */
async function signedIn(browser: Browser, email: string, ip: string): Promise<Page> {
  const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } })).newPage();
  await new SignInPage(page).signIn(email, FIXTURE_PASSWORD);
  return page;
}

test("before registration opens: when it opens, in the event's zone and the viewer's, and nowhere a Register button", async ({ page }) => {
  await home(page, STATE_EVENTS.before);
  const cta = page.getByTestId("registration-cta");
  await expect(cta).toHaveAttribute("data-offer", "notYet");
  await expect(cta.getByTestId("cta-opens")).toContainText(/^Registration opens: \w+day, \d+ \w+ \d{4} \d\d:\d\d \(Seoul, UTC\+9\)/);
  await expect(page.getByTestId("register-link")).toHaveCount(0);
  await page.goto(`/en/events/${STATE_EVENTS.before}/register`);
  await expect(page.getByTestId("registration-unavailable")).toHaveAttribute("data-offer", "notYet");
  await expect(page.getByTestId("register-form")).toHaveCount(0);
});

test("while registration is open: Register leads to the form, with no waitlist notice", async ({ page }) => {
  await home(page, STATE_EVENTS.open);
  await expect(page.getByTestId("registration-cta")).toHaveAttribute("data-offer", "open");
  await expect(page.getByTestId("cta-waitlist")).toHaveCount(0);
  await page.getByTestId("register-link").click();
  // The first click of a fresh page beside the load, as on the agenda: up to 15 s.
  await expect(page).toHaveURL(new RegExp(`/en/events/${STATE_EVENTS.open}/register$`), NAVIGATION);
  await expect(page.getByTestId("register-form")).toBeVisible();
  await expect(page.getByTestId("waitlist-notice")).toHaveCount(0);
});

test("when every place is taken: the waitlist is announced before anyone registers, on the event home and above the form", async ({ page }) => {
  await home(page, STATE_EVENTS.full);
  await expect(page.getByTestId("cta-waitlist")).toContainText("you join the waitlist");
  await expect(page.getByTestId("register-link")).toHaveText("Join the waitlist");
  await page.goto(`/en/events/${STATE_EVENTS.full}/register`);
  await expect(page.getByTestId("waitlist-notice")).toBeVisible();
  await expect(page.getByTestId("register-form")).toBeVisible();
});

test("after registration closed: that it closed and when, in words, with no raw zone name and no dead-end form", async ({ page }) => {
  await home(page, STATE_EVENTS.closed, "ko");
  await expect(page.getByTestId("registration-cta")).toHaveAttribute("data-offer", "closed");
  await expect(page.getByTestId("cta-closed")).toContainText("등록 마감: ");
  await expect(page.getByTestId("cta-closed")).toContainText("(서울, UTC+9)");
  await expect(page.getByTestId("register-link")).toHaveCount(0);
  await page.goto(`/ko/events/${STATE_EVENTS.closed}/register`);
  await expect(page.getByTestId("registration-unavailable")).toHaveAttribute("data-offer", "closed");
  await expect(page.getByTestId("register-form")).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText("Asia/Seoul");
});

test.describe("while a forum is on", () => {
  test("an anonymous visitor sees what is happening now, on the event home and the agenda, and is asked to sign in to join", async ({ page }) => {
    await home(page, STATE_EVENTS.live);
    const strip = page.getByTestId("happening-now");
    await expect(strip.getByTestId("now-forum")).toHaveCount(1);
    await expect(strip).toContainText("First session");
    await expect(strip.getByTestId("now-sign-in")).toBeVisible();
    await expect(strip.getByTestId("now-join")).toHaveCount(0);
    // The agenda is served from the cache, the same for everyone: the strip is filled in by the browser.
    await page.goto(`/en/events/${STATE_EVENTS.live}/agenda`);
    await expect(page.getByTestId("happening-now")).toContainText("First session");
    await expect(page.getByTestId("happening-now").getByTestId("now-sign-in")).toBeVisible();
  });

  test("an approved person of the forum gets Join on the event home, the agenda and the session page", async ({ browser }) => {
    const page = await signedIn(browser, LIVE_PEOPLE.approved, "198.51.100.30");
    await home(page, STATE_EVENTS.live);
    const join = page.getByTestId("happening-now").getByTestId("now-join");
    await expect(join).toHaveText("Join");
    await expect(join).toHaveAttribute("href", /\/en\/sessions\/\w+\/live$/);
    await expect(page.getByTestId("registration-cta")).toHaveAttribute("data-offer", "registered");
    await page.goto(`/en/events/${STATE_EVENTS.live}/agenda`);
    await expect(page.getByTestId("happening-now").getByTestId("now-join")).toBeVisible();
    await page.getByTestId("happening-now").getByRole("link", { name: "First session", exact: true }).click();
    await expect(page.getByTestId("join-link")).toBeVisible();
    await expect(page.getByTestId("join-reason")).toHaveText("You join as Delegate, from your browser.");
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  });

  test("a person awaiting approval is told why, and offered no Join", async ({ browser }) => {
    const page = await signedIn(browser, LIVE_PEOPLE.pending, "198.51.100.31");
    await home(page, STATE_EVENTS.live);
    await expect(page.getByTestId("happening-now").getByTestId("now-reason")).toHaveText("Your registration awaits approval.");
    await expect(page.getByTestId("now-join")).toHaveCount(0);
    await page.getByTestId("happening-now").getByRole("link", { name: "First session", exact: true }).click();
    await expect(page.getByTestId("join-reason")).toHaveText("Your registration is awaiting approval. You can join once it is approved.");
    await expect(page.getByTestId("join-link")).toHaveCount(0);
  });
});

test("once the event is over: its recordings instead of Register, and a past session reads Ended with no Join", async ({ page, request }) => {
  await home(page, "clean-sky-2021");
  const cta = page.getByTestId("registration-cta");
  await expect(cta).toHaveAttribute("data-phase", "over");
  await expect(cta.getByTestId("cta-recordings")).toHaveAttribute("href", "/en/events/clean-sky-2021/recordings");
  await expect(page.getByTestId("register-link")).toHaveCount(0);
  await expect(page.getByTestId("happening-now")).toHaveCount(0);
  const agenda = await (await request.get("/api/events/clean-sky-2021/agenda")).json();
  const session = agenda.forums.find((f: { slug: string }) => f.slug === "vehicles").sessions[1];
  await page.goto(`/en/sessions/${session.id}`);
  await expect(page.getByTestId("live-status")).toHaveText("Ended");
  await expect(page.getByTestId("join-reason")).toHaveText("This session has ended.");
  await expect(page.getByRole("button", { name: "Join the live session" })).toHaveCount(0);
  await expect(page.getByTestId("join-link")).toHaveCount(0);
});

test("the registration form's time-zone picker names zones in the page's language, the event's first, and finds them by search", async ({ page }) => {
  await page.goto(`/ko/events/${STATE_EVENTS.open}/register`);
  const picker = page.getByLabel("내 시간대", { exact: true });
  const laOption = picker.locator('option[value="America/Los_Angeles"]');
  await expect(laOption).toHaveText(/^로스앤젤레스 \(UTC-\d\)$/);
  await expect(picker.locator("optgroup").first().locator("option").first()).toHaveAttribute("value", "Asia/Seoul");
  await expect(picker.locator("option", { hasText: "Asia/" })).toHaveCount(0);
  await page.getByRole("searchbox", { name: "시간대 검색" }).fill("독일");
  await expect(picker.locator('option[value="Europe/Berlin"]')).toHaveText(/^독일 \(UTC\+\d\)$/);
  await expect(laOption).toHaveCount(0);
  await picker.selectOption("Europe/Berlin");
  await expect(picker).toHaveValue("Europe/Berlin");
});
