// Creates a new migration from the change to prisma/schema.prisma since the last commit:
//
//   npm run db:new-migration -- <name>
//
// `prisma migrate dev` cannot be used (it fails on PGlite's shadow database), so
// the previous schema is taken from git (HEAD), and `prisma migrate diff`
// writes the SQL between it and the working copy into
// prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql.
// Apply it with `npm run db:migrate` (the server also applies it on start).
// Review the SQL before committing: renames come out as drop + add.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const SCHEMA = "prisma/schema.prisma";
const MIGRATIONS = "prisma/migrations";

/** A refusal or failure: printed without a stack trace, exit code 1 (temp files are still removed). */
class Failure extends Error {}

function fail(message: string): never {
  throw new Failure(message);
}

function timestamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    String(date.getUTCFullYear()) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}

/** The schema as of the last commit, or null if it was never committed. */
function committedSchema(): string | null {
  try {
    return execFileSync("git", ["show", `HEAD:${SCHEMA}`], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch {
    return null;
  }
}

/** True when the SQL holds no statement (only comments and blank lines). */
function isEmptySql(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || process.argv.length > 3) fail("Usage: npm run db:new-migration -- <name>   (e.g. add_rounds)");
  if (!/^[a-z0-9][a-z0-9_]{0,60}$/.test(name)) {
    fail(`The name "${name}" must be lower-case letters, digits and underscores (e.g. add_rounds).`);
  }
  const existing = await readdir(MIGRATIONS).catch(() => [] as string[]);
  if (existing.some((dir) => dir.replace(/^\d+_/, "") === name)) fail(`A migration named "${name}" already exists.`);

  const previous = committedSchema();
  const tmp = await mkdtemp(path.join(os.tmpdir(), "kp-migration-"));
  try {
    const args = ["prisma", "migrate", "diff"];
    if (previous === null) {
      console.log(`${SCHEMA} is not in HEAD: diffing from an empty database.`);
      args.push("--from-empty");
    } else {
      const previousFile = path.join(tmp, "schema.prisma");
      await writeFile(previousFile, previous);
      args.push("--from-schema-datamodel", previousFile);
    }
    args.push("--to-schema-datamodel", SCHEMA, "--script");
    let sql: string;
    try {
      sql = execFileSync("npx", args, {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      });
    } catch {
      fail("prisma migrate diff failed (see above).");
    }
    if (isEmptySql(sql)) {
      fail(`${SCHEMA} has no changes since the last commit that need a migration; nothing was written.`);
    }
    // The diff is against HEAD: a migration written earlier but not committed yet holds the same SQL.
    for (const dir of existing.filter((d) => /^\d{14}_/.test(d)).sort().reverse()) {
      const earlier = await readFile(path.join(MIGRATIONS, dir, "migration.sql"), "utf8").catch(() => "");
      if (earlier.trim() === sql.trim()) fail(`This change is already in ${MIGRATIONS}/${dir}; nothing was written.`);
    }
    const dir = path.join(MIGRATIONS, `${timestamp()}_${name}`);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, "migration.sql");
    await writeFile(file, sql.endsWith("\n") ? sql : `${sql}\n`);
    console.log(`Wrote ${file}. Review it, then run \`npm run db:migrate\`.`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Failure ? error.message : error);
  process.exitCode = 1;
}
