// Brings up the database the app or a test run needs: DATABASE_URL when set, otherwise the
// embedded cluster; then creates the named database and applies the migrations.
import path from "node:path";
import { defaultDataDir, startEmbeddedPostgres } from "./postgres.mjs";

export const root = path.resolve(import.meta.dirname, "../..");

/** `name` replaces the database name of the server URL (a run's own database in tests). */
export async function prepareDatabase({ name, dataDir = defaultDataDir(root), port = Number(process.env.PLENARY_PG_PORT ?? 5433), log = console.log } = {}) {
  const { ensureDatabase, migrate } = await import("./migrate.mjs");
  let serverUrl;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    log(`Starting the embedded PostgreSQL (${path.relative(root, dataDir)}, port ${port})…`);
    const pg = await startEmbeddedPostgres({ dataDir, port, log: process.env.PLENARY_PG_LOG ? log : () => {} });
    serverUrl = `${pg.url}/plenary`;
    stop = pg.stop;
  }
  const url = new URL(serverUrl);
  if (name) url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  try {
    await ensureDatabase(databaseUrl);
    const applied = await migrate(databaseUrl, path.join(root, "prisma", "migrations"), log);
    if (applied.length) log(`Applied ${applied.length} migration(s).`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { databaseUrl, stop };
}
