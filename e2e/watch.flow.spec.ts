// The audience watches a forum live on the real LiveKit server and the Egress stand-in's real HLS:
// the forum's page links to the watch page, which asks a signed-out visitor to sign in; a viewer
// waiting off air starts playing, without a reload, when the organizer goes on air; over WebRTC
// (the stage's video, the interpreter's channel when picked; the viewer is hidden from the room's
// participant list and its token cannot publish); over HLS with hls.js (playback advances, and
// switching to 中文 changes the audio rendition without losing the place; that channel's live
// captions over the picture, from the stream's subtitle rendition); and HLS takes over, saying so,
// when WebRTC cannot connect.
//
// Test-only DB changes (hence a flow spec): beforeAll moves the "joint-research" forum to now
// and sets its broadcast settings; afterAll puts both back. The organizer starts and stops the
// broadcast from the console, as organizers do.
import fs from "node:fs";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { liveKitUrl, publishedTracks, startPublishers, type Publishers } from "./egress-participants";
import { startClientPageServer, type LiveKitGlobal } from "./livekit/client-page";
import { openForumNow } from "./open-forum";
import { RoomPage } from "./pages/room-page";
import { organizerPage, personPage } from "./pages/sign-in-page";
import { WatchPage } from "./pages/watch-page";
import { startBroadcastFromConsole, stopBroadcastFromConsole } from "./pages/broadcast-console";
import { expectNoSeriousViolations } from "./axe";

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.PLENARY_TEST_LIVEKIT_SKIPPED, process.env.PLENARY_TEST_LIVEKIT_SKIPPED ?? "");
test.setTimeout(240_000);

type Person = { email: string; name: string; role: string; forums: string[] };
const seed = JSON.parse(fs.readFileSync("prisma/data/clean-sky-2021.json", "utf8")) as { people: Person[] };
const SLUG = "clean-sky-2021";
const FORUM = "joint-research";
// A delegate of the forum who watches instead of joining (no other flow signs them in).
const VIEWER = seed.people.filter((p) => p.role === "delegate" && p.forums.length === 1 && p.forums[0] === FORUM).at(-1)!;
const INTERPRETER = "watch-spec-interpreter";

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

let restore: (() => Promise<void>) | null = null;
let forumId = "";
let sessionId = "";
let room = "";
let publishers: Publishers | null = null;
let organizer: RoomPage;
let viewer: WatchPage;

test.beforeAll(async ({ browser }) => {
  const opened = await openForumNow(FORUM);
  restore = opened.restore;
  [{ id: forumId, room_name: room }] = await sql<{ id: string; room_name: string }>(`SELECT f.id, f.room_name FROM forums f JOIN events e ON e.id = f.event_id WHERE e.slug = $1 AND f.slug = $2`, [
    SLUG,
    FORUM,
  ]);
  sessionId = opened.snapshot.forums.find((f) => f.slug === FORUM)!.sessions[0].id;
  await sql(
    `INSERT INTO broadcast_settings (forum_id, webrtc, hls, audience, backstage, updated_at) VALUES ($1, true, true, 'registered', false, now())
     ON CONFLICT (forum_id) DO UPDATE SET webrtc = true, hls = true, audience = 'registered', backstage = false`,
    [forumId],
  );
  // The stage: the organizer in the room with Chromium's fake camera and microphone, and an
  // interpreter the server put on duty in the 中文 booth.
  organizer = new RoomPage(await organizerPage(browser));
  await organizer.openFromSession(sessionId);
  await organizer.enter();
  publishers = await startPublishers(browser);
  await publishers.join(room, INTERPRETER, "Booth zh", [{ kind: "microphone", name: "interpretation:zh" }], { "role": "interpreter", "booth.zh": new Date().toISOString() });
  viewer = new WatchPage(await personPage(browser, VIEWER.email));
});

test.afterAll(async ({ browser }) => {
  // Going off air waits for Egress to end every output.
  test.setTimeout(150_000);
  if (forumId) await stopBroadcastFromConsole(await organizerPage(browser), SLUG, FORUM);
  await publishers?.close();
  if (forumId) await sql(`DELETE FROM broadcast_settings WHERE forum_id = $1`, [forumId]);
  await restore?.();
});

/** Tries to publish a microphone with `token` from a bare livekit-client page: the error's message, or "published". */
async function tryPublishing(page: Page, token: string): Promise<{ canPublish: boolean; hidden: boolean; outcome: string }> {
  return page.evaluate(
    async ([url, jwt]) => {
      const LK = (window as unknown as LiveKitGlobal).LivekitClient;
      const lkRoom = new LK.Room();
      await lkRoom.connect(url, jwt);
      const permissions = lkRoom.localParticipant.permissions;
      let outcome = "published";
      try {
        await lkRoom.localParticipant.publishTrack(await LK.createLocalAudioTrack());
      } catch (err) {
        outcome = (err as Error).message;
      }
      await lkRoom.disconnect();
      return { canPublish: !!permissions?.canPublish, hidden: !!permissions?.hidden, outcome };
    },
    [liveKitUrl, token] as const,
  );
}

test("the forum's page links to the watch page, which asks a signed-out visitor to sign in and come back", async ({ page }) => {
  await page.goto(`/en/events/${SLUG}/forums/${FORUM}`);
  await page.getByTestId("watch-live-link").click();
  await expect(page).toHaveURL(new RegExp(`/en/events/${SLUG}/forums/${FORUM}/watch$`));
  const refusal = page.getByTestId("watch-refusal");
  await expect(refusal).toHaveAttribute("data-refusal", "signIn");
  await expect(refusal.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", new RegExp(`callbackUrl=${encodeURIComponent(`/en/events/${SLUG}/forums/${FORUM}/watch`)}`));
  expect((await page.request.post(`/api/forums/${forumId}/broadcast/token`)).status()).toBe(401);
});

test("a viewer waiting off air sees the next session, and the stage plays without a reload once the organizer goes on air", async ({ browser }) => {
  await viewer.open(SLUG, FORUM);
  await expect(viewer.page.getByTestId("watch-off-air")).toBeVisible();
  await expect(viewer.page.getByTestId("watch-next")).toContainText("Next on stage:");
  expect((await viewer.page.request.post(`/api/forums/${forumId}/broadcast/token`)).status()).toBe(409);
  // A mark in this document: a reload would lose it.
  await viewer.page.evaluate(() => Object.assign(window, { __waitedOffAir: true }));
  await startBroadcastFromConsole(await organizerPage(browser), SLUG, FORUM);
  // The page reads the broadcast every 10 s.
  await expect(viewer.player).toHaveAttribute("data-player", "webrtc", { timeout: 30_000 });
  expect(await viewer.page.evaluate(() => (window as unknown as { __waitedOffAir?: boolean }).__waitedOffAir)).toBe(true);
});

test("an audience member watches the stage over WebRTC, hears the 中文 channel when they pick it, has the Q&A and polls below the player on a phone, and stays hidden and unable to publish", async ({
  browser,
}) => {
  await expect(viewer.webrtc).toHaveAttribute("data-phase", "connected", { timeout: 30_000 });
  // The organizer is the only one on stage with a camera.
  await expect.poll(async () => (await publishedTracks(room)).filter((t) => t.kind === "video").length, { timeout: 20_000 }).toBe(1);
  const stageIdentity = (await publishedTracks(room)).find((t) => t.kind === "video")!.identity;
  await viewer.expectStageVideo(stageIdentity);

  // The floor by default; 中文 brings the on-duty interpreter's track (the floor stays, turned down).
  await expect.poll(() => viewer.audioTracks(), { timeout: 20_000 }).not.toContain("interpretation:zh");
  await viewer.channel.selectOption("zh");
  await expect.poll(() => viewer.audioTracks(), { timeout: 20_000 }).toContain("interpretation:zh");
  await viewer.channel.selectOption("floor");
  await expect.poll(() => viewer.audioTracks(), { timeout: 20_000 }).not.toContain("interpretation:zh");

  // The room's own people list never shows the viewer.
  await organizer.tab("People");
  await expect(organizer.panel("People").getByTestId("participant").first()).toBeVisible();
  await expect(organizer.panel("People").getByTestId("participant").filter({ hasText: VIEWER.name })).toHaveCount(0);

  // The viewer's token: hidden, subscribe-only; publishing with it is refused.
  const answer = await viewer.page.request.post(`/api/forums/${forumId}/broadcast/token`);
  expect(answer.status()).toBe(200);
  const { participantToken } = (await answer.json()) as { participantToken: string };
  const server = await startClientPageServer("audience");
  try {
    const bare = await (await browser.newContext()).newPage();
    await bare.goto(server.origin);
    const attempt = await tryPublishing(bare, participantToken);
    expect(attempt.canPublish).toBe(false);
    expect(attempt.hidden).toBe(true);
    expect(attempt.outcome).not.toBe("published");
    await bare.context().close();
  } finally {
    await server.close();
  }
  // Nothing of the viewer's ever reached the server.
  expect((await publishedTracks(room)).filter((t) => t.identity !== stageIdentity && t.identity !== INTERPRETER)).toEqual([]);
});

test("an audience member watches over HLS: playback advances, and switching to 中文 changes the audio rendition without losing the place", async () => {
  await viewer.page.getByTestId("watch-switch-hls").click();
  await expect(viewer.player).toHaveAttribute("data-player", "hls");
  await expect(viewer.hls).toHaveAttribute("data-phase", "ready", { timeout: 60_000 });
  await viewer.expectHlsAdvancing();
  expect(await viewer.renditionLang()).not.toBe("zh");

  // The place is kept: after the switch the position is where it was plus the time that passed
  // while playing, give or take a second (a reload or a jump to the live edge would break this).
  const asked = Date.now();
  const before = await viewer.currentTime();
  await viewer.channel.selectOption("zh");
  await expect.poll(() => viewer.renditionLang(), { timeout: 20_000 }).toBe("zh");
  const after = await viewer.currentTime();
  const passed = (Date.now() - asked) / 1000;
  expect(after).toBeGreaterThan(before - 1);
  expect(after).toBeLessThan(before + passed + 1);
  await viewer.expectHlsAdvancing(1);
  await expect(viewer.page.getByTestId("hls-latency")).toHaveAttribute("data-seconds", /\d/);

  // Back to the start of the live window, then "Go live" returns to the live edge.
  const live = viewer.page.getByTestId("hls-live");
  const seek = viewer.page.getByLabel("Position in the last minutes");
  await expect(live).toHaveAttribute("data-live", "true");
  await seek.fill((await seek.getAttribute("min"))!);
  await expect(live).toHaveAttribute("data-live", "false");
  await live.click();
  await expect(live).toHaveAttribute("data-live", "true", { timeout: 10_000 });
  await expectNoSeriousViolations(viewer.page, "the watch page playing HLS");
});

test("an HLS viewer sees the live captions of the channel they hear, in the overlay and a transcript, sets their size, and can turn them off", async () => {
  // Captions as the worker stores them, said on the 中文 channel second by second from now on (the
  // stage's segments carry the same wall-clock instants); the stream's subtitle rendition for 中文
  // serves them a few seconds later, cut to the segments, and the player draws them.
  let n = 0;
  const say = async () => {
    n += 1;
    await sql(
      `INSERT INTO caption_segments (id, forum_id, segment_key, channel, language, speaker_identity, text, starts_at, ends_at)
       VALUES (gen_random_uuid()::text, $1, $2, 'zh', 'zh', $3, $4, now(), now() + interval '1 second')`,
      [forumId, `watch-spec.${n}`, INTERPRETER, `清洁空气 ${n}`],
    );
  };
  const speaking = setInterval(() => void say().catch(() => undefined), 1000);
  try {
    await expect.poll(() => viewer.renditionLang()).toBe("zh");
    const overlay = viewer.hls.getByTestId("captions");
    await expect(overlay.getByTestId("caption-line").first()).toContainText(/清洁空气 \d+/, { timeout: 45_000 });
    await expect(overlay).toHaveAttribute("data-channel", "zh");
    await expect(overlay.getByTestId("caption-line").first()).toHaveAttribute("lang", "zh");
    await expect(overlay).toContainText("中文");
    // Beside the player: the settings and the transcript of the channel heard, one line per sentence.
    const panel = viewer.page.getByTestId("watch-captions-panel");
    await panel.getByText("Captions and transcript").click();
    await expect(panel.getByTestId("transcript-line").first()).toContainText(/清洁空气 \d+/);
    await panel.getByTestId("caption-size-large").check();
    await expect(overlay).toHaveAttribute("data-size", "large");
    await panel.getByTestId("caption-size-medium").check();
    const button = viewer.page.getByTestId("watch-captions");
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await button.click();
    await expect(viewer.hls.getByTestId("caption-line")).toHaveCount(0);
    await button.click();
    await expect(overlay.getByTestId("caption-line").first()).toContainText(/清洁空气 \d+/, { timeout: 20_000 });
  } finally {
    clearInterval(speaking);
    await sql(`DELETE FROM caption_segments WHERE forum_id = $1 AND segment_key LIKE 'watch-spec.%'`, [forumId]);
  }
});

test("when WebRTC cannot connect the page falls back to HLS and says so", async () => {
  const page = await viewer.page.context().newPage();
  // The token route unreachable: WebRTC has no way in.
  await page.route(`**/api/forums/${forumId}/broadcast/token`, (route) => route.abort());
  const fallback = new WatchPage(page);
  await fallback.open(SLUG, FORUM);
  await expect(fallback.player).toHaveAttribute("data-player", "hls", { timeout: 30_000 });
  await expect(page.getByTestId("watch-fell-back")).toBeVisible();
  await fallback.expectHlsAdvancing(1);
  await page.close();
});
