// The recording layout pages on the real LiveKit server, opened the way LiveKit Egress's Chrome
// opens them (its customBaseUrl plus ?url, a recorder token minted as Egress mints it, layout):
// a speaker with Chromium's fake camera is drawn large and a camera-less panelist as a name tile,
// the current session's title follows the stage in the page's language, the SDK's START_RECORDING
// is logged, and an interpreter's `interpretation:zh` track reaches the zh channel page but never
// the stage page.
//
// Test-only DB changes (hence a flow spec): beforeAll moves the "air-pollution" forum (no other
// spec's room) to now in the latest agenda publication; one of its sessions is marked live and
// announced on the live channel as an organizer's run sheet does. afterAll puts both back.
import pg from "pg";
import { expect, test } from "@playwright/test";
import { liveKitUrl, publishedTracks, recorderToken, startPublishers, type Publishers } from "./egress-participants";
import { openForumNow } from "./open-forum";
import { EgressLayoutPage } from "./pages/egress-layout-page";

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.PLENARY_TEST_LIVEKIT_SKIPPED, process.env.PLENARY_TEST_LIVEKIT_SKIPPED ?? "");
test.setTimeout(120_000);

type Title = { ko: string; zh: string; en: string };
type ForumSnapshot = { id: string; slug: string; sessions: { id: string; title: Title }[] };

const FORUM = "air-pollution";
const SPEAKER = "egress-spec-speaker";
const INTERPRETER = "egress-spec-interpreter";
const PANELIST = "egress-spec-panelist";

let restore: (() => Promise<void>) | null = null;
let forum: ForumSnapshot;
let room = "";
let markedLive: string | null = null;
let publishers: Publishers | null = null;

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** What an organizer's "Start" on the run sheet does: the status, then NOTIFY for every instance. */
async function markLive(sessionId: string) {
  const [row] = await sql<{ event_id: string; slug: string; forum_id: string }>(
    `UPDATE sessions s SET status = 'live' FROM forums f JOIN events e ON e.id = f.event_id
     WHERE s.id = $1 AND f.id = s.forum_id RETURNING e.id AS event_id, e.slug, f.id AS forum_id`,
    [sessionId],
  );
  markedLive = sessionId;
  const message = { type: "session.status", eventId: row.event_id, eventSlug: row.slug, sessionId, forumId: row.forum_id, status: "live", at: new Date().toISOString() };
  await sql(`SELECT pg_notify('plenary_live', $1)`, [JSON.stringify(message)]);
}

test.beforeAll(async () => {
  const opened = await openForumNow(FORUM);
  restore = opened.restore;
  forum = opened.snapshot.forums.find((f) => f.slug === FORUM) as unknown as ForumSnapshot;
  [{ room_name: room }] = await sql<{ room_name: string }>(`SELECT room_name FROM forums WHERE id = $1`, [forum.id]);
});

test.afterAll(async () => {
  await publishers?.close();
  if (markedLive) await sql(`UPDATE sessions SET status = 'scheduled' WHERE id = $1`, [markedLive]);
  await restore?.();
});

test("the stage layout draws the speaker with the current session's title in ko and en, starts recording, and leaves the interpreter's track to the channel page", async ({ browser }) => {
  publishers = await startPublishers(browser);
  await publishers.join(room, SPEAKER, "Dr. Layout Speaker", [{ kind: "camera" }, { kind: "microphone" }]);
  const open = async (path: string, n: number) => EgressLayoutPage.open(browser, path, { url: liveKitUrl, token: await recorderToken(room, `EG_layout_spec_${n}`), layout: "speaker" });
  const en = await open(`/en/egress/${forum.id}`, 1);
  const ko = await open(`/ko/egress/${forum.id}`, 2);
  const zh = await open(`/en/egress/${forum.id}/channel/zh`, 3);

  // The speaker large, playing; the lower third names the session the clock points at.
  await en.expectMainVideoPlaying(SPEAKER);
  await expect(en.tile(SPEAKER)).toContainText("Dr. Layout Speaker");
  await expect(en.lowerThird).toHaveText(forum.sessions[0].title.en);
  await expect(ko.lowerThird).toHaveText(forum.sessions[0].title.ko);
  await en.expectRecordingStarted();
  await ko.expectRecordingStarted();
  await zh.expectRecordingStarted();
  await expect(zh.page.getByTestId("egress-channel")).toContainText("Interpretation: Chinese");

  // While everything is being recorded an interpreter goes live on 中文, then a panelist without
  // a camera takes the floor: the stage page's arrival of the panelist's voice, which comes after
  // the channel's, is what shows the channel was left out rather than merely late.
  // The interpreter is on duty in the zh booth (the server's claim); a track merely named for the
  // channel by anyone else would be neither recorded as the channel nor on the stage.
  await publishers.join(room, INTERPRETER, "Booth zh", [{ kind: "microphone", name: "interpretation:zh" }], { "role": "interpreter", "booth.zh": new Date().toISOString() });
  await publishers.join(room, PANELIST, "Panelist Without Camera", [{ kind: "microphone" }]);
  const tracks = await publishedTracks(room);
  const sid = (identity: string, kind: "audio" | "video") => tracks.find((t) => t.identity === identity && t.kind === kind)?.sid;
  const [zhSid, micSid, cameraSid, panelistSid] = [sid(INTERPRETER, "audio"), sid(SPEAKER, "audio"), sid(SPEAKER, "video"), sid(PANELIST, "audio")];
  expect(tracks.find((t) => t.sid === zhSid)?.name).toBe("interpretation:zh");

  // The channel page receives the channel and nothing else; the stage page the floor, never the channel.
  await expect.poll(() => zh.received("audio"), { timeout: 20_000 }).toEqual([zhSid]);
  await expect(zh.audioElements("interpretation:zh")).toHaveCount(1);
  await expect.poll(async () => (await en.received("audio")).sort(), { timeout: 20_000 }).toEqual([micSid, panelistSid].sort());
  expect(await en.received("video")).toEqual([cameraSid]);
  expect(await zh.received("video")).toEqual([]);
  await expect(en.audioElements("interpretation:zh")).toHaveCount(0);
  await expect(en.tile(INTERPRETER)).toHaveCount(0);
  // The panelist is on the stage as a name tile.
  await expect(en.tile(PANELIST)).toContainText("Panelist Without Camera");
  await expect(en.tile(PANELIST).locator("video")).toHaveCount(0);

  // An organizer starts the next session: both stage pages follow it from the live stream.
  await markLive(forum.sessions[1].id);
  await expect(en.lowerThird).toHaveText(forum.sessions[1].title.en);
  await expect(ko.lowerThird).toHaveText(forum.sessions[1].title.ko);

  for (const page of [en, ko, zh]) await page.close();
});

test("an unknown forum's layout page answers 404", async ({ page }) => {
  const response = await page.goto(`/en/egress/no-such-forum?url=${encodeURIComponent(liveKitUrl)}&token=x&layout=speaker`);
  expect(response?.status()).toBe(404);
  const channel = await page.goto(`/en/egress/${forum.id}/channel/fr`);
  expect(channel?.status()).toBe(404);
});
