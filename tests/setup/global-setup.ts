// Prepares one migrated database that every integration test file copies:
// a PGlite data-dir snapshot, or (with TEST_DATABASE_URL) a PostgreSQL template database.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../app/utils/migrate.server";
import { pgliteRunner, pgRunner } from "../../app/utils/db.server";
import { TEMPLATE_DB, withDatabase } from "./pg-url";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const template = new pg.Client({ connectionString: withDatabase(serverUrl, TEMPLATE_DB) });
    await template.connect();
    await applyMigrations(pgRunner(template));
    await template.end();
    project.provide("postgresUrl", serverUrl);
    project.provide("pgliteSnapshot", "");
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await admin.end();
    };
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), "kp-test-"));
  const client = new PGlite();
  await applyMigrations(pgliteRunner(client));
  const dump = await client.dumpDataDir("none");
  await client.close();
  const file = path.join(dir, "migrated.tar");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteSnapshot", file);
  project.provide("postgresUrl", "");
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
