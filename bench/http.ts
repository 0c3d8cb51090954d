// HTTP load for benchmarks against the production app (bench/server.ts): autocannon runs in the
// bench process, a separate process from the server, over loopback. Every answer's latency is
// kept (autocannon's own histogram has no p95), every answer may be checked, and the CPU time of
// the server, of this process and of the whole machine is counted, so a figure taken on a busy
// machine says how busy it was.
import os from "node:os";
import autocannon from "autocannon";
import { machineCpu, machineLine, ownCpuMs, percentile } from "./lib";

export interface Asked {
  path?: string;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  /** The body as autocannon keeps it: chunks decoded as UTF-8, so byte-exact only for ASCII. */
  body: string;
  headers: Record<string, string | string[]>;
}

export interface LoadOptions {
  /** Base URL of the app (http://127.0.0.1:port); traffic never leaves loopback. */
  url: string;
  path?: string;
  headers?: Record<string, string>;
  /** GET unless set; every request sends the same method and body. */
  method?: "GET" | "POST";
  body?: string;
  connections: number;
  seconds: number;
  /** Builds each request (e.g. a random Range header); called once per request, keep it cheap. */
  request?: () => Asked;
  /** Whether an answer is right; a wrong one counts as an error. Default: any 2xx. */
  check?: (answer: Answer, asked: Asked) => boolean;
  /** The server under load: its CPU time and memory are sampled during the run. */
  server?: { cpuMs(): number; rss(): number };
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: { total: number; connection: number; timeouts: number; non2xx: number; failedChecks: number; statuses: Record<string, number> };
  bytesPerSecond: number;
  /** CPU ms per answered request: the server's, the load generator's, the rest of the machine's. */
  cpuPerRequest: { server: number; client: number; others: number };
  /** Share of the machine's cores busy during the run (0..1), and of that, outside server + client. */
  machineBusy: number;
  othersBusy: number;
  /** The server's resident memory at its highest, sampled every 500 ms. */
  serverRssPeak: number;
  /** Every answered request's latency in ms, ascending (to merge concurrent runs). */
  latencies: number[];
}

/** Two runs that went on at the same time against two instances, as one: answers and bytes
 * summed, percentiles over both runs' latencies, CPU per request weighted by answers. */
export function combineLoads(a: LoadResult, b: LoadResult): LoadResult {
  const latencies = [...a.latencies, ...b.latencies].sort((x, y) => x - y);
  const requests = a.requests + b.requests;
  const seconds = Math.max(a.seconds, b.seconds);
  const weighted = (f: (r: LoadResult) => number) => (f(a) * a.requests + f(b) * b.requests) / requests;
  const statuses: Record<string, number> = { ...a.errors.statuses };
  for (const [k, v] of Object.entries(b.errors.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const sum = (k: Exclude<keyof LoadResult["errors"], "statuses">) => a.errors[k] + b.errors[k];
  return {
    requests,
    seconds,
    rps: a.rps + b.rps,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    errors: { total: sum("total"), connection: sum("connection"), timeouts: sum("timeouts"), non2xx: sum("non2xx"), failedChecks: sum("failedChecks"), statuses },
    bytesPerSecond: a.bytesPerSecond + b.bytesPerSecond,
    // Each run's own measure counted both servers' and the one load generator's CPU; per run's answers.
    cpuPerRequest: { server: weighted((r) => r.cpuPerRequest.server), client: (a.cpuPerRequest.client * a.requests) / requests, others: weighted((r) => r.cpuPerRequest.others) },
    machineBusy: Math.max(a.machineBusy, b.machineBusy),
    othersBusy: Math.min(a.othersBusy, b.othersBusy),
    serverRssPeak: Math.max(a.serverRssPeak, b.serverRssPeak),
    latencies,
  };
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failedChecks = 0;
  const check = opts.check ?? ((a: Answer) => a.status >= 200 && a.status < 300);
  const request: autocannon.Request = {
    setupRequest(req, context) {
      const asked = opts.request?.() ?? {};
      (context as { asked?: Asked }).asked = asked;
      return { ...req, path: asked.path ?? req.path, headers: { ...req.headers, ...asked.headers } };
    },
    onResponse(status, body, context, headers) {
      const asked = (context as { asked?: Asked }).asked ?? {};
      if (!check({ status, body: body ?? "", headers: (headers ?? {}) as Answer["headers"] }, asked)) failedChecks++;
    },
  };
  let rssPeak = opts.server?.rss() ?? 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, opts.server?.rss() ?? 0)), 500);
  const before = { machine: machineCpu(), server: opts.server?.cpuMs() ?? 0, client: ownCpuMs() };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = {
      url: new URL(opts.path ?? "/", opts.url).toString(),
      ...(opts.method ? { method: opts.method, body: opts.body } : {}),
      headers: opts.headers,
      connections: opts.connections,
      duration: opts.seconds,
      requests: [request],
    };
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, opts.server?.rss() ?? 0);
  const after = { machine: machineCpu(), server: opts.server?.cpuMs() ?? 0, client: ownCpuMs() };

  const sorted = latencies.sort((a, b) => a - b);
  const answered = sorted.length;
  const serverMs = opts.server ? after.server - before.server : 0;
  const clientMs = after.client - before.client;
  const machineMs = after.machine.busy - before.machine.busy;
  const othersMs = Math.max(0, machineMs - serverMs - clientMs);
  const capacityMs = after.machine.total - before.machine.total;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  const connection = result.errors - result.timeouts;
  return {
    requests: answered,
    seconds: result.duration,
    rps: answered / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    // The check decides what is wrong (by default anything but 2xx): non2xx alone is information.
    errors: { total: result.errors + failedChecks, connection, timeouts: result.timeouts, non2xx: result.non2xx, failedChecks, statuses },
    bytesPerSecond: result.throughput.average,
    cpuPerRequest: { server: serverMs / answered, client: clientMs / answered, others: othersMs / answered },
    machineBusy: machineMs / capacityMs,
    othersBusy: othersMs / capacityMs,
    serverRssPeak: rssPeak,
    latencies: sorted,
  };
}

export interface HttpRow {
  workload: string;
  result: LoadResult;
  notes?: string;
}

export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

function errorNote(e: LoadResult["errors"]): string {
  if (!e.total) return "";
  const codes = Object.entries(e.statuses)
    .filter(([c]) => !c.startsWith("2"))
    .map(([c, n]) => `${n}×${c}`);
  const parts = [
    e.failedChecks ? `${e.failedChecks} wrong answers` : "",
    codes.length ? `statuses ${codes.join(" ")}` : "",
    e.timeouts ? `${e.timeouts} timeouts` : "",
    e.connection ? `${e.connection} connection errors` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

/** One table for HTTP workloads, headed by the date, the machine's cores and CPU. */
export function printHttpTable(title: string, rows: HttpRow[]) {
  console.log(`\n${title} — ${machineLine()}`);
  console.log("| workload | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | MB/s | server CPU ms/req | notes |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const { workload, result: r, notes } of rows) {
    const f = (v: number) => v.toFixed(1);
    const extra = [notes, errorNote(r.errors), `machine ${(r.machineBusy * 100).toFixed(0)}% busy, ${(r.othersBusy * 100).toFixed(0)}% outside server and load generator (PostgreSQL included)`]
      .filter(Boolean)
      .join("; ");
    console.log(
      `| ${workload} | ${r.requests} | ${r.rps.toFixed(0)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} | ${r.errors.total} | ${(r.bytesPerSecond / 2 ** 20).toFixed(1)} | ${r.cpuPerRequest.server.toFixed(2)} | ${extra} |`,
    );
  }
  console.log(
    `(${os.cpus().length} cores; CPU ms per request — load generator ${rows.map((r) => r.result.cpuPerRequest.client.toFixed(2)).join(" / ")}, rest of the machine ${rows.map((r) => r.result.cpuPerRequest.others.toFixed(2)).join(" / ")})`,
  );
}
