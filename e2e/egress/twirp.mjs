// The HTTP edge of LiveKit's Egress API as livekit-server v1.13 serves it: its API-key middleware
// (bad tokens → 401 with a plain-text body), Twirp's routing and errors (JSON `{code,msg,meta}`),
// protobuf JSON in and out. Checked against the real server: see the report in the stand-in's tests.
import { TokenVerifier } from "livekit-server-sdk";

export const EGRESS_PREFIX = "/twirp/livekit.Egress/";

/** Twirp error codes and the HTTP statuses Twirp sends them with. */
const statusOf = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500,
  unimplemented: 501,
  unavailable: 503,
};

export class TwirpError extends Error {
  /** @param {keyof typeof statusOf} code @param {string} msg @param {Record<string, string>} [meta] */
  constructor(code, msg, meta) {
    super(msg);
    this.code = code;
    this.meta = meta;
  }

  get status() {
    return statusOf[this.code] ?? 500;
  }

  toJSON() {
    return { code: this.code, msg: this.message, ...(this.meta ? { meta: this.meta } : {}) };
  }
}

/** An error LiveKit's server passes on from its own services (psrpc): Twirp wraps its text. */
export const passedOn = (code, msg) => new TwirpError(code, `twirp error unknown: ${msg}`);

/** A plain-text rejection by the API-key middleware, before Twirp sees the request. */
export class AuthRejection extends Error {}

/**
 * The middleware's view of the Authorization header: null claims when there is none (the
 * method's grant check then answers `unauthenticated`), the verified claims, or AuthRejection.
 * @param {string | undefined} header
 */
export async function authenticate(header, apiKey, apiSecret) {
  if (!header) return null;
  if (!header.startsWith("Bearer ")) throw new AuthRejection("invalid authorization header. Must start with Bearer ");
  const token = header.slice("Bearer ".length);
  let issuer;
  try {
    issuer = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8")).iss;
  } catch {
    throw new AuthRejection("invalid authorization token");
  }
  if (issuer !== apiKey) throw new AuthRejection("invalid API key");
  try {
    return await new TokenVerifier(apiKey, apiSecret).verify(token);
  } catch (err) {
    throw new AuthRejection(`invalid token: ${token}, error: ${err instanceof Error ? err.message : err}`);
  }
}

/** LiveKit's EnsureRecordPermission: every Egress method needs `video.roomRecord`. */
export function ensureRecordPermission(claims) {
  if (claims?.video?.roomRecord !== true) throw new TwirpError("unauthenticated", "permissions denied");
}

/**
 * Twirp's routing checks for `/twirp/livekit.Egress/<method>`: POST only, JSON or protobuf.
 * @returns {{ method: string, binary: boolean }}
 */
export function route(httpMethod, pathname, contentType, methods) {
  const invalid = (msg) => new TwirpError("bad_route", msg, { twirp_invalid_route: `${httpMethod} ${pathname}` });
  if (httpMethod !== "POST") throw invalid(`unsupported method ${JSON.stringify(httpMethod)} (only POST is allowed)`);
  const method = pathname.slice(EGRESS_PREFIX.length);
  if (!Object.hasOwn(methods, method)) throw invalid(`no handler for path ${JSON.stringify(pathname)}`);
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && type !== "application/protobuf") throw invalid(`unexpected Content-Type: ${JSON.stringify(contentType ?? "")}`);
  return { method, binary: type === "application/protobuf" };
}

/** The request message from the body, unknown JSON fields ignored as Twirp's server does. */
export function decode(MessageType, body, binary) {
  try {
    return binary ? MessageType.fromBinary(new Uint8Array(body)) : MessageType.fromJson(JSON.parse(body.toString("utf8") || "{}"), { ignoreUnknownFields: true });
  } catch {
    throw new TwirpError("malformed", `the ${binary ? "protobuf" : "json"} request could not be decoded`);
  }
}

/** Twirp's Go server answers JSON with proto field names and every unpopulated field. */
export function encode(message, binary) {
  if (binary) return { type: "application/protobuf", body: Buffer.from(message.toBinary()) };
  return { type: "application/json", body: JSON.stringify(message.toJson({ useProtoFieldName: true, emitDefaultValues: true })) };
}
