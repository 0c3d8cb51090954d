// Egress webhooks as LiveKit's server sends them (livekit/protocol webhook.ResourceURLNotifier):
// the WebhookEvent in protobuf JSON, `Content-Type: application/webhook+json`, `Authorization` a
// bare JWT (no "Bearer") whose `sha256` claim is the base64 SHA-256 of the body, valid 5 minutes.
// One queue per URL and egress keeps an egress's events in order; go-retryablehttp's default
// policy retries connection errors, 429 and 5xx (not 501) four times, waiting 1 s, 2 s, 4 s, 8 s;
// an event that waited in its queue for over 30 s is dropped.
import crypto from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import { guid, protocol } from "./protocol.mjs";

const defaults = { retries: 4, minDelayMs: 1000, maxDelayMs: 30_000, maxAgeMs: 30_000, timeoutMs: 10_000 };

/** @typedef {{ at: string, url: string, event: string, id: string, egressId: string, status: string, httpStatus: number | null, attempt: number, error?: string }} Delivery */

const sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve(undefined)), { once: true });
  });

const retryable = (status) => status === 429 || (status >= 500 && status !== 501);

/**
 * @param {{ urls: string[], apiKey: string, apiSecret: string, log: (line: string) => void, retry?: Partial<typeof defaults> }} opts
 */
export function createWebhookSender({ urls, apiKey, apiSecret, log, retry = {} }) {
  const opts = { ...defaults, ...retry };
  /** @type {Map<string, Promise<void>>} */
  const queues = new Map();
  /** @type {Delivery[]} */
  const deliveries = [];
  const stopped = new AbortController();

  async function deliver(url, body, meta, queuedAt) {
    if (stopped.signal.aborted) return;
    const label = `${meta.event} ${meta.egressId} ${meta.status} → ${url}`;
    if (Date.now() - queuedAt > opts.maxAgeMs) return log(`webhook ${label}: dropped after ${Date.now() - queuedAt} ms in the queue`);
    const at = new AccessToken(apiKey, apiSecret, { ttl: "5m" });
    at.sha256 = crypto.createHash("sha256").update(body).digest("base64");
    const token = await at.toJwt();
    for (let attempt = 1; ; attempt++) {
      /** @type {Delivery} */
      const record = { at: new Date().toISOString(), url, ...meta, httpStatus: null, attempt };
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "Authorization": token, "Content-Type": "application/webhook+json", "User-Agent": "LiveKit" },
          body,
          signal: AbortSignal.any([stopped.signal, AbortSignal.timeout(opts.timeoutMs)]),
        });
        await res.arrayBuffer().catch(() => null);
        record.httpStatus = res.status;
      } catch (err) {
        if (stopped.signal.aborted) return;
        // undici reports the reason (ECONNREFUSED, …) as the cause of "fetch failed".
        const cause = err instanceof Error ? /** @type {{ code?: string } | undefined} */ (err.cause) : undefined;
        record.error = cause?.code ?? (err instanceof Error ? err.message : String(err));
      }
      deliveries.push(record);
      log(`webhook ${label}: ${record.httpStatus ?? record.error} (attempt ${attempt})`);
      if (record.httpStatus !== null && !retryable(record.httpStatus)) return;
      if (attempt > opts.retries) return log(`webhook ${label}: giving up after ${attempt} attempts`);
      await sleep(Math.min(opts.minDelayMs * 2 ** (attempt - 1), opts.maxDelayMs), stopped.signal);
      if (stopped.signal.aborted) return;
    }
  }

  return {
    deliveries,
    /** Queues `event` for `info` (an EgressInfo) to every URL; one event id for all of them. */
    send(event, info) {
      const id = guid("EV_");
      const message = new protocol.WebhookEvent({ event, egressInfo: info, id, createdAt: BigInt(Math.floor(Date.now() / 1000)) });
      const body = JSON.stringify(message.toJson());
      const meta = { event, id, egressId: info.egressId, status: protocol.EgressStatus[info.status] };
      const queuedAt = Date.now();
      for (const url of urls) {
        const key = `${url} ${info.egressId}`;
        const next = (queues.get(key) ?? Promise.resolve()).then(() => deliver(url, body, meta, queuedAt));
        queues.set(key, next);
        void next.finally(() => queues.get(key) === next && queues.delete(key));
      }
    },
    /** Resolves once every queued delivery has finished (sent, given up or dropped). */
    async idle() {
      while (queues.size) await Promise.all(queues.values());
    },
    async stop() {
      stopped.abort();
      await this.idle();
    },
  };
}
