import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateOnlyUtc } from "./dates";
import { kroner, MAX_ABS_ORE } from "./money";
import { checkRound, checkRoundChange, otherSharesOre, roundStatus } from "./rounds";

const round = {
  opensAt: new Date("2027-03-01T11:00:00Z"),
  closesAt: new Date("2027-04-01T10:00:00Z"),
  endorsementDeadline: new Date("2027-04-15T10:00:00Z"),
  decisionDate: dateOnlyUtc(2027, 5, 1),
  budgetShareOre: kroner(3_000_000),
};
const year = { year: 2027, totalOre: kroner(6_000_000), otherSharesOre: kroner(3_000_000) };

describe("roundStatus", () => {
  it("follows the dates, with exact boundaries", () => {
    expect(roundStatus(round, new Date("2027-03-01T10:59:59Z"))).toBe("planned");
    expect(roundStatus(round, new Date("2027-03-01T11:00:00Z"))).toBe("open");
    expect(roundStatus(round, new Date("2027-04-01T09:59:59Z"))).toBe("open");
    expect(roundStatus(round, new Date("2027-04-01T10:00:00Z"))).toBe("closed");
    expect(roundStatus(round, new Date("2027-04-30T23:59:59Z"))).toBe("closed");
    expect(roundStatus(round, new Date("2027-05-01T00:00:00Z"))).toBe("decided");
  });
});

describe("checkRound", () => {
  it("accepts shares that fill the budget exactly", () => expect(checkRound(round, year)).toEqual([]));
  it("refuses a share one øre over the year's budget", () => {
    expect(checkRound({ ...round, budgetShareOre: kroner(3_000_000) + 1n }, year)).toEqual([
      { field: "budgetShare", code: "overBudget", availableOre: kroner(3_000_000), otherSharesOre: kroner(3_000_000) },
    ]);
  });
  it("refuses a zero share", () => expect(checkRound({ ...round, budgetShareOre: 0n }, year)).toEqual([{ field: "budgetShare", code: "notPositive" }]));
  it("refuses dates out of order", () => {
    const problems = checkRound(
      { ...round, closesAt: round.opensAt, endorsementDeadline: new Date("2027-02-01T00:00:00Z"), decisionDate: dateOnlyUtc(2027, 1, 1) },
      year,
    );
    expect(problems.map((p) => p.code)).toEqual(["closesBeforeOpens", "endorsementBeforeClose", "decisionBeforeEndorsement"]);
  });
  it("allows the decision on the endorsement deadline's day", () => {
    expect(checkRound({ ...round, decisionDate: dateOnlyUtc(2027, 4, 15) }, year)).toEqual([]);
  });
  it("refuses a round whose decision falls outside the pool year", () => {
    expect(checkRound({ ...round, decisionDate: dateOnlyUtc(2028, 1, 10) }, year)).toEqual([{ field: "opensAt", code: "outsideYear" }]);
  });
  it("keeps the rounds' shares together within the year's total, and so within the maximum", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_ABS_ORE }), fc.array(fc.bigInt({ min: -1n, max: MAX_ABS_ORE }), { maxLength: 20 }), (totalOre, tries) => {
        const accepted: { id: string; budgetShareOre: bigint }[] = [];
        for (const [index, budgetShareOre] of tries.entries()) {
          const problems = checkRound({ ...round, budgetShareOre }, { year: year.year, totalOre, otherSharesOre: otherSharesOre(accepted) });
          if (problems.length === 0) accepted.push({ id: String(index), budgetShareOre });
        }
        const sum = otherSharesOre(accepted);
        return sum <= totalOre && sum <= MAX_ABS_ORE;
      }),
    );
  });
});

describe("otherSharesOre", () => {
  it("sums every round but the one being changed", () => {
    const rounds = [
      { id: "a", budgetShareOre: 100n },
      { id: "b", budgetShareOre: 250n },
    ];
    expect(otherSharesOre(rounds)).toBe(350n);
    expect(otherSharesOre(rounds, "a")).toBe(250n);
    expect(otherSharesOre([], "a")).toBe(0n);
  });
});

describe("checkRoundChange", () => {
  const later = new Date("2027-03-02T11:00:00Z");
  it("lets a planned round change everything", () => {
    expect(checkRoundChange(round, { opensAt: later }, new Date("2027-02-01T00:00:00Z"))).toEqual([]);
  });
  it("keeps the opening time of a round that has opened, but allows other changes", () => {
    const now = new Date("2027-03-01T11:00:00Z");
    expect(checkRoundChange(round, { opensAt: later }, now)).toEqual([{ field: "opensAt", code: "openedCannotMove" }]);
    expect(checkRoundChange(round, { opensAt: new Date(round.opensAt) }, now)).toEqual([]);
    expect(checkRoundChange(round, { opensAt: later }, new Date("2027-04-20T00:00:00Z"))).toEqual([{ field: "opensAt", code: "openedCannotMove" }]);
  });
  it("locks a decided round", () => {
    expect(checkRoundChange(round, { opensAt: round.opensAt }, new Date("2027-05-01T00:00:00Z"))).toEqual([{ field: "", code: "decidedLocked" }]);
  });
});
