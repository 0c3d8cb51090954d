// Security headers of every page (set by proxy.ts at request time, because the LiveKit and S3
// addresses come from the running server's configuration, not the build's). Pure: unit-tested.
//
// script-src keeps 'unsafe-inline': the App Router streams its RSC payload in inline <script>
// tags. Nonces would make every page dynamic (Next reads the nonce while rendering), and the
// public agenda must stay static/ISR; hashes cannot cover streamed payloads. 'unsafe-eval' is
// only allowed in development, where React's refresh needs it.

export interface SecurityConfig {
  /** The LiveKit URL browsers connect to (LIVEKIT_URL, ws:// or wss://). */
  liveKitUrl: string;
  /** S3-compatible storage, when set: presigned media and file redirects point there. */
  s3?: { endpoint?: string; bucket: string; region: string; forcePathStyle: boolean };
  /** The site's configured address (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  dev: boolean;
}

export interface RequestFacts {
  pathname: string;
  /** The request's own protocol ("http" / "https"). */
  protocol: string;
  /** The first value of X-Forwarded-Proto, if a proxy in front set it. */
  forwardedProto?: string | null;
  host?: string | null;
  /** The query string's `url`, on Egress layout pages (where Egress names its LiveKit server). */
  egressUrl?: string | null;
}

// A session's forum room, and a one-to-one meeting's room (lib/meetings).
const ROOM_PATH = /^\/(ko|zh|en)\/(sessions|meetings)\/[^/]+\/live\/?$/;
const EGRESS_PATH = /^\/(ko|zh|en)\/egress\//;
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

/** A live room page (/{locale}/sessions/{id}/live, /{locale}/meetings/{id}/live): the only pages that may use camera and microphone. */
export function isRoomPath(pathname: string): boolean {
  return ROOM_PATH.test(pathname);
}

function origin(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

/** A ws(s) origin and its http(s) twin: livekit-client also calls the server over HTTP (validate, region). */
function liveKitOrigins(url: string | undefined | null): string[] {
  const ws = origin(url);
  if (!ws || !/^wss?:/.test(ws)) return [];
  return [ws, ws.replace(/^ws/, "http")];
}

/** Where presigned S3 URLs point: the bucket's virtual host, or the endpoint itself in path style. */
export function s3Origins(s3: SecurityConfig["s3"]): string[] {
  if (!s3) return [];
  if (!s3.endpoint) return [`https://${s3.bucket}.s3.${s3.region}.amazonaws.com`, `https://s3.${s3.region}.amazonaws.com`];
  const endpoint = origin(s3.endpoint);
  if (!endpoint) return [];
  if (s3.forcePathStyle) return [endpoint];
  const u = new URL(endpoint);
  return [`${u.protocol}//${s3.bucket}.${u.host}`, endpoint];
}

/** Whether the browser reached us over HTTPS (directly, or through a TLS-terminating proxy). */
export function isHttps(req: RequestFacts, config: SecurityConfig): boolean {
  if (req.forwardedProto) return req.forwardedProto.split(",")[0].trim().toLowerCase() === "https";
  if (req.protocol.replace(":", "") === "https") return true;
  // A terminator that sets no header: trust the configured https address, except on loopback.
  return config.publicBaseUrl.startsWith("https:") && !!req.host && !LOOPBACK.test(req.host);
}

export function contentSecurityPolicy(req: RequestFacts, config: SecurityConfig, https: boolean): string {
  const storage = s3Origins(config.s3);
  // Egress's Chromium opens the layout with the LiveKit URL Egress itself is configured with,
  // which may be an internal address; those pages hold no one's data.
  const egress = EGRESS_PATH.test(req.pathname) ? liveKitOrigins(req.egressUrl) : [];
  const connect = [...new Set(["'self'", ...liveKitOrigins(config.liveKitUrl), ...egress])];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", "'unsafe-inline'", ...(config.dev ? ["'unsafe-eval'"] : [])]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    // Speakers' photos may be https addresses on other sites (organizers enter them, checked by
    // lib/agenda/editor/photo-url.ts); an image runs nothing, and pages send no referrer path.
    ["img-src", ["'self'", "data:", "blob:", "https:", ...storage]],
    ["media-src", ["'self'", "blob:", ...storage]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", connect],
    ["worker-src", ["'self'", "blob:"]],
    ["frame-src", ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  const policy = directives.map(([name, values]) => `${name} ${values.join(" ")}`);
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/**
 * Camera, microphone and screen capture only on room pages. The policy belongs to the document
 * that was loaded, so links into a room must load it in full (a plain <a>, not next/link).
 */
export function permissionsPolicy(room: boolean): string {
  const media = room ? "(self)" : "()";
  return [`camera=${media}`, `microphone=${media}`, `display-capture=${media}`, "geolocation=()", "payment=()", "usb=()", "serial=()", "bluetooth=()", "browsing-topics=()"].join(", ");
}

/** One year, subdomains included; sent only on HTTPS responses. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Every security header of a page response. */
export function pageSecurityHeaders(req: RequestFacts, config: SecurityConfig): Record<string, string> {
  const https = isHttps(req, config);
  return {
    "Content-Security-Policy": contentSecurityPolicy(req, config, https),
    "Permissions-Policy": permissionsPolicy(isRoomPath(req.pathname)),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
