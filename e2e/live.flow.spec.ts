// Live control across app instances: an organizer starts and ends a session on instance 1's run
// sheet, and pages served by instance 2 follow without a reload (PostgreSQL NOTIFY → instance 2's
// listener → its SSE stream → the browser).
import pg from "pg";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { RunSheetPage } from "./pages/run-sheet-page";
import { SessionPage } from "./pages/session-page";
import { organizerPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });

const instance2 = `http://127.0.0.1:${process.env.PLENARY_E2E_PORT2 ?? 3102}`;
const slug = "clean-sky-2021";

type ApiSession = { id: string; title: { en: string; ko: string } };
type ApiForum = { slug: string; title: { en: string }; sessions: ApiSession[] };

let sessionId = "";

// No organizer action takes a session back to "scheduled"; put the seeded one back directly so
// the other specs see the agenda as seeded.
test.afterAll(async () => {
  if (!sessionId) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE sessions SET status = 'scheduled', live_at = NULL, ended_at = NULL WHERE id = $1`, [sessionId]);
  } finally {
    await client.end();
  }
});

async function signedInOrganizer(browser: Browser, locale = "en-GB") {
  return organizerPage(browser, { locale });
}

/** Opens `path` on instance 2 and waits until its live stream is connected. */
async function openOnInstance2(page: Page, path: string) {
  const stream = page.waitForResponse((r) => r.url().endsWith(`/api/events/${slug}/live`) && r.status() === 200);
  await page.goto(`${instance2}${path}`);
  await stream;
  // Survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
}

const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

test("a session started and ended on instance 1's run sheet turns live and then ended on instance 2's pages without a reload", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const agenda = (await (await request.get(`/api/events/${slug}/agenda`)).json()) as { forums: ApiForum[] };
  // The last forum's first session: the read-only specs' live/next markers look at the first forum.
  const forum = agenda.forums[agenda.forums.length - 1];
  const session = forum.sessions[0];
  sessionId = session.id;

  const viewerContext = await browser.newContext({ baseURL: instance2 });
  const viewer = await viewerContext.newPage();
  await openOnInstance2(viewer, `/en/sessions/${session.id}`);
  const sessionPage = new SessionPage(viewer);
  // A 2021 session nobody started reads as over; an organizer's Start below overrides the clock.
  await expect(sessionPage.status).toHaveAttribute("data-status", "ended");
  const agendaTab = await viewerContext.newPage();
  await openOnInstance2(agendaTab, `/en/events/${slug}/agenda`);
  const agendaRow = agendaTab.locator(`[data-testid="session-row"][data-session-id="${session.id}"]`);
  await expect(agendaRow.getByTestId("live-status")).toHaveText("Ended");

  const organizer = await signedInOrganizer(browser);
  const run = new RunSheetPage(organizer);
  await run.openFromDashboard(slug, `Run sheet: ${forum.title.en}`);
  // Seoul KST, Beijing CST and the viewer's own zone.
  await expect(run.clocks.locator("li")).toHaveCount(3);
  const seoulClock = run.clocks.locator('li[data-zone="Asia/Seoul"] time').first();
  const shown = await seoulClock.textContent();
  await expect(seoulClock).not.toHaveText(shown ?? "", { timeout: 3000 });
  await expect(run.next).toContainText(session.title.en);

  await run
    .row(session.id)
    .getByRole("button", { name: `Start “${session.title.en}”` })
    .click();
  await expect(run.current).toContainText(session.title.en);
  await expect(run.row(session.id)).toHaveAttribute("data-status", "live");

  await expect(sessionPage.status).toHaveAttribute("data-status", "live", { timeout: 5000 });
  await expect(sessionPage.status).toHaveText("Live");
  await expect(agendaRow.getByTestId("live-status")).toHaveText("Live", { timeout: 5000 });
  expect(await sameDocument(viewer)).toBe(true);

  // A second organizer screen in Korean that misses the live stream, so it still offers End later.
  const stale = await signedInOrganizer(browser, "ko-KR");
  await stale.route("**/api/events/*/live", (route) => route.abort());
  const staleSheet = new RunSheetPage(stale);
  await stale.goto(`/ko/organizer/events/${slug}/forums/${forum.slug}/run`);
  await staleSheet.hydrated();
  await expect(staleSheet.row(session.id)).toHaveAttribute("data-status", "live");

  // End from the keyboard.
  await run.current.getByRole("button", { name: "End" }).focus();
  await organizer.keyboard.press("Enter");
  await expect(run.row(session.id)).toHaveAttribute("data-status", "ended");
  await expect(sessionPage.status).toHaveText("Ended", { timeout: 5000 });
  await expect(agendaRow.getByTestId("live-status")).toHaveText("Ended", { timeout: 5000 });
  expect(await sameDocument(viewer)).toBe(true);
  expect(await sameDocument(agendaTab)).toBe(true);

  // The stale screen's End is refused, in Korean, and nothing changes.
  await staleSheet.row(session.id).getByRole("button").click();
  await expect(staleSheet.alert).toContainText("이미 종료된 세션입니다");
  await expect(sessionPage.status).toHaveText("Ended");
});

test("the live stream answers 404 for an unknown event and streams uncached server-sent events, a snapshot first", async ({ baseURL }) => {
  expect((await fetch(`${baseURL}/api/events/no-such-event/live`)).status).toBe(404);
  const abort = new AbortController();
  const res = await fetch(`${baseURL}/api/events/${slug}/live`, { signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  expect(res.headers.get("cache-control")).toContain("no-cache");
  expect(res.headers.get("x-accel-buffering")).toBe("no");
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  while (!/event: snapshot\ndata: .*\n\n/.test(text)) text += decoder.decode((await reader.read()).value, { stream: true });
  abort.abort();
  const snapshot = JSON.parse(/event: snapshot\ndata: (.*)\n/.exec(text)![1]);
  expect(snapshot.eventSlug).toBe(slug);
  expect(snapshot.sessions.length).toBeGreaterThan(10);
  expect(snapshot.sessions[0]).toEqual({ id: expect.any(String), forumId: expect.any(String), status: expect.stringMatching(/^(scheduled|live|ended)$/) });
});
