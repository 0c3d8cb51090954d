// A test-only stand-in for LiveKit Egress, where the real one (Go, GStreamer, Chrome, Redis) cannot
// run: it serves `/twirp/livekit.Egress/*` as livekit-server does for livekit-server-sdk's
// EgressClient (API-key JWT with the roomRecord grant, Twirp errors), writes a real media file made
// with ffmpeg where each request said (a local path or an S3 bucket) — files, live HLS segments and
// playlists, RTMP streams pushed to their URLs — and sends egress_started /
// egress_updated / egress_ended webhooks signed as LiveKit signs them. Tests in other processes
// steer it through `/_standin/*`: `GET requests`, `GET webhooks`, `POST next {"outcome"}`, `POST reset`.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { RoomServiceClient } from "livekit-server-sdk";
import { createEgresses } from "./egresses.mjs";
import { ffmpegVersion, findFfmpeg, makeTestVideo } from "./media.mjs";
import { protocol as P } from "./protocol.mjs";
import { AuthRejection, authenticate, decode, EGRESS_PREFIX, encode, ensureRecordPermission, passedOn, route, TwirpError } from "./twirp.mjs";
import { createWebhookSender } from "./webhooks.mjs";

export { findFfmpeg, makeTestVideo };

/** Start methods and the EgressInfo.request case each one's request is echoed in. */
const starts = {
  StartRoomCompositeEgress: ["roomComposite", P.RoomCompositeEgressRequest],
  StartWebEgress: ["web", P.WebEgressRequest],
  StartParticipantEgress: ["participant", P.ParticipantEgressRequest],
  StartTrackCompositeEgress: ["trackComposite", P.TrackCompositeEgressRequest],
  StartTrackEgress: ["track", P.TrackEgressRequest],
  StartEgress: ["egress", P.StartEgressRequest],
};
const methods = {
  ...Object.fromEntries(Object.entries(starts).map(([name, [, type]]) => [name, type])),
  UpdateLayout: P.UpdateLayoutRequest,
  UpdateStream: P.UpdateStreamRequest,
  ListEgress: P.ListEgressRequest,
  StopEgress: P.StopEgressRequest,
};

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const parseJson = (body) => {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
};

/**
 * @param {import("./stand-in.d.mts").EgressStandInOptions} opts
 * @returns {Promise<import("./stand-in.d.mts").EgressStandIn>}
 */
export async function startEgressStandIn({
  apiKey,
  apiSecret,
  webhookUrls = [],
  logFile,
  ffmpeg = findFfmpeg() ?? undefined,
  liveKitUrl,
  fileRoot,
  webhookRetry,
  activeAfterMs,
  failAfterMs,
  livePlaylistWindow,
}) {
  if (!ffmpeg) throw new Error("the Egress stand-in needs ffmpeg (apt-get install ffmpeg, or set FFMPEG_BIN)");
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "plenary-egress-"));
  let out = logFile ? fs.openSync(logFile, "a") : null;
  const log = (line) => out !== null && fs.writeSync(out, `${new Date().toISOString()} ${line}\n`);
  const webhooks = createWebhookSender({ urls: webhookUrls, apiKey, apiSecret, log, retry: webhookRetry });
  const egresses = createEgresses({ ffmpeg, webhooks, log, workDir, fileRoot: fileRoot ?? path.join(os.tmpdir(), "plenary-egress-files"), activeAfterMs, failAfterMs, livePlaylistWindow });
  const rooms = liveKitUrl ? new RoomServiceClient(liveKitUrl, apiKey, apiSecret) : null;
  /** @type {import("./stand-in.d.mts").RecordedRequest[]} */
  const requests = [];

  /** livekit-server looks the room up before it asks Egress: an unknown room is not_found. */
  async function roomIdOf(roomName) {
    if (!rooms || !roomName) return "";
    const [room] = await rooms.listRooms([roomName]);
    if (!room) throw passedOn("not_found", "requested room does not exist");
    return room.sid;
  }

  async function call(method, message) {
    if (method in starts) {
      const [kind] = starts[method];
      return egresses.start(kind, message, await roomIdOf(kind === "web" ? "" : message.roomName)).info;
    }
    if (method === "StopEgress") return egresses.stop(message.egressId).info;
    if (method === "UpdateLayout") return egresses.updateLayout(message.egressId).info;
    if (method === "UpdateStream") return egresses.updateStream(message.egressId, message.addOutputUrls, message.removeOutputUrls).info;
    return new P.ListEgressResponse({ items: egresses.list(message).map((e) => e.info) });
  }

  function control(method, pathname, body, res) {
    const json = (status, value) => res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(value));
    if (method === "GET" && pathname === "/_standin/requests") return json(200, requests);
    if (method === "GET" && pathname === "/_standin/webhooks") return json(200, webhooks.deliveries);
    if (method === "POST" && pathname === "/_standin/next") {
      const { outcome, roomName } = parseJson(body) ?? {};
      try {
        egresses.setNextOutcome(outcome, roomName);
      } catch (err) {
        return json(400, { error: err instanceof Error ? err.message : String(err) });
      }
      log(`next outcome${roomName ? ` in ${roomName}` : ""}: ${outcome}`);
      return res.writeHead(204).end();
    }
    if (method === "POST" && pathname === "/_standin/reset") {
      requests.length = 0;
      webhooks.deliveries.length = 0;
      egresses.resetOutcomes();
      log("reset");
      return res.writeHead(204).end();
    }
    return json(404, { error: `no ${method} ${pathname}` });
  }

  async function handle(req, res) {
    const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readBody(req);
    if (pathname.startsWith("/_standin/")) return control(req.method, pathname, body, res);
    /** @type {import("./stand-in.d.mts").RecordedRequest} */
    const record = { at: new Date().toISOString(), method: pathname.slice(EGRESS_PREFIX.length), request: parseJson(body), claims: null, status: 0 };
    const reply = (status, type, content) => {
      record.status = status;
      res.writeHead(status, { "Content-Type": type }).end(content);
    };
    try {
      record.claims = await authenticate(req.headers.authorization, apiKey, apiSecret);
      if (!pathname.startsWith(EGRESS_PREFIX)) reply(404, "text/plain; charset=utf-8", "404 page not found\n");
      else {
        const { method, binary } = route(req.method, pathname, req.headers["content-type"], methods);
        const message = decode(methods[method], body, binary);
        record.request = message.toJson();
        ensureRecordPermission(record.claims);
        const answer = encode(await call(method, message), binary);
        reply(200, answer.type, answer.body);
      }
    } catch (err) {
      if (err instanceof AuthRejection) reply(401, "text/plain; charset=utf-8", err.message);
      else {
        const twirp = err instanceof TwirpError ? err : new TwirpError("internal", err instanceof Error ? err.message : String(err));
        reply(twirp.status, "application/json", JSON.stringify(twirp));
      }
    }
    if (pathname.startsWith(EGRESS_PREFIX)) requests.push(record);
    log(`${req.method} ${pathname} → ${record.status}`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      log(`internal error: ${err instanceof Error ? err.stack : err}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  // Go's HTTP server (livekit-server's) keeps idle connections open; Node's closes them after 5 s,
  // which races a client reusing one (ECONNRESET) when calls come about 5 s apart.
  server.keepAliveTimeout = 120_000;
  await new Promise((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  log(`Egress stand-in on ${url}, webhooks to ${webhookUrls.join(", ") || "nobody"}`);

  let stopping;
  return {
    url,
    apiKey,
    apiSecret,
    requests,
    webhooks: webhooks.deliveries,
    setNextOutcome: (outcome, roomName) => egresses.setNextOutcome(outcome, roomName),
    settled: () => webhooks.idle(),
    stop() {
      stopping ??= (async () => {
        await new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        });
        egresses.close();
        await webhooks.stop();
        if (out !== null) fs.closeSync(out);
        out = null;
        fs.rmSync(workDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/**
 * The stand-in for a test run, or `{ skipped }` with the reason when ffmpeg is missing. Under CI a
 * missing ffmpeg is an error: CI installs it (.ci/run), so its absence is a broken set-up.
 * @param {Omit<import("./stand-in.d.mts").EgressStandInOptions, "ffmpeg">} opts
 */
export async function startEgressStandInForTests(opts) {
  const ffmpeg = findFfmpeg();
  if (!ffmpeg) {
    const missing = "no ffmpeg found (install Debian's: apt-get install ffmpeg, or set FFMPEG_BIN)";
    if (process.env.CI === "true" || process.env.CI === "1") throw new Error(`CI=true needs ffmpeg for the Egress stand-in: ${missing}`);
    return { skipped: `Egress tests skipped: ${missing}` };
  }
  const standIn = await startEgressStandIn({ ...opts, ffmpeg });
  return Object.assign(standIn, { version: ffmpegVersion(ffmpeg) });
}
