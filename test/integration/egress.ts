// The Egress stand-in for the recordings tests: whether it can run here (ffmpeg), and polling.
import { inject } from "vitest";
import * as standIn from "../../e2e/egress/stand-in.mjs";

export const KEY = "devkey";
export const SECRET = "secret";
export { standIn };

const livekit = inject("livekit");
/** The run's real LiveKit server when there is one (the room's channel list comes from it); else
 * an address nothing answers, and channels start only from webhooks. */
export const liveKitUrl = "url" in livekit ? livekit.url : "ws://127.0.0.1:2";

const probe = await standIn.startEgressStandInForTests({ apiKey: KEY, apiSecret: SECRET, webhookUrls: [] });
/** Why the stand-in cannot run here (no ffmpeg), or null. */
export const egressSkipped = "skipped" in probe ? probe.skipped : null;
if ("skipped" in probe) console.warn(probe.skipped);
else await probe.stop();

/** Polls `read` until `done`, failing with the last value after `ms`. */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
