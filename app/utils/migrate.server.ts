// Applies prisma/migrations/*/migration.sql in order and records them in
// Prisma's own `_prisma_migrations` table, so `prisma migrate status` agrees.
// We apply them ourselves because the Prisma CLI with driver adapters cannot
// run multi-statement SQL on PGlite and misreads catalog types on pg (see
// docs/decisions/003-database.md).
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface SqlRunner {
  /** Runs SQL that may contain several statements, without parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(): string {
  return path.resolve(process.env.MIGRATIONS_DIR ?? "prisma/migrations");
}

export async function readMigrations(dir = migrationsDir()): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function applyMigrations(db: SqlRunner, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  // Several app instances may start at once against one server: one migrates at a time.
  await db.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    return await applyPending(db, all);
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}

const MIGRATION_LOCK_KEY = 72_707_369;

async function applyPending(db: SqlRunner, all: Migration[]): Promise<string[]> {
  await db.exec(CREATE_TABLE);
  const rows = await db.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
  const applied: string[] = [];
  for (const migration of all) {
    const previous = done.get(migration.name);
    if (previous !== undefined) {
      if (previous !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was changed after it was applied.`);
      }
      continue;
    }
    const id = randomUUID();
    const escapedName = migration.name.replace(/'/g, "''");
    try {
      await db.exec(
        `BEGIN;\n${migration.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) ` +
          `VALUES ('${id}', '${migration.checksum}', now(), '${escapedName}', 1);\nCOMMIT;`,
      );
    } catch (error) {
      await db.exec("ROLLBACK;").catch(() => undefined);
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push(migration.name);
  }
  return applied;
}
