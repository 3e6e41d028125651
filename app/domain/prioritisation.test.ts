import { describe, expect, it } from "vitest";
import { kroner, shareBasisPoints } from "./money";
import {
  checkPrioritisation,
  diffPrioritisations,
  earmarkOre,
  formatHundredths,
  parsePercent,
  parseWeight,
  totalEarmarkedOre,
  type PrioritisedFocusAreaInput,
  type StoredPrioritisedFocusArea,
} from "./prioritisation";

const budget = kroner(6_000_000);
const item = (id: string, rank: number, earmark: PrioritisedFocusAreaInput["earmark"] = { kind: "NONE" }, weight = 100): PrioritisedFocusAreaInput => ({
  focusAreaId: id,
  rank,
  weightHundredths: weight,
  earmark,
});

describe("earmarks", () => {
  it("computes a percentage of the year's total, rounded down to the øre", () => {
    expect(earmarkOre({ kind: "PERCENT", basisPoints: 2500, hard: true }, budget)).toBe(kroner(1_500_000));
    expect(earmarkOre({ kind: "PERCENT", basisPoints: 3333, hard: false }, 100n)).toBe(33n);
    expect(earmarkOre({ kind: "AMOUNT", ore: 123n, hard: false }, budget)).toBe(123n);
    expect(earmarkOre({ kind: "NONE" }, budget)).toBe(0n);
  });

  it("accepts earmarks that add up to exactly the budget", () => {
    const items = [item("a", 1, { kind: "PERCENT", basisPoints: 5000, hard: true }), item("b", 2, { kind: "AMOUNT", ore: kroner(3_000_000), hard: false })];
    expect(totalEarmarkedOre(items, budget)).toBe(budget);
    expect(checkPrioritisation(items, budget)).toEqual([]);
  });

  it("refuses earmarks one øre over the budget", () => {
    const items = [item("a", 1, { kind: "PERCENT", basisPoints: 5000, hard: true }), item("b", 2, { kind: "AMOUNT", ore: kroner(3_000_000) + 1n, hard: false })];
    expect(checkPrioritisation(items, budget)).toEqual([{ code: "earmarksOverBudget", earmarkedOre: budget + 1n, budgetOre: budget }]);
  });
});

describe("checkPrioritisation", () => {
  it("needs at least one focus area", () => expect(checkPrioritisation([], budget)).toEqual([{ code: "noFocusAreas" }]));
  it("refuses non-positive weights", () =>
    expect(checkPrioritisation([item("a", 1, { kind: "NONE" }, 0)], budget)).toEqual([{ code: "weightNotPositive", focusAreaId: "a" }]));
  it("refuses duplicate focus areas and ranks, and ranks out of range", () => {
    const problems = checkPrioritisation([item("a", 1), item("a", 1), item("b", 5)], budget);
    expect(problems).toContainEqual({ code: "duplicateFocusArea", focusAreaId: "a" });
    expect(problems).toContainEqual({ code: "duplicateRank", rank: 1 });
    expect(problems).toContainEqual({ code: "rankOutOfRange", focusAreaId: "b" });
  });
  it("refuses zero earmarks", () =>
    expect(checkPrioritisation([item("a", 1, { kind: "AMOUNT", ore: 0n, hard: true })], budget)).toEqual([{ code: "earmarkNotPositive", focusAreaId: "a" }]));
});

describe("parsers", () => {
  it.each([
    ["1", 100],
    ["1,5", 150],
    ["0,25", 25],
    ["2.5", 250],
    ["0", null],
    ["-1", null],
    ["1,234", null],
    ["abc", null],
  ])("parseWeight(%s) = %s", (text, value) => expect(parseWeight(text)).toBe(value));
  it.each([
    ["25", 2500],
    ["12,5", 1250],
    ["100", 10_000],
    ["100,01", null],
    ["0", null],
    ["7 %", 700],
  ])("parsePercent(%s) = %s", (text, value) => expect(parsePercent(text)).toBe(value));
});

describe("diffPrioritisations", () => {
  const stored = (id: string, rank: number, weight = 100): StoredPrioritisedFocusArea => ({
    focusAreaId: id,
    rank,
    weightHundredths: weight,
    earmarkKind: "NONE",
    earmarkBasisPoints: null,
    earmarkOre: null,
    earmarkHard: false,
  });
  it("lists added, removed and changed focus areas", () => {
    const changes = diffPrioritisations([stored("a", 1), stored("b", 2)], [stored("a", 2, 150), stored("c", 1)]);
    expect(changes.map((c) => [c.type, c.focusAreaId, c.type === "changed" ? c.fields : []])).toEqual([
      ["changed", "a", ["rank", "weightHundredths"]],
      ["added", "c", []],
      ["removed", "b", []],
    ]);
  });
  it("is empty when nothing changed", () => expect(diffPrioritisations([stored("a", 1)], [stored("a", 1)])).toEqual([]));
});

describe("formatHundredths", () => {
  it("writes weights and percentages short, Danish style", () => {
    expect(formatHundredths(150)).toBe("1,5");
    expect(formatHundredths(125)).toBe("1,25");
    expect(formatHundredths(100)).toBe("1");
    expect(formatHundredths(5)).toBe("0,05");
    expect(formatHundredths(1250, ".")).toBe("12.5");
    expect(parseWeight(formatHundredths(175))).toBe(175);
    expect(parsePercent(formatHundredths(3333))).toBe(3333);
  });
});

describe("shareBasisPoints", () => {
  it("is the share of a whole in basis points, rounded half up, exact for large sums", () => {
    expect(shareBasisPoints(kroner(500_000), kroner(2_500_000))).toBe(2000);
    expect(shareBasisPoints(1n, 3n)).toBe(3333);
    expect(shareBasisPoints(2n, 3n)).toBe(6667);
    expect(shareBasisPoints(1n, 20_000n)).toBe(1); // 0,005 % rounds up
    expect(shareBasisPoints(99_999_999_999_999n, 99_999_999_999_999n)).toBe(10_000);
    expect(shareBasisPoints(kroner(1), 0n)).toBe(0);
    expect(shareBasisPoints(-kroner(1), kroner(4))).toBe(-2500);
  });
});
