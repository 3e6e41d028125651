import { describe, expect, it } from "vitest";
import { danishToday } from "./dates";
import {
  checkAdoptionDate,
  checkCriterion,
  criterionKey,
  diffBody,
  diffCriteria,
  diffGuidelines,
  diffRules,
  diffText,
  isEmptyDiff,
  mayReadGuideline,
  normaliseCategories,
  parseVersionParam,
  ruleParamsFromForm,
  weightShares,
  type CriterionSnapshot,
  type GuidelineSnapshot,
  type RuleSnapshot,
} from "./guidelines";
import { RULE_KINDS, RULE_PARAMS } from "./screening/rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("mayReadGuideline", () => {
  const user = (role: "APPLICANT" | "HMU" | "SECRETARIAT" | "FINANCE") => ({ id: "u", unitId: null, roles: [{ role, areaId: null, unitId: null }] });
  it("lets everyone read adopted and superseded versions, and drafts only those who may read drafts", () => {
    for (const role of ["APPLICANT", "HMU", "SECRETARIAT", "FINANCE"] as const) {
      expect(mayReadGuideline(user(role), "ADOPTED"), role).toBe(true);
      expect(mayReadGuideline(user(role), "SUPERSEDED"), role).toBe(true);
      expect(mayReadGuideline(user(role), "DRAFT"), role).toBe(role === "HMU" || role === "SECRETARIAT");
    }
    expect(mayReadGuideline(null, "ADOPTED")).toBe(false);
  });
});

describe("parseVersionParam", () => {
  it("reads positive whole version numbers only", () => {
    expect(parseVersionParam("1")).toBe(1);
    expect(parseVersionParam("12")).toBe(12);
    for (const bad of ["0", "-1", "01", "1.5", "abc", "", undefined, null, "9999999"]) expect(parseVersionParam(bad)).toBeNull();
  });
});

describe("ruleParamsFromForm", () => {
  it("reads an amount in kroner as øre", () => {
    expect(ruleParamsFromForm("MAX_AMOUNT", { maxAmount: "250.000" })).toEqual({ ok: true, params: { maxOre: "25000000" } });
    expect(ruleParamsFromForm("MAX_AMOUNT", { maxAmount: "1.234,50 kr." })).toEqual({ ok: true, params: { maxOre: "123450" } });
  });

  it("refuses a missing, zero, negative or malformed amount", () => {
    expect(ruleParamsFromForm("MAX_AMOUNT", {})).toEqual({ ok: false, problems: [{ field: "maxAmount", problem: "required" }] });
    for (const bad of ["0", "-5", "abc", "1,234"]) {
      expect(ruleParamsFromForm("MAX_AMOUNT", { maxAmount: bad }), bad).toEqual({ ok: false, problems: [{ field: "maxAmount", problem: "invalid" }] });
    }
  });

  it("reads shares in percent as basis points", () => {
    expect(ruleParamsFromForm("MIN_COFINANCING_SHARE", { minShare: "20" })).toEqual({ ok: true, params: { minBasisPoints: 2000 } });
    expect(ruleParamsFromForm("MIN_COFINANCING_SHARE", { minShare: "12,5 %" })).toEqual({ ok: true, params: { minBasisPoints: 1250 } });
    expect(ruleParamsFromForm("MAX_ROUND_SHARE_PER_AREA", { maxRoundShare: "40" })).toEqual({ ok: true, params: { maxBasisPoints: 4000 } });
    for (const bad of ["0", "101", "abc", "12,345"]) {
      expect(ruleParamsFromForm("MIN_COFINANCING_SHARE", { minShare: bad }), bad).toEqual({ ok: false, problems: [{ field: "minShare", problem: "invalid" }] });
    }
  });

  it("reads the ticked cost categories in the catalogue's order", () => {
    expect(ruleParamsFromForm("COST_CATEGORIES", { eligible: ["TRANSPORT", "COURSE_FEE", "TRANSPORT"] })).toEqual({
      ok: true,
      params: { eligible: ["COURSE_FEE", "TRANSPORT"] },
    });
    expect(ruleParamsFromForm("COST_CATEGORIES", { eligible: "MATERIALS" })).toEqual({ ok: true, params: { eligible: ["MATERIALS"] } });
    expect(ruleParamsFromForm("COST_CATEGORIES", {})).toEqual({ ok: false, problems: [{ field: "eligible", problem: "required" }] });
    expect(ruleParamsFromForm("COST_CATEGORIES", { eligible: ["BEER"] })).toEqual({ ok: false, problems: [{ field: "eligible", problem: "invalid" }] });
  });

  it("reads whole numbers inside each kind's range", () => {
    expect(ruleParamsFromForm("START_WITHIN_MONTHS", { months: "6" })).toEqual({ ok: true, params: { months: 6 } });
    expect(ruleParamsFromForm("MIN_PARTICIPANTS", { minParticipants: "1.000" })).toEqual({ ok: true, params: { min: 1000 } });
    expect(ruleParamsFromForm("MIN_AREAS", { minAreas: "2" })).toEqual({ ok: true, params: { min: 2 } });
    expect(ruleParamsFromForm("START_WITHIN_MONTHS", { months: "0" })).toEqual({ ok: false, problems: [{ field: "months", problem: "invalid" }] });
    expect(ruleParamsFromForm("START_WITHIN_MONTHS", { months: "37" })).toEqual({ ok: false, problems: [{ field: "months", problem: "invalid" }] });
    expect(ruleParamsFromForm("START_WITHIN_MONTHS", { months: "1,5" })).toEqual({ ok: false, problems: [{ field: "months", problem: "invalid" }] });
    expect(ruleParamsFromForm("MIN_PARTICIPANTS", { minParticipants: "1.5" })).toEqual({ ok: false, problems: [{ field: "minParticipants", problem: "invalid" }] });
    expect(ruleParamsFromForm("MIN_AREAS", { minAreas: "21" })).toEqual({ ok: false, problems: [{ field: "minAreas", problem: "invalid" }] });
    expect(ruleParamsFromForm("MIN_AREAS", { minAreas: " " })).toEqual({ ok: false, problems: [{ field: "minAreas", problem: "required" }] });
  });

  it("needs no parameters for the focus-area and activity-in-year rules, and ignores other kinds' inputs", () => {
    expect(ruleParamsFromForm("FOCUS_AREA_REQUIRED", { maxAmount: "nonsense" })).toEqual({ ok: true, params: {} });
    expect(ruleParamsFromForm("ACTIVITY_IN_YEAR", {})).toEqual({ ok: true, params: {} });
    expect(ruleParamsFromForm("MAX_AMOUNT", { maxAmount: "1000", months: "x" })).toEqual({ ok: true, params: { maxOre: "100000" } });
  });

  it("produces parameters every kind's stored schema accepts", () => {
    const typed = { maxAmount: "250.000", minShare: "20", eligible: ["COURSE_FEE"], months: "6", minParticipants: "8", minAreas: "2", maxRoundShare: "40" };
    for (const kind of RULE_KINDS) {
      const result = ruleParamsFromForm(kind, typed);
      expect(result.ok, kind).toBe(true);
      if (result.ok) expect(RULE_PARAMS[kind].safeParse(result.params).success, kind).toBe(true);
    }
  });

  it("normalises cost categories", () => {
    expect(normaliseCategories(["OTHER", "x", "COURSE_FEE"])).toEqual(["COURSE_FEE", "OTHER"]);
  });
});

describe("checkCriterion", () => {
  const ok = { name: "Rækkevidde", description: "", weight: 15, scaleMin: 0, scaleMax: 5 };
  it("accepts a named criterion with a positive weight and a scale", () => expect(checkCriterion(ok)).toEqual([]));
  it("needs a name", () => expect(checkCriterion({ ...ok, name: "  " })).toEqual([{ field: "name", problem: "required" }]));
  it("needs a whole positive weight", () => {
    for (const weight of [0, -1, 1.5, 1001, Number.NaN]) expect(checkCriterion({ ...ok, weight }), String(weight)).toEqual([{ field: "weight", problem: "weight" }]);
  });
  it("needs scale min below max, inside 0–100", () => {
    expect(checkCriterion({ ...ok, scaleMin: 5, scaleMax: 5 })).toEqual([{ field: "scaleMax", problem: "scaleOrder" }]);
    expect(checkCriterion({ ...ok, scaleMin: 6, scaleMax: 5 })).toEqual([{ field: "scaleMax", problem: "scaleOrder" }]);
    expect(checkCriterion({ ...ok, scaleMin: -1 })).toEqual([{ field: "scaleMin", problem: "scaleRange" }]);
    expect(checkCriterion({ ...ok, scaleMax: 101 })).toEqual([{ field: "scaleMax", problem: "scaleRange" }]);
  });
  it("matches names ignoring case and spacing", () => expect(criterionKey("  Strategisk   Sammenhæng ")).toBe(criterionKey("strategisk sammenhæng")));
});

describe("weightShares", () => {
  it("gives each weight's share of the total in basis points", () => {
    expect(weightShares([30, 25, 15, 15, 15])).toEqual([3000, 2500, 1500, 1500, 1500]);
    expect(weightShares([1, 2])).toEqual([3333, 6667]);
    expect(weightShares([])).toEqual([]);
  });
});

describe("adoption date", () => {
  it("may not lie in the future or before the version in force", () => {
    const today = day("2026-11-26");
    expect(checkAdoptionDate(day("2026-11-26"), today, day("2026-06-18"))).toBeNull();
    expect(checkAdoptionDate(day("2026-11-27"), today, null)).toBe("future");
    expect(checkAdoptionDate(day("2026-06-17"), today, day("2026-06-18"))).toBe("beforeInForce");
    expect(checkAdoptionDate(day("2026-06-18"), today, day("2026-06-18"))).toBeNull();
  });
  it("takes today in Danish time", () => {
    expect(danishToday(new Date("2026-11-26T23:30:00Z"))).toEqual(day("2026-11-27"));
    expect(danishToday(new Date("2026-06-30T21:59:00Z"))).toEqual(day("2026-06-30"));
  });
});

describe("diffText", () => {
  it("marks removed and added words", () => {
    expect(diffText("Retningslinjer 2026", "Retningslinjer 2027")).toEqual([
      { type: "same", text: "Retningslinjer " },
      { type: "removed", text: "2026" },
      { type: "added", text: "2027" },
    ]);
  });
});

describe("diffBody", () => {
  it("shows a changed line as a word diff, with unchanged lines around it", () => {
    const before = "## Formål\n\nPuljen er på seks millioner kroner.\n\nSlut.";
    const after = "## Formål\n\nPuljen er på syv millioner kroner.\n\nSlut.\n";
    expect(diffBody(before, after)).toEqual([
      { type: "same", lines: ["## Formål", ""] },
      {
        type: "changed",
        parts: [
          { type: "same", text: "Puljen er på " },
          { type: "removed", text: "seks" },
          { type: "added", text: "syv" },
          { type: "same", text: " millioner kroner." },
        ],
      },
      { type: "same", lines: ["", "Slut."] },
    ]);
  });

  it("shows added and removed lines, and cuts long unchanged stretches down", () => {
    const same = Array.from({ length: 10 }, (_, i) => `linje ${i + 1}`);
    const before = [...same, "gammel"].join("\n");
    const after = ["ny først", ...same].join("\n");
    expect(diffBody(before, after)).toEqual([
      { type: "added", lines: ["ny først"] },
      { type: "same", lines: ["linje 1", "linje 2"] },
      { type: "skipped", count: 6 },
      { type: "same", lines: ["linje 9", "linje 10"] },
      { type: "removed", lines: ["gammel"] },
    ]);
  });

  it("shows long rewrites as whole removed and added lines", () => {
    const before = Array.from({ length: 8 }, (_, i) => `a${i}`).join("\n");
    const after = Array.from({ length: 8 }, (_, i) => `b${i}`).join("\n");
    const blocks = diffBody(before, after);
    expect(blocks.map((b) => b.type)).toEqual(["removed", "added"]);
  });

  it("ignores Windows line endings", () => {
    expect(diffGuidelines({ title: "T", body: "a\r\nb", rules: [], criteria: [] }, { title: "T", body: "a\nb\n", rules: [], criteria: [] }).body).toBeNull();
  });
});

const rule = (kind: string, params: unknown, severity: "HARD" | "SOFT" = "HARD", note = ""): RuleSnapshot => ({ kind, params, severity, note });
const criterion = (name: string, weight: number, extra: Partial<CriterionSnapshot> = {}): CriterionSnapshot => ({
  name,
  description: "",
  weight,
  scaleMin: 0,
  scaleMax: 5,
  ...extra,
});

describe("diffRules", () => {
  it("matches rules by kind and names what changed", () => {
    const before = [rule("MAX_AMOUNT", { maxOre: "25000000" }), rule("MIN_AREAS", { min: 2 }, "SOFT"), rule("ACTIVITY_IN_YEAR", {})];
    const after = [rule("MIN_AREAS", { min: 2 }, "HARD", "Ny note"), rule("MAX_AMOUNT", { maxOre: "30000000" }), rule("FOCUS_AREA_REQUIRED", {})];
    expect(diffRules(before, after)).toEqual([
      { type: "changed", kind: "MAX_AMOUNT", before: before[0], after: after[1], fields: ["params"] },
      { type: "changed", kind: "MIN_AREAS", before: before[1], after: after[0], fields: ["severity", "note"] },
      { type: "removed", kind: "ACTIVITY_IN_YEAR", before: before[2] },
      { type: "added", kind: "FOCUS_AREA_REQUIRED", after: after[2] },
    ]);
  });

  it("treats cost categories as a set and key order as irrelevant", () => {
    expect(diffRules([rule("COST_CATEGORIES", { eligible: ["TRANSPORT", "COURSE_FEE"] })], [rule("COST_CATEGORIES", { eligible: ["COURSE_FEE", "TRANSPORT"] })])).toEqual([]);
    expect(diffRules([rule("COST_CATEGORIES", { eligible: ["TRANSPORT"] })], [rule("COST_CATEGORIES", { eligible: ["TRANSPORT", "OTHER"] })])).toHaveLength(1);
  });
});

describe("diffCriteria", () => {
  it("matches criteria by name and names what changed", () => {
    const before = [criterion("Rækkevidde", 15), criterion("Strategisk sammenhæng", 30), criterion("Omkostning pr. deltager", 15)];
    const after = [
      criterion("Strategisk sammenhæng", 40, { description: "Ny" }),
      criterion("rækkevidde", 15, { scaleMax: 10 }),
      criterion("Bæredygtighed", 10),
    ];
    expect(diffCriteria(before, after)).toEqual([
      { type: "changed", name: "Strategisk sammenhæng", before: before[1], after: after[0], fields: ["description", "weight"] },
      { type: "changed", name: "rækkevidde", before: before[0], after: after[1], fields: ["name", "scale"] },
      { type: "added", name: "Bæredygtighed", after: after[2] },
      { type: "removed", name: "Omkostning pr. deltager", before: before[2] },
    ]);
  });
});

describe("diffGuidelines", () => {
  const v1: GuidelineSnapshot = { title: "Retningslinjer", body: "Tekst", rules: [rule("ACTIVITY_IN_YEAR", {})], criteria: [criterion("A", 1)] };
  it("is empty for identical versions", () => {
    const diff = diffGuidelines(v1, { ...v1, rules: [...v1.rules], criteria: [...v1.criteria] });
    expect(isEmptyDiff(diff)).toBe(true);
  });
  it("collects title, body, rule and criterion changes", () => {
    const diff = diffGuidelines(v1, { title: "Retningslinjer 2027", body: "Tekst\nMere", rules: [], criteria: [criterion("A", 2)] });
    expect(isEmptyDiff(diff)).toBe(false);
    expect(diff.title).toEqual([
      { type: "same", text: "Retningslinjer " },
      { type: "added", text: "2027" },
    ]);
    expect(diff.body).toEqual([
      { type: "same", lines: ["Tekst"] },
      { type: "added", lines: ["Mere"] },
    ]);
    expect(diff.rules).toEqual([{ type: "removed", kind: "ACTIVITY_IN_YEAR", before: v1.rules[0] }]);
    expect(diff.criteria.map((c) => c.type)).toEqual(["changed"]);
  });
});
