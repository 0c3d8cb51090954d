// The organizer puts a forum before an audience from the run sheet's Broadcast box: who may watch,
// a restream destination whose stream key is never shown again, On air — the stage's HLS and each
// channel's run, and the restream is proven to arrive at a platform's RTMP ingest (a receiver on
// loopback) — then Off air, every output finished.
import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { startRtmpReceiver } from "./rtmp-receiver.mjs";
import type { RtmpReceiver } from "./rtmp-receiver.d.mts";
import { organizerPage } from "./pages/sign-in-page";
import { NAVIGATION } from "./waits";

test.describe.configure({ mode: "serial" });

const SLUG = "clean-sky-2021";
const streamKey = `yt-${crypto.randomBytes(8).toString("hex")}`;

interface ApiForum {
  id: string;
  slug: string;
  title: { en: string };
}

let forum: ApiForum;
let page: Page;
let receiver: RtmpReceiver;

test.beforeAll(async ({ browser, request }) => {
  // The fourth forum: no other spec broadcasts or records it.
  forum = (await (await request.get(`/api/events/${SLUG}/agenda`)).json()).forums[3];
  receiver = await startRtmpReceiver({ keys: [streamKey] });
  page = await organizerPage(browser, { timezoneId: "America/New_York" });
});

test.afterAll(async () => {
  await page?.context().close();
  await receiver?.stop();
});

test("the Broadcast box: settings, a restream destination, on air with HLS and the restream arriving, off air", async () => {
  test.skip(!process.env.LIVEKIT_EGRESS_URL && !process.env.PLENARY_TEST_EGRESS_URL, "no Egress to broadcast through");
  test.slow();
  await page.goto(`/en/organizer/events/${SLUG}/forums/${forum.slug}/run`, NAVIGATION);
  const box = page.getByTestId("broadcast-box");
  await expect(box.getByTestId("broadcast-status")).toHaveText("Off air");

  // Who watches: everyone, over both players.
  await box.getByLabel(/^Everyone/).check();
  await box.getByRole("button", { name: "Save settings" }).click();
  await expect(box.getByText("Settings saved.")).toBeVisible();

  // A bad URL is refused in words; nothing is added.
  const form = box.getByTestId("restream-form");
  await form.getByLabel("Name").fill("YouTube");
  await form.getByLabel(/^Server URL/).fill("ftp://127.0.0.1/live");
  await form.getByLabel("Stream key").fill(streamKey);
  await form.getByRole("button", { name: "Add destination" }).click();
  await expect(box.getByTestId("restream-error")).toContainText("rtmp://");
  await expect(box.getByTestId("restream-destination")).toHaveCount(0);

  await form.getByLabel(/^Server URL/).fill(receiver.url);
  await form.getByRole("button", { name: "Add destination" }).click();
  const destination = box.getByTestId("restream-destination");
  await expect(destination).toHaveCount(1);
  await expect(destination.getByTestId("restream-key-hint")).toHaveText(`key ending …${streamKey.slice(-4)}`);
  // The key itself is nowhere in the page once saved, the form emptied.
  await expect(form.getByLabel("Stream key")).toHaveValue("");
  expect(await page.content()).not.toContain(streamKey);

  await box.getByRole("button", { name: "Go on air" }).click();
  await expect(box).toHaveAttribute("data-status", /starting|live/);
  await expect(box.getByTestId("broadcast-status")).toContainText("On air", { timeout: 30_000 });
  for (const name of ["stage", "ko", "zh", "en"]) await expect(box.locator(`[data-testid="broadcast-output"][data-name="${name}"]`)).toHaveAttribute("data-status", "active", { timeout: 30_000 });
  await expect(box.getByTestId("restream-output")).toHaveAttribute("data-status", "active", { timeout: 30_000 });
  // Shown in New York time with the event's zones beside it.
  await expect(box.getByTestId("broadcast-status")).toContainText("since");

  const arrived = await receiver.waitForStream(streamKey, { timeoutMs: 30_000 });
  expect(arrived).toMatchObject({ videoCodec: "h264", audioCodec: "aac" });

  // The master playlist is public now: every channel as an audio rendition.
  const master = await page.request.get(`/api/forums/${forum.id}/broadcast/index.m3u8?lang=en`);
  expect(master.status()).toBe(200);
  const text = await master.text();
  for (const lang of ["ko", "zh", "en"]) expect(text).toContain(`LANGUAGE="${lang}"`);

  page.once("dialog", (d) => void d.accept());
  await box.getByRole("button", { name: "Go off air" }).click();
  await expect(box.getByTestId("broadcast-status")).toHaveText("Off air", { timeout: 30_000 });
  await expect(box.getByTestId("restream-output")).toHaveAttribute("data-status", "complete", { timeout: 30_000 });

  // Left as found: the destination removed, registered-only again.
  page.once("dialog", (d) => void d.accept());
  await destination.getByRole("button", { name: "Remove YouTube" }).click();
  await expect(box.getByTestId("restream-destination")).toHaveCount(0);
  await box.getByLabel(/^Registered people only/).check();
  await box.getByRole("button", { name: "Save settings" }).click();
  await expect(box.getByText("Settings saved.")).toBeVisible();
});
