import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkAdjustment,
  minimumTotalOre,
  clampDateToYear,
  DEFAULT_POOL_BUDGET_ORE,
  firstDayOfYear,
  isDateInYear,
  isValidPoolYear,
  lastDayOfYear,
  poolYearTotals,
  signedAdjustment,
} from "./budget";
import { kroner, MAX_ABS_ORE } from "./money";

describe("poolYearTotals", () => {
  it("adds additions and reductions to the budget to the øre", () => {
    const totals = poolYearTotals(DEFAULT_POOL_BUDGET_ORE, [
      { amountOre: 25_000_050n },
      { amountOre: -10_000_001n },
      { amountOre: 1n },
    ]);
    expect(totals).toEqual({
      budgetOre: 600_000_000n,
      additionsOre: 25_000_051n,
      reductionsOre: -10_000_001n,
      adjustmentsOre: 15_000_050n,
      totalOre: 615_000_050n,
    });
  });
  it("is the budget when nothing is adjusted", () => {
    expect(poolYearTotals(kroner(6_000_000), []).totalOre).toBe(kroner(6_000_000));
  });
});

describe("checkAdjustment", () => {
  const totals = poolYearTotals(kroner(100), []);
  it("refuses zero", () => expect(checkAdjustment(totals, 0n)).toBe("zero"));
  it("allows a reduction to exactly zero", () => expect(checkAdjustment(totals, -kroner(100))).toBeNull());
  it("refuses a reduction below zero by one øre", () =>
    expect(checkAdjustment(totals, -kroner(100) - 1n)).toBe("totalNegative"));
  it("refuses absurd amounts", () => expect(checkAdjustment(totals, 10n ** 15n)).toBe("tooLarge"));
  it("allows an addition", () => expect(checkAdjustment(totals, 1n)).toBeNull());
  const rounds = (ore: bigint) => ({ roundSharesOre: ore, fixedEarmarksOre: 0n, percentEarmarksBasisPoints: 0 });
  it("refuses a reduction below the rounds' shares, to the øre", () => {
    expect(checkAdjustment(totals, -kroner(40), rounds(kroner(60)))).toBeNull();
    expect(checkAdjustment(totals, -kroner(40) - 1n, rounds(kroner(60)))).toBe("belowCommitted");
  });
  it("allows an addition even when the year is already below its commitments", () =>
    expect(checkAdjustment(totals, 1n, rounds(kroner(500)))).toBeNull());
  it("refuses an addition that takes the total above the maximum, to the øre", () => {
    expect(checkAdjustment(totals, MAX_ABS_ORE - kroner(100))).toBeNull();
    expect(checkAdjustment(totals, MAX_ABS_ORE - kroner(100) + 1n)).toBe("totalTooLarge");
    expect(checkAdjustment(poolYearTotals(MAX_ABS_ORE, []), 1n)).toBe("totalTooLarge");
  });
  it("refuses an addition after a reduction when the additions together would pass the maximum", () => {
    // Add nearly the maximum, take it away again, add it once more: the net total fits, the additions' sum does not.
    const big = MAX_ABS_ORE - kroner(1000);
    const afterRoundTrip = poolYearTotals(kroner(100), [{ amountOre: big }, { amountOre: -big }]);
    expect(afterRoundTrip.totalOre).toBe(kroner(100));
    expect(checkAdjustment(afterRoundTrip, big)).toBe("totalTooLarge");
    expect(checkAdjustment(afterRoundTrip, kroner(1000))).toBeNull();
  });
  it("keeps every year's total between 0 and the maximum, whatever adjustments are tried", () => {
    const amount = fc.oneof(
      fc.bigInt({ min: -MAX_ABS_ORE - 10n, max: MAX_ABS_ORE + 10n }),
      fc.constantFrom(MAX_ABS_ORE, -MAX_ABS_ORE, 1n, -1n, 0n),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX_ABS_ORE }), fc.array(amount, { maxLength: 30 }), (budget, tries) => {
        const accepted: { amountOre: bigint }[] = [];
        for (const amountOre of tries) {
          if (checkAdjustment(poolYearTotals(budget, accepted), amountOre) === null) accepted.push({ amountOre });
          const { totalOre, additionsOre, reductionsOre } = poolYearTotals(budget, accepted);
          if (totalOre < 0n || totalOre > MAX_ABS_ORE) return false;
          // The shown sums of additions and of reductions stay within the maximum too.
          if (additionsOre > MAX_ABS_ORE || reductionsOre < -MAX_ABS_ORE) return false;
        }
        return true;
      }),
    );
  });
});

describe("minimumTotalOre", () => {
  const c = (fixed: bigint, percentBp: number, shares = 0n) => ({ roundSharesOre: shares, fixedEarmarksOre: fixed, percentEarmarksBasisPoints: percentBp });
  it("is the rounds' shares when they need more than the earmarks", () => expect(minimumTotalOre(c(kroner(10), 0, kroner(50)))).toBe(kroner(50)));
  it("leaves room for the percentage earmarks next to the fixed ones", () => {
    // 3.000.000 kr. fixed + 50 % of the total: the total must be at least 6.000.000 kr.
    expect(minimumTotalOre(c(kroner(3_000_000), 5000))).toBe(kroner(6_000_000));
  });
  it("rounds up to the øre", () => expect(minimumTotalOre(c(1n, 3333))).toBe(2n)); // 1 øre ≤ 66,67 % of 2 øre
  it("no total is enough when percentages take everything and kroner earmarks remain", () =>
    expect(minimumTotalOre(c(1n, 10_000))).toBe(MAX_ABS_ORE + 1n));
  it("is zero without commitments", () => expect(minimumTotalOre(c(0n, 2500))).toBe(0n));
});

describe("isValidPoolYear", () => {
  it.each([
    [2026, true],
    [2100, true],
    [2025, false],
    [2101, false],
    [2026.5, false],
  ])("%s → %s", (year, ok) => expect(isValidPoolYear(year)).toBe(ok));
});

describe("pool-year dates", () => {
  it("knows the first and last day of a year", () => {
    expect(firstDayOfYear(2027).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(lastDayOfYear(2027).toISOString()).toBe("2027-12-31T00:00:00.000Z");
  });
  it.each([
    ["2026-12-31", 2026, true],
    ["2026-01-01", 2026, true],
    ["2027-01-01", 2026, false],
    ["2025-12-31", 2026, false],
  ])("%s inside %s → %s", (iso, year, inside) => expect(isDateInYear(new Date(`${iso}T00:00:00.000Z`), year)).toBe(inside));
  it("clamps a day into the year", () => {
    expect(clampDateToYear(new Date("2026-11-26T14:05:00Z"), 2026).toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(clampDateToYear(new Date("2026-11-26T14:05:00Z"), 2027).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(clampDateToYear(new Date("2028-03-01T00:00:00Z"), 2027).toISOString()).toBe("2027-12-31T00:00:00.000Z");
  });
});

describe("signedAdjustment", () => {
  it("keeps additions positive and makes reductions negative", () => {
    expect(signedAdjustment("addition", 1n)).toBe(1n);
    expect(signedAdjustment("reduction", 250_00n)).toBe(-250_00n);
  });
});
