import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kroner, MAX_ABS_ORE } from "../money";
import { draftProblems, submissionProblems, type ApplicationContent } from "./content";

const complete: ApplicationContent = {
  unitId: null,
  contactName: "Mette Hansen",
  contactEmail: "mette@kommune.dk",
  title: "Kursus i konflikthåndtering",
  purpose: "Færre konflikter",
  targetGroup: "Pædagoger",
  participants: 12,
  activityType: "COURSE",
  startDate: new Date("2027-02-01T00:00:00Z"),
  endDate: new Date("2027-02-03T00:00:00Z"),
  costLines: [{ category: "COURSE_FEE", description: "Kursusgebyr", amountOre: kroner(40_000) }],
  coFinancingOre: kroner(5_000),
  focusAreaIds: ["fa-1"],
  primaryFocusAreaId: "fa-1",
  partnerAreaIds: [],
  expectedEffect: "Bedre trivsel",
  followUpPlan: "Måling efter seks måneder",
  softRuleJustification: "",
};

const fields = (content: ApplicationContent) => submissionProblems(content).map((p) => [p.field, p.key]);

describe("submissionProblems (the amounts merged in)", () => {
  it("finds nothing in complete content", () => {
    expect(submissionProblems(complete)).toEqual([]);
  });

  it("names the amount problems: no costs, a line not above 0, negative or too large co-financing, a total above the maximum", () => {
    expect(fields({ ...complete, costLines: [], coFinancingOre: 0n })).toEqual([["costLines", "applications.error.costLinesRequired"]]);
    expect(fields({ ...complete, costLines: [{ category: "COURSE_FEE", description: "", amountOre: 0n }], coFinancingOre: -1n })).toEqual([
      ["costLines[0].amount", "applications.error.costAmountPositive"],
      ["coFinancing", "applications.error.coFinancingNegative"],
    ]);
    const over = submissionProblems({ ...complete, coFinancingOre: kroner(40_001) });
    expect(over).toEqual([{ field: "coFinancing", key: "applications.error.coFinancingOverTotal", vars: { totalOre: kroner(40_000) } }]);
    const huge = submissionProblems({ ...complete, costLines: [complete.costLines[0]!, { category: "TRANSPORT", description: "", amountOre: MAX_ABS_ORE }] });
    expect(huge).toContainEqual({ field: "costLines", key: "applications.error.totalTooLarge", vars: { totalOre: MAX_ABS_ORE + kroner(40_000), maxOre: MAX_ABS_ORE } });
  });

  it("returns every problem at once, typed (øre as bigint), never only the first", () => {
    const problems = submissionProblems({ ...complete, title: "", participants: 0, coFinancingOre: kroner(50_000) });
    expect(problems.map((p) => p.field)).toEqual(["title", "participants", "coFinancing"]);
    expect(typeof problems[2]!.vars!.totalOre).toBe("bigint");
  });

  it("flags co-financing above the total exactly when it is above the sum of the lines", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: kroner(1_000_000) }), { minLength: 1, maxLength: 5 }), fc.bigInt({ min: 0n, max: kroner(5_000_000) }), (amounts, coFinancingOre) => {
        const content = { ...complete, coFinancingOre, costLines: amounts.map((amountOre) => ({ category: "COURSE_FEE" as const, description: "", amountOre })) };
        const total = amounts.reduce((sum, a) => sum + a, 0n);
        return fields(content).some(([field]) => field === "coFinancing") === coFinancingOre > total;
      }),
    );
  });
});

describe("draftProblems", () => {
  it("lets an incomplete draft be stored, but not negative amounts or a total above the maximum", () => {
    expect(draftProblems({ ...complete, title: "", costLines: [] })).toEqual([]);
    expect(draftProblems({ ...complete, coFinancingOre: -1n }).map((p) => p.field)).toEqual(["coFinancing"]);
    expect(draftProblems({ ...complete, costLines: [{ category: null, description: "", amountOre: -5n }] }).map((p) => p.key)).toEqual(["applications.error.amountNegative"]);
    expect(draftProblems({ ...complete, costLines: [{ category: null, description: "", amountOre: MAX_ABS_ORE + 1n }] }).map((p) => p.key)).toEqual(["applications.error.totalTooLarge"]);
  });
});
