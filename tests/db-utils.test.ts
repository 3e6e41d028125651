// resetToDemo restores the seeded fixture from its saved copy: every change a
// test made is gone, and what the fixture holds is back exactly.
import { describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetDatabase, resetToDemo } from "./db-utils";

async function fixtureState() {
  return {
    areas: await prisma.area.findMany({ orderBy: { id: "asc" } }),
    users: await prisma.user.findMany({ orderBy: { id: "asc" }, include: { roles: { orderBy: { id: "asc" } } } }),
    rounds: await prisma.round.findMany({ orderBy: { id: "asc" } }),
    prioritisations: await prisma.prioritisation.findMany({ include: { focusAreas: { orderBy: { id: "asc" } } } }),
    auditEvents: await prisma.auditEvent.findMany({ orderBy: { id: "asc" } }),
    applications: await prisma.application.count(),
  };
}

describe("resetToDemo", () => {
  test("undoes inserts, updates and deletes of a test, on every call", async () => {
    await resetToDemo();
    const seeded = await fixtureState();
    expect(seeded.rounds.length).toBeGreaterThan(0);

    for (let i = 0; i < 2; i++) {
      const round = seeded.rounds[0]!;
      await prisma.application.create({
        data: { reference: `T-${i}`, roundId: round.id, unitId: (await prisma.unit.findFirstOrThrow()).id, areaId: seeded.areas[0]!.id, createdById: seeded.users[0]!.id, title: "x" },
      });
      await prisma.area.update({ where: { id: seeded.areas[0]!.id }, data: { name: "Omdøbt" } });
      await prisma.round.delete({ where: { id: seeded.rounds[1]!.id } });
      await prisma.auditEvent.create({ data: { action: "test", entityType: "Test", entityId: "1" } });

      await resetToDemo();
      expect(await fixtureState()).toEqual(seeded);
    }
  });

  test("identity columns continue after the restored rows, as after a fresh seed", async () => {
    await resetToDemo();
    const last = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    await prisma.auditEvent.create({ data: { action: "a", entityType: "Test", entityId: "1" } });
    await resetToDemo();
    const next = await prisma.auditEvent.create({ data: { action: "b", entityType: "Test", entityId: "1" } });
    expect(next.id).toBe(last.id + 1n);
  });

  test("restores after the tables were emptied by resetDatabase", async () => {
    await resetToDemo();
    const seeded = await fixtureState();
    await resetDatabase();
    expect(await prisma.user.count()).toBe(0);
    await resetToDemo();
    expect(await fixtureState()).toEqual(seeded);
  });
});
