// The migration runner on a fresh in-memory PGlite: order, idempotence, the
// record in `_prisma_migrations`, rollback of a failing migration, and SQL with
// several statements. Each test works in an empty schema of its own (first on
// the search path, so unqualified names and `_prisma_migrations` land there);
// the project's own migrations run on a database of their own.
import { createHash } from "node:crypto";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { pgliteRunner } from "./db.server";
import { applyMigrations, readMigrations, type Migration, type SqlRunner } from "./migrate.server";

let client: PGlite;
let schemas = 0;
const dirs: string[] = [];

beforeAll(async () => {
  client = new PGlite();
  await client.waitReady;
});

afterAll(async () => {
  await client.close();
});

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** An empty schema, alone on the search path. */
async function freshDatabase(): Promise<SqlRunner> {
  const schema = `t${++schemas}`;
  await client.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema};`);
  return pgliteRunner(client);
}

function migration(name: string, sql: string): Migration {
  return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}

/** A migrations folder written in the given (not sorted) order. */
async function migrationsFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kp-migrations-"));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

interface Recorded {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const recorded = (db: SqlRunner) =>
  db.query<Recorded>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);

/** Whether a table or index of this name exists in the test's schema. */
const tableExists = async (db: SqlRunner, table: string) =>
  (await db.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [`"${table}"`]))[0]!.found !== null;

describe("readMigrations", () => {
  test("reads the folders sorted by name with the SHA-256 of their SQL, whatever order they were written in", async () => {
    const dir = await migrationsFolder({
      "20270102000000_second": `ALTER TABLE "Thing" ADD COLUMN "note" TEXT;`,
      "20270101000000_first": `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`,
    });
    const migrations = await readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual(["20270101000000_first", "20270102000000_second"]);
    expect(migrations[0]!.checksum).toBe(
      createHash("sha256").update(`CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`).digest("hex"),
    );
  });
});

describe("applyMigrations", () => {
  test("applies migrations in order, each depending on the one before", async () => {
    const db = await freshDatabase();
    const dir = await migrationsFolder({
      "002_add_column": `ALTER TABLE "Thing" ADD COLUMN "note" TEXT NOT NULL DEFAULT '';`,
      "001_create": `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`,
      "003_fill": `INSERT INTO "Thing" ("id", "note") VALUES (1, 'først');`,
    });
    expect(await applyMigrations(db, await readMigrations(dir))).toEqual(["001_create", "002_add_column", "003_fill"]);
    expect(await db.query(`SELECT "id", "note" FROM "Thing"`)).toEqual([{ id: 1, note: "først" }]);
  });

  test("records each migration with its checksum, and a second run applies nothing", async () => {
    const db = await freshDatabase();
    const migrations = [
      migration("001_create", `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`),
      migration("002_fill", `INSERT INTO "Thing" VALUES (1);`),
    ];
    await applyMigrations(db, migrations);
    const first = await recorded(db);
    expect(first.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1]),
    );
    expect(first.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);

    expect(await applyMigrations(db, migrations)).toEqual([]);
    expect(await recorded(db)).toEqual(first);
    // The second run did not re-run the INSERT (it would have failed on the primary key).
    expect(await db.query(`SELECT count(*)::int AS n FROM "Thing"`)).toEqual([{ n: 1 }]);
  });

  test("applies only the new migration when one is added later", async () => {
    const db = await freshDatabase();
    const first = migration("001_create", `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`);
    await applyMigrations(db, [first]);
    const second = migration("002_fill", `INSERT INTO "Thing" VALUES (7);`);
    expect(await applyMigrations(db, [first, second])).toEqual(["002_fill"]);
    expect((await recorded(db)).map((r) => r.migration_name)).toEqual(["001_create", "002_fill"]);
  });

  test("refuses a migration whose SQL changed after it was applied", async () => {
    const db = await freshDatabase();
    await applyMigrations(db, [migration("001_create", `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`)]);
    await expect(
      applyMigrations(db, [migration("001_create", `CREATE TABLE "Thing" ("id" BIGINT PRIMARY KEY);`)]),
    ).rejects.toThrow("Migration 001_create was changed after it was applied.");
  });

  test("a failing migration is rolled back whole and reported; the ones after it wait", async () => {
    const db = await freshDatabase();
    const good = migration("001_create", `CREATE TABLE "Thing" ("id" INTEGER PRIMARY KEY);`);
    // The first statement succeeds, the second fails: neither may remain.
    const bad = migration("002_broken", `CREATE TABLE "Other" ("id" INTEGER); INSERT INTO "Missing" VALUES (1);`);
    const later = migration("003_later", `CREATE TABLE "Later" ("id" INTEGER);`);

    const failure = await applyMigrations(db, [good, bad, later]).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^Migration 002_broken failed: .*Missing/);

    expect(await tableExists(db, "Thing")).toBe(true);
    expect(await tableExists(db, "Other")).toBe(false);
    expect(await tableExists(db, "Later")).toBe(false);
    expect((await recorded(db)).map((r) => r.migration_name)).toEqual(["001_create"]);

    // Fixed, the next run applies it and the one after it (the lock was released).
    const fixed = migration("002_broken", `CREATE TABLE "Other" ("id" INTEGER);`);
    expect(await applyMigrations(db, [good, fixed, later])).toEqual(["002_broken", "003_later"]);
    expect(await tableExists(db, "Later")).toBe(true);
  });

  test("runs SQL with several statements, semicolons in strings and a function body", async () => {
    const db = await freshDatabase();
    const sql = [
      `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY, "text" TEXT NOT NULL);`,
      `INSERT INTO "Note" ("text") VALUES ('a; b'), ('c;');`,
      `CREATE FUNCTION note_count() RETURNS integer LANGUAGE plpgsql AS $$
       DECLARE n integer;
       BEGIN SELECT count(*) INTO n FROM "Note"; RETURN n; END;
       $$;`,
      `-- a comment; with a semicolon`,
      `CREATE INDEX "Note_text_idx" ON "Note" ("text");`,
    ].join("\n");
    expect(await applyMigrations(db, [migration("001_notes", sql)])).toEqual(["001_notes"]);
    expect(await db.query(`SELECT "text" FROM "Note" ORDER BY "id"`)).toEqual([{ text: "a; b" }, { text: "c;" }]);
    expect(await db.query(`SELECT note_count() AS n`)).toEqual([{ n: 2 }]);
    expect(await tableExists(db, "Note_text_idx")).toBe(true);
  });

  test("the project's own migrations apply to an empty database and are then up to date", async () => {
    const own = new PGlite();
    const db = pgliteRunner(own);
    const migrations = await readMigrations();
    expect(await applyMigrations(db)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(db)).toEqual([]);
    expect((await recorded(db)).map((r) => r.checksum)).toEqual(migrations.map((m) => m.checksum));
    await own.close();
  });
});
