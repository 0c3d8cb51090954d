// The LiveKit Egress stand-in's live outputs against livekit-server-sdk's EgressClient: segmented
// (HLS) output written in real time — a growing playlist, MPEG-TS segments read back with ffprobe,
// one timeline for a room's egresses — and RTMP streams pushed to a loopback receiver, with their
// failures and UpdateStream, as LiveKit Egress reports them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EgressClient, EgressStatus, S3Upload, SegmentedFileOutput, SegmentedFileProtocol, StreamOutput, StreamProtocol } from "livekit-server-sdk";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEgressStandIn, type EgressStandIn } from "../../e2e/egress/stand-in.mjs";
import { startRtmpReceiver, type RtmpReceiver } from "../../e2e/rtmp-receiver.mjs";
import { protocol } from "../../e2e/egress/protocol.mjs";
import { ffmpeg, KEY, parsePlaylist, probe, SECRET, startWebhookEndpoint, toneOf, until } from "./egress-stand-in-kit";

/** The segmented output the app asks for: `<dir>/seg`, `<dir>/index.m3u8`, `<dir>/live.m3u8`, 2 s. */
const hls = (dir: string, output?: SegmentedFileOutput["output"]) =>
  new SegmentedFileOutput({
    protocol: SegmentedFileProtocol.HLS_PROTOCOL,
    filenamePrefix: `${dir}/seg`,
    playlistName: `${dir}/index.m3u8`,
    livePlaylistName: `${dir}/live.m3u8`,
    segmentDuration: 2,
    output,
  });
const rtmp = (...urls: string[]) => new StreamOutput({ protocol: StreamProtocol.RTMP, urls });
const read = (file: string) => (fs.existsSync(file) ? parsePlaylist(fs.readFileSync(file, "utf8")) : null);
const { StreamInfo_Status } = protocol;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!ffmpeg)("LiveKit Egress stand-in: HLS and RTMP outputs", () => {
  let hook: Awaited<ReturnType<typeof startWebhookEndpoint>>;
  let standIn: EgressStandIn;
  let receiver: RtmpReceiver;
  let egress: EgressClient;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-egress-live-"));
    hook = await startWebhookEndpoint();
    standIn = await startEgressStandIn({ apiKey: KEY, apiSecret: SECRET, webhookUrls: [hook.url], ffmpeg: ffmpeg!, fileRoot: dir });
    receiver = await startRtmpReceiver({ ffmpeg: ffmpeg! });
    egress = new EgressClient(standIn.url, KEY, SECRET);
  });
  afterAll(async () => {
    await standIn?.stop();
    await receiver?.stop();
    await hook?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    expect(hook?.rejected ?? []).toEqual([]);
  });

  it("writes a room composite as live HLS: a growing EVENT playlist with PROGRAM-DATE-TIME over real MPEG-TS (H.264 + AAC), ENDLIST and segmentResults when stopped", async () => {
    const stage = path.join(dir, "broadcasts", "b1", "stage");
    const started = await egress.startRoomCompositeEgress("hls-a", { segments: hls(stage) }, { layout: "speaker" });
    expect(started.result.case).toBe("segments");
    expect(started.segmentResults[0]).toMatchObject({ playlistName: `${stage}/index.m3u8`, livePlaylistName: `${stage}/live.m3u8`, segmentCount: 0n });
    await hook.activeEvent(started.egressId);
    const first = (await until(
      () => read(`${stage}/index.m3u8`),
      (p) => (p?.segments.length ?? 0) >= 1,
      15_000,
    ))!;
    expect(first).toMatchObject({ type: "EVENT", targetDuration: 2, mediaSequence: 0, ended: false });
    expect(first.segments[0].uri).toBe("seg_00000.ts");
    const grown = (await until(
      () => read(`${stage}/index.m3u8`),
      (p) => p!.segments.length > first.segments.length,
      15_000,
    ))!;
    expect(grown.segments.slice(0, first.segments.length)).toEqual(first.segments);
    for (const [i, segment] of grown.segments.entries()) {
      expect(segment.seconds).toBeCloseTo(2, 1);
      expect(Math.abs(segment.pdt - Date.now())).toBeLessThan(15_000);
      if (i) expect(segment.pdt - grown.segments[i - 1].pdt).toBeCloseTo(grown.segments[i - 1].seconds * 1000, -1);
    }
    const live = read(`${stage}/live.m3u8`)!;
    expect(live.type).toBeNull();
    expect(live.segments.length).toBeGreaterThan(0);
    const media = probe(`${stage}/${grown.segments[0].uri}`);
    expect(media.format).toBe("mpegts");
    expect(media.streams).toEqual(["audio:aac", "video:h264"]);

    await egress.stopEgress(started.egressId);
    const ended = await hook.endedEvent(started.egressId);
    expect(hook.sequence(started.egressId)).toEqual(["egress_started EGRESS_STARTING", "egress_updated EGRESS_ACTIVE", "egress_updated EGRESS_ENDING", "egress_ended EGRESS_COMPLETE"]);
    const final = read(`${stage}/index.m3u8`)!;
    expect(final.ended).toBe(true);
    expect(read(`${stage}/live.m3u8`)!.ended).toBe(true);
    const result = ended.segmentResults[0];
    const files = final.segments.map((s) => `${stage}/${s.uri}`);
    expect(result).toMatchObject({ playlistLocation: `${stage}/index.m3u8`, livePlaylistLocation: `${stage}/live.m3u8`, segmentCount: BigInt(files.length) });
    expect(Number(result.size)).toBe(files.reduce((sum, f) => sum + fs.statSync(f).size, 0));
    expect(result.endedAt - result.startedAt).toBe(result.duration);
    expect(Number(result.duration) / 1e9).toBeGreaterThan(3);
    expect(ended.result).toMatchObject({ case: "segments" });
    const manifest = JSON.parse(fs.readFileSync(ended.manifestLocation, "utf8"));
    expect(manifest.playlists[0].segments.map((s: { filename: string }) => s.filename)).toEqual(files);
  });

  it("puts a room's egresses on one timeline: the stage and an audio-only channel overlap in PROGRAM-DATE-TIME and show the same wall-clock instant at the same PTS, each at its own tone", async () => {
    const stageDir = path.join(dir, "broadcasts", "b2", "stage");
    const koDir = path.join(dir, "broadcasts", "b2", "ko");
    const stage = await egress.startRoomCompositeEgress("hls-b", { segments: hls(stageDir) }, { layout: "speaker" });
    await sleep(700);
    const ko = await egress.startRoomCompositeEgress("hls-b", { segments: hls(koDir) }, { audioOnly: true, customBaseUrl: "http://127.0.0.1/layout" });
    await until(
      () => [read(`${stageDir}/index.m3u8`), read(`${koDir}/index.m3u8`)],
      (ps) => ps.every((p) => (p?.segments.length ?? 0) >= 2),
      20_000,
    );
    await Promise.all([stage, ko].map((e) => egress.stopEgress(e.egressId)));
    await Promise.all([stage, ko].map((e) => hook.endedEvent(e.egressId)));
    const [a, b] = [stageDir, koDir].map((d) => read(`${d}/index.m3u8`)!);
    const range = (p: typeof a) => [p.segments[0].pdt, p.segments.at(-1)!.pdt + p.segments.at(-1)!.seconds * 1000];
    const [[a0, a1], [b0, b1]] = [range(a), range(b)];
    expect(Math.min(a1, b1) - Math.max(a0, b0)).toBeGreaterThan(2000);
    // PTS minus PROGRAM-DATE-TIME is one constant for every segment of both: one clock.
    const offsets = [stageDir, koDir].flatMap((d, i) => [a, b][i].segments.map((s) => probe(`${d}/${s.uri}`).start - s.pdt / 1000));
    expect(Math.max(...offsets) - Math.min(...offsets)).toBeLessThan(0.1);
    expect(probe(`${koDir}/${b.segments[1].uri}`).streams).toEqual(["audio:aac"]);
    expect(Math.abs(toneOf(`${koDir}/${b.segments[1].uri}`) - toneOf(`${stageDir}/${a.segments[1].uri}`))).toBeGreaterThan(50);
  });

  it("pushes an RTMP stream to the loopback receiver: H.264 + AAC arrive under the stream key, the stream goes ACTIVE (started) then FINISHED, its key redacted in every answer", async () => {
    const key = "abcd-efgh-ijkl-mnop";
    const arrived = receiver.waitForStream(key, { minSeconds: 1.5 });
    const started = await egress.startRoomCompositeEgress("rtmp-a", rtmp(`${receiver.url}/${key}`), { layout: "speaker" });
    const redactedUrl = `${receiver.url}/{abc...nop}`;
    expect(started.result).toMatchObject({ case: "stream" });
    expect(started.streamResults).toMatchObject([{ url: redactedUrl, status: StreamInfo_Status.ACTIVE, startedAt: 0n }]);
    expect(started.request.value).toMatchObject({ streamOutputs: [{ urls: [redactedUrl] }] });
    const stream = await arrived;
    expect(stream).toMatchObject({ key, videoCodec: "h264", audioCodec: "aac" });
    expect(stream.seconds).toBeGreaterThanOrEqual(1.5);
    const live = await until(() => hook.eventsOf(started.egressId).find((e) => e.egressInfo!.streamResults[0]?.startedAt > 0n), Boolean);
    expect(live!.egressInfo).toMatchObject({ status: EgressStatus.EGRESS_ACTIVE, streamResults: [{ status: StreamInfo_Status.ACTIVE }] });
    await egress.stopEgress(started.egressId);
    const ended = await hook.endedEvent(started.egressId);
    expect(ended.status).toBe(EgressStatus.EGRESS_COMPLETE);
    expect(ended.streamResults).toMatchObject([{ url: redactedUrl, status: StreamInfo_Status.FINISHED, error: "" }]);
    expect(Number(ended.streamResults[0].duration) / 1e9).toBeGreaterThan(1);
    expect(JSON.stringify(hook.eventsOf(started.egressId).map((e) => e.toJson()))).not.toContain(key);
  });

  it("fails a stream whose server cannot be reached, and with it an egress that had no other output (503); an egress with HLS goes on", async () => {
    const unreachable = "rtmp://127.0.0.1:9/live/unreachable-key";
    const alone = await egress.startRoomCompositeEgress("rtmp-b", rtmp(unreachable));
    const failed = await hook.endedEvent(alone.egressId);
    expect(hook.sequence(alone.egressId)).toEqual(["egress_started EGRESS_STARTING", "egress_updated EGRESS_ACTIVE", "egress_ended EGRESS_FAILED"]);
    expect(failed).toMatchObject({ errorCode: 503, details: "End reason: Failure", streamResults: [{ status: StreamInfo_Status.FAILED, url: "rtmp://127.0.0.1:9/live/{unr...key}" }] });
    expect(failed.error).toMatch(/refused/i);
    expect(failed.error).not.toContain("unreachable-key");

    const hlsDir = path.join(dir, "broadcasts", "b3", "stage");
    const both = await egress.startRoomCompositeEgress("rtmp-b", { segments: hls(hlsDir), stream: rtmp(unreachable) });
    expect(both.result.case).toBeUndefined();
    const update = await until(() => hook.eventsOf(both.egressId).find((e) => e.egressInfo!.streamResults[0]?.status === StreamInfo_Status.FAILED), Boolean);
    expect(update!.egressInfo!.status).toBe(EgressStatus.EGRESS_ACTIVE);
    await until(
      () => read(`${hlsDir}/index.m3u8`),
      (p) => (p?.segments.length ?? 0) >= 1,
      15_000,
    );
    await egress.stopEgress(both.egressId);
    expect(await hook.endedEvent(both.egressId)).toMatchObject({ status: EgressStatus.EGRESS_COMPLETE, segmentResults: [{ segmentCount: expect.any(BigInt) }] });
  });

  it("adds and removes stream URLs with UpdateStream as Egress does: a bad URL or an unknown one is refused, removing the last output ends the egress", async () => {
    const [one, two] = ["first-stream-key", "second-stream-key"];
    const firstArrived = receiver.waitForStream(one);
    const started = await egress.startRoomCompositeEgress("rtmp-c", rtmp(`${receiver.url}/${one}`));
    await firstArrived;
    const secondArrived = receiver.waitForStream(two);
    const updated = await egress.updateStream(started.egressId, [`${receiver.url}/${two}`]);
    expect(updated.streamResults.map((s) => s.url)).toEqual([`${receiver.url}/{fir...key}`, `${receiver.url}/{sec...key}`]);
    expect(await secondArrived).toMatchObject({ videoCodec: "h264", audioCodec: "aac" });
    await expect(egress.updateStream(started.egressId, ["rtmp://127.0.0.1/no-app-key"])).rejects.toMatchObject({ status: 400, code: "invalid_argument" });
    await expect(egress.updateStream(started.egressId, [], [`${receiver.url}/never-added`])).rejects.toMatchObject({ status: 404, code: "not_found" });
    const afterRemove = await egress.updateStream(started.egressId, [], [`${receiver.url}/${one}`]);
    expect(afterRemove.streamResults.map((s) => StreamInfo_Status[s.status])).toEqual(["FINISHED", "ACTIVE"]);
    expect(afterRemove.status).toBe(EgressStatus.EGRESS_ACTIVE);
    await egress.updateStream(started.egressId, [], [`${receiver.url}/${two}`]);
    const ended = await hook.endedEvent(started.egressId);
    expect(ended).toMatchObject({ status: EgressStatus.EGRESS_COMPLETE, details: "End reason: All streams stopped" });
    expect(ended.streamResults.map((s) => StreamInfo_Status[s.status])).toEqual(["FINISHED", "FINISHED"]);
    const fileOnly = await egress.startRoomCompositeEgress("rtmp-c", { segments: hls(path.join(dir, "b4")) });
    await expect(egress.updateStream(fileOnly.egressId, [`${receiver.url}/${two}`])).rejects.toMatchObject({ status: 400, message: expect.stringContaining("non-streaming egress") });
    await egress.stopEgress(fileOnly.egressId);
  });

  it("resolves segment and playlist names as Egress does, and refuses a live playlist elsewhere or named as the full one", async () => {
    const names = async (segments: Partial<SegmentedFileOutput>) => {
      const info = await egress.startRoomCompositeEgress("names", { segments: new SegmentedFileOutput({ segmentDuration: 2, ...segments }) });
      await egress.stopEgress(info.egressId);
      return [info.segmentResults[0].playlistName, info.segmentResults[0].livePlaylistName];
    };
    expect(await names({ filenamePrefix: "a/b/seg" })).toEqual(["a/b/seg.m3u8", ""]);
    expect(await names({ filenamePrefix: "x/seg", playlistName: "x/list.txt", livePlaylistName: "live" })).toEqual(["x/list.m3u8", "x/live.m3u8"]);
    expect(await names({ playlistName: "{room_name}/index.m3u8" })).toEqual(["names/index.m3u8", ""]);
    await expect(names({ playlistName: "x/index.m3u8", livePlaylistName: "y/live.m3u8" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("same directory") });
    await expect(names({ playlistName: "x/index.m3u8", livePlaylistName: "x/index" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("identical") });
  });

  it("uploads HLS to S3: each segment before the playlists that list it, under the key prefix, at path-style locations", async () => {
    const s3dir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-egress-s3-"));
    const s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: "media" }] });
    const { port } = await s3.run();
    try {
      const endpoint = `http://127.0.0.1:${port}`;
      const upload = new S3Upload({ accessKey: "S3RVER", secret: "S3RVER", region: "us-east-1", endpoint, bucket: "media", forcePathStyle: true });
      const started = await egress.startRoomCompositeEgress("hls-s3", { segments: hls("broadcasts/b5/stage", { case: "s3", value: upload }) }, { audioOnly: true });
      const playlist = `${endpoint}/media/broadcasts/b5/stage/index.m3u8`;
      const listed = await until(
        async () => ((await fetch(playlist)).ok ? parsePlaylist(await (await fetch(playlist)).text()) : null),
        (p) => (p?.segments.length ?? 0) >= 1,
        15_000,
      );
      const segment = await fetch(`${endpoint}/media/broadcasts/b5/stage/${listed!.segments[0].uri}`);
      expect([segment.status, segment.headers.get("content-type")]).toEqual([200, "video/mp2t"]);
      await egress.stopEgress(started.egressId);
      const ended = await hook.endedEvent(started.egressId);
      expect(ended.segmentResults[0]).toMatchObject({
        playlistName: "broadcasts/b5/stage/index.m3u8",
        playlistLocation: playlist,
        livePlaylistLocation: `${endpoint}/media/broadcasts/b5/stage/live.m3u8`,
      });
      const final = await fetch(playlist);
      expect(final.headers.get("content-type")).toBe("application/x-mpegurl");
      expect(parsePlaylist(await final.text()).ended).toBe(true);
    } finally {
      await s3.close();
      fs.rmSync(s3dir, { recursive: true, force: true });
    }
  });
});
