// The LiveKit protobuf classes exactly as livekit-server-sdk resolves them: the SDK pins its own
// @livekit/protocol, which may differ from the copy livekit-client brings to the top level.
import crypto from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const fromSdk = createRequire(require.resolve("livekit-server-sdk"));

/** @type {typeof import("@livekit/protocol")} */
export const protocol = fromSdk("@livekit/protocol");

// shortuuid's alphabet, which LiveKit's guid package draws its 12 characters from.
const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** A LiveKit-style id: `EG_` / `EV_` and 12 random characters. */
export function guid(prefix) {
  let id = prefix;
  for (let i = 0; i < 12; i++) id += alphabet[crypto.randomInt(alphabet.length)];
  return id;
}

/** Now in nanoseconds, as EgressInfo's int64 timestamps are. */
export const nowNs = () => BigInt(Date.now()) * 1_000_000n;
