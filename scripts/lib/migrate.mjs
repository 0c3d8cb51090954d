// Applies prisma/migrations/*/migration.sql the way `prisma migrate deploy` does and records each
// in `_prisma_migrations` with the same columns and checksums, so that a deployment with Prisma's
// schema engine can take over the same database (and this runner can follow it).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

// The advisory lock key prisma migrate takes, so this runner and Prisma never migrate at once.
const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Prisma's checksum: SHA-256 of the script, hex; line endings normalised to LF. */
export function migrationChecksum(script) {
  return crypto.createHash("sha256").update(script.replace(/\r\n/g, "\n")).digest("hex");
}

export function listMigrations(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const script = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, script, checksum: migrationChecksum(script) };
    });
}

/** Applies every pending migration; returns the names applied. Throws on a failed one. */
export async function migrate(databaseUrl, migrationsDir, log = () => {}) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`);
    const failed = rows.find((r) => r.finished_at === null);
    if (failed) {
      throw new Error(`Migration ${failed.migration_name} failed earlier (P3009). Fix the database, then mark it with ` + `'prisma migrate resolve' or delete its row in _prisma_migrations.`);
    }
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const applied = [];
    for (const m of listMigrations(migrationsDir)) {
      if (done.has(m.name)) {
        if (done.get(m.name) !== m.checksum) log(`warning: migration ${m.name} was modified after it was applied`);
        continue;
      }
      const id = crypto.randomUUID();
      await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [id, m.checksum, m.name]);
      try {
        await client.query("BEGIN");
        await client.query(m.script);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(err.stack ?? err)]);
        throw new Error(`Migration ${m.name} failed: ${err.message}`);
      }
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      log(`applied ${m.name}`);
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}

async function withServer(databaseUrl, fn) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    return await fn(admin, `"${name.replace(/"/g, '""')}"`, name);
  } finally {
    await admin.end();
  }
}

/** Creates the database named in `databaseUrl` on its server when it does not exist yet. */
export function ensureDatabase(databaseUrl) {
  return withServer(databaseUrl, async (admin, quoted, name) => {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${quoted} ENCODING 'UTF8' TEMPLATE template0`);
  });
}

export function dropDatabase(databaseUrl) {
  return withServer(databaseUrl, (admin, quoted) => admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`));
}
