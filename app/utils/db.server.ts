// The database: Prisma over an embedded PGlite (default, zero set-up) or a real
// PostgreSQL server when DATABASE_URL is set. One client per process.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/generated/prisma/client";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/library";
import { applyMigrations, type SqlRunner } from "./migrate.server";

export type Db = PrismaClient;
/** The client inside `prisma.$transaction(async (tx) => …)`. Always use tx there. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  runner: SqlRunner;
  close(): Promise<void>;
}

export function pgliteRunner(client: PGlite): SqlRunner {
  return {
    async exec(sql) {
      await client.exec(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      const result = await client.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  };
}

export function pgRunner(client: pg.Client): SqlRunner {
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return result.rows as T[];
    },
  };
}

const SLOW_QUERY_MS = Number(process.env.SLOW_QUERY_MS ?? 250);

function createPrisma(adapter: SqlDriverAdapterFactory): PrismaClient {
  const client = new PrismaClient({ adapter, log: [{ level: "query", emit: "event" }] });
  client.$on("query", (event) => {
    if (event.duration >= SLOW_QUERY_MS) {
      console.warn(`[db] slow query ${event.duration} ms: ${event.query.slice(0, 300)}`);
    }
  });
  return client;
}

/** Wraps an open PGlite instance (embedded folder, memory, or a test snapshot). */
export function databaseFromPGlite(client: PGlite): Database {
  const prisma = createPrisma(new PrismaPGlite(client));
  return {
    prisma,
    kind: "pglite",
    runner: pgliteRunner(client),
    async close() {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
    },
  };
}

/** Connects to a PostgreSQL server. `runner` uses one dedicated connection. */
export async function databaseFromUrl(url: string): Promise<Database> {
  const prisma = createPrisma(new PrismaPg({ connectionString: url, allowExitOnIdle: true }));
  const direct = new pg.Client({ connectionString: url });
  await direct.connect();
  return {
    prisma,
    kind: "postgres",
    runner: pgRunner(direct),
    async close() {
      await prisma.$disconnect();
      await direct.end();
    },
  };
}

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? "data");
}

/** Opens the database the environment names. Embedded databases are migrated on open. */
export async function openDatabaseFromEnv(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return databaseFromUrl(url);
  const folder = path.join(dataDir(), "pglite");
  await mkdir(path.dirname(folder), { recursive: true });
  const client = new PGlite(folder);
  await client.waitReady;
  const database = databaseFromPGlite(client);
  await applyMigrations(database.runner);
  return database;
}

// The one database of this process. Kept on globalThis so that a module reload
// in development does not open a second client on the same PGlite folder.
const holder = globalThis as typeof globalThis & { __kpDatabase?: Database };

export function setDatabase(database: Database | undefined): void {
  holder.__kpDatabase = database;
}

export function currentDatabase(): Database {
  const database = holder.__kpDatabase;
  if (!database) throw new Error("The database is not open yet.");
  return database;
}

/** The Prisma client of the open database. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = currentDatabase().prisma;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});
