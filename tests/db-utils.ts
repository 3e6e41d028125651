// Helpers for integration tests: a clean database, demo data, logged-in users.
import { randomBytes } from "node:crypto";
import { currentDatabase, prisma } from "~/utils/db.server";
import { hashToken, sessionCookieHeader } from "~/utils/session.server";
import type { Actor } from "~/services/mutation.server";
import type { SessionUser } from "~/utils/session.server";
import type { Role } from "~/domain/permissions";
import { DEMO_USERS, seedFixtureData } from "../prisma/seed-data";

/** Empties every table (keeps the migration history). */
export async function resetDatabase(): Promise<void> {
  const rows = await currentDatabase().runner.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length === 0) return;
  await currentDatabase().runner.exec(
    `TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE;`,
  );
}

/** A clean database holding exactly the demo data. */
export async function resetToDemo(): Promise<void> {
  await resetDatabase();
  await seedFixtureData(prisma);
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
