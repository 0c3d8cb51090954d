// Load for write benchmarks whose every request is different (its own body, cookie or signature):
// prepared requests sent with fetch from the bench process (a separate process from the server)
// over loopback, a fixed number in flight, each answer's latency and status kept. CPU time of
// the server, of this process and of the whole machine is counted as bench/http.ts counts it, and
// the result has http.ts's shape, so printHttpTable prints it beside the autocannon workloads.
import fs from "node:fs";
import path from "node:path";
import type { Prepared } from "../test/write-requests";
import type { LoadResult } from "./http";
import { machineCpu, ownCpuMs, percentile } from "./lib";

export type { Prepared };

export interface Sent {
  /** Index of the request in the prepared list. */
  index: number;
  status: number;
  /** 0 when the connection failed (no answer). */
  ms: number;
  location: string | null;
  body: string;
  error?: string;
}

/**
 * Sends `requests` to `url` with at most `inFlight` at once (Infinity: all at once, a burst);
 * fetch's pool opens a keep-alive connection per request in flight, as that many clients would.
 * `ok` decides which answers count as right (default: 2xx).
 */
export async function sendAll(opts: {
  url: string;
  requests: Prepared[];
  inFlight: number;
  server?: { cpuMs(): number; rss(): number };
  ok?: (sent: Sent) => boolean;
}): Promise<{ result: LoadResult; sent: Sent[] }> {
  const ok = opts.ok ?? ((s: Sent) => s.status >= 200 && s.status < 300);
  const width = Math.min(opts.inFlight, opts.requests.length);
  const sent: Sent[] = new Array(opts.requests.length);
  let next = 0;
  let rssPeak = opts.server?.rss() ?? 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, opts.server?.rss() ?? 0)), 500);
  const before = { machine: machineCpu(), server: opts.server?.cpuMs() ?? 0, client: ownCpuMs(), at: performance.now() };
  const worker = async () => {
    while (next < opts.requests.length) {
      const index = next++;
      const r = opts.requests[index];
      const started = performance.now();
      try {
        const res = await fetch(new URL(r.path, opts.url), { method: r.method ?? "POST", headers: r.headers, body: r.body, redirect: "manual" });
        const body = await res.text();
        sent[index] = { index, status: res.status, ms: performance.now() - started, location: res.headers.get("location"), body };
      } catch (err) {
        sent[index] = { index, status: 0, ms: 0, location: null, body: "", error: String((err as Error).cause ?? err) };
      }
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  const seconds = (performance.now() - before.at) / 1000;
  clearInterval(sampler);
  const after = { machine: machineCpu(), server: opts.server?.cpuMs() ?? 0, client: ownCpuMs() };

  const answered = sent.filter((s) => s.status > 0);
  const latencies = answered.map((s) => s.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of answered) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  const connection = sent.length - answered.length;
  const failedChecks = answered.filter((s) => !ok(s)).length;
  const serverMs = opts.server ? after.server - before.server : 0;
  const clientMs = after.client - before.client;
  const machineMs = after.machine.busy - before.machine.busy;
  const othersMs = Math.max(0, machineMs - serverMs - clientMs);
  const capacityMs = after.machine.total - before.machine.total;
  const n = Math.max(1, answered.length);
  const result: LoadResult = {
    requests: answered.length,
    seconds,
    rps: answered.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    errors: { total: connection + failedChecks, connection, timeouts: 0, non2xx: answered.filter((s) => s.status < 200 || s.status >= 300).length, failedChecks, statuses },
    bytesPerSecond: answered.reduce((sum, s) => sum + s.body.length, 0) / seconds,
    cpuPerRequest: { server: serverMs / n, client: clientMs / n, others: othersMs / n },
    machineBusy: machineMs / capacityMs,
    othersBusy: othersMs / capacityMs,
    serverRssPeak: rssPeak,
    latencies,
  };
  return { result, sent };
}

/** With --profile: node arguments that make the server write a CPU profile into .data/profiles when it stops. */
export function profileArgs(): string[] {
  if (!process.argv.includes("--profile")) return [];
  const dir = path.resolve(import.meta.dirname, "..", ".data", "profiles");
  fs.mkdirSync(dir, { recursive: true });
  return ["--cpu-prof", `--cpu-prof-dir=${dir}`];
}
