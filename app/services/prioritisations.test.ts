import { beforeEach, describe, expect, it } from "vitest";
import { addDays, danishToday } from "~/domain/dates";
import { kroner } from "~/domain/money";
import { prisma } from "~/utils/db.server";
import { actorFor, auditCount, demoEmail, resetToDemo } from "../../tests/db-utils";
import { FieldError, PermissionError } from "./mutation.server";
import {
  getPrioritisations,
  recordPrioritisation,
  type PrioritisationItem,
  type RecordPrioritisationInput,
} from "./prioritisations.server";

beforeEach(resetToDemo);

async function focusAreaId(name: string): Promise<string> {
  return (await prisma.focusArea.findUniqueOrThrow({ where: { name } })).id;
}

async function adoptedGuidelineId(): Promise<string> {
  return (await prisma.guidelineVersion.findFirstOrThrow({ where: { version: 1 } })).id;
}

async function input2027(items?: PrioritisationItem[]): Promise<RecordPrioritisationInput> {
  return {
    year: 2027,
    guidelineVersionId: await adoptedGuidelineId(),
    decidedOn: new Date("2026-11-02T00:00:00Z"),
    note: "Prioritering for 2027",
    items: items ?? [
      { focusAreaId: await focusAreaId("Faglig udvikling"), rank: 1, weightHundredths: 150, earmark: { kind: "AMOUNT", ore: kroner(1_000_000), hard: true } },
      { focusAreaId: await focusAreaId("Ledelseskraft"), rank: 2, weightHundredths: 100, earmark: { kind: "PERCENT", basisPoints: 1250, hard: false } },
      { focusAreaId: await focusAreaId("Nye digitale løsninger"), rank: 3, weightHundredths: 75, earmark: { kind: "NONE" } },
    ],
  };
}

async function snapshot() {
  return {
    prioritisations: await prisma.prioritisation.count(),
    rows: await prisma.prioritisedFocusArea.count(),
    audits: await auditCount(),
  };
}

async function refused(promise: Promise<unknown>): Promise<FieldError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldError);
  return error as FieldError;
}

describe("recordPrioritisation", () => {
  it("records revision 1, stores percent earmarks as basis points with the computed amount, and audits the whole record", async () => {
    const leadership = await actorFor(demoEmail.leadership);
    const result = await recordPrioritisation(leadership, await input2027());
    expect(result.revision).toBe(1);
    const stored = await prisma.prioritisation.findUniqueOrThrow({ where: { id: result.id }, include: { focusAreas: { orderBy: { rank: "asc" } } } });
    expect(stored.revisesId).toBeNull();
    expect(stored.createdById).toBe(leadership.user!.id);
    expect(stored.focusAreas.map((fa) => [fa.rank, fa.weightHundredths, fa.earmarkKind, fa.earmarkBasisPoints, fa.earmarkOre, fa.earmarkHard])).toEqual([
      [1, 150, "AMOUNT", null, kroner(1_000_000), true],
      [2, 100, "PERCENT", 1250, kroner(750_000), false], // 12,5 % of 6.000.000
      [3, 75, "NONE", null, null, false],
    ]);
    const events = await prisma.auditEvent.findMany({ where: { action: "prioritisation.record" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: "Prioritisation", entityId: result.id, actorId: leadership.user!.id });
    const after = events[0]!.after as { revision: number; focusAreas: { name: string; earmarkOre: string | null }[]; yearTotalOre: string };
    expect(after.revision).toBe(1);
    expect(after.yearTotalOre).toBe("600000000");
    expect(after.focusAreas.map((fa) => [fa.name, fa.earmarkOre])).toEqual([
      ["Faglig udvikling", "100000000"],
      ["Ledelseskraft", "75000000"],
      ["Nye digitale løsninger", null],
    ]);
  });

  it("records a revision as n + 1 pointing at the previous one, keeps the previous untouched, and shows what changed", async () => {
    const leadership = await actorFor(demoEmail.leadership);
    const seeded = await prisma.prioritisation.findFirstOrThrow({ include: { focusAreas: true } });
    const violence = await focusAreaId("Forebyggelse af vold og trusler");
    const digital = await focusAreaId("Nye digitale løsninger");
    const cooperation = await focusAreaId("Samarbejde på tværs");
    const sickness = await focusAreaId("Nedbringelse af sygefravær");
    const result = await recordPrioritisation(leadership, {
      year: 2026,
      guidelineVersionId: await adoptedGuidelineId(),
      decidedOn: new Date("2026-10-01T00:00:00Z"),
      note: "Justeret efter første runde",
      basedOnRevision: 1,
      items: [
        { focusAreaId: digital, rank: 1, weightHundredths: 150, earmark: { kind: "PERCENT", basisPoints: 1000, hard: true } },
        { focusAreaId: violence, rank: 2, weightHundredths: 150, earmark: { kind: "AMOUNT", ore: kroner(400_000), hard: true } },
        { focusAreaId: cooperation, rank: 3, weightHundredths: 100, earmark: { kind: "NONE" } },
        { focusAreaId: sickness, rank: 4, weightHundredths: 100, earmark: { kind: "NONE" } },
      ],
    });
    expect(result.revision).toBe(2);
    const revision2 = await prisma.prioritisation.findUniqueOrThrow({ where: { id: result.id } });
    expect(revision2.revisesId).toBe(seeded.id);
    expect(await prisma.prioritisation.findUniqueOrThrow({ where: { id: seeded.id }, include: { focusAreas: true } })).toEqual(seeded);

    const page = await getPrioritisations(2026);
    expect(page!.revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(page!.revisions[1]!.changes).toBeNull();
    const changes = page!.revisions[0]!.changes!;
    expect(changes.noteChanged).toBe(true);
    expect(changes.guideline).toBeNull();
    const byName = Object.fromEntries(changes.focusAreas.map((c) => [c.name, c]));
    expect(byName["Nedbringelse af sygefravær"]).toMatchObject({ type: "added" });
    expect(byName["Ledelseskraft"]).toMatchObject({ type: "removed" });
    expect(byName["Nye digitale løsninger"]).toMatchObject({ type: "changed", fields: ["rank", "weightHundredths", "earmarkHard"] });
    expect(byName["Forebyggelse af vold og trusler"]).toMatchObject({ type: "changed", fields: ["rank", "earmarkOre"] });
    expect(byName["Samarbejde på tværs"]).toBeUndefined();
  });

  it("refuses earmarks one øre over the year's total and accepts them at exactly the total", async () => {
    const leadership = await actorFor(demoEmail.leadership);
    const a = await focusAreaId("Faglig udvikling");
    const b = await focusAreaId("Ledelseskraft");
    // 2026: 6.000.000 − 3.500.000 = 2.500.000 kr.; 50 % = 1.250.000 kr.
    const items = (extra: bigint): PrioritisationItem[] => [
      { focusAreaId: a, rank: 1, weightHundredths: 100, earmark: { kind: "PERCENT", basisPoints: 5000, hard: true } },
      { focusAreaId: b, rank: 2, weightHundredths: 100, earmark: { kind: "AMOUNT", ore: kroner(1_250_000) + extra, hard: false } },
    ];
    const base = { year: 2026, guidelineVersionId: await adoptedGuidelineId(), decidedOn: new Date("2026-10-01T00:00:00Z"), note: "" };
    const before = await snapshot();
    const error = await refused(recordPrioritisation(leadership, { ...base, items: items(1n) }));
    expect(error.field).toBe("earmarks");
    expect(error.messageKey).toBe("priorities.error.earmarksOverBudget");
    expect(error.vars).toEqual({ earmarkedOre: "250000001", budgetOre: "250000000" });
    expect(await snapshot()).toEqual(before);
    expect((await recordPrioritisation(leadership, { ...base, items: items(0n) })).revision).toBe(2);
  });

  it.each([
    ["a zero weight", { weightHundredths: 0 }, "rows[0].weight", "priorities.error.weight"],
    ["a negative weight", { weightHundredths: -50 }, "rows[0].weight", "priorities.error.weight"],
    ["a rank beyond the number of focus areas", { rank: 2 }, "rows[0].rank", "priorities.error.rankOutOfRange"],
    ["a zero earmark", { earmark: { kind: "AMOUNT", ore: 0n, hard: true } }, "rows[0].earmarkValue", "priorities.error.earmarkNotPositive"],
  ] as const)("refuses %s and changes nothing", async (_label, change, field, key) => {
    const leadership = await actorFor(demoEmail.leadership);
    const item: PrioritisationItem = { focusAreaId: await focusAreaId("Faglig udvikling"), rank: 1, weightHundredths: 100, earmark: { kind: "NONE" }, ...change };
    const before = await snapshot();
    const error = await refused(recordPrioritisation(leadership, await input2027([item])));
    expect([error.field, error.messageKey]).toEqual([field, key]);
    expect(await snapshot()).toEqual(before);
  });

  it("places errors at the form row that holds the item", async () => {
    const leadership = await actorFor(demoEmail.leadership);
    const item: PrioritisationItem = { row: 5, focusAreaId: await focusAreaId("Faglig udvikling"), rank: 1, weightHundredths: 0, earmark: { kind: "NONE" } };
    expect((await refused(recordPrioritisation(leadership, await input2027([item])))).field).toBe("rows[5].weight");
  });

  it.each(["DRAFT", "SUPERSEDED"] as const)("refuses a guideline version that is %s", async (status) => {
    const leadership = await actorFor(demoEmail.leadership);
    const other = await prisma.guidelineVersion.create({ data: { version: 2, title: "Anden version", status } });
    const before = await snapshot();
    const error = await refused(recordPrioritisation(leadership, { ...(await input2027()), guidelineVersionId: other.id }));
    expect([error.field, error.messageKey]).toEqual(["guidelineVersionId", "priorities.error.guidelineNotAdopted"]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a meeting date in the future, an unknown or inactive focus area, and no focus areas", async () => {
    const leadership = await actorFor(demoEmail.leadership);
    const tomorrow = addDays(danishToday(), 1);
    const base = await input2027();
    const before = await snapshot();
    expect((await refused(recordPrioritisation(leadership, { ...base, decidedOn: tomorrow }))).messageKey).toBe("priorities.error.decidedOnFuture");
    const unknown: PrioritisationItem = { focusAreaId: "findes-ikke", rank: 1, weightHundredths: 100, earmark: { kind: "NONE" } };
    expect((await refused(recordPrioritisation(leadership, { ...base, items: [unknown] }))).messageKey).toBe("priorities.error.focusAreaUnknown");
    const inactive = await prisma.focusArea.update({ where: { name: "Ledelseskraft" }, data: { active: false } });
    const item: PrioritisationItem = { focusAreaId: inactive.id, rank: 1, weightHundredths: 100, earmark: { kind: "NONE" } };
    expect((await refused(recordPrioritisation(leadership, { ...base, items: [item] }))).messageKey).toBe("priorities.error.focusAreaInactive");
    expect((await refused(recordPrioritisation(leadership, { ...base, items: [] }))).messageKey).toBe("priorities.error.noFocusAreas");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a recording based on a revision that is no longer the current one", async () => {
    const leadership = await actorFor(demoEmail.leadership);
    const base = { ...(await input2027()), year: 2026, decidedOn: new Date("2026-10-01T00:00:00Z"), items: (await input2027()).items.slice(2).map((item) => ({ ...item, rank: 1 })) };
    await recordPrioritisation(leadership, { ...base, basedOnRevision: 1 });
    const before = await snapshot();
    const error = await refused(recordPrioritisation(leadership, { ...base, basedOnRevision: 1 }));
    expect([error.field, error.messageKey, error.vars]).toEqual(["", "priorities.error.stale", { revision: 2 }]);
    expect(await snapshot()).toEqual(before);
  });

  it("is for the leadership only", async () => {
    for (const email of [demoEmail.hmu, demoEmail.secretariat, demoEmail.finance, demoEmail.admin, demoEmail.applicant]) {
      await expect(recordPrioritisation(await actorFor(email), await input2027())).rejects.toThrow(PermissionError);
    }
    expect(await prisma.prioritisation.count()).toBe(1);
    expect(await auditCount("prioritisation.record")).toBe(0);
  });

  it("never gives two simultaneous recordings the same revision (the pool-year row is locked)", async () => {
    const leadership = await actorFor(demoEmail.leadership);
    const input = await input2027();
    const results = await Promise.all([1, 2, 3, 4].map(() => recordPrioritisation(leadership, input)));
    expect(results.map((r) => r.revision).sort()).toEqual([1, 2, 3, 4]);
    const rows = await prisma.prioritisation.findMany({ where: { poolYear: { year: 2027 } }, orderBy: { revision: "asc" } });
    // Each revision points at the one before it: a single chain.
    expect(rows.map((r) => r.revisesId)).toEqual([null, rows[0]!.id, rows[1]!.id, rows[2]!.id]);
  });

  it("lets only one of two simultaneous revisions of the same revision through", async () => {
    const leadership = await actorFor(demoEmail.leadership);
    const input = { ...(await input2027()), basedOnRevision: null };
    const outcomes = await Promise.allSettled([recordPrioritisation(leadership, input), recordPrioritisation(leadership, input)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as FieldError).messageKey).toBe("priorities.error.stale");
    expect(await prisma.prioritisation.count({ where: { poolYear: { year: 2027 } } })).toBe(1);
  });
});
