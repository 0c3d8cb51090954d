// Stream (RTMP) outputs by LiveKit Egress's rules (pkg/config/urls.go, protocol utils/redact.go): an
// RTMP URL must read `rtmp(s)://{host}(/{path})/{app}/{stream_key}( live=1)`; its stream key is
// redacted to its first and last three characters (`{str...key}`) wherever Egress reports it; `mux://`
// shorthand becomes Mux's ingest URL. Twitch shorthand needs Twitch's ingest list from the internet,
// and SRT and WebSocket outputs need receivers the stand-in does not have: those answer unimplemented.
import { passedOn, TwirpError } from "./twirp.mjs";

const rtmpRegexp = /^(rtmps?:\/\/)(.*\/)(.*\/)(\S*)( live=1)?$/;
const shorthandRegexp = /^(mux|twitch):\/\/(\S+)$/;
const schemes = { rtmp: "rtmp", rtmps: "rtmp", mux: "rtmp", twitch: "rtmp", srt: "srt", ws: "websocket", wss: "websocket" };

/** utils.RedactIdentifier: up to three characters either side, by length. */
export function redactIdentifier(identifier) {
  for (let i = 3; i > 0; i--) if (identifier.length >= i * 3) return `{${identifier.slice(0, i)}...${identifier.slice(-i)}}`;
  return "{...}";
}

/** utils.RedactStreamKey: the URL with its stream key redacted, or null when it has none. */
export function redactStreamKey(url) {
  const shorthand = url.match(shorthandRegexp);
  if (shorthand) return `${shorthand[1]}://${redactIdentifier(shorthand[2])}`;
  const match = url.match(rtmpRegexp);
  if (!match) {
    const [base, query] = url.split(/\?(.*)/s);
    if (!query) return null;
    return `${base}?${query
      .split("&")
      .map((p) => (p.includes("=") && p.slice(p.indexOf("=") + 1) ? `${p.slice(0, p.indexOf("="))}={...}` : p))
      .join("&")}`;
  }
  return `${match[1]}${match[2]}${match[3]}${redactIdentifier(match[4])}${match[5] ?? ""}`;
}

export const invalidUrl = (url, reason) => passedOn("invalid_argument", `invalid url ${url}: ${reason}`);

/** The scheme's output type, as egress's StreamOutputTypes maps it; null when unknown. */
export function outputTypeOf(url) {
  const scheme = url.match(/^([a-z][a-z0-9+.-]*):/i)?.[1].toLowerCase();
  return (scheme && schemes[scheme]) ?? null;
}

/** Egress's protocol choice for a StreamOutput: DEFAULT goes by the first URL's scheme. */
export function streamOutputTypeOf(stream, P) {
  if (stream.protocol === P.StreamProtocol.RTMP) return "rtmp";
  if (stream.protocol === P.StreamProtocol.SRT) return "srt";
  if (stream.protocol === P.StreamProtocol.WEBSOCKET) return "websocket";
  if (!stream.urls.length) throw passedOn("invalid_argument", "request has missing or invalid field: stream protocol");
  const type = outputTypeOf(stream.urls[0]);
  if (!type) throw invalidUrl(stream.urls[0], "invalid protocol");
  return type;
}

/**
 * StreamConfig.ValidateUrl for RTMP: the URL to push to, the redacted one and the stream key.
 * @returns {{ parsedUrl: string, redactedUrl: string, streamId: string }}
 */
export function validateRtmpUrl(rawUrl) {
  if (outputTypeOf(rawUrl) !== "rtmp") throw invalidUrl(rawUrl, "invalid scheme");
  let parsedUrl = rawUrl;
  if (/^mux:\/\//i.test(rawUrl)) parsedUrl = `rtmps://global-live.mux.com:443/app/${rawUrl.slice("mux://".length)}`;
  else if (/^twitch:\/\//i.test(rawUrl) || /^rtmps?:\/\/.*\.contribute\.live-video\.net\/app\//.test(rawUrl))
    throw new TwirpError("unimplemented", "the Egress stand-in cannot look up Twitch's ingest servers (no internet)");
  const match = parsedUrl.match(rtmpRegexp);
  if (!match) throw invalidUrl(rawUrl, "rtmp urls must be of format rtmp(s)://{host}(/{path})/{app}/{stream_key}( live=1)");
  return { parsedUrl, redactedUrl: `${match[1]}${match[2]}${match[3]}${redactIdentifier(match[4])}${match[5] ?? ""}`, streamId: match[4] };
}
