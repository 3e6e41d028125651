// Each integration test file gets its own database, copied from the migrated
// snapshot/template (fast), opened as the app's database.
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { databaseFromPGlite, databaseFromUrl, setDatabase, type Database } from "../../app/utils/db.server";
import { TEMPLATE_DB, withDatabase } from "./pg-url";

process.env.DEMO ??= "1";
// Files (attachments) of this test file go to a temporary folder of its own.
process.env.ATTACHMENTS_DIR = path.join(os.tmpdir(), `kp-test-files-${randomBytes(6).toString("hex")}`);
process.env.LOG_REQUESTS = "0";

let database: Database | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const serverUrl = inject("postgresUrl");
  if (serverUrl) {
    const name = `kp_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    database = await databaseFromUrl(withDatabase(serverUrl, name));
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const snapshot = await readFile(inject("pgliteSnapshot"));
    const client = new PGlite({ loadDataDir: new Blob([snapshot]) });
    await client.waitReady;
    database = databaseFromPGlite(client);
  }
  setDatabase(database);
});

afterAll(async () => {
  await database?.close();
  setDatabase(undefined);
  await dropDatabase?.();
  await rm(process.env.ATTACHMENTS_DIR!, { recursive: true, force: true });
});
