// The LiveKit Egress stand-in (e2e/egress/) against livekit-server-sdk's own EgressClient and
// WebhookReceiver: the webhook sequence of a recording, the real file it leaves (read back with
// ffprobe), S3 uploads, the auth answers livekit-server gives, and the outcomes tests can choose.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AccessToken, EgressClient, EgressStatus, EncodedFileOutput, EncodedFileType, RoomServiceClient, S3Upload, ServerError, type EgressInfo } from "livekit-server-sdk";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeTestVideo, startEgressStandIn, type EgressStandIn } from "../../e2e/egress/stand-in.mjs";
import { ffmpeg, KEY, probe, SECRET, startWebhookEndpoint, toneOf } from "./egress-stand-in-kit";

const fileOutput = (filepath: string, fileType = EncodedFileType.MP4) => ({ file: new EncodedFileOutput({ fileType, filepath }) });

describe.skipIf(!ffmpeg)("LiveKit Egress stand-in", () => {
  let hook: Awaited<ReturnType<typeof startWebhookEndpoint>>;
  let standIn: EgressStandIn;
  let egress: EgressClient;
  let dir: string;
  const eventsOf = (egressId: string) => hook.eventsOf(egressId);
  const sequence = (egressId: string) => hook.sequence(egressId);
  const endedEvent = (egressId: string) => hook.endedEvent(egressId);
  const activeEvent = (egressId: string) => hook.activeEvent(egressId);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-egress-test-"));
    hook = await startWebhookEndpoint();
    standIn = await startEgressStandIn({ apiKey: KEY, apiSecret: SECRET, webhookUrls: [hook.url], ffmpeg: ffmpeg!, fileRoot: dir });
    egress = new EgressClient(standIn.url, KEY, SECRET);
  });
  afterAll(async () => {
    await standIn?.stop();
    await hook?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    expect(hook?.rejected ?? []).toEqual([]);
  });

  it("records a room composite to a local file: started, active, ending, complete webhooks and an H.264 + AAC MP4 of the recorded length", async () => {
    const started = await egress.startRoomCompositeEgress("forum-a", fileOutput(path.join(dir, "rec", "{room_name}-stage.mp4")), { layout: "speaker" });
    expect(started).toMatchObject({ roomName: "forum-a", status: EgressStatus.EGRESS_STARTING, request: { case: "roomComposite", value: { roomName: "forum-a", layout: "speaker" } } });
    expect(started.egressId).toMatch(/^EG_\w{12}$/);
    expect(started.fileResults[0].filename).toBe(path.join(dir, "rec", "forum-a-stage.mp4"));
    await activeEvent(started.egressId);
    await new Promise((r) => setTimeout(r, 1500));
    const stopping = await egress.stopEgress(started.egressId);
    expect(stopping.status).toBe(EgressStatus.EGRESS_ENDING);
    const ended = await endedEvent(started.egressId);
    expect(sequence(started.egressId)).toEqual(["egress_started EGRESS_STARTING", "egress_updated EGRESS_ACTIVE", "egress_updated EGRESS_ENDING", "egress_ended EGRESS_COMPLETE"]);
    expect(new Set(eventsOf(started.egressId).map((e) => e.id)).size).toBe(4);
    const file = ended.fileResults[0];
    expect(file.location).toBe(path.join(dir, "rec", "forum-a-stage.mp4"));
    expect(Number(file.size)).toBe(fs.statSync(file.location).size);
    expect(Number(file.duration) / 1e9).toBeGreaterThanOrEqual(1.4);
    expect(file.endedAt - file.startedAt).toBe(file.duration);
    expect(ended.endedAt).toBeGreaterThan(ended.startedAt);
    const media = probe(file.location);
    expect(media.streams).toEqual(["audio:aac", "video:h264"]);
    expect(media.seconds).toBeCloseTo(Number(file.duration) / 1e9, 0);
    expect(ended.manifestLocation).toBe(path.join(dir, "rec", `${started.egressId}.json`));
    await expect(egress.stopEgress(started.egressId)).rejects.toMatchObject({ status: 412, code: "failed_precondition" });
  });

  it("records each audio-only channel as AAC in MP4 without video, each at a tone of its own", async () => {
    const ids: string[] = [];
    for (const channel of ["ko", "zh"]) {
      const info = await egress.startRoomCompositeEgress("forum-b", fileOutput(`channels/${channel}`), { audioOnly: true, customBaseUrl: "http://127.0.0.1/layout" });
      ids.push(info.egressId);
    }
    await Promise.all(ids.map(activeEvent));
    await Promise.all(ids.map((id) => egress.stopEgress(id)));
    const files = (await Promise.all(ids.map(endedEvent))).map((info) => info.fileResults[0].location);
    expect(files).toEqual([path.join(dir, "channels/ko.mp4"), path.join(dir, "channels/zh.mp4")]);
    for (const file of files) expect(probe(file).streams).toEqual(["audio:aac"]);
    const [ko, zh] = files.map((file) => toneOf(file));
    expect(Math.abs(ko - zh)).toBeGreaterThan(50);
  });

  it("uploads an S3 file output to the request's bucket and reports its path-style URL", async () => {
    const s3dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-egress-s3-"));
    const s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: "recordings" }] });
    const { port } = await s3.run();
    try {
      const endpoint = `http://127.0.0.1:${port}`;
      const upload = new S3Upload({ accessKey: "S3RVER", secret: "S3RVER", region: "us-east-1", endpoint, bucket: "recordings", forcePathStyle: true });
      const started = await egress.startRoomCompositeEgress("forum-c", {
        file: new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath: "forum-c/stage.mp4", output: { case: "s3", value: upload } }),
      });
      expect(started.request.value).toMatchObject({ fileOutputs: [{ output: { value: { accessKey: "{access_key}", secret: "{secret}" } } }] });
      await activeEvent(started.egressId);
      await egress.stopEgress(started.egressId);
      const ended = await endedEvent(started.egressId);
      expect(ended.status).toBe(EgressStatus.EGRESS_COMPLETE);
      expect(ended.fileResults[0].location).toBe(`${endpoint}/recordings/forum-c/stage.mp4`);
      const res = await fetch(ended.fileResults[0].location);
      expect(res.headers.get("content-type")).toBe("video/mp4");
      expect((await res.arrayBuffer()).byteLength).toBe(Number(ended.fileResults[0].size));
    } finally {
      await s3.close();
      fs.rmSync(s3dir, { recursive: true, force: true });
    }
  });

  it("answers as livekit-server does without the roomRecord grant (401 unauthenticated), with a forged token (401) and for unknown methods (404 bad_route)", async () => {
    const token = new AccessToken(KEY, SECRET);
    token.addGrant({ roomAdmin: true, room: "forum-a" });
    const noGrant = new EgressClient(standIn.url, KEY, SECRET, { token: await token.toJwt() });
    await expect(noGrant.listEgress()).rejects.toMatchObject({ status: 401, code: "unauthenticated", message: "permissions denied" });
    await expect(new EgressClient(standIn.url, KEY, "not-the-secret").listEgress()).rejects.toMatchObject({ status: 401 });
    const res = await fetch(`${standIn.url}/twirp/livekit.Egress/NoSuchMethod`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect([res.status, (await res.json()).code]).toEqual([404, "bad_route"]);
    await expect(egress.stopEgress("EG_unknown")).rejects.toMatchObject({ status: 404, code: "not_found" });
    expect(standIn.requests.filter((r) => r.method === "ListEgress" && r.status === 401).map((r) => r.claims?.video ?? null)).toEqual([{ roomAdmin: true, room: "forum-a" }, null]);
  });

  it("fails the next egress when told to over HTTP, and stays silent when told so", async () => {
    await fetch(`${standIn.url}/_standin/next`, { method: "POST", body: JSON.stringify({ outcome: "fail" }) });
    const failing = await egress.startRoomCompositeEgress("forum-d", fileOutput("d/fail.mp4"));
    const failed = await endedEvent(failing.egressId);
    expect(sequence(failing.egressId)).toEqual(["egress_started EGRESS_STARTING", "egress_ended EGRESS_FAILED"]);
    expect(failed.error).not.toBe("");
    standIn.setNextOutcome("silent");
    const silent = await egress.startRoomCompositeEgress("forum-d", fileOutput("d/silent.mp4"));
    await new Promise((r) => setTimeout(r, 800));
    expect(eventsOf(silent.egressId)).toEqual([]);
    const listed: EgressInfo[] = await egress.listEgress({ roomName: "forum-d", active: true });
    expect(listed.map((i) => [i.egressId, i.status])).toEqual([[silent.egressId, EgressStatus.EGRESS_STARTING]]);
    const recorded = (await (await fetch(`${standIn.url}/_standin/requests`)).json()) as { method: string }[];
    expect(recorded.map((r) => r.method)).toContain("StartRoomCompositeEgress");
  });

  it("makeTestVideo writes an MP4 of the asked length without an egress", async () => {
    const { file } = await makeTestVideo({ file: path.join(dir, "fixture.mp4"), seconds: 2.5, ffmpeg: ffmpeg! });
    expect(probe(file)).toMatchObject({ streams: ["audio:aac", "video:h264"] });
    expect(probe(file).seconds).toBeCloseTo(2.5, 1);
  });

  const livekit = inject("livekit");
  it.skipIf("skipped" in livekit)("with LiveKit's URL, refuses a room LiveKit does not know (not_found) and reports the room's sid", async () => {
    const lk = livekit as { url: string; apiKey: string; apiSecret: string };
    const httpUrl = lk.url.replace("ws://", "http://");
    const checked = await startEgressStandIn({ apiKey: lk.apiKey, apiSecret: lk.apiSecret, webhookUrls: [], ffmpeg: ffmpeg!, liveKitUrl: httpUrl, fileRoot: dir });
    try {
      const client = new EgressClient(checked.url, lk.apiKey, lk.apiSecret);
      const err = await client.startRoomCompositeEgress("no-such-room", fileOutput("x.mp4")).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ServerError);
      expect(err).toMatchObject({ status: 404, code: "not_found" });
      const room = await new RoomServiceClient(httpUrl, lk.apiKey, lk.apiSecret).createRoom({ name: `egress-${Date.now().toString(36)}`, emptyTimeout: 30 });
      const info = await client.startRoomCompositeEgress(room.name, fileOutput("y.mp4"));
      expect(info.roomId).toBe(room.sid);
    } finally {
      await checked.stop();
    }
  });
});
