import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { makeTestVideo } from "./egress/stand-in.mjs";
import { RecordingsConsolePage } from "./pages/recordings-console-page";
import { organizerPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });

const SLUG = "clean-sky-2021";
const stamp = Date.now().toString(36);
const fileName = `forum-take-${stamp}.mp4`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-recordings-"));
const video = path.join(dir, fileName);

interface ApiForum {
  id: string;
  slug: string;
  title: { en: string };
  sessions: { id: string; title: { en: string } }[];
}

let forum: ApiForum;
let page: Page;
let recordingId: string;

test.beforeAll(async ({ browser, request }) => {
  await makeTestVideo({ file: video, seconds: 3 });
  forum = (await (await request.get(`/api/events/${SLUG}/agenda`)).json()).forums[2];
  // The organizer's browser is in New York: the start time typed is still read in the event's zone (Seoul).
  page = await organizerPage(browser, { timezoneId: "America/New_York" });
});

test.afterAll(async () => {
  await page?.context().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the console lists every forum with its block times, and the automatic-recording setting saves at once and shows on the run sheet", async () => {
  test.slow();
  await page.goto(`/en/organizer/events/${SLUG}`);
  await page.getByRole("navigation", { name: "Event console" }).getByRole("link", { name: "Recordings" }).click();
  const consolePage = new RecordingsConsolePage(page);
  await page.getByTestId("viewer-time").first().locator("time").first().waitFor();
  const section = consolePage.forum(forum.title.en);
  await expect(section.getByTestId("viewer-time")).toHaveAttribute("data-zone", "America/New_York");
  await expect(section.getByTestId("zoned-times")).toContainText("KST");
  await expect(section.getByTestId("record-control")).toContainText("Not recording.");
  await expect(section.getByRole("button", { name: `Start recording ${forum.title.en}` })).toBeVisible();

  const auto = section.getByLabel("Record automatically when the first session goes live");
  await expect(auto).not.toBeChecked();
  await auto.check();
  await expect(section.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(auto).toBeChecked();

  await page.goto(`/en/organizer/events/${SLUG}/forums/${forum.slug}/run`);
  const box = page.getByTestId("run-recording");
  await expect(box).toContainText("Not recording.");
  await expect(box.getByRole("button", { name: `Start recording ${forum.title.en}` })).toBeVisible();
  const runAuto = box.getByLabel("Record automatically when the first session goes live");
  await expect(runAuto).toBeChecked();
  // Turned off again, so no later spec starting a session here records by surprise.
  await runAuto.uncheck();
  await expect(box.getByText("Saved.")).toBeVisible();
  await consolePage.open(SLUG);
  await expect(consolePage.forum(forum.title.en).getByLabel("Record automatically when the first session goes live")).not.toBeChecked();
});

test("with no recording service to reach, Start recording says so in words and the failed attempt is listed with its reason", async () => {
  // Only in a run without LiveKit and Egress (the full test run has both, and Egress is tested in integration).
  test.skip(!!process.env.LIVEKIT_EGRESS_URL || !!process.env.PLENARY_TEST_LIVEKIT_URL, "a recording service is running");
  const consolePage = new RecordingsConsolePage(page);
  await consolePage.open(SLUG);
  const section = consolePage.forum(forum.title.en);
  await section.getByRole("button", { name: `Start recording ${forum.title.en}` }).click();
  const unreachable = "The recording service is not reachable. Try again in a moment.";
  await expect(section.getByTestId("record-control").getByRole("alert")).toHaveText(unreachable);
  const failed = section.locator('[data-testid="recording"][data-status="failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed.getByTestId("recording-status")).toHaveText("Failed");
  await expect(failed.getByTestId("recording-error")).toHaveText(unreachable);
  await expect(failed.getByRole("button", { name: /^Publish / })).toBeDisabled();
  page.once("dialog", (dialog) => void dialog.accept());
  await failed.getByRole("button", { name: /^Delete the recording / }).click();
  await expect(failed).toHaveCount(0);
});

test("an organizer uploads an MP4 for a session with a progress bar; it is listed as Ready with the duration read by the browser and the start typed in the event's zone", async () => {
  test.slow();
  const consolePage = new RecordingsConsolePage(page);
  await consolePage.open(SLUG);
  const { upload } = consolePage;
  await upload.forum.selectOption({ label: forum.title.en });
  await upload.session.selectOption({ label: forum.sessions[0].title.en });
  await upload.startedAt.fill("2021-11-23T14:05");
  await upload.visibility.selectOption({ label: "Registered participants" });
  await upload.file.setInputFiles(video);
  await upload.submit.click();
  await expect(upload.percent).toHaveText("100%");
  await expect(upload.progress).toHaveAttribute("value", "100");
  await expect(page.getByRole("status").filter({ hasText: `${fileName} was uploaded.` })).toBeVisible();

  const card = consolePage.recording(fileName);
  await expect(card).toBeVisible();
  recordingId = (await card.getAttribute("data-recording-id"))!;
  await expect(consolePage.forum(forum.title.en).getByTestId("recording").filter({ hasText: fileName })).toHaveCount(1);
  await expect(card.getByTestId("recording-status")).toHaveText("Ready");
  await expect(card.getByTestId("recording-duration")).toHaveText("0:03");
  await expect(card.getByTestId("recording-started")).toHaveText("23 Nov 2021, 14:05 (UTC+9)");
  await expect(card).toContainText("Uploaded");
  await expect(card.getByText("Chapters (1)")).toBeVisible();
  await expect(card.getByTestId("recording-published")).toHaveText("Not published: only organizers see it.");
  await expect(card.getByRole("link", { name: /^Watch / })).toHaveAttribute("href", `/en/events/${SLUG}/recordings/${recordingId}`);
});

test("publishing it for everyone lets a visitor without an account stream it", async ({ browser }) => {
  const consolePage = new RecordingsConsolePage(page);
  const card = consolePage.recording(fileName);
  const media = `/api/recordings/${recordingId}/media`;
  const visitor = await browser.newContext();
  expect((await visitor.request.get(media)).status()).toBe(404);

  await card.getByRole("button", { name: /^Publish / }).click();
  await expect(card.getByTestId("recording-published")).toHaveText("Published");
  await card.getByLabel("Who can watch").selectOption({ label: "Everyone" });
  await expect(card.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(card.getByLabel("Who can watch")).toHaveValue("public");
  await expect(card.getByRole("button", { name: /^Hide / })).toBeVisible();

  const res = await visitor.request.get(media, { headers: { range: "bytes=0-99" } });
  expect(res.status()).toBe(206);
  expect(Buffer.compare(await res.body(), fs.readFileSync(video).subarray(0, 100))).toBe(0);
  await visitor.close();
});

test("a subtitle file with a broken time is refused naming its line and nothing is saved; a good one shows its cue count and is corrected in the page", async () => {
  const card = new RecordingsConsolePage(page).recording(fileName);
  await card.getByText(/^Subtitles \(/).click();
  const english = card.locator('[data-testid="subtitle-language"][data-language="en"]');
  const broken = ["1", "00:00:00,500 --> 00:00:01,500", "Welcome to Clean Sky.", "", "00:00:02;000 --> 00:00:03,000", "Air quality across borders.", ""].join("\n");
  await english.getByLabel("Subtitle file in English").setInputFiles({ name: `broken-${stamp}.srt`, mimeType: "application/x-subrip", buffer: Buffer.from(broken) });
  await english.getByRole("button", { name: "Upload subtitles in English" }).click();
  await expect(english.getByRole("alert")).toContainText("Line 5:");
  await expect(english.getByRole("alert")).toContainText("00:00:02;000 --> 00:00:03,000");
  await expect(english.getByTestId("subtitle-current")).toHaveText("No subtitles");
  expect((await page.request.get(`/api/recordings/${recordingId}/subtitles/en`)).status()).toBe(404);

  const good = ["WEBVTT", "", "00:00:00.500 --> 00:00:01.500", "Welcome to Clean Sky.", "", "00:00:02.000 --> 00:00:03.000", "Air quality across borders.", ""].join("\n");
  await english.getByLabel("Subtitle file in English").setInputFiles({ name: `good-${stamp}.vtt`, mimeType: "text/vtt", buffer: Buffer.from(good) });
  await english.getByRole("button", { name: "Upload subtitles in English" }).click();
  await expect(english.getByRole("status")).toHaveText("Subtitles saved: 2 cues.");
  await expect(english.getByTestId("subtitle-current")).toHaveText(`good-${stamp}.vtt, 2 cues`);
  const vtt = await page.request.get(`/api/recordings/${recordingId}/subtitles/en`);
  expect(vtt.status()).toBe(200);
  expect(await vtt.text()).toContain("Air quality across borders.");

  // Corrected in the page: a word changed, an emptied cue removed; saved as reviewed.
  await english.getByText("Correct the text in English").click();
  const editor = english.getByTestId("subtitle-editor");
  await editor.getByLabel("Find in the subtitles").fill("BORDERS");
  await expect(editor.getByTestId("subtitle-cue")).toHaveCount(1);
  await editor.getByLabel("Text from 00:00:02.000 to 00:00:03.000").fill("Air quality across borders & seas.");
  await editor.getByLabel("Find in the subtitles").fill("");
  await editor.getByLabel("Text from 00:00:00.500 to 00:00:01.500").fill("");
  await editor.getByRole("button", { name: "Save the text in English" }).click();
  await expect(english.getByRole("status")).toHaveText("Subtitles saved: 1 cue.");
  await expect(english.getByTestId("subtitle-current")).toHaveText(`good-${stamp}.vtt, 1 cue`);
  const corrected = await (await page.request.get(`/api/recordings/${recordingId}/subtitles/en`)).text();
  expect(corrected).toBe("WEBVTT\n\n00:00:02.000 --> 00:00:03.000\nAir quality across borders &amp; seas.\n\n");
});

test("an organizer moves a chapter's start and saves it; the chapters are then marked as edited by hand", async () => {
  const consolePage = new RecordingsConsolePage(page);
  const card = consolePage.recording(fileName);
  await card.getByText("Chapters (1)").click();
  const row = card.getByTestId("chapter-row");
  await expect(row).toHaveCount(1);
  const offset = row.getByLabel("Starts at (h:mm:ss)");
  await expect(offset).toHaveValue("0:00");
  await expect(row.getByLabel("Title in English")).toHaveValue(forum.sessions[0].title.en);

  // Past the end of a 3-second recording: refused in words, nothing saved.
  await offset.fill("0:00:09");
  await card.getByRole("button", { name: "Save chapters" }).click();
  await expect(card.getByTestId("chapter-editor").getByRole("alert")).toHaveText("A chapter starts after the end of the recording.");

  await offset.fill("0:00:02");
  await card.getByRole("button", { name: "Save chapters" }).click();
  await expect(card.getByTestId("chapter-editor").getByRole("status")).toHaveText("Chapters saved.");
  await page.reload();
  await card.getByText("Chapters (1)").click();
  await expect(card.getByTestId("chapter-row").getByLabel("Starts at (h:mm:ss)")).toHaveValue("0:02");
  await expect(card.getByTestId("chapters-edited")).toBeVisible();
});

test("deleting the recording after confirming removes it from the console and its file from storage", async () => {
  const consolePage = new RecordingsConsolePage(page);
  const card = consolePage.recording(fileName);
  const media = `/api/recordings/${recordingId}/media`;
  expect((await page.request.get(media, { headers: { range: "bytes=0-9" } })).status()).toBe(206);
  // With local storage (the test run's), the file itself is checked too.
  const stored = process.env.S3_BUCKET ? null : path.resolve(process.env.RECORDINGS_DIR ?? ".data/recordings", "recordings", recordingId, "upload.mp4");
  if (stored) expect(fs.existsSync(stored)).toBe(true);
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.accept();
  });
  await card.getByRole("button", { name: /^Delete the recording / }).click();
  await expect(card).toHaveCount(0);
  expect(asked).toContain("Its file is removed from storage");
  expect((await page.request.get(media)).status()).toBe(404);
  if (stored) expect(fs.existsSync(stored)).toBe(false);
});

test("an upload under way shows its progress and can be cancelled; nothing is listed", async () => {
  test.slow();
  const consolePage = new RecordingsConsolePage(page);
  await consolePage.open(SLUG);
  const { upload } = consolePage;
  // An MP4 head and 3 MB after it, sent at 256 KB/s so the upload is still running when cancelled.
  const name = `cancelled-${stamp}.mp4`;
  const big = Buffer.concat([fs.readFileSync(video).subarray(0, 4096), Buffer.alloc(3 * 1024 * 1024)]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  try {
    await upload.forum.selectOption({ label: forum.title.en });
    await upload.file.setInputFiles({ name, mimeType: "video/mp4", buffer: big });
    await upload.submit.click();
    await expect(upload.percent).toHaveText(/^([1-9]|[1-8]\d)%$/);
    await upload.form.getByRole("button", { name: "Cancel upload" }).click();
    await expect(upload.form.getByRole("status")).toHaveText("The upload was cancelled.");
    await expect(upload.percent).toHaveCount(0);
  } finally {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  }
  await page.reload();
  await expect(page.getByTestId("recording-file").getByText(name)).toHaveCount(0);
});
