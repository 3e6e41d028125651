import { beforeEach, describe, expect, it } from "vitest";
import { kroner } from "~/domain/money";
import { prisma } from "~/utils/db.server";
import { actorFor, auditCount, demoEmail, resetToDemo } from "../../tests/db-utils";
import { FieldError, PermissionError } from "./mutation.server";
import { adjustPoolYear, createPoolYear, getPoolYear, listPoolYears, parseYearParam, poolYearMutations } from "./pool-years.server";

beforeEach(resetToDemo);

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function totalInDb(year: number): Promise<bigint> {
  const rows = await prisma.$queryRaw<{ total: bigint }[]>`
    SELECT (p."budgetOre" + COALESCE(SUM(a."amountOre"), 0))::bigint AS total
    FROM "PoolYear" p LEFT JOIN "BudgetAdjustment" a ON a."poolYearId" = p.id
    WHERE p.year = ${year} GROUP BY p.id`;
  return BigInt(rows[0]!.total);
}

describe("pool-year mutations", () => {
  it("are listed for the registry", () => {
    expect(poolYearMutations.map((m) => m.mutationName)).toEqual(["poolYear.create", "poolYear.adjust"]);
    expect(poolYearMutations.every((m) => m.permission === "poolYear:manage")).toBe(true);
  });

  it("refuse everyone but finance, before touching the database", async () => {
    for (const email of [demoEmail.admin, demoEmail.secretariat, demoEmail.leadership, demoEmail.hmu, demoEmail.applicant]) {
      const actor = await actorFor(email);
      await expect(createPoolYear(actor, { year: 2030, budgetOre: kroner(1), startsOn: day("2030-01-01"), note: "" })).rejects.toBeInstanceOf(
        PermissionError,
      );
      await expect(
        adjustPoolYear(actor, { year: 2027, amountOre: kroner(1), reason: "x", effectiveOn: day("2027-02-01"), correctsId: null }),
      ).rejects.toBeInstanceOf(PermissionError);
    }
    expect(await prisma.poolYear.count()).toBe(2);
    expect(await prisma.budgetAdjustment.count()).toBe(1);
  });
});

describe("createPoolYear", () => {
  it("creates the year and audits it with its values", async () => {
    const actor = await actorFor(demoEmail.finance);
    const result = await createPoolYear(actor, { year: 2028, budgetOre: 600_000_001n, startsOn: day("2028-01-01"), note: "Ny ramme" });
    expect(result.year).toBe(2028);
    const events = await prisma.auditEvent.findMany({ where: { action: "poolYear.create" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: actor.user!.id,
      entityType: "PoolYear",
      entityId: result.id,
      before: null,
      after: { year: 2028, budgetOre: "600000001", startsOn: "2028-01-01", note: "Ny ramme" },
    });
  });

  it.each([
    [{ year: 2025 }, "year", "poolYears.error.yearRange"],
    [{ year: 2101 }, "year", "poolYears.error.yearRange"],
    [{ budgetOre: 0n }, "budget", "poolYears.error.budgetPositive"],
    [{ budgetOre: -1n }, "budget", "poolYears.error.budgetPositive"],
    [{ startsOn: day("2029-01-01") }, "startsOn", "poolYears.error.startsOnOutsideYear"],
    [{ year: 2026, startsOn: day("2026-01-01") }, "year", "poolYears.error.yearExists"],
  ])("refuses %o with a field error and writes nothing", async (change, field, key) => {
    const actor = await actorFor(demoEmail.finance);
    const input = { year: 2028, budgetOre: kroner(100), startsOn: day("2028-03-01"), note: "", ...change };
    const error = await createPoolYear(actor, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field, messageKey: key });
    expect(await prisma.poolYear.count()).toBe(2);
    expect(await auditCount("poolYear.create")).toBe(0);
  });

  it("lets the unique index decide when two people create the same year at once", async () => {
    const actor = await actorFor(demoEmail.finance);
    const input = { year: 2029, budgetOre: kroner(100), startsOn: day("2029-01-01"), note: "" };
    const results = await Promise.allSettled([createPoolYear(actor, input), createPoolYear(actor, input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ field: "year", messageKey: "poolYears.error.yearExists" });
    expect(await prisma.poolYear.count({ where: { year: 2029 } })).toBe(1);
    expect(await auditCount("poolYear.create")).toBe(1);
  });
});

describe("adjustPoolYear", () => {
  it("records an adjustment and audits the totals before and after", async () => {
    const actor = await actorFor(demoEmail.finance);
    const result = await adjustPoolYear(actor, {
      year: 2026,
      amountOre: 25_000_050n,
      reason: "  Tillægsbevilling fra byrådet  ",
      effectiveOn: day("2026-09-01"),
      correctsId: null,
    });
    expect(result.totals.totalOre).toBe(275_000_050n);
    const row = await prisma.budgetAdjustment.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ amountOre: 25_000_050n, reason: "Tillægsbevilling fra byrådet", createdById: actor.user!.id });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "poolYear.adjust" } });
    expect(event).toMatchObject({
      actorId: actor.user!.id,
      entityType: "BudgetAdjustment",
      entityId: result.id,
      before: { year: 2026, totalOre: "250000000" },
      after: { year: 2026, amountOre: "25000050", reason: "Tillægsbevilling fra byrådet", effectiveOn: "2026-09-01", correctsId: null, totalOre: "275000050" },
    });
  });

  it("keeps totals exact to the øre", async () => {
    const actor = await actorFor(demoEmail.finance);
    for (const amountOre of [1n, 2n, -3n, 10n, 7n, -1n]) {
      await adjustPoolYear(actor, { year: 2027, amountOre, reason: "øre", effectiveOn: day("2027-05-05"), correctsId: null });
    }
    const detail = (await getPoolYear(2027))!;
    expect(detail.totals).toEqual({
      budgetOre: 600_000_000n,
      additionsOre: 20n,
      reductionsOre: -4n,
      adjustmentsOre: 16n,
      totalOre: 600_000_016n,
    });
    expect(await totalInDb(2027)).toBe(600_000_016n);
    const listed = (await listPoolYears()).find((y) => y.year === 2027)!;
    expect(listed.totalOre).toBe(await totalInDb(2027));
    expect(listed.adjustmentCount).toBe(6);
  });

  it("refuses a reduction below the rounds' shares, then below the earmarks, quoting the amounts", async () => {
    const actor = await actorFor(demoEmail.finance);
    const base = { year: 2026, reason: "Nedskrivning", effectiveOn: day("2026-10-01"), correctsId: null };
    // Demo 2026: total 2.500.000 kr., all of it shared out to the two rounds.
    const byRounds = await adjustPoolYear(actor, { ...base, amountOre: -1n }).catch((e: unknown) => e);
    expect(byRounds).toMatchObject({
      field: "amount",
      messageKey: "poolYears.error.belowCommitted",
      vars: { totalAfterOre: "249999999", committedOre: "250000000" },
    });
    // Without the rounds, the priorities decide: 500.000 kr. fixed plus 10 % of the total
    // need a total of at least 500.000 / 0,9 = 555.555,56 kr. (rounded up to the øre).
    await prisma.$executeRawUnsafe(`TRUNCATE "Round" CASCADE`);
    const byEarmarks = await adjustPoolYear(actor, { ...base, amountOre: -194_444_445n }).catch((e: unknown) => e);
    expect(byEarmarks).toMatchObject({ messageKey: "poolYears.error.belowCommitted", vars: { totalAfterOre: "55555555", committedOre: "55555556" } });
    expect(await prisma.budgetAdjustment.count()).toBe(1);
    expect(await auditCount("poolYear.adjust")).toBe(0);
    await adjustPoolYear(actor, { ...base, amountOre: -194_444_444n });
    expect(await totalInDb(2026)).toBe(55_555_556n);
  });

  it("allows a reduction to exactly zero and refuses one øre more, quoting the amounts", async () => {
    const actor = await actorFor(demoEmail.finance);
    const base = { year: 2026, reason: "Nedskrivning", effectiveOn: day("2026-10-01"), correctsId: null };
    // Nothing committed in 2026: no rounds, no priorities.
    await prisma.$executeRawUnsafe(`TRUNCATE "Round", "Prioritisation" CASCADE`);
    const error = await adjustPoolYear(actor, { ...base, amountOre: -250_000_001n }).catch((e: unknown) => e);
    expect(error).toMatchObject({ field: "amount", messageKey: "poolYears.error.totalNegative", vars: { amountOre: "250000001", totalOre: "250000000" } });
    expect(await prisma.budgetAdjustment.count()).toBe(1);
    await adjustPoolYear(actor, { ...base, amountOre: -250_000_000n });
    expect(await totalInDb(2026)).toBe(0n);
  });

  it.each([
    [{ amountOre: 0n }, "amount", "validation.amountNotZero"],
    [{ reason: "   " }, "reason", "validation.required"],
    [{ reason: "x".repeat(501) }, "reason", "validation.tooLong"],
    [{ effectiveOn: day("2026-12-31") }, "effectiveOn", "poolYears.error.effectiveOnOutsideYear"],
    [{ effectiveOn: day("2028-01-01") }, "effectiveOn", "poolYears.error.effectiveOnOutsideYear"],
    [{ correctsId: "nope" }, "corrects", "poolYears.error.correctsInvalid"],
  ])("refuses %o with a field error and writes nothing", async (change, field, key) => {
    const actor = await actorFor(demoEmail.finance);
    const input = { year: 2027, amountOre: kroner(10), reason: "Grund", effectiveOn: day("2027-03-01"), correctsId: null, ...change };
    const error = await adjustPoolYear(actor, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field, messageKey: key });
    expect(await prisma.budgetAdjustment.count()).toBe(1);
    expect(await auditCount("poolYear.adjust")).toBe(0);
  });

  it("only corrects adjustments of the same year, and the correction points at the original", async () => {
    const actor = await actorFor(demoEmail.finance);
    const seeded = await prisma.budgetAdjustment.findFirstOrThrow(); // belongs to 2026
    const wrongYear = await adjustPoolYear(actor, {
      year: 2027,
      amountOre: kroner(1),
      reason: "Retter",
      effectiveOn: day("2027-01-02"),
      correctsId: seeded.id,
    }).catch((e: unknown) => e);
    expect(wrongYear).toMatchObject({ field: "corrects", messageKey: "poolYears.error.correctsInvalid" });

    const fix = await adjustPoolYear(actor, { year: 2026, amountOre: kroner(1), reason: "Retter", effectiveOn: day("2026-08-02"), correctsId: seeded.id });
    const detail = (await getPoolYear(2026))!;
    expect(detail.adjustments.map((a) => [a.number, a.correctsNumber, a.correctedByNumbers])).toEqual([
      [1, null, [2]],
      [2, 1, []],
    ]);
    expect(detail.adjustments[1]!.id).toBe(fix.id);
    expect(detail.adjustments[1]!.createdByName).toBe("Ole Østergaard");
    // The original is untouched.
    expect(await prisma.budgetAdjustment.findUniqueOrThrow({ where: { id: seeded.id } })).toEqual(seeded);
  });

  it("never takes the total below zero when reductions race (row lock on PostgreSQL)", async () => {
    const actor = await actorFor(demoEmail.finance);
    // 2027: 6.000.000 kr. Ten reductions of 700.000 kr. at once: exactly eight fit.
    const attempts = Array.from({ length: 10 }, (_, i) =>
      adjustPoolYear(actor, { year: 2027, amountOre: -kroner(700_000), reason: `Reduktion ${i + 1}`, effectiveOn: day("2027-06-01"), correctsId: null }),
    );
    const results = await Promise.allSettled(attempts);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(8);
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r.reason).toMatchObject({ field: "amount", messageKey: "poolYears.error.totalNegative" });
    expect(await totalInDb(2027)).toBe(kroner(400_000));
    expect(await prisma.budgetAdjustment.count({ where: { poolYear: { year: 2027 } } })).toBe(8);
    expect(await auditCount("poolYear.adjust")).toBe(8);
    // Every audited "after" total is distinct and none is negative: they ran one at a time.
    const totals = (await prisma.auditEvent.findMany({ where: { action: "poolYear.adjust" } })).map((e) => BigInt((e.after as { totalOre: string }).totalOre));
    expect(new Set(totals).size).toBe(8);
    expect(totals.every((t) => t >= 0n)).toBe(true);
  });
});

describe("parseYearParam", () => {
  it.each([
    ["2026", 2026],
    ["abc", null],
    ["2026.5", null],
    ["20261", null],
    ["", null],
    [undefined, null],
  ])("%s → %s", (param, year) => expect(parseYearParam(param)).toBe(year));
});
