import { describe, expect, it } from "vitest";
import { dateOnlyUtc } from "../dates";
import { kroner } from "../money";
import { shareBasisPoints } from "../money";
import { activityWindow, screen, screeningSummary, type ScreeningApplication, type ScreeningContext } from "./engine";
import { parseRule, RULE_KINDS, RULE_PARAMS, type EligibilityRule } from "./rules";

const base: ScreeningApplication = {
  requestedOre: kroner(75_000),
  totalCostOre: kroner(100_000),
  coFinancingOre: kroner(25_000),
  costLines: [
    { category: "COURSE_FEE", amountOre: kroner(80_000) },
    { category: "MATERIALS", amountOre: kroner(20_000) },
  ],
  focusAreaIds: ["fa-violence"],
  participants: 20,
  startDate: dateOnlyUtc(2027, 3, 1),
  endDate: dateOnlyUtc(2027, 11, 30),
  applyingAreaId: "BUU",
  partnerAreaIds: ["VJH"],
};

const ctx: ScreeningContext = {
  poolYear: 2027,
  yearFocusAreaIds: ["fa-violence", "fa-digital"],
  decisionDate: dateOnlyUtc(2027, 2, 15),
};

function one(rule: EligibilityRule, app: Partial<ScreeningApplication> = {}, context: Partial<ScreeningContext> = {}) {
  const [verdict] = screen([rule], { ...base, ...app }, { ...ctx, ...context });
  return verdict!;
}
const oneIn = one;

const hard = <R extends EligibilityRule>(rule: Omit<R, "id" | "severity">): EligibilityRule =>
  ({ id: `r-${rule.kind}`, severity: "HARD", ...rule }) as EligibilityRule;

describe("MAX_AMOUNT", () => {
  const rule = hard({ kind: "MAX_AMOUNT", params: { maxOre: String(kroner(75_000)) } });
  it("passes at exactly the maximum", () => expect(one(rule).outcome).toBe("pass"));
  it("fails one øre above", () => {
    const v = one(rule, { requestedOre: kroner(75_000) + 1n });
    expect(v.outcome).toBe("fail");
    expect(v.reason).toBe("maxAmount.fail");
    expect(v.values).toEqual({ requested: { type: "money", ore: 7_500_001n }, max: { type: "money", ore: 7_500_000n } });
  });
});

describe("MIN_COFINANCING_SHARE", () => {
  const rule = hard({ kind: "MIN_COFINANCING_SHARE", params: { minBasisPoints: 2500 } });
  it("passes at exactly 25 %", () => expect(one(rule).outcome).toBe("pass"));
  it("fails one øre below 25 %, quoting the rounded-down share", () => {
    const v = one(rule, { coFinancingOre: kroner(25_000) - 1n });
    expect(v.outcome).toBe("fail");
    expect(v.values.share).toEqual({ type: "percent", basisPoints: 2499 });
    expect(v.values.min).toEqual({ type: "percent", basisPoints: 2500 });
  });
  it("quotes 15 % against 25 %", () => {
    const v = one(rule, { coFinancingOre: kroner(15_000) });
    expect(v.values.share).toEqual({ type: "percent", basisPoints: 1500 });
  });
  it("fails when there are no costs", () => expect(one(rule, { totalCostOre: 0n }).reason).toBe("coFinancing.noCosts"));
  it("is exact for awkward totals (1/3)", () => {
    // 1 of 3 øre is 33,33… %: meets 33,33 % but not 33,34 %.
    expect(one(hard({ kind: "MIN_COFINANCING_SHARE", params: { minBasisPoints: 3333 } }), { totalCostOre: 3n, coFinancingOre: 1n }).outcome).toBe("pass");
    expect(one(hard({ kind: "MIN_COFINANCING_SHARE", params: { minBasisPoints: 3334 } }), { totalCostOre: 3n, coFinancingOre: 1n }).outcome).toBe("fail");
  });
});

describe("COST_CATEGORIES", () => {
  const rule = hard({ kind: "COST_CATEGORIES", params: { eligible: ["COURSE_FEE", "MATERIALS", "TRANSPORT"] } });
  it("passes when every cost is eligible", () => expect(one(rule).reason).toBe("costCategories.pass"));
  it("passes when ineligible costs are exactly covered by co-financing", () => {
    const v = one(rule, {
      costLines: [...base.costLines, { category: "SUBSTITUTE_COVER", amountOre: kroner(25_000) }],
      coFinancingOre: kroner(25_000),
    });
    expect(v.outcome).toBe("pass");
    expect(v.reason).toBe("costCategories.coveredByCoFinancing");
  });
  it("fails when ineligible costs exceed co-financing by one øre", () => {
    const v = one(rule, {
      costLines: [...base.costLines, { category: "SUBSTITUTE_COVER", amountOre: kroner(25_000) + 1n }],
      coFinancingOre: kroner(25_000),
    });
    expect(v.outcome).toBe("fail");
    expect(v.values.categories).toEqual({ type: "categories", categories: ["SUBSTITUTE_COVER"] });
    expect(v.values.ineligible).toEqual({ type: "money", ore: 2_500_001n });
  });
  it("ignores zero-amount lines", () => {
    expect(one(rule, { costLines: [{ category: "OTHER", amountOre: 0n }] }).outcome).toBe("pass");
  });
});

describe("FOCUS_AREA_REQUIRED", () => {
  const rule = hard({ kind: "FOCUS_AREA_REQUIRED", params: {} });
  it("passes with one of the year's focus areas", () => expect(one(rule).outcome).toBe("pass"));
  it("fails with none chosen", () => expect(one(rule, { focusAreaIds: [] }).reason).toBe("focusArea.none"));
  it("fails with only focus areas outside the year's priorities", () =>
    expect(one(rule, { focusAreaIds: ["fa-other"] }).reason).toBe("focusArea.notPrioritised"));
  it("is not applicable before the year is prioritised", () =>
    expect(one(rule, {}, { yearFocusAreaIds: [] }).outcome).toBe("notApplicable"));
});

describe("ACTIVITY_IN_YEAR", () => {
  const rule = hard({ kind: "ACTIVITY_IN_YEAR", params: {} });
  // Without a decision date the window is the pool year itself.
  const one = (r: EligibilityRule, app: Partial<ScreeningApplication> = {}) => oneIn(r, app, { decisionDate: null });
  it("passes on the first and last day of the year", () =>
    expect(one(rule, { startDate: dateOnlyUtc(2027, 1, 1), endDate: dateOnlyUtc(2027, 12, 31) }).outcome).toBe("pass"));
  it("fails one day before the year", () =>
    expect(one(rule, { startDate: dateOnlyUtc(2026, 12, 31) }).reason).toBe("activityInYear.fail"));
  it("fails one day after the year", () =>
    expect(one(rule, { endDate: dateOnlyUtc(2028, 1, 1) }).reason).toBe("activityInYear.fail"));
  it("fails when the end is before the start", () =>
    expect(one(rule, { startDate: dateOnlyUtc(2027, 5, 2), endDate: dateOnlyUtc(2027, 5, 1) }).reason).toBe("period.endBeforeStart"));
  it("fails when dates are missing", () => expect(one(rule, { endDate: null }).reason).toBe("period.missing"));
  it("accepts a one-day activity", () =>
    expect(one(rule, { startDate: dateOnlyUtc(2027, 5, 1), endDate: dateOnlyUtc(2027, 5, 1) }).outcome).toBe("pass"));
});

describe("START_WITHIN_MONTHS", () => {
  const rule = hard({ kind: "START_WITHIN_MONTHS", params: { months: 3 } });
  it("passes on the last allowed day", () => expect(one(rule, { startDate: dateOnlyUtc(2027, 5, 15) }).outcome).toBe("pass"));
  it("fails the day after", () => {
    const v = one(rule, { startDate: dateOnlyUtc(2027, 5, 16) });
    expect(v.reason).toBe("startWithin.fail");
    expect(v.values.latest).toEqual({ type: "date", date: dateOnlyUtc(2027, 5, 15) });
  });
  it("passes on the decision day itself", () => expect(one(rule, { startDate: dateOnlyUtc(2027, 2, 15) }).outcome).toBe("pass"));
  it("fails before the decision", () =>
    expect(one(rule, { startDate: dateOnlyUtc(2027, 2, 14) }).reason).toBe("startWithin.beforeDecision"));
  it("is not applicable without a decision date", () => expect(one(rule, {}, { decisionDate: null }).outcome).toBe("notApplicable"));
  it("fails without a start date with its own reason, naming the window", () => {
    const v = one(rule, { startDate: null, endDate: null });
    expect(v.reason).toBe("startWithin.missingStart");
    expect(v.values.decision).toEqual({ type: "date", date: dateOnlyUtc(2027, 2, 15) });
    expect(v.values.latest).toEqual({ type: "date", date: dateOnlyUtc(2027, 5, 15) });
  });
});

describe("ACTIVITY_IN_YEAR after a late decision", () => {
  const rule = hard({ kind: "ACTIVITY_IN_YEAR", params: {} });
  // A winter round decided on 18 December: the activity may run for twelve months from the decision.
  const winter = { poolYear: 2026, decisionDate: dateOnlyUtc(2026, 12, 18) };
  it("passes an activity from January to June of the next year", () => {
    const v = one(rule, { startDate: dateOnlyUtc(2027, 1, 11), endDate: dateOnlyUtc(2027, 6, 30) }, winter);
    expect(v.outcome).toBe("pass");
    expect(v.reason).toBe("activityInYear.passAfterDecision");
  });
  it("passes up to the day before the decision's anniversary, and fails the day after", () => {
    expect(one(rule, { startDate: dateOnlyUtc(2027, 1, 4), endDate: dateOnlyUtc(2027, 12, 17) }, winter).outcome).toBe("pass");
    const v = one(rule, { startDate: dateOnlyUtc(2027, 1, 4), endDate: dateOnlyUtc(2027, 12, 18) }, winter);
    expect(v.reason).toBe("activityInYear.failAfterDecision");
    expect(v.values.until).toEqual({ type: "date", date: dateOnlyUtc(2027, 12, 17) });
  });
  it("keeps the pool year for a round decided early in the year", () => {
    expect(activityWindow({ poolYear: 2027, decisionDate: dateOnlyUtc(2027, 1, 1) })).toEqual({ from: dateOnlyUtc(2027, 1, 1), until: dateOnlyUtc(2027, 12, 31), extended: false });
  });
  it("keeps the pool year without a decision date, or with one outside the year", () => {
    expect(activityWindow({ poolYear: 2026, decisionDate: null }).until).toEqual(dateOnlyUtc(2026, 12, 31));
    expect(activityWindow({ poolYear: 2026, decisionDate: dateOnlyUtc(2027, 1, 10) }).until).toEqual(dateOnlyUtc(2026, 12, 31));
  });
});

describe("MIN_PARTICIPANTS", () => {
  const rule = hard({ kind: "MIN_PARTICIPANTS", params: { min: 20 } });
  it("passes at the minimum", () => expect(one(rule).outcome).toBe("pass"));
  it("fails one below", () => expect(one(rule, { participants: 19 }).reason).toBe("participants.fail"));
  it("fails when missing", () => expect(one(rule, { participants: null }).reason).toBe("participants.missing"));
});

describe("MIN_AREAS", () => {
  const rule = hard({ kind: "MIN_AREAS", params: { min: 2 } });
  it("passes with the applying area and one partner", () => expect(one(rule).outcome).toBe("pass"));
  it("does not count the applying area twice", () =>
    expect(one(rule, { partnerAreaIds: ["BUU"] }).values.areas).toEqual({ type: "number", value: 1 }));
  it("fails with only the applying area", () => expect(one(rule, { partnerAreaIds: [] }).reason).toBe("minAreas.fail"));
});

describe("MAX_ROUND_SHARE_PER_AREA", () => {
  const rule = hard({ kind: "MAX_ROUND_SHARE_PER_AREA", params: { maxBasisPoints: 4000 } });
  it("is not applicable before decision time", () => expect(one(rule).outcome).toBe("notApplicable"));
  it("passes at exactly the limit", () => {
    const v = one(rule, {}, { roundAllocation: { roundBudgetOre: kroner(1_000_000), areaGrantedOre: kroner(325_000), proposedOre: kroner(75_000) } });
    expect(v.outcome).toBe("pass");
  });
  it("fails one øre over", () => {
    const v = one(rule, {}, { roundAllocation: { roundBudgetOre: kroner(1_000_000), areaGrantedOre: kroner(325_000) + 1n, proposedOre: kroner(75_000) } });
    expect(v.outcome).toBe("fail");
    expect(v.values.share).toEqual({ type: "percent", basisPoints: 4000 }); // rounded down, yet over
  });
});

describe("severity and summary", () => {
  it("turns a failed soft rule into a warning that does not block", () => {
    const soft: EligibilityRule = { id: "s", kind: "MIN_PARTICIPANTS", severity: "SOFT", params: { min: 50 } };
    const hardRule: EligibilityRule = { id: "h", kind: "MAX_AMOUNT", severity: "HARD", params: { maxOre: "100" } };
    const verdicts = screen([soft], base, ctx);
    expect(verdicts[0]!.outcome).toBe("warning");
    expect(screeningSummary(verdicts)).toEqual({ blocked: false, warnings: 1, failures: 0 });
    expect(screeningSummary(screen([soft, hardRule], base, ctx))).toEqual({ blocked: true, warnings: 1, failures: 1 });
  });
  it("keeps the rules' order and ids", () => {
    const rules: EligibilityRule[] = [
      { id: "a", kind: "MIN_AREAS", severity: "HARD", params: { min: 1 } },
      { id: "b", kind: "ACTIVITY_IN_YEAR", severity: "HARD", params: {} },
    ];
    expect(screen(rules, base, ctx).map((v) => v.ruleId)).toEqual(["a", "b"]);
  });
});

describe("rules", () => {
  it("has a parameter schema and a test section for every kind", () => {
    expect(RULE_KINDS.sort()).toEqual(Object.keys(RULE_PARAMS).sort());
    expect(RULE_KINDS).toHaveLength(9);
  });
  it("parses stored rules and rejects bad parameters", () => {
    expect(parseRule({ id: "x", kind: "MAX_AMOUNT", severity: "HARD", params: { maxOre: "7500000" } })).not.toBeNull();
    expect(parseRule({ id: "x", kind: "MAX_AMOUNT", severity: "HARD", params: { maxOre: 7500000 } })).toBeNull();
    expect(parseRule({ id: "x", kind: "NOPE", severity: "HARD", params: {} })).toBeNull();
    expect(parseRule({ id: "x", kind: "MIN_COFINANCING_SHARE", severity: "SOFT", params: { minBasisPoints: 10_001 } })).toBeNull();
  });
  it("shareBasisPoints rounds down and handles zero", () => {
    expect(shareBasisPoints(1n, 3n, "down")).toBe(3333);
    expect(shareBasisPoints(2n, 3n, "down")).toBe(6666);
    expect(shareBasisPoints(5n, 0n, "down")).toBe(0);
  });
});
