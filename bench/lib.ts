// Shared bench plumbing: a fresh, migrated database on the embedded PostgreSQL (or DATABASE_URL's
// server), percentiles, and the table every benchmark prints.
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { dropDatabase, ensureDatabase, migrate } from "../scripts/lib/migrate.mjs";
import { freePort, startEmbeddedPostgres } from "../scripts/lib/postgres.mjs";

const root = path.resolve(import.meta.dirname, "..");

export async function benchDatabase() {
  let server = process.env.DATABASE_URL;
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
