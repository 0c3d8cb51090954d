// Shared bench plumbing: a fresh, migrated database on the embedded PostgreSQL (or DATABASE_URL's
// server), percentiles, and the table every benchmark prints.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { dropDatabase, ensureDatabase, migrate } from "../scripts/lib/migrate.mjs";
import { freePort, startEmbeddedPostgres } from "../scripts/lib/postgres.mjs";

const root = path.resolve(import.meta.dirname, "..");

// The server the person running the benchmark named, read once: benchDatabase sets DATABASE_URL
// to each database it makes, and a second call in one process must not take that for a server.
const givenServer = process.env.DATABASE_URL;

export async function benchDatabase() {
  let server = givenServer;
  let stop = async () => {};
  if (!server) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "pg-bench"), port: await freePort() });
    server = `${pg.url}/postgres`;
    stop = pg.stop;
  }
  const url = new URL(server);
  url.pathname = `/plenary_bench_${Date.now().toString(36)}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl, path.join(root, "prisma", "migrations"));
  process.env.DATABASE_URL = databaseUrl;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  return {
    databaseUrl,
    prisma,
    async close() {
      await prisma.$disconnect();
      await dropDatabase(databaseUrl);
      await stop();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Row {
  workload: string;
  samples: number[];
  extra?: string;
}

/** Today's date and the machine, for the line above a table of figures. */
export function machineLine(): string {
  return `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ""}, node ${process.version}`;
}

export function printTable(title: string, rows: Row[]) {
  console.log(`\n${title} — ${machineLine()}`);
  console.log("| workload | n | p50 ms | p95 ms | p99 ms | max ms | notes |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const s = [...r.samples].sort((a, b) => a - b);
    const f = (v: number) => v.toFixed(1);
    console.log(`| ${r.workload} | ${s.length} | ${f(percentile(s, 50))} | ${f(percentile(s, 95))} | ${f(percentile(s, 99))} | ${f(s.at(-1) ?? NaN)} | ${r.extra ?? ""} |`);
  }
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

/** Busy and total CPU ms of the whole machine so far, from /proc/stat (USER_HZ = 100: 10 ms a tick). */
export function machineCpu(): { busy: number; total: number } {
  const [, ...ticks] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - ticks[3] - ticks[4]) * 10, total: total * 10 };
}

/** CPU ms this process has used so far. */
export function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The last line of a benchmark with a target: PASS, MISS (slower than the target) or FAIL
 * (something lost, duplicated or wrong, whatever the speed: then the process exits 1). */
export function verdict(target: string, met: boolean, figures: string, problems: string[]) {
  console.log(`Target ${target}, on ${os.cpus().length} cores: ${problems.length ? "FAIL" : met ? "PASS" : "MISS"} — ${figures}`);
  if (problems.length) {
    console.error(`FAILED: ${problems.join("; ")}`);
    process.exit(1);
  }
}

/** CPU ms a process (by pid) has used so far, from /proc/<pid>/stat (utime + stime, 10 ms ticks). */
export function processCpuMs(pid: number): number {
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A process's resident memory in MB, from /proc/<pid>/status. */
export function processRssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb ?? 0) / 1024;
}
