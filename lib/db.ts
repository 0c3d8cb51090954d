// The one Prisma client of the app, over node-postgres through Prisma's driver adapter.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

function createClient() {
  // Waiting for a pooled connection is normal under a burst (registrations queue on an event's
  // lock); an unreachable server still fails at once with ECONNREFUSED.
  const adapter = new PrismaPg({ connectionString: getEnv().DATABASE_URL, connectionTimeoutMillis: 30_000 });
  // An interactive transaction's 5 s default is a speed limit, not a safeguard: on a saturated
  // machine a write waiting on a busy lock passed it and failed (P2028). Locks keep writes short;
  // this only bounds a transaction that truly hangs. (Prisma's own transaction around a nested
  // read keeps its 5 s: client defaults do not reach it.)
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
}

// One pool per process, created on first use (never at build time); dev-server hot reloads
// re-evaluate modules, so the client lives on globalThis.
const holder = globalThis as unknown as { plenaryDb?: PrismaClient };

export const db = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    holder.plenaryDb ??= createClient();
    const value = Reflect.get(holder.plenaryDb, prop);
    return typeof value === "function" ? value.bind(holder.plenaryDb) : value;
  },
});

/** The client handed to a `db.$transaction` callback: functions that must run inside one take it. */
export type Tx = Prisma.TransactionClient;
