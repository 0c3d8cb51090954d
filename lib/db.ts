// The one Prisma client of the app, over node-postgres through Prisma's driver adapter, on the
// app's own pg pool, which prepared() shares for the few reads on every request's path.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

// One pool per process, created on first use (never at build time); dev-server hot reloads
// re-evaluate modules, so the client and its pool live on globalThis.
const holder = globalThis as unknown as { plenaryDb?: PrismaClient; plenaryPool?: Pool };

function pool(): Pool {
  // Waiting for a pooled connection is normal under a burst (registrations queue on an event's
  // lock); an unreachable server still fails at once with ECONNREFUSED.
  return (holder.plenaryPool ??= new Pool({ connectionString: getEnv().DATABASE_URL, connectionTimeoutMillis: 30_000 }));
}

function createClient() {
  // Prisma runs on the app's own pool, which prepared() shares.
  const adapter = new PrismaPg(pool());
  // An interactive transaction's 5 s default is a speed limit, not a safeguard: on a saturated
  // machine a write waiting on a busy lock passed it and failed (P2028). Locks keep writes short;
  // this only bounds a transaction that truly hangs. (Prisma's own transaction around a nested
  // read keeps its 5 s: client defaults do not reach it.)
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    holder.plenaryDb ??= createClient();
    const value = Reflect.get(holder.plenaryDb, prop);
    return typeof value === "function" ? value.bind(holder.plenaryDb) : value;
  },
});

/** The client handed to a `db.$transaction` callback: functions that must run inside one take it. */
export type Tx = Prisma.TransactionClient;

/**
 * A read on every request's path as a named prepared statement on the app's pool: PostgreSQL
 * parses it once per connection and, after a few runs, keeps one plan for it, where Prisma's raw
 * queries are parsed and planned on every run. `name` must stand for this `text` alone. Behind a
 * connection pooler, it needs one that keeps prepared statements (PgBouncer 1.21+ with
 * max_prepared_statements, or session pooling).
 */
export async function prepared<Row>(name: string, text: string, values: unknown[]): Promise<Row[]> {
  return (await pool().query({ name, text, values })).rows as Row[];
}
