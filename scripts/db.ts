// Database commands: `npm run db:migrate`, `npm run db:seed`, `npm run db:reset`.
//
//   migrate  applies pending migrations (prisma/migrations) and prints their names.
//   seed     loads the demo data into an empty database (refuses if it has data).
//   reset    wipes the database, migrates and seeds it again:
//            embedded: deletes ${DATA_DIR:-data}/pglite;
//            PostgreSQL (DATABASE_URL): DROP SCHEMA public CASCADE; CREATE SCHEMA public;
//            refused unless DEMO=1 or --force is given, since it deletes all data.
//
// Without DATABASE_URL the embedded PGlite database at ${DATA_DIR:-data}/pglite is used.
//
// NEVER run these while the server has the same PGlite folder open: two processes
// can open one PGlite folder without any error and corrupt it (docs/decisions).
// Stop the server first, or point DATA_DIR somewhere else.
//
// The database is always closed before the process exits: an unclosed PGlite
// folder can be left corrupt.
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import {
  dataDir,
  databaseFromPGlite,
  databaseFromUrl,
  setDatabase,
  type Database,
} from "../app/utils/db.server";
import { applyMigrations } from "../app/utils/migrate.server";
import { DEMO_AREAS, DEMO_PASSWORD, DEMO_USERS, seedDemoData, seedDemoDataIfEmpty, type DemoSummary } from "../prisma/seed-data";

type Command = "migrate" | "seed" | "reset";
const COMMANDS: readonly Command[] = ["migrate", "seed", "reset"];

const USAGE = `Usage: tsx scripts/db.ts <migrate|seed|reset> [--force]
  migrate   apply pending migrations
  seed      load demo data into an empty database
  reset     wipe, migrate and seed (on PostgreSQL only with DEMO=1 or --force)`;

/** Thrown for a refusal or misuse: printed without a stack trace, exit code 1. */
class Refusal extends Error {}

function describeTarget(): string {
  const url = process.env.DATABASE_URL;
  if (!url) return `embedded PGlite at ${pgliteFolder()}`;
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

function pgliteFolder(): string {
  return path.join(dataDir(), "pglite");
}

/**
 * Opens the database the environment names and applies pending migrations,
 * printing their names. (openDatabaseFromEnv would migrate the embedded
 * database silently while opening it, so the embedded folder is opened here
 * the same way it does, and migrated explicitly.)
 */
async function openAndMigrate(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  let database: Database;
  if (url) {
    database = await databaseFromUrl(url);
  } else {
    const folder = pgliteFolder();
    await mkdir(path.dirname(folder), { recursive: true }); // PGlite does not create parents
    const client = new PGlite(folder);
    await client.waitReady;
    database = databaseFromPGlite(client);
  }
  setDatabase(database);
  try {
    await migrate(database);
  } catch (error) {
    await closeDatabase(database);
    throw error;
  }
  return database;
}

async function closeDatabase(database: Database): Promise<void> {
  await database.close().catch((error: unknown) => console.error("Closing the database failed:", error));
  setDatabase(undefined);
}

/** Applies pending migrations and prints what happened. */
async function migrate(database: Database): Promise<string[]> {
  const applied = await applyMigrations(database.runner);
  if (applied.length === 0) {
    console.log("No pending migrations: the database is up to date.");
  } else {
    console.log(`Applied ${applied.length} migration(s):`);
    for (const name of applied) console.log(`  ${name}`);
  }
  return applied;
}

async function seed(database: Database): Promise<void> {
  const areas = await database.prisma.area.count();
  const users = await database.prisma.user.count();
  if (areas > 0 || users > 0) {
    throw new Refusal(
      `The database already holds data (${areas} area(s), ${users} user(s)), so no demo data was loaded.\n` +
        "Use `npm run db:reset` to wipe it and start again with the demo data.",
    );
  }
  // seedDemoDataIfEmpty checks again inside the same process; the count above gives the message.
  const seeded = await seedDemoDataIfEmpty(database.prisma);
  if (!seeded) throw new Refusal("The database is not empty; no demo data was loaded.");
  printSeeded(seeded);
}

function printSeeded(summary: DemoSummary): void {
  const units = DEMO_AREAS.reduce((sum, area) => sum + area.units.length, 0);
  console.log(
    `Loaded demo data: ${DEMO_AREAS.length} areas, ${units} units, ${DEMO_USERS.length} users, ` +
      `pool years ${summary.poolYears.join(", ")}, rounds ${summary.rounds.join(", ")}, ${summary.applications} applications.`,
  );
  console.log(`Demo users log in with the password "${DEMO_PASSWORD}", e.g. ${DEMO_USERS[0]?.email ?? ""}.`);
}

async function reset(force: boolean): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const folder = pgliteFolder();
    console.log(`Deleting the embedded database folder ${folder}`);
    await rm(folder, { recursive: true, force: true });
    console.log("Creating a new embedded database");
  } else if (!force && process.env.DEMO !== "1") {
    throw new Refusal(
      'Refusing to reset a PostgreSQL database: it deletes ALL data in the schema "public".\n' +
        "Run it with DEMO=1 (a demo/test server) or pass --force: npm run db:reset -- --force",
    );
  } else {
    const database = await databaseFromUrl(url);
    try {
      console.log("Dropping and recreating the schema: DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      await database.runner.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    } finally {
      await closeDatabase(database);
    }
  }
  const database = await openAndMigrate();
  printSeeded(await seedDemoData(database.prisma));
  return database;
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => !a.startsWith("--"));
  const force = argv.includes("--force");
  const command = args[0] as Command | undefined;
  if (!command || !COMMANDS.includes(command) || args.length > 1) {
    console.error(USAGE);
    return 2;
  }
  console.log(`db:${command} on ${describeTarget()}`);
  let database: Database | undefined;
  try {
    switch (command) {
      case "migrate":
        database = await openAndMigrate();
        break;
      case "seed":
        database = await openAndMigrate();
        await seed(database);
        break;
      case "reset":
        database = await reset(force);
        break;
    }
    return 0;
  } catch (error) {
    console.error(error instanceof Refusal ? error.message : error);
    return 1;
  } finally {
    if (database) await closeDatabase(database);
  }
}

const code = await main(process.argv.slice(2));
process.exit(code);
