// Attendees watch recordings: the player on session pages and recording pages over a real MP4
// served by /api/recordings/{id}/media (Range, 206), chapters, ?t= links, the keyboard, an
// interpretation channel played in step, the library's search, and recordings kept from viewers
// they are not shared with. Data: e2e/recordings-fixture.ts (made before the build).
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { PlayerPage } from "./pages/player-page";
import { personPage } from "./pages/sign-in-page";
import { RECORDING_FIXTURE as F } from "./recordings-fixture";
import { NAVIGATION } from "./waits";

type AgendaSession = { id: string; title: { ko: string; zh: string; en: string }; speakers: { name: string; nameLatin: string | null }[] };

const seed = JSON.parse(fs.readFileSync("prisma/data/clean-sky-2021.json", "utf8")) as { people: { email: string; role: string; forums: string[] }[] };
// A delegate no other spec signs in (room and interpretation specs use "forecast" delegates).
const DELEGATE = seed.people.find((p) => p.role === "delegate" && p.forums.includes(F.organizersOnly.forum) && !p.forums.includes("forecast"))!;
const recordingPage = (id: string, query = "") => `/en/events/${F.slug}/recordings/${id}${query}`;
const endsWith = (path: string) => new RegExp(`${path.replace(/[?.]/g, "\\$&")}$`);

async function forumSessions(request: APIRequestContext, slug: string): Promise<AgendaSession[]> {
  const agenda = await (await request.get(`/api/events/${F.slug}/agenda`)).json();
  return agenda.forums.find((f: { slug: string }) => f.slug === slug).sessions;
}

/** The seeded delegate, signed in with a link from their mailbox. */
const delegatePage = (browser: Browser) => personPage(browser, DELEGATE.email);

test("a visitor opens the second session's page: the recording starts at its chapter and plays from there", async ({ page, request }) => {
  const sessions = await forumSessions(request, F.public.forum);
  await page.goto(`/en/sessions/${sessions[1].id}`);
  const player = new PlayerPage(page);
  await expect(page.getByRole("heading", { name: "Recording", level: 2 })).toBeVisible();
  await player.loaded();
  await player.expectTime(F.chapterSeconds[1]);
  await expect(player.chapters.nth(1)).toHaveAttribute("aria-current", "true");
  await expect(player.chapters.nth(1)).toHaveText(`${sessions[1].title.en} — 0:15`);
  await expect(player.nowPlaying).toHaveText(`Now: ${sessions[1].title.en}`);
  await expect(page.getByTestId("duration")).toHaveText("Duration 1:00");
  await expect(page.getByText("Space or K play/pause")).toBeVisible();

  await player.press("k");
  await player.expectPlaying(F.chapterSeconds[1] + 0.5);
  // It played on from the chapter, not from the start.
  expect((await player.videoState()).time).toBeLessThan(F.chapterSeconds[2]);
  await expect(page.getByTestId("full-recording")).toHaveAttribute("href", recordingPage(F.public.id, "?t=15"));
});

test("seeking past what is buffered fetches the media with a Range request answered 206", async ({ page, request }) => {
  const sessions = await forumSessions(request, F.public.forum);
  const media: { range: string | null; status: number }[] = [];
  page.on("response", async (res) => {
    if (!res.url().includes(`/api/recordings/${F.public.id}/media`) || res.url().includes("channel=")) return;
    // A response may still be arriving when the test has ended and closed the page.
    const range = await res
      .request()
      .headerValue("range")
      .catch(() => null);
    media.push({ range, status: res.status() });
  });
  await page.goto(`/en/sessions/${sessions[0].id}`);
  const player = new PlayerPage(page);
  await player.loaded();
  await player.expectTime(0);
  const before = media.length;
  await player.chapters.nth(3).click();
  await player.expectTime(F.chapterSeconds[3]);
  await expect(player.chapters.nth(3)).toHaveAttribute("aria-current", "true");
  await expect.poll(() => media.slice(before).some((m) => m.status === 206 && /^bytes=[1-9]\d*-/.test(m.range ?? ""))).toBe(true);
  expect(media.every((m) => m.status === 206 || m.status === 200)).toBe(true);
});

test("a ?t= link opens the recording page at that moment; chapters link to their sessions; English subtitles show", async ({ page, request }) => {
  const sessions = await forumSessions(request, F.public.forum);
  await page.goto(recordingPage(F.public.id, "?t=0:32"));
  const player = new PlayerPage(page);
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Recordings" })).toBeVisible();
  await player.loaded();
  await player.expectTime(32);
  await expect(player.chapters.nth(2)).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("link", { name: `Session page: ${sessions[2].title.en}` })).toHaveAttribute("href", `/en/sessions/${sessions[2].id}`);
  await expect.poll(() => player.video.evaluate((v: HTMLVideoElement) => ({ mode: v.textTracks[0]?.mode, cues: v.textTracks[0]?.cues?.length ?? 0 }))).toEqual({ mode: "showing", cues: 3 });
});

test("the player's own subtitle menu turns the subtitles off and on again", async ({ page }) => {
  await page.goto(recordingPage(F.public.id));
  const player = new PlayerPage(page);
  await player.loaded();
  const menu = page.getByRole("combobox", { name: "Subtitles" });
  await expect(menu).toHaveValue("en");
  const mode = () => player.video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.mode);
  await menu.selectOption({ label: "Off" });
  await expect.poll(mode).toBe("disabled");
  await menu.selectOption({ label: "English" });
  await expect.poll(mode).toBe("showing");
});

test("keyboard shortcuts seek and jump chapters, the copied link names the current second, and Space on the video toggles once", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(recordingPage(F.public.id, "?t=30"));
  const player = new PlayerPage(page);
  await player.loaded();
  await player.expectTime(30);
  await player.press("l");
  await player.expectTime(40);
  await player.press("ArrowLeft");
  await player.expectTime(35);
  await player.press(".");
  await player.expectTime(45);
  // Just past a chapter's start, "previous" goes to the chapter before.
  await player.press(",");
  await player.expectTime(30);
  await player.press("j");
  await player.expectTime(20);
  await player.speed.selectOption({ label: "1.5×" });
  expect(await player.video.evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(1.5);

  await player.copyLink.click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.pathname).toBe(recordingPage(F.public.id));
  expect(copied.searchParams.get("t")).toBe("20");

  // On the focused video, Space is the video's own: it plays, and pauses again, once per press.
  await player.video.focus();
  await page.keyboard.press(" ");
  await player.expectPlaying(20.2);
  await page.keyboard.press(" ");
  await expect.poll(async () => (await player.videoState()).paused).toBe(true);
});

test("choosing the 中文 channel keeps the video's place and plays the channel in step; before it starts the floor plays", async ({ page }) => {
  await page.goto(recordingPage(F.public.id, "?t=20"));
  const player = new PlayerPage(page);
  await player.loaded();
  await player.expectTime(20);
  await player.press("k");
  await player.expectPlaying(20.5);

  await player.channel.selectOption({ label: "中文" });
  const offset = F.channel.offsetSeconds;
  await expect.poll(async () => (await player.audioState()).paused, { timeout: 10_000 }).toBe(false);
  const { video, audio } = await player.bothStates();
  expect(audio.src).toContain(`/api/recordings/${F.public.id}/media?channel=zh`);
  expect(video.time).toBeGreaterThan(20.5);
  expect(video.muted).toBe(true);
  expect(Math.abs(audio.time - (video.time - offset))).toBeLessThan(0.5);
  // Still in step a moment later.
  await page.waitForTimeout(1000);
  const { video: v2, audio: a2 } = await player.bothStates();
  expect(v2.time).toBeGreaterThan(video.time);
  expect(Math.abs(a2.time - (v2.time - offset))).toBeLessThan(0.5);
  expect(await page.evaluate(() => localStorage.getItem("plenary.recordings.channel"))).toBe("zh");

  // Before the channel starts (5 s in), the floor plays and the page says why.
  await player.chapters.nth(0).click();
  await expect(player.channelOutside).toContainText("中文");
  await expect.poll(async () => (await player.audioState()).paused).toBe(true);
  expect((await player.videoState()).muted).toBe(false);
  await expect.poll(async () => (await player.videoState()).time, { timeout: 10_000 }).toBeGreaterThan(offset + 0.5);
  await expect(player.channelOutside).toHaveCount(0);
  await expect.poll(async () => (await player.audioState()).paused).toBe(false);

  // Back to the floor; the choice is remembered on the next visit.
  await player.channel.selectOption({ label: "Floor" });
  await expect.poll(async () => (await player.audioState()).paused).toBe(true);
  expect((await player.videoState()).muted).toBe(false);
  await player.channel.selectOption({ label: "中文" });
  await page.reload();
  await expect(player.channel).toHaveValue("zh");
});

test("the library lists the recording by day and forum, and a speaker search marks the session that matches", async ({ page, request }) => {
  const sessions = await forumSessions(request, F.public.forum);
  const speaker = sessions[1].speakers[0];
  await page.goto(`/en/events/${F.slug}`);
  await page.getByTestId("recordings-link").click();
  await expect(page).toHaveURL(endsWith(`/en/events/${F.slug}/recordings`), NAVIGATION);
  const entry = page.locator(`[data-testid=library-recording][data-recording-id="${F.public.id}"]`);
  await expect(entry).toBeVisible();
  await expect(entry.getByTestId("library-channels")).toHaveText("中文");
  await expect(entry.getByTestId("library-subtitles")).toHaveText("English");
  await expect(page.locator(`[data-recording-id="${F.organizersOnly.id}"]`)).toHaveCount(0);

  await page.getByLabel("Session title or speaker").fill(speaker.nameLatin ?? speaker.name);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=/);
  const rows = entry.getByTestId("library-session");
  await expect(rows).toHaveCount(F.chapterSeconds.length);
  await expect(rows.nth(1)).toHaveAttribute("data-match", "true");
  await expect(rows.nth(1).locator("mark")).toHaveText(sessions[1].title.en);
  await expect(rows.nth(1)).toContainText(speaker.name);
  await expect(rows.nth(0)).toHaveAttribute("data-match", "false");
  await rows.nth(1).getByRole("link").click();
  await expect(page).toHaveURL(endsWith(recordingPage(F.public.id, "?t=15")), NAVIGATION);
  await new PlayerPage(page).expectTime(15);

  await page.goto(`/en/events/${F.slug}/recordings?q=${encodeURIComponent("zzz no such talk")}`);
  await expect(page.getByTestId("library-no-match")).toHaveText("Nothing matches “zzz no such talk”.");
});

test("an organizers-only recording is neither shown nor served to visitors and delegates", async ({ browser, request }) => {
  // A sign-in by mailed link and seven pages and requests, beside the accessibility spec's load.
  test.slow();
  const sessions = await forumSessions(request, F.organizersOnly.forum);
  const media = `/api/recordings/${F.organizersOnly.id}/media`;

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/en/sessions/${sessions[0].id}`);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(sessions[0].title.en);
  await expect(visitor.getByTestId("session-recording")).toHaveCount(0);
  expect((await visitor.request.get(media)).status()).toBe(401);
  await visitor.goto(recordingPage(F.organizersOnly.id));
  await expect(visitor).toHaveURL(/\/en\/sign-in\?callbackUrl=/);
  expect((await visitor.goto(recordingPage("no-such-recording")))?.status()).toBe(404);
  await visitor.context().close();

  const delegate = await delegatePage(browser);
  await delegate.goto(`/en/sessions/${sessions[0].id}`);
  await expect(delegate.getByRole("heading", { level: 1 })).toHaveText(sessions[0].title.en);
  await expect(delegate.getByTestId("session-recording")).toHaveCount(0);
  expect((await delegate.request.get(media, { headers: { range: "bytes=0-" } })).status()).toBe(403);
  await delegate.goto(recordingPage(F.organizersOnly.id));
  await expect(delegate.getByRole("alert").filter({ hasText: "not shared" })).toHaveText("This recording is not shared with you.");
  // The public one is there for the same delegate.
  const open = await forumSessions(request, F.public.forum);
  await delegate.goto(`/en/sessions/${open[0].id}`);
  await expect(delegate.getByTestId("session-recording")).toHaveAttribute("data-recording-id", F.public.id);
  await delegate.context().close();
});
