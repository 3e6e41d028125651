// The factories build real records through the mutations, on the reference
// data alone, relative to the test's own clock.
import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "~/utils/db.server";
import { resetToReferenceData } from "./db-utils";
import { areaLeadOf, createApplicant, createApplication, createPrioritisation, createRound, someUnit } from "./factories";

const NOW = new Date("2026-11-26T12:00:00Z");

beforeEach(resetToReferenceData);

describe("factories", () => {
  test("the reference data has no years, rounds or applications", async () => {
    expect(await prisma.poolYear.count()).toBe(0);
    expect(await prisma.round.count()).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(0);
    expect(await prisma.user.count()).toBeGreaterThan(0);
  });

  test("createRound makes a round open around `now`, with its pool year and prioritisation", async () => {
    const round = await createRound({ now: NOW });
    expect(round.opensAt < NOW && NOW < round.closesAt).toBe(true);
    expect(round.year).toBe(2026);
    const poolYear = await prisma.poolYear.findUniqueOrThrow({ where: { year: 2026 }, include: { prioritisations: true } });
    expect(poolYear.prioritisations).toHaveLength(1);
    expect((await prisma.auditEvent.findMany({ select: { action: true }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
      "poolYear.create",
      "prioritisation.record",
      "round.create",
    ]);
    // A second round of the same year reuses the year.
    await createRound({ now: NOW, name: "Anden runde" });
    expect(await prisma.poolYear.count()).toBe(1);
  });

  test("createApplication takes an application to each stage through the mutations", async () => {
    const round = await createRound({ now: NOW });
    const unit = await someUnit("BUU");
    const stages = ["draft", "submitted", "endorsed", "returned", "withdrawn"] as const;
    const made = [];
    for (const stage of stages) made.push(await createApplication({ round, unit, stage, now: NOW, content: { title: `Ansøgning ${stage}` } }));
    const rows = await prisma.application.findMany({ where: { id: { in: made.map((a) => a.id) } }, select: { id: true, status: true, title: true, unitId: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(made.map((a) => byId.get(a.id)!.status)).toEqual(["DRAFT", "SUBMITTED", "ENDORSED", "RETURNED", "WITHDRAWN"]);
    expect(made.map((a) => byId.get(a.id)!.title)).toEqual(stages.map((s) => `Ansøgning ${s}`));
    expect(rows.every((r) => r.unitId === unit.id)).toBe(true);
    const endorsed = await prisma.auditEvent.findFirstOrThrow({ where: { action: "application.endorse", entityId: made[2]!.id } });
    expect(endorsed.actorId).toBe((await areaLeadOf(unit)).user!.id);
  });

  test("createApplicant makes a new applicant of the unit who can apply", async () => {
    const round = await createRound({ now: NOW });
    const unit = await someUnit("VJH");
    const applicant = await createApplicant(unit, { name: "Ny Ansøger" });
    expect(applicant.user).toMatchObject({ name: "Ny Ansøger", unitId: unit.id, areaId: unit.areaId });
    const application = await createApplication({ round, unit, applicant, stage: "submitted", now: NOW });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: application.id } })).createdById).toBe(applicant.user!.id);
  });

  test("createPrioritisation records the next revision of a year", async () => {
    await createRound({ now: NOW });
    const second = await createPrioritisation({ year: 2026, count: 2, now: NOW });
    expect(second.revision).toBe(2);
    expect(second.focusAreaIds).toHaveLength(2);
  });
});
