import { beforeEach, describe, expect, it } from "vitest";
import { kroner } from "~/domain/money";
import { prisma } from "~/utils/db.server";
import { actorFor, auditCount, demoEmail, resetToDemo } from "../../tests/db-utils";
import { FieldError, PermissionError } from "./mutation.server";
import { createRound, getRound, listRoundsOfYear, updateRound, type CreateRoundInput } from "./rounds.server";

beforeEach(resetToDemo);

const spring: CreateRoundInput = {
  year: 2027,
  name: "Forårsrunde 2027",
  opensAt: new Date("2027-03-01T11:00:00Z"), // 1.3.2027 kl. 12.00
  closesAt: new Date("2027-04-01T10:00:00Z"), // 1.4.2027 kl. 12.00 (summer time)
  endorsementDeadline: new Date("2027-04-15T10:00:00Z"),
  decisionDate: new Date("2027-05-01T00:00:00Z"),
  budgetShareOre: kroner(3_000_000),
};

async function snapshot() {
  return { rounds: await prisma.round.findMany({ orderBy: { id: "asc" } }), audits: await auditCount() };
}

async function refused(promise: Promise<unknown>): Promise<FieldError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldError);
  return error as FieldError;
}

async function sharesOf(year: number): Promise<bigint> {
  const rounds = await prisma.round.findMany({ where: { poolYear: { year } }, select: { budgetShareOre: true } });
  return rounds.reduce((sum, r) => sum + r.budgetShareOre, 0n);
}

describe("createRound", () => {
  it("creates a round and audits it", async () => {
    const secretariat = await actorFor(demoEmail.secretariat);
    const { id } = await createRound(secretariat, spring);
    const round = await prisma.round.findUniqueOrThrow({ where: { id } });
    expect(round).toMatchObject({ name: "Forårsrunde 2027", budgetShareOre: kroner(3_000_000), createdById: secretariat.user!.id });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "round.create" } });
    expect(event).toMatchObject({ entityType: "Round", entityId: id, actorId: secretariat.user!.id });
    expect(event.after).toMatchObject({ year: 2027, name: "Forårsrunde 2027", opensAt: "2027-03-01T11:00:00.000Z", decisionDate: "2027-05-01", budgetShareOre: "300000000" });
  });

  it.each([
    ["an empty name", { name: "  " }, "name", "validation.required"],
    ["a name used in the year (any case)", { name: "forårsrunde 2027" }, "name", "rounds.error.nameTaken"],
    ["closing before opening", { closesAt: spring.opensAt }, "closesAt", "rounds.error.closesBeforeOpens"],
    ["an endorsement deadline before closing", { endorsementDeadline: new Date("2027-04-01T09:59:00Z") }, "endorsementDeadline", "rounds.error.endorsementBeforeClose"],
    ["a decision before the endorsement day", { decisionDate: new Date("2027-04-14T00:00:00Z") }, "decisionDate", "rounds.error.decisionBeforeEndorsement"],
    ["a decision outside the pool year", { decisionDate: new Date("2028-01-05T00:00:00Z") }, "decisionDate", "rounds.error.decisionOutsideYear"],
    ["a zero share", { budgetShareOre: 0n }, "budgetShare", "rounds.error.sharePositive"],
    ["shares one øre over the year's total", { budgetShareOre: kroner(3_000_000) + 1n }, "budgetShare", "rounds.error.overBudget"],
  ] as const)("refuses %s next to its field, changing nothing", async (_label, change, field, key) => {
    const secretariat = await actorFor(demoEmail.secretariat);
    await createRound(secretariat, { ...spring, name: "Forårsrunde 2027", budgetShareOre: kroner(3_000_000) });
    const before = await snapshot();
    const error = await refused(createRound(secretariat, { ...spring, name: "Efterårsrunde 2027", ...change }));
    expect([error.field, error.messageKey]).toEqual([field, key]);
    expect(await snapshot()).toEqual(before);
  });

  it("says how much is left when the shares would exceed the year's total", async () => {
    const secretariat = await actorFor(demoEmail.secretariat);
    await createRound(secretariat, { ...spring, budgetShareOre: kroner(5_000_000) });
    const error = await refused(createRound(secretariat, { ...spring, name: "Efterår", budgetShareOre: kroner(1_000_000) + 1n }));
    expect(error.vars).toEqual({ availableOre: kroner(1_000_000).toString() });
    // Exactly what is left is fine.
    await createRound(secretariat, { ...spring, name: "Efterår", budgetShareOre: kroner(1_000_000) });
    expect(await sharesOf(2027)).toBe(kroner(6_000_000));
    const full = await refused(createRound(secretariat, { ...spring, name: "Vinter", budgetShareOre: 1n }));
    expect([full.messageKey, full.vars]).toEqual(["rounds.error.noBudgetLeft", { otherSharesOre: kroner(6_000_000).toString() }]);
  });

  it("counts the year's adjustments: 2026 (2.500.000 kr.) is fully shared out by its two rounds", async () => {
    const error = await refused(
      createRound(await actorFor(demoEmail.secretariat), {
        ...spring,
        year: 2026,
        name: "Ekstra",
        opensAt: new Date("2026-12-01T11:00:00Z"),
        closesAt: new Date("2026-12-10T11:00:00Z"),
        endorsementDeadline: new Date("2026-12-12T11:00:00Z"),
        decisionDate: new Date("2026-12-20T00:00:00Z"),
        budgetShareOre: 1n,
      }),
    );
    expect(error.messageKey).toBe("rounds.error.noBudgetLeft");
  });

  it("is for the secretariat only", async () => {
    for (const email of [demoEmail.hmu, demoEmail.leadership, demoEmail.finance, demoEmail.admin, demoEmail.applicant]) {
      await expect(createRound(await actorFor(email), spring)).rejects.toThrow(PermissionError);
    }
    expect(await prisma.round.count()).toBe(2);
    expect(await auditCount("round.create")).toBe(0);
  });

  // On PGlite transactions run one at a time anyway; with TEST_DATABASE_URL on
  // PostgreSQL this proves the pool-year lock: without it several would pass the check.
  it("never lets simultaneous rounds together exceed the year's total", async () => {
    const secretariat = await actorFor(demoEmail.secretariat);
    const attempts = Array.from({ length: 8 }, (_, i) => createRound(secretariat, { ...spring, name: `Runde ${i + 1}`, budgetShareOre: kroner(1_000_000) }));
    const outcomes = await Promise.allSettled(attempts);
    const fulfilled = outcomes.filter((o) => o.status === "fulfilled");
    expect(fulfilled).toHaveLength(6);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect((outcome.reason as FieldError).messageKey).toBe("rounds.error.noBudgetLeft");
    }
    expect(await sharesOf(2027)).toBe(kroner(6_000_000));
    expect(await auditCount("round.create")).toBe(6);
  });
});

describe("updateRound", () => {
  async function plannedRound() {
    const secretariat = await actorFor(demoEmail.secretariat);
    const { id } = await createRound(secretariat, spring);
    return { secretariat, id };
  }
  const beforeOpening = new Date("2027-02-01T00:00:00Z");
  const whileOpen = new Date("2027-03-15T00:00:00Z");

  it("changes a planned round, with before and after in the audit", async () => {
    const { secretariat, id } = await plannedRound();
    await updateRound(secretariat, { id, ...spring, name: "Forår", opensAt: new Date("2027-03-02T11:00:00Z"), budgetShareOre: kroner(6_000_000), now: beforeOpening });
    expect(await prisma.round.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Forår", budgetShareOre: kroner(6_000_000) });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "round.update" } });
    expect(event).toMatchObject({ entityType: "Round", entityId: id });
    expect(event.before).toMatchObject({ name: "Forårsrunde 2027", budgetShareOre: "300000000", opensAt: "2027-03-01T11:00:00.000Z" });
    expect(event.after).toMatchObject({ name: "Forår", budgetShareOre: "600000000", opensAt: "2027-03-02T11:00:00.000Z" });
  });

  it("leaves the round's own share out when it checks the total", async () => {
    const { secretariat, id } = await plannedRound();
    await createRound(secretariat, { ...spring, name: "Efterår", budgetShareOre: kroner(2_000_000) });
    await updateRound(secretariat, { id, ...spring, budgetShareOre: kroner(4_000_000), now: beforeOpening });
    const error = await refused(updateRound(secretariat, { id, ...spring, budgetShareOre: kroner(4_000_000) + 1n, now: beforeOpening }));
    expect([error.field, error.messageKey, error.vars]).toEqual(["budgetShare", "rounds.error.overBudget", { availableOre: kroner(4_000_000).toString() }]);
  });

  it("keeps the opening time once the round has opened, but allows other changes", async () => {
    const { secretariat, id } = await plannedRound();
    const before = await snapshot();
    const error = await refused(updateRound(secretariat, { id, ...spring, opensAt: new Date("2027-03-02T11:00:00Z"), now: whileOpen }));
    expect([error.field, error.messageKey]).toEqual(["opensAt", "rounds.error.openedCannotMove"]);
    expect(await snapshot()).toEqual(before);
    await updateRound(secretariat, { id, ...spring, closesAt: new Date("2027-04-08T10:00:00Z"), now: whileOpen });
    expect((await prisma.round.findUniqueOrThrow({ where: { id } })).closesAt.toISOString()).toBe("2027-04-08T10:00:00.000Z");
  });

  it("changes nothing on a decided round", async () => {
    const { secretariat, id } = await plannedRound();
    const before = await snapshot();
    const error = await refused(updateRound(secretariat, { id, ...spring, name: "Nyt navn", now: new Date("2027-05-01T00:00:00Z") }));
    expect([error.field, error.messageKey]).toEqual(["", "rounds.error.decidedLocked"]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another round's name in the same year, but not a name from another year", async () => {
    const { secretariat, id } = await plannedRound();
    await createRound(secretariat, { ...spring, name: "Efterår", budgetShareOre: kroner(1_000_000) });
    const before = await snapshot();
    const error = await refused(updateRound(secretariat, { id, ...spring, name: "EFTERÅR", now: beforeOpening }));
    expect([error.field, error.messageKey, error.vars]).toEqual(["name", "rounds.error.nameTaken", { name: "EFTERÅR", year: 2027 }]);
    expect(await snapshot()).toEqual(before);
    await updateRound(secretariat, { id, ...spring, name: "Vinterrunde 2026", now: beforeOpening });
    expect((await prisma.round.findUniqueOrThrow({ where: { id } })).name).toBe("Vinterrunde 2026");
  });
});

describe("reads", () => {
  it("lists a year's rounds with their status and the sum of shares", async () => {
    const poolYear = await prisma.poolYear.findUniqueOrThrow({ where: { year: 2026 } });
    const list = await listRoundsOfYear(poolYear.id, kroner(2_500_000), new Date("2026-11-20T12:00:00Z"));
    expect(list.rounds.map((r) => [r.name, r.status])).toEqual([
      ["Efterårsrunde 2026", "decided"],
      ["Vinterrunde 2026", "open"],
    ]);
    expect(list.sharesOre).toBe(kroner(2_500_000));
    expect(list.remainingOre).toBe(0n);
  });

  it("gives one round with the other rounds' shares", async () => {
    const round = await prisma.round.findFirstOrThrow({ where: { name: "Vinterrunde 2026" } });
    const detail = await getRound(round.id, new Date("2026-11-01T00:00:00Z"));
    expect(detail?.round.status).toBe("planned");
    expect(detail?.otherSharesOre).toBe(kroner(1_500_000));
    expect(detail?.poolYear.totals.totalOre).toBe(kroner(2_500_000));
    expect(await getRound("findes-ikke")).toBeNull();
  });
});
