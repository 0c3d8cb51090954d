// Live captions (issue 23) on the real LiveKit server, with the real captions worker (npm run
// captions: LiveKit Agents, faster-whisper and a Whisper model) and real LiveKit participants
// (@livekit/rtc-node): a speaker on the floor and the interpreter on duty in the English booth
// speak sentences made offline with espeak-ng; a listener receives the captions of both as
// LiveKit transcription streams, and the final ones are stored. A delegate who names a track for
// a channel without being on duty there is not captioned, and captions a delegate's own client
// sends (with every attribute the worker's carry) are told apart by the rule clients apply.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import type { Room } from "@livekit/rtc-node";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findCaptionsEngine } from "../../scripts/lib/captions-engine.mjs";
import { captionAttributes, captionFromAgent, readCaption, TRANSCRIPTION_TOPIC } from "../../lib/captions/wire";
import { espeakAvailable, spokenPcm } from "../speech";
import { migratedDatabase, query } from "./db";
import { enrol, makeEvent, makeUsers } from "./fixtures";

const livekit = inject("livekit");
const root = path.resolve(import.meta.dirname, "../..");
const engine = findCaptionsEngine();
const espeak = espeakAvailable();
const missing = "skipped" in livekit ? livekit.skipped : !engine ? "the speech engine is not installed (node scripts/captions-engine.mjs)" : !espeak ? "espeak-ng is not installed" : null;
// CI installs both (.ci/run): there, as for the LiveKit server, a missing one fails instead of skipping.
if (missing && !("skipped" in livekit) && process.env.CI === "true") throw new Error(`the captions tests cannot run: ${missing}`);

const FLOOR = "Air quality forecasts for Seoul and Beijing will be shared every morning.";
const BOOTH = "The ministers agreed to cut fine dust from diesel trucks.";
const FORGED = "Please ignore the speaker and leave the meeting now.";

// @livekit/rtc-node logs at debug level outside production: loaded quietly in beforeAll.
let rtc: typeof import("@livekit/rtc-node");

async function join(
  lk: { url: string; apiKey: string; apiSecret: string },
  roomName: string,
  identity: string,
  attributes: Record<string, string> = {},
  grant: { hidden?: boolean; canPublish?: boolean; canPublishData?: boolean } = {},
): Promise<Room> {
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity, attributes });
  at.addGrant({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: true, canPublishData: true, ...grant });
  const room = new rtc.Room();
  await room.connect(lk.url, await at.toJwt(), { autoSubscribe: true, dynacast: false });
  return room;
}

/** Publishes `pcm` as a microphone track named `name`, in real time, and keeps the track open. */
async function speak(room: Room, name: string, pcm: Int16Array): Promise<void> {
  const source = new rtc.AudioSource(16_000, 1);
  const track = rtc.LocalAudioTrack.createAudioTrack(name, source);
  await room.localParticipant!.publishTrack(track, new rtc.TrackPublishOptions({ source: rtc.TrackSource.SOURCE_MICROPHONE }));
  for (let i = 0; i < pcm.length; i += 160) {
    const chunk = pcm.slice(i, i + 160);
    const frame = new Int16Array(160);
    frame.set(chunk);
    await source.captureFrame(new rtc.AudioFrame(frame, 16_000, 1, 160));
  }
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z ]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
/** The share of `expected`'s words found in `heard`. */
const recall = (heard: string, expected: string) => {
  const got = new Set(words(heard));
  const want = words(expected);
  return want.filter((w) => got.has(w)).length / want.length;
};

describe.skipIf(!!missing)("live captions of the floor and the interpretation channels (real LiveKit, real worker, faster-whisper)", () => {
  const lk = livekit as { url: string; apiKey: string; apiSecret: string };
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let worker: ChildProcess | undefined;
  let workerLog = "";
  const rooms: Room[] = [];
  // What the first test stored, for the recording's subtitles.
  let captioned: { forumId: string; roomName: string; from: Date; to: Date; eventId: string; listening: Room } | null = null;

  /** The captions worker (npm run captions), once the server has registered it. */
  async function startWorker(): Promise<void> {
    workerLog = "";
    const started = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/captions-worker.ts", "--port=0"], {
      cwd: root,
      env: { ...process.env, CAPTIONS_PYTHON: engine!.python, CAPTIONS_MODEL_DIR: engine!.modelDir, CAPTIONS_THREADS: "2" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    worker = started;
    for (const s of [started.stdout!, started.stderr!]) s.on("data", (d: Buffer) => (workerLog = (workerLog + d.toString()).slice(-20_000)));
    // Registered with the server: its log says so.
    const deadline = Date.now() + 60_000;
    while (!/registered worker/i.test(workerLog)) {
      if (started.exitCode !== null || Date.now() > deadline) throw new Error(`the captions worker did not register:\n${workerLog}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  beforeAll(async () => {
    const env = process.env as Record<string, string | undefined>;
    const mode = env.NODE_ENV;
    env.NODE_ENV = "production";
    rtc = await import("@livekit/rtc-node");
    env.NODE_ENV = mode;
    db = await migratedDatabase("captions");
    Object.assign(process.env, { DATABASE_URL: db.databaseUrl, LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret });
    delete process.env.LIVEKIT_API_URL;
    await startWorker();
  }, 90_000);

  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.disconnect().catch(() => undefined)));
    worker?.kill("SIGTERM");
    await db?.drop();
  });

  it("captions the floor and the English booth for a listener, stores the final ones, and ignores a forged channel", async () => {
    const event = await makeEvent(db.prisma, { capacity: 10, policy: "open" });
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId: event.id } });
    const [speaker, interpreter, forger, listener] = await makeUsers(db.prisma, `cap-${Date.now().toString(36)}`, 4);
    await enrol(db.prisma, event.id, speaker.id, "speaker");
    await enrol(db.prisma, event.id, interpreter.id, "interpreter");
    await enrol(db.prisma, event.id, forger.id, "delegate");
    await enrol(db.prisma, event.id, listener.id, "delegate");

    // What a client takes: well-formed captions from an agent. `received` keeps everything that came.
    const received: { from: string; text: string; caption: ReturnType<typeof readCaption> }[] = [];
    const heard: { from: string; text: string; caption: NonNullable<ReturnType<typeof readCaption>> }[] = [];
    const listening = await join(lk, forum.roomName, listener.id, { role: "delegate" });
    rooms.push(listening);
    listening.registerTextStreamHandler(TRANSCRIPTION_TOPIC, async (reader, from) => {
      const text = await reader.readAll();
      const caption = readCaption(reader.info.attributes, text);
      received.push({ from: from.identity, text, caption });
      if (caption && captionFromAgent(listening.remoteParticipants.get(from.identity)?.kind)) heard.push({ from: from.identity, text, caption });
    });

    // The audience's WebRTC player: hidden, subscribe-only, no data of its own (lib/broadcast's audience grant).
    const audienceHeard: string[] = [];
    const audience = await join(lk, forum.roomName, `audience-${listener.id}`, {}, { hidden: true, canPublish: false, canPublishData: false });
    rooms.push(audience);
    audience.registerTextStreamHandler(TRANSCRIPTION_TOPIC, async (reader, from) => {
      const text = await reader.readAll();
      if (readCaption(reader.info.attributes, text)?.final && captionFromAgent(audience.remoteParticipants.get(from.identity)?.kind)) audienceHeard.push(text);
    });

    const onStage = await join(lk, forum.roomName, speaker.id, { role: "speaker" });
    const inBooth = await join(lk, forum.roomName, interpreter.id, { "role": "interpreter", "booth.en": new Date().toISOString() });
    const forging = await join(lk, forum.roomName, forger.id, { role: "delegate" });
    rooms.push(onStage, inBooth, forging);

    // What the app does on the stage's room_started webhook.
    const { dispatchCaptions } = await import("../../lib/captions/dispatch");
    await dispatchCaptions(forum.roomName);
    const joinedBy = Date.now() + 60_000;
    while (![...listening.remoteParticipants.values()].some((p) => p.identity.startsWith("agent-"))) {
      if (Date.now() > joinedBy) throw new Error(`the captions worker never joined the room:\n${workerLog}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1_000));

    // The forger's client also sends "captions" of its own: the worker's attributes, the interpreter named as speaker.
    const forged = captionAttributes({ segmentId: "forged-1", final: true, trackSid: "TR_forged", channel: "en", speaker: interpreter.id, language: "en", startsAt: new Date(), endsAt: new Date() });
    const forgeCaptions = async () => {
      for (let i = 0; i < 3; i++) {
        const writer = await forging.localParticipant!.streamText({ topic: TRANSCRIPTION_TOPIC, attributes: forged, senderIdentity: interpreter.id });
        await writer.write(FORGED);
        await writer.close();
      }
    };
    await Promise.all([speak(onStage, "microphone", spokenPcm(FLOOR)), speak(inBooth, "interpretation:en", spokenPcm(BOOTH)), speak(forging, "interpretation:en", spokenPcm(FORGED)), forgeCaptions()]);

    const finals = async () => {
      const deadline = Date.now() + 45_000;
      for (;;) {
        const floor = heard
          .filter((h) => h.caption.final && h.caption.channel === "floor")
          .map((h) => h.text)
          .join(" ");
        const booth = heard
          .filter((h) => h.caption.final && h.caption.channel === "en")
          .map((h) => h.text)
          .join(" ");
        if ((recall(floor, FLOOR) >= 0.6 && recall(booth, BOOTH) >= 0.6) || Date.now() > deadline) return { floor, booth };
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const { floor, booth } = await finals();
    expect(recall(floor, FLOOR), `floor captions: "${floor}"\n${workerLog}`).toBeGreaterThanOrEqual(0.6);
    expect(recall(booth, BOOTH), `booth captions: "${booth}"`).toBeGreaterThanOrEqual(0.6);
    // The hidden audience member's player gets them too.
    expect(recall(audienceHeard.join(" "), FLOOR)).toBeGreaterThanOrEqual(0.6);
    // Interim captions came before the final ones, under the same segment ids.
    const finalIds = new Set(heard.filter((h) => h.caption.final).map((h) => h.caption.segmentId));
    expect(heard.some((h) => !h.caption.final && finalIds.has(h.caption.segmentId))).toBe(true);
    // Every caption taken comes from the worker, speaking as itself and naming the speaker; the
    // forger's own "captions" arrived stamped with the forger's identity (LiveKit asserts a
    // non-agent's sender, whatever it claims) and are refused; its track was never transcribed.
    expect(new Set(heard.map((h) => h.from)).size).toBe(1);
    expect(heard.every((h) => h.from.startsWith("agent-"))).toBe(true);
    expect(heard.filter((h) => h.caption.channel === "floor").every((h) => h.caption.speaker === speaker.id)).toBe(true);
    expect(heard.filter((h) => h.caption.channel === "en").every((h) => h.caption.speaker === interpreter.id)).toBe(true);
    const forgeries = received.filter((r) => r.text === FORGED);
    expect(forgeries.length).toBe(3);
    expect(forgeries.every((r) => r.from === forger.id && r.caption !== null)).toBe(true);
    expect(recall(heard.map((h) => h.text).join(" "), FORGED)).toBeLessThan(0.5);
    const tracks = new Map([...inBooth.localParticipant!.trackPublications.values()].map((p) => [p.sid, "booth"] as const));
    expect(heard.filter((h) => h.caption.channel === "en").every((h) => tracks.get(h.caption.trackSid) === "booth")).toBe(true);

    // Stored: every caption heard, once, its final text once final (an interim stored before it
    // was replaced, never the other way round), with the speaker and instants around now.
    const readStored = () =>
      query<{ segment_key: string; final: boolean; channel: string; speaker_identity: string; text: string; starts_at: Date; ends_at: Date }>(
        db.databaseUrl,
        `SELECT segment_key, final, channel, speaker_identity, text, starts_at, ends_at FROM caption_segments WHERE forum_id = $1 ORDER BY starts_at`,
        [forum.id],
      );
    const heardFinal = heard.filter((x) => x.caption.final);
    const keptFinal = (rows: Awaited<ReturnType<typeof readStored>>) => new Map(rows.map((s) => [s.segment_key, s.final ? s.text : null]));
    // Published and stored side by side: the last store may land a moment after its caption.
    let stored = await readStored();
    for (let i = 0; i < 50 && heardFinal.some((h) => keptFinal(stored).get(h.caption.segmentId) !== h.text); i++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = await readStored();
    }
    for (const h of heardFinal) expect(keptFinal(stored).get(h.caption.segmentId)).toBe(h.text);
    expect(stored.filter((s) => s.channel === "floor").every((s) => s.speaker_identity === speaker.id)).toBe(true);
    expect(stored.filter((s) => s.channel === "en").every((s) => s.speaker_identity === interpreter.id)).toBe(true);
    expect(
      recall(
        stored
          .filter((s) => s.channel === "floor")
          .map((s) => s.text)
          .join(" "),
        FLOOR,
      ),
    ).toBeGreaterThanOrEqual(0.6);
    expect(stored.every((s) => s.ends_at > s.starts_at && Math.abs(s.starts_at.getTime() - Date.now()) < 120_000)).toBe(true);
    expect(stored.map((s) => s.speaker_identity)).not.toContain(forger.id);
    captioned = { forumId: forum.id, roomName: forum.roomName, from: stored[0].starts_at, to: stored.at(-1)!.ends_at, eventId: event.id, listening };
  }, 180_000);

  it("makes the stored captions a ready recording's automatic subtitles, and keeps an organizer's upload", async () => {
    expect(captioned).not.toBeNull();
    const { forumId, roomName, from, to } = captioned!;
    const startedAt = new Date(from.getTime() - 2_000);
    const endedAt = new Date(to.getTime() + 2_000);
    const fresh = await db.prisma.recording.create({ data: { forumId, egressId: `EG_caps_${Date.now()}`, status: "recording", startedAt } });
    const uploaded = await db.prisma.recording.create({
      data: {
        forumId,
        egressId: `EG_up_${Date.now()}`,
        status: "recording",
        startedAt,
        subtitles: { create: { language: "en", fileName: "ours.vtt", vtt: "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nours\n\n", cueCount: 1 } },
      },
    });
    const { POST } = await import("../../app/api/livekit/webhook/route");
    const ns = (d: Date) => String(BigInt(d.getTime()) * 1_000_000n);
    for (const rec of [fresh, uploaded]) {
      const body = JSON.stringify({
        event: "egress_ended",
        id: `EV_${rec.egressId}`,
        createdAt: String(Math.floor(Date.now() / 1000)),
        egressInfo: {
          egressId: rec.egressId,
          roomName,
          status: "EGRESS_COMPLETE",
          startedAt: ns(startedAt),
          endedAt: ns(endedAt),
          fileResults: [{ filename: `${rec.id}.mp4`, startedAt: ns(startedAt), endedAt: ns(endedAt), duration: String(BigInt(endedAt.getTime() - startedAt.getTime()) * 1_000_000n), size: "4096" }],
        },
      });
      const token = new AccessToken(lk.apiKey, lk.apiSecret, { ttl: "5m" });
      token.sha256 = crypto.createHash("sha256").update(body).digest("base64");
      const res = await POST(
        new Request("http://127.0.0.1/api/livekit/webhook", { method: "POST", headers: { "content-type": "application/webhook+json", "authorization": await token.toJwt() }, body }),
        { params: Promise.resolve({}) },
      );
      expect(res.status).toBe(200);
    }
    const subtitles = await db.prisma.subtitle.findMany({ where: { recordingId: { in: [fresh.id, uploaded.id] } } });
    const made = subtitles.find((s) => s.recordingId === fresh.id && s.language === "en")!;
    // English: the floor's English captions and the English booth's, on the recording's timeline, marked automatic.
    expect(made).toMatchObject({ automatic: true, fileName: "captions.en.vtt" });
    expect(made.vtt).toMatch(/^WEBVTT\n\nNOTE Automatic captions/);
    expect(recall(made.vtt, FLOOR)).toBeGreaterThanOrEqual(0.6);
    expect(recall(made.vtt, BOOTH)).toBeGreaterThanOrEqual(0.6);
    expect(made.vtt).toMatch(/\n00:00:0\d\.\d{3} --> /);
    expect(subtitles.filter((s) => s.recordingId === fresh.id).map((s) => s.language)).toEqual(["en"]);
    // The organizer's upload is theirs: untouched.
    expect(subtitles.find((s) => s.recordingId === uploaded.id)).toMatchObject({ language: "en", automatic: false, fileName: "ours.vtt", cueCount: 1 });
  }, 60_000);

  it("lets only the event's organizers turn a forum's captions off and on, which takes the worker out of the open room and brings it back", async () => {
    const { forumId, roomName, eventId, listening } = captioned!;
    const { setForumCaptions, captionsOnRoomStart } = await import("../../lib/captions/control");
    const [organizer, delegate] = await makeUsers(db.prisma, `cap-org-${Date.now().toString(36)}`, 2);
    await enrol(db.prisma, eventId, organizer.id, "organizer");
    await enrol(db.prisma, eventId, delegate.id, "delegate");
    const agentIn = () => [...listening.remoteParticipants.values()].some((p) => p.identity.startsWith("agent-"));
    const until = async (ok: () => boolean, what: string) => {
      const deadline = Date.now() + 30_000;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`timed out: ${what}\n${workerLog}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    expect(agentIn()).toBe(true);

    await expect(setForumCaptions(null, forumId, false)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(setForumCaptions({ userId: delegate.id }, forumId, false)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.prisma.forum.findUniqueOrThrow({ where: { id: forumId } })).captions).toBe(true);

    await setForumCaptions({ userId: organizer.id }, forumId, false);
    expect((await db.prisma.forum.findUniqueOrThrow({ where: { id: forumId } })).captions).toBe(false);
    await until(() => !agentIn(), "the worker leaves the room");
    // A room start while they are off asks for no worker.
    await captionsOnRoomStart(roomName);
    const { AgentDispatchClient } = await import("livekit-server-sdk");
    const dispatches = new AgentDispatchClient(lk.url.replace(/^ws/, "http"), lk.apiKey, lk.apiSecret);
    expect((await dispatches.listDispatch(roomName)).filter((d) => d.agentName === "plenary-captions")).toEqual([]);

    await setForumCaptions({ userId: organizer.id }, forumId, true);
    await until(agentIn, "the worker comes back");
    const audits = await db.prisma.auditLog.findMany({ where: { entityId: forumId, action: "forum.captions" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => (a.data as { captions: boolean }).captions)).toEqual([false, true]);
  }, 90_000);

  it("asks again on a person's join when the worker started only after the stage opened", async () => {
    const { captionsOnRoomStart, captionsOnStageJoin, forgetJoinChecks } = await import("../../lib/captions/control");
    const { AgentDispatchClient, RoomServiceClient } = await import("livekit-server-sdk");
    const http = lk.url.replace(/^ws/, "http");
    const roomService = new RoomServiceClient(http, lk.apiKey, lk.apiSecret);
    const dispatches = new AgentDispatchClient(http, lk.apiKey, lk.apiSecret);
    const agents = async (room: string) => (await roomService.listParticipants(room)).filter((p) => p.kind === 4).length;

    // No worker runs when the stage opens: its start asks for one, and nobody answers.
    // Gone at once, job processes and engines with it (its own process group): a graceful drain
    // waits for the captioned room's job.
    const stopped = new Promise((r) => worker!.once("exit", r));
    process.kill(-worker!.pid!, "SIGKILL");
    await stopped;
    const event = await makeEvent(db.prisma, { capacity: 10, policy: "open" });
    const forum = await db.prisma.forum.findFirstOrThrow({ where: { eventId: event.id } });
    const [person] = await makeUsers(db.prisma, `cap-late-${Date.now().toString(36)}`, 1);
    rooms.push(await join(lk, forum.roomName, person.id));
    await captionsOnRoomStart(forum.roomName);
    expect((await dispatches.listDispatch(forum.roomName)).filter((d) => d.agentName === "plenary-captions")).toHaveLength(1);

    // The worker comes; LiveKit does not place the old dispatch again.
    await startWorker();
    await new Promise((r) => setTimeout(r, 3000));
    expect(await agents(forum.roomName)).toBe(0);

    // A join looks at the room: within the grace it waits; past it, the dispatch is made anew and the worker comes.
    forgetJoinChecks();
    expect(await captionsOnStageJoin(forum.roomName)).toBe("skipped");
    forgetJoinChecks();
    expect(await captionsOnStageJoin(forum.roomName, { graceMs: 0 })).toBe("asked");
    const deadline = Date.now() + 30_000;
    while ((await agents(forum.roomName)) === 0) {
      if (Date.now() > deadline) throw new Error(`the worker never came:\n${workerLog}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect((await dispatches.listDispatch(forum.roomName)).filter((d) => d.agentName === "plenary-captions")).toHaveLength(1);
    // Then joins change nothing: the worker is there; and a room is looked at once per 15 s.
    forgetJoinChecks();
    expect(await captionsOnStageJoin(forum.roomName, { graceMs: 0 })).toBe("present");
    expect(await captionsOnStageJoin(forum.roomName, { graceMs: 0 })).toBe("skipped");
  }, 120_000);
});
