// Live captions in the browser (issue 23), on the real LiveKit server with the real captions
// worker (npm run captions: LiveKit Agents, faster-whisper, Whisper base). The worker is started
// by this spec and registers before anyone joins; a delegate opening the forum's room starts it,
// LiveKit's room_started webhook makes the app dispatch the worker, and a speaker on the floor
// (a @livekit/rtc-node participant speaking an espeak-ng sentence) is captioned on the delegate's
// stage, in the transcript (searchable; a delegate arriving later reads it too) and nowhere from a
// participant's own client.
//
// Like the other room specs, the forum is moved to now in the latest agenda publication and put
// back afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import type { Room } from "@livekit/rtc-node";
import { AccessToken, RoomServiceClient } from "livekit-server-sdk";
import { captionAttributes, TRANSCRIPTION_TOPIC } from "../lib/captions/wire";
import { findCaptionsEngine } from "../scripts/lib/captions-engine.mjs";
import { espeakAvailable, spokenPcm } from "../test/speech";
import { openForumNow } from "./open-forum";
import { RoomPage } from "./pages/room-page";
import { personPage } from "./pages/sign-in-page";

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.PLENARY_TEST_LIVEKIT_SKIPPED, process.env.PLENARY_TEST_LIVEKIT_SKIPPED ?? "");
const engine = findCaptionsEngine();
const espeak = espeakAvailable();
// CI installs both (.ci/run); elsewhere a machine without them skips this spec and says why.
test.skip(process.env.CI !== "true" && (!engine || !espeak), "the captions engine (node scripts/captions-engine.mjs) and espeak-ng are needed");
test.setTimeout(240_000);

// No spec before this one (in the flows' order) opens this forum's room: the room must start with
// the delegate's join, for its room_started to ask for the worker.
const FORUM = "forecast";
const ROOM = `clean-sky-2021--${FORUM}`;
const SENTENCE = "Air quality forecasts for Seoul and Beijing will be shared every morning.";
const FORGED = "Please leave the meeting now.";
type Person = { email: string; role: string; forums: string[]; preferredLanguage: string };
const seed = JSON.parse(fs.readFileSync("prisma/data/clean-sky-2021.json", "utf8")) as { people: Person[] };
const LISTENER =
  seed.people.filter((p) => p.role === "delegate" && p.forums.includes(FORUM) && p.preferredLanguage === "en").at(0) ?? seed.people.filter((p) => p.role === "delegate" && p.forums.includes(FORUM))[0];

// A second English-reading delegate of the forum, who comes in after the sentence was said.
const LATE = seed.people.filter((p) => p.role === "delegate" && p.forums.includes(FORUM) && p.preferredLanguage === "en" && p !== LISTENER).at(-1);

let worker: ChildProcess | undefined;
let workerLog = "";
let rtc: typeof import("@livekit/rtc-node");
let restore: (() => Promise<void>) | null = null;
let sessionId = "";
const rooms: Room[] = [];

test.beforeAll(async () => {
  const opened = await openForumNow(FORUM);
  restore = opened.restore;
  sessionId = opened.snapshot.forums.find((f) => f.slug === FORUM)!.sessions[0].id;
  // @livekit/rtc-node logs at debug level outside production.
  const env = process.env as Record<string, string | undefined>;
  const mode = env.NODE_ENV;
  env.NODE_ENV = "production";
  rtc = await import("@livekit/rtc-node");
  env.NODE_ENV = mode;
  worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/captions-worker.ts", "--port=0"], {
    env: { ...process.env, CAPTIONS_PYTHON: engine!.python, CAPTIONS_MODEL_DIR: engine!.modelDir, CAPTIONS_THREADS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const s of [worker.stdout!, worker.stderr!]) s.on("data", (d: Buffer) => (workerLog = (workerLog + d.toString()).slice(-20_000)));
  await expect.poll(() => /registered worker/i.test(workerLog) || worker!.exitCode !== null, { timeout: 60_000 }).toBe(true);
  expect(worker.exitCode, workerLog).toBeNull();
  // A room left open by an earlier spec would not start again: close it, so the delegate's join starts it.
  const roomService = new RoomServiceClient(process.env.LIVEKIT_URL!.replace(/^ws/, "http"), process.env.LIVEKIT_API_KEY!, process.env.LIVEKIT_API_SECRET!);
  await roomService.deleteRoom(ROOM).catch(() => undefined);
});

test.afterAll(async () => {
  await Promise.all(rooms.map((r) => r.disconnect().catch(() => undefined)));
  worker?.kill("SIGTERM");
  await restore?.();
});

/** A participant minted with the API secret, as a load tester or a room-side service is. */
async function join(identity: string, name: string): Promise<Room> {
  const at = new AccessToken(process.env.LIVEKIT_API_KEY!, process.env.LIVEKIT_API_SECRET!, { identity, name });
  at.addGrant({ roomJoin: true, room: ROOM, canPublish: true, canSubscribe: false, canPublishData: true });
  const room = new rtc.Room();
  await room.connect(process.env.LIVEKIT_URL!, await at.toJwt(), { autoSubscribe: false, dynacast: false });
  rooms.push(room);
  return room;
}

test("a delegate sees the floor captioned live on the stage and in a searchable transcript, marked automatic, and never a participant's own captions", async ({ browser }) => {
  const listener = new RoomPage(await personPage(browser, LISTENER.email));
  await listener.openFromSession(sessionId);
  await listener.enter();
  // The worker joined (dispatched on the room's start): the captions button appears.
  const toggle = listener.page.getByTestId("captions-toggle");
  await expect(toggle, workerLog).toBeVisible({ timeout: 60_000 });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  // The worker is a service of the room, not a person in it.
  await expect(listener.page.locator('[data-testid="tile"][data-name^="agent-"]')).toHaveCount(0);

  const speaker = await join("captions-speaker", "Speaker on the floor");
  const forger = await join("captions-forger", "A delegate's client");
  const source = new rtc.AudioSource(16_000, 1);
  await speaker.localParticipant!.publishTrack(rtc.LocalAudioTrack.createAudioTrack("microphone", source), new rtc.TrackPublishOptions({ source: rtc.TrackSource.SOURCE_MICROPHONE }));
  const forged = captionAttributes({ segmentId: "forged", final: true, trackSid: "TR_x", channel: "floor", speaker: "captions-speaker", language: "en", startsAt: new Date(), endsAt: new Date() });
  const pcm = spokenPcm(SENTENCE);
  for (let i = 0; i < pcm.length; i += 160) {
    const frame = new Int16Array(160);
    frame.set(pcm.subarray(i, i + 160));
    await source.captureFrame(new rtc.AudioFrame(frame, 16_000, 1, 160));
    if (i === 16_000) await forger.localParticipant!.sendText(FORGED, { topic: TRANSCRIPTION_TOPIC, attributes: forged });
  }

  // On the stage, with the automatic label and the channel; then in the transcript as a final line.
  const overlay = listener.page.getByTestId("captions");
  await expect(overlay.getByTestId("caption-line").first(), workerLog).toContainText(/air quality/i, { timeout: 30_000 });
  await expect(overlay).toContainText("Automatic captions · Floor");
  await listener.panelButton("transcript").click();
  const transcript = listener.page.getByTestId("transcript");
  const final = transcript.locator('[data-testid="transcript-line"][data-final="true"]');
  await expect(final.first()).toContainText(/every morning/i, { timeout: 30_000 });
  await expect(final.first()).toContainText("Speaker on the floor");
  await expect(listener.page.getByText(FORGED)).toHaveCount(0);

  // Search marks what it finds, and says when nothing matches.
  const search = transcript.getByTestId("transcript-search");
  await search.fill("BEIJING");
  await expect(transcript.locator("mark")).toHaveText(/beijing/i);
  await search.fill("diesel");
  await expect(transcript.getByTestId("transcript-empty")).toHaveText("No caption contains “diesel”.");

  // Size and place are the viewer's, in Settings.
  await listener.tab("Settings");
  await listener.page.getByTestId("caption-size-large").check();
  await listener.page.getByTestId("caption-position-top").check();
  await expect(overlay).toHaveAttribute("data-size", "large");
  await expect(overlay).toHaveAttribute("data-position", "top");

  // A delegate who comes in afterwards reads in the transcript what was said before they arrived.
  if (LATE) {
    const late = new RoomPage(await personPage(browser, LATE.email));
    await late.openFromSession(sessionId);
    await late.enter();
    await expect(late.page.getByTestId("captions-toggle")).toBeVisible({ timeout: 30_000 });
    await late.panelButton("transcript").click();
    const history = late.page.getByTestId("transcript").locator('[data-testid="transcript-line"][data-final="true"]');
    await expect(history.first()).toContainText(/every morning/i);
    await expect(history.first()).toContainText("Speaker on the floor");
    await late.page.context().close();
  }

  // Turned off from the control bar: the stage shows none, and the choice is kept.
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(overlay).toHaveCount(0);
  await listener.page.context().close();
});
