import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "../../scripts/lib/migrate.mjs";
import { emptyDatabase, migrationsDir, query } from "./db";
import { readSchema } from "./schema-match";

describe("migrations", () => {
  let db: Awaited<ReturnType<typeof emptyDatabase>>;
  let applied: string[];
  beforeAll(async () => {
    db = await emptyDatabase("migrations");
    applied = await migrate(db.databaseUrl, migrationsDir);
  });
  afterAll(() => db.drop());

  it("apply every migration to an empty database", () => {
    const onDisk = fs.readdirSync(migrationsDir).filter((d) => fs.existsSync(path.join(migrationsDir, d, "migration.sql")));
    expect(applied).toEqual(onDisk.sort());
  });

  it("record each migration in _prisma_migrations as prisma migrate deploy does", async () => {
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null; id: string }>(
      db.databaseUrl,
      `SELECT id, migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = listMigrations(migrationsDir);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const sql = fs.readFileSync(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(crypto.createHash("sha256").update(sql).digest("hex"));
      expect(row.checksum).toBe(files[i].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("apply nothing a second time", async () => {
    expect(await migrate(db.databaseUrl, migrationsDir)).toEqual([]);
  });

  it("produce exactly the tables and columns of the Prisma schema, with types and nullability", async () => {
    const schema = readSchema();
    const cols = await query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      db.databaseUrl,
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = cols.map((c) => `${c.table_name}.${c.column_name}:${c.udt_name}:${c.is_nullable === "YES" ? "null" : "not null"}`).sort();
    const expected = schema.columns.map((c) => `${c.table}.${c.column}:${c.udt}:${c.nullable ? "null" : "not null"}`).sort();
    expect(actual).toEqual(expected);
    const tables = await query<{ table_name: string }>(db.databaseUrl, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    expect(tables.map((t) => t.table_name).sort()).toEqual([...schema.tables].sort());
  });

  it("produce the enums of the Prisma schema with their values in order", async () => {
    const rows = await query<{ name: string; values: string[] }>(
      db.databaseUrl,
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(readSchema().enums.sort((a, b) => a.name.localeCompare(b.name)));
  });

  it("produce the primary keys, unique and plain indexes of the Prisma schema", async () => {
    const rows = await query<{ table: string; primary: boolean; unique: boolean; columns: string[] }>(
      db.databaseUrl,
      `SELECT t.relname AS table, ix.indisprimary AS primary, ix.indisunique AS unique,
              array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE t.relname <> '_prisma_migrations'
       GROUP BY t.relname, ix.indexrelid, ix.indisprimary, ix.indisunique`,
    );
    const kind = (r: { primary: boolean; unique: boolean }) => (r.primary ? "id" : r.unique ? "unique" : "normal");
    const actual = rows.map((r) => `${r.table}:${kind(r)}:${r.columns.join(",")}`).sort();
    const expected = readSchema()
      .keys.map((k) => `${k.table}:${k.type}:${k.columns.join(",")}`)
      .sort();
    expect(actual).toEqual(expected);
  });

  it("produce the foreign keys of the Prisma schema with their delete rules", async () => {
    const rows = await query<{ table: string; columns: string[]; references: string; ref_columns: string[]; on_delete: string }>(
      db.databaseUrl,
      `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS references,
              (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
              (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS ref_columns,
              CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION' WHEN 'd' THEN 'SET DEFAULT' END AS on_delete
       FROM pg_constraint c WHERE c.contype = 'f'`,
    );
    const actual = rows.map((r) => `${r.table}(${r.columns}) -> ${r.references}(${r.ref_columns}) ${r.on_delete}`).sort();
    const expected = readSchema()
      .foreignKeys.map((f) => `${f.table}(${f.columns}) -> ${f.references}(${f.referencedColumns}) ${f.onDelete}`)
      .sort();
    expect(actual).toEqual(expected);
  });
});
