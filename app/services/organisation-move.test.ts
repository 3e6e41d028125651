// Moving a unit to another area: its applications follow it (scope, lists,
// ranking, statistics); history (audit trail, submitted versions) keeps the old
// area. Decision 015.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { cookieFor, actorFor, demoEmail, resetToDemo, sessionUserFor } from "../../tests/db-utils";
import { callLoader } from "../../tests/route-utils";
import * as applicationPage from "~/routes/applications/application";
import * as listPage from "~/routes/applications/index";
import * as statisticsPage from "~/routes/applications/statistics";
import { ROUND_WINTER, seedListFixture, type FixtureIds } from "./application-lists.fixtures";
import { rankingGroups } from "./applications/ranking.server";
import { returnApplication } from "~/services/applications/endorsement.server";
import { updateUnit } from "./organisation.server";

let ids: FixtureIds;
beforeEach(async () => {
  await resetToDemo();
  ids = await seedListFixture();
  const lead = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail.areaLead }, select: { id: true } });
  // The youth unit (BUU) has two endorsed applications, ranked by the BUU lead.
  for (const [reference, rank] of [["2026-8004", 1], ["2026-8005", 2]] as const) {
    await prisma.application.update({
      where: { id: ids.applications[reference] },
      data: { endorsementRank: rank, endorsedById: lead.id, endorsedAt: new Date("2026-11-25T09:00:00Z") },
    });
  }
});

async function detailStatus(email: string, reference: string): Promise<number> {
  const applicationId = ids.applications[reference]!;
  return (await callLoader(applicationPage, `/applications/${applicationId}`, { params: { applicationId }, cookie: await cookieFor(email) })).status;
}

async function listRefs(email: string): Promise<string[]> {
  const result = await callLoader(listPage, "/applications?view=area", { cookie: await cookieFor(email) });
  expect(result.status).toBe(200);
  return (result.data as Awaited<ReturnType<typeof listPage.loader>>).rows.map((r) => r.reference).sort();
}

async function areaCounts(): Promise<Record<string, number | null>> {
  const result = await callLoader(statisticsPage, "/applications/statistics?year=2026", { cookie: await cookieFor(demoEmail.secretariat) });
  const data = result.data as Awaited<ReturnType<typeof statisticsPage.loader>>;
  return Object.fromEntries(data.byArea.map((row) => [row.code, row.count]));
}

async function moveYouthTo(code: string) {
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: ids.units.youth } });
  await updateUnit(await actorFor(demoEmail.admin), {
    id: unit.id,
    areaId: ids.areas[code]!,
    parentId: null,
    name: unit.name,
    costCentre: unit.costCentre,
    active: unit.active,
  });
}

describe("moving a unit to another area", () => {
  it("moves its applications: the old lead loses them, the new lead gains them, lists and statistics agree", async () => {
    expect(await detailStatus(demoEmail.areaLead, "2026-8004")).toBe(200);
    expect(await detailStatus(demoEmail.areaLeadOtherArea, "2026-8004")).toBe(404);
    const statsBefore = await areaCounts();

    await moveYouthTo("VJH");

    // Access follows the unit.
    expect(await detailStatus(demoEmail.areaLead, "2026-8004")).toBe(404);
    expect(await detailStatus(demoEmail.areaLeadOtherArea, "2026-8004")).toBe(200);
    expect(await detailStatus(demoEmail.secretariat, "2026-8004")).toBe(200);
    await expect(returnApplication(await actorFor(demoEmail.areaLead), { id: ids.applications["2026-8004"]!, comment: "Nej" })).rejects.toMatchObject({ status: 404 });
    // Lists follow the unit.
    expect(await listRefs(demoEmail.areaLead)).not.toContain("2026-8004");
    expect(await listRefs(demoEmail.areaLeadOtherArea)).toEqual(expect.arrayContaining(["2026-8004", "2026-8005"]));
    // Statistics follow the unit: two applications leave BUU and join VJH.
    const statsAfter = await areaCounts();
    expect(statsAfter.BUU).toBe(statsBefore.BUU! - 2);
    expect(statsAfter.VJH).toBe(statsBefore.VJH! + 2);
    // The endorsement stays given, by whom it was given; the old ranks are cleared for the new lead's ranking.
    const moved = await prisma.application.findMany({ where: { unitId: ids.units.youth }, select: { status: true, endorsedById: true, endorsementRank: true, areaId: true } });
    expect(moved.every((a) => a.status === "ENDORSED" && a.endorsedById !== null && a.endorsementRank === null && a.areaId === ids.areas.VJH)).toBe(true);
    const vjhLead = await sessionUserFor(demoEmail.areaLeadOtherArea);
    const [vjh] = await rankingGroups(vjhLead, ids.rounds[ROUND_WINTER]!);
    expect(vjh!.items.map((i) => i.reference).sort()).toEqual(["2026-8004", "2026-8005", "2026-8006"]);
    const buu = await rankingGroups(await sessionUserFor(demoEmail.areaLead), ids.rounds[ROUND_WINTER]!);
    expect(buu.flatMap((g) => g.items.map((i) => i.reference))).toEqual([]);
  });

  it("keeps the old area in the audit trail: one event per moved application", async () => {
    await moveYouthTo("VJH");
    const events = await prisma.auditEvent.findMany({ where: { action: "application.moveArea" }, orderBy: { entityId: "asc" } });
    expect(events.map((e) => e.entityId).sort()).toEqual([ids.applications["2026-8004"], ids.applications["2026-8005"]].sort());
    for (const event of events) {
      expect(event.before).toMatchObject({ areaId: ids.areas.BUU });
      expect(event.after).toMatchObject({ areaId: ids.areas.VJH, endorsementRank: null });
    }
    const unitEvent = await prisma.auditEvent.findFirstOrThrow({ where: { action: "organisation.updateUnit" }, orderBy: { id: "desc" } });
    expect(unitEvent.after).toMatchObject({ areaId: ids.areas.VJH, applicationsMoved: 2 });
  });

  it("moves nothing when only the name changes", async () => {
    await moveYouthTo("BUU");
    expect(await prisma.auditEvent.count({ where: { action: "application.moveArea" } })).toBe(0);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: ids.applications["2026-8004"] } })).endorsementRank).toBe(1);
  });

  it("the data migration puts applications of units moved earlier into their unit's area", async () => {
    // As a unit moved before the rule: the unit in VJH, its applications left in BUU.
    await prisma.unit.update({ where: { id: ids.units.youth }, data: { areaId: ids.areas.VJH } });
    const dir = path.resolve("prisma/migrations");
    const folder = (await readdir(dir)).find((name) => name.endsWith("_applications_follow_their_unit"))!;
    await prisma.$executeRawUnsafe(await readFile(path.join(dir, folder, "migration.sql"), "utf8"));
    const rows = await prisma.application.findMany({ where: { unitId: ids.units.youth }, select: { areaId: true, endorsementRank: true } });
    expect(rows).toEqual([
      { areaId: ids.areas.VJH, endorsementRank: null },
      { areaId: ids.areas.VJH, endorsementRank: null },
    ]);
    expect(await prisma.application.count({ where: { unitId: ids.units.family, areaId: ids.areas.BUU } })).toBe(4);
  });
});
