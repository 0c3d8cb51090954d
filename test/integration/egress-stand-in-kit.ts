// What the Egress stand-in's tests share: a webhook endpoint verifying events with
// livekit-server-sdk's WebhookReceiver, polling, and reading media back with ffmpeg/ffprobe.
import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { EgressStatus, WebhookReceiver, type WebhookEvent } from "livekit-server-sdk";
import { findFfmpeg } from "../../e2e/egress/stand-in.mjs";

export const KEY = "devkey";
export const SECRET = "secret";
export const ffmpeg = findFfmpeg();
const missing = "Egress stand-in tests skipped: no ffmpeg (apt-get install ffmpeg)";
if (!ffmpeg && (process.env.CI === "true" || process.env.CI === "1")) throw new Error(`CI=true needs ffmpeg: ${missing}`);
if (!ffmpeg) console.warn(missing);

export async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A loopback webhook endpoint that keeps every verified event and every rejection. */
export async function startWebhookEndpoint() {
  const receiver = new WebhookReceiver(KEY, SECRET);
  const events: WebhookEvent[] = [];
  const rejected: string[] = [];
  const server = http.createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    try {
      if (req.headers["content-type"] !== "application/webhook+json") throw new Error(`content-type ${req.headers["content-type"]}`);
      events.push(await receiver.receive(body, req.headers.authorization));
      res.writeHead(200).end();
    } catch (err) {
      rejected.push(String(err));
      res.writeHead(401).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const eventsOf = (egressId: string) => events.filter((e) => e.egressInfo?.egressId === egressId);
  return {
    url: `http://127.0.0.1:${port}/api/livekit/webhook`,
    events,
    rejected,
    eventsOf,
    sequence: (egressId: string) => eventsOf(egressId).map((e) => `${e.event} ${EgressStatus[e.egressInfo!.status]}`),
    endedEvent: (egressId: string, ms = 10_000) => until(() => eventsOf(egressId).find((e) => e.event === "egress_ended"), Boolean, ms).then((e) => e!.egressInfo!),
    activeEvent: (egressId: string) => until(() => eventsOf(egressId).find((e) => e.egressInfo?.status === EgressStatus.EGRESS_ACTIVE), Boolean),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Streams, container, start and duration of a media file as ffprobe (same package as ffmpeg) reads them. */
export function probe(file: string) {
  const ffprobe = path.join(path.dirname(ffmpeg!), "ffprobe");
  const out = spawnSync(ffprobe, ["-v", "error", "-show_entries", "format=format_name,start_time,duration:stream=codec_type,codec_name", "-of", "json", file], { encoding: "utf8" });
  const json = JSON.parse(out.stdout) as { streams: { codec_type: string; codec_name: string }[]; format: { format_name: string; start_time: string; duration: string } };
  return { streams: json.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort(), format: json.format.format_name, start: Number(json.format.start_time), seconds: Number(json.format.duration) };
}

/** The tone's frequency from zero crossings of the first `seconds`, decoded by ffmpeg. */
export function toneOf(file: string, seconds = 0.5) {
  const pcm = spawnSync(ffmpeg!, ["-v", "error", "-i", file, "-t", String(seconds), "-ac", "1", "-ar", "48000", "-f", "s16le", "-"]).stdout;
  let crossings = 0;
  for (let i = 2; i + 1 < pcm.length; i += 2) if (pcm.readInt16LE(i - 2) < 0 !== pcm.readInt16LE(i) < 0) crossings++;
  return crossings / 2 / (pcm.length / 2 / 48_000);
}

/** A media playlist's tags and segments (PROGRAM-DATE-TIME as ms since the epoch). */
export function parsePlaylist(text: string) {
  const lines = text.split("\n");
  const tag = (name: string) => lines.find((l) => l.startsWith(`#${name}:`))?.slice(name.length + 2);
  const segments: { pdt: number; seconds: number; uri: string }[] = [];
  let pdt = NaN;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith("#EXT-X-PROGRAM-DATE-TIME:")) pdt = Date.parse(lines[i].slice("#EXT-X-PROGRAM-DATE-TIME:".length));
    const extinf = lines[i].match(/^#EXTINF:([\d.]+),$/);
    if (extinf) segments.push({ pdt, seconds: Number(extinf[1]), uri: lines[++i] });
  }
  return {
    type: tag("EXT-X-PLAYLIST-TYPE") ?? null,
    targetDuration: Number(tag("EXT-X-TARGETDURATION")),
    mediaSequence: Number(tag("EXT-X-MEDIA-SEQUENCE")),
    segments,
    ended: lines.includes("#EXT-X-ENDLIST"),
  };
}
