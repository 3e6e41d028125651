// Helpers for integration tests: a clean database, demo data, logged-in users.
import { randomBytes } from "node:crypto";
import { currentDatabase, prisma, type Database } from "~/utils/db.server";
import { hashToken, sessionCookieHeader } from "~/utils/session.server";
import type { Actor } from "~/services/mutation.server";
import type { SessionUser } from "~/utils/session.server";
import type { Role } from "~/domain/permissions";
import { DEMO_USERS, seedFixtureData } from "../prisma/seed-data";

/** The app's tables (not the migration history), parents before the tables that refer to them. */
async function appTables(): Promise<string[]> {
  const { runner } = currentDatabase();
  const tables = (
    await runner.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
  ).map((r) => r.tablename);
  const references = await runner.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const r of references) if (r.child === table) visit(r.parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

const quoted = (table: string) => `"${table.replace(/"/g, '""')}"`;

/** Empties every table (keeps the migration history). */
export async function resetDatabase(): Promise<void> {
  const tables = await appTables();
  if (tables.length === 0) return;
  await currentDatabase().runner.exec(`TRUNCATE ${tables.map(quoted).join(", ")} RESTART IDENTITY CASCADE;`);
}

// The demo fixture is seeded once per database (per test file) and copied into
// this schema; later resets restore it from there with TRUNCATE + INSERT … SELECT
// in one transaction (plain SQL, so the same on PGlite and PostgreSQL).
const FIXTURE_SCHEMA = "kp_test_fixture";
const savedFixture = new WeakMap<Database, { tables: string[]; restore: string }>();

async function saveFixture(database: Database): Promise<void> {
  const tables = await appTables();
  await database.runner.exec(
    [
      `DROP SCHEMA IF EXISTS ${FIXTURE_SCHEMA} CASCADE;`,
      `CREATE SCHEMA ${FIXTURE_SCHEMA};`,
      ...tables.map((t) => `CREATE TABLE ${FIXTURE_SCHEMA}.${quoted(t)} AS SELECT * FROM public.${quoted(t)};`),
    ].join("\n"),
  );
  // Identity columns (BIGSERIAL) continue after the restored rows, as after a fresh seed.
  const serials = await database.runner.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
  );
  const restore = [
    "BEGIN;",
    `TRUNCATE ${tables.map(quoted).join(", ")} RESTART IDENTITY CASCADE;`,
    ...tables.map((t) => `INSERT INTO public.${quoted(t)} SELECT * FROM ${FIXTURE_SCHEMA}.${quoted(t)};`),
    ...serials.map(
      (c) =>
        `SELECT setval(pg_get_serial_sequence('public.${quoted(c.table_name)}', '${c.column_name}'), ` +
        `COALESCE((SELECT MAX(${quoted(c.column_name)}) FROM public.${quoted(c.table_name)}), 0) + 1, false);`,
    ),
    "COMMIT;",
  ].join("\n");
  savedFixture.set(database, { tables, restore });
}

/**
 * A clean database holding exactly the demo fixture. The first call in a test
 * file seeds it (≈0.4 s: argon2 hash, areas, units, users, …); later calls
 * restore the saved copy.
 */
export async function resetToDemo(): Promise<void> {
  const database = currentDatabase();
  const saved = savedFixture.get(database);
  if (saved) {
    try {
      await database.runner.exec(saved.restore);
    } catch (error) {
      await database.runner.exec("ROLLBACK;").catch(() => undefined);
      throw error;
    }
    return;
  }
  await resetDatabase();
  await seedFixtureData(prisma);
  await saveFixture(database);
}

/**
 * A clean database with the demo fixture's reference data only: areas, units,
 * the demo users, focus areas and the adopted guideline v1; no pool years,
 * priorities, rounds, applications or audit events. Tests build the rest with
 * tests/factories.ts.
 */
export async function resetToReferenceData(): Promise<void> {
  await resetToDemo();
  // Everything that hangs on a pool year (adjustments, priorities, rounds, …) goes with it.
  await currentDatabase().runner.exec(`TRUNCATE "PoolYear" CASCADE; DELETE FROM "AuditEvent";`);
}

export const demoEmail = {
  applicant: "ansoeger@demo.aarhus.dk",
  applicantOtherArea: "ansoeger.vjh@demo.aarhus.dk",
  areaLead: "chef.buu@demo.aarhus.dk",
  areaLeadOtherArea: "chef.vjh@demo.aarhus.dk",
  secretariat: "sekretariat@demo.aarhus.dk",
  leadership: "ledelse@demo.aarhus.dk",
  finance: "oekonomi@demo.aarhus.dk",
  hmu: "hmu@demo.aarhus.dk",
  admin: "admin@demo.aarhus.dk",
} as const;

/** The demo user who holds each role (first one listed). */
export function demoEmailFor(role: Role): string {
  const user = DEMO_USERS.find((u) => u.roles.some((r) => r.role === role));
  if (!user) throw new Error(`No demo user has role ${role}`);
  return user.email;
}

/** A Cookie header for a fresh session of the user with this e-mail. */
export async function cookieFor(email: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + 60 * 60 * 1000);
  await prisma.session.create({ data: { id: hashToken(token), userId: user.id, expiresAt } });
  const setCookie = await sessionCookieHeader(token, expiresAt);
  return setCookie.split(";")[0]!;
}

/** The SessionUser of a user, as the app builds it for a request. */
export async function sessionUserFor(email: string): Promise<SessionUser> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      unitId: true,
      unit: { select: { name: true, areaId: true } },
      roles: { select: { role: true, areaId: true, unitId: true } },
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    unitId: user.unitId,
    unitName: user.unit?.name ?? null,
    areaId: user.unit?.areaId ?? null,
    roles: user.roles.map((r) => ({ role: r.role as Role, areaId: r.areaId, unitId: r.unitId })),
  };
}

/** An actor for calling services directly. */
export async function actorFor(email: string): Promise<Actor> {
  return { user: await sessionUserFor(email), requestId: `test-${randomBytes(4).toString("hex")}` };
}

export async function auditCount(action?: string): Promise<number> {
  return prisma.auditEvent.count({ where: action ? { action } : {} });
}
