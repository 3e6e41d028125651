// The benchmark's own database: a NEW embedded PGlite folder in a temporary
// directory (never the app's ./data), or the PostgreSQL server named by
// DATABASE_URL, which must then hold no data yet. Opened like scripts/db.ts
// opens it, migrated with the app's own migration runner.
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { dataDir, databaseFromPGlite, databaseFromUrl, setDatabase, type Database } from "~/utils/db.server";
import { applyMigrations } from "~/utils/migrate.server";

export interface BenchDatabase {
  database: Database;
  /** What was opened, for the printout (never a password). */
  description: string;
  /** The embedded database's folder (null on PostgreSQL). */
  folder: string | null;
  /** Closes the database; deletes a temporary folder unless `keep`. */
  close(keep?: boolean): Promise<void>;
}

/** A refusal: printed without a stack trace. */
export class BenchRefusal extends Error {}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

function wrap(database: Database, description: string, folder: string | null, temporaryDir: string | null): BenchDatabase {
  setDatabase(database);
  let closed = false;
  return {
    database,
    description,
    folder,
    async close(keep = false) {
      if (closed) return;
      closed = true;
      await database.close().catch((error: unknown) => console.error("Closing the database failed:", error));
      setDatabase(undefined);
      if (temporaryDir && !keep) await rm(temporaryDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated, empty database. */
export async function openFreshDatabase(): Promise<BenchDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = await databaseFromUrl(url);
    const bench = wrap(database, describeUrl(url), null, null);
    try {
      await applyMigrations(database.runner);
      const [areas, users] = await Promise.all([database.prisma.area.count(), database.prisma.user.count()]);
      if (areas > 0 || users > 0) {
        throw new BenchRefusal(
          `${bench.description} already holds data (${areas} area(s), ${users} user(s)). ` +
            "The benchmark generates its data into an EMPTY database: point DATABASE_URL at a new one, or unset it to use a temporary embedded database.",
        );
      }
    } catch (error) {
      await bench.close();
      throw error;
    }
    return bench;
  }
  const temporaryDir = await mkdtemp(path.join(os.tmpdir(), "kp-bench-"));
  const folder = path.join(temporaryDir, "pglite");
  const client = new PGlite(folder);
  await client.waitReady;
  const bench = wrap(databaseFromPGlite(client), `embedded PGlite at ${folder} (temporary)`, folder, temporaryDir);
  try {
    await applyMigrations(bench.database.runner);
  } catch (error) {
    await bench.close();
    throw error;
  }
  return bench;
}

/** A PGlite folder written earlier by `bench/generate.ts --keep`. Never the app's own database. */
export async function openGeneratedFolder(folder: string): Promise<BenchDatabase> {
  const resolved = path.resolve(folder);
  const appData = dataDir();
  if (resolved === appData || resolved.startsWith(appData + path.sep)) {
    throw new BenchRefusal(`${resolved} is the app's own database folder: the benchmark only opens folders it generated.`);
  }
  const exists = await stat(resolved).then((s) => s.isDirectory(), () => false);
  if (!exists) throw new BenchRefusal(`No such folder: ${resolved}`);
  const client = new PGlite(resolved);
  await client.waitReady;
  const bench = wrap(databaseFromPGlite(client), `embedded PGlite at ${resolved}`, resolved, null);
  try {
    await applyMigrations(bench.database.runner);
    const applications = await bench.database.prisma.application.count();
    if (applications === 0) throw new BenchRefusal(`${resolved} holds no applications: generate a dataset first.`);
  } catch (error) {
    await bench.close();
    throw error;
  }
  return bench;
}

/** Closes the database on Ctrl-C / SIGTERM too: an unclosed PGlite folder can be left corrupt. */
export function closeOnSignals(bench: () => BenchDatabase | undefined): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: closing the database…`);
      void (bench()?.close() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }
}
