// Each integration test gets a database of its own on the run's server, dropped afterwards.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { inject } from "vitest";
import { dropDatabase, ensureDatabase, migrate } from "../../scripts/lib/migrate.mjs";
import { PrismaClient } from "../../lib/generated/prisma/client";

export const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

let counter = 0;

export async function emptyDatabase(label: string) {
  const url = new URL(inject("serverUrl"));
  url.pathname = `/plenary_${inject("runId")}_${label}_${process.pid}_${counter++}`.toLowerCase().replace(/[^a-z0-9_/]/g, "_");
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  return { databaseUrl, drop: () => dropDatabase(databaseUrl) };
}

export async function migratedDatabase(label: string) {
  const empty = await emptyDatabase(label);
  await migrate(empty.databaseUrl, migrationsDir);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: empty.databaseUrl }) });
  return {
    ...empty,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await empty.drop();
    },
  };
}

export async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
