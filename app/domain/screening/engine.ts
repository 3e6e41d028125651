// The screening engine: checks an application against the eligibility rules of
// a guideline version and the prioritisation in force. Pure and exact: money in
// øre (bigint), shares in basis points compared by cross-multiplication.
import { addMonths, firstDayOfYear, lastDayOfYear } from "../dates";
import { shareBasisPoints, type Ore } from "../money";
import type { CostCategory, EligibilityRule, RuleKind, Severity } from "./rules";

export interface ScreeningApplication {
  requestedOre: Ore;
  totalCostOre: Ore;
  coFinancingOre: Ore;
  costLines: readonly { category: CostCategory; amountOre: Ore }[];
  focusAreaIds: readonly string[];
  participants: number | null;
  startDate: Date | null; // date-only (UTC midnight)
  endDate: Date | null;
  applyingAreaId: string | null;
  partnerAreaIds: readonly string[];
}

export interface ScreeningContext {
  poolYear: number;
  /** Focus areas of the prioritisation in force (empty: none recorded). */
  yearFocusAreaIds: readonly string[];
  /** The round's decision date, when known. */
  decisionDate: Date | null;
  /** At decision time: the round budget and what the applying area already has in the round. */
  roundAllocation?: { roundBudgetOre: Ore; areaGrantedOre: Ore; proposedOre: Ore };
}

export type Outcome = "pass" | "fail" | "warning" | "notApplicable";

/** A value quoted in an explanation; the i18n layer formats it. */
export type ExplanationValue =
  | { type: "money"; ore: Ore }
  | { type: "percent"; basisPoints: number }
  | { type: "date"; date: Date }
  | { type: "number"; value: number }
  | { type: "year"; value: number }
  | { type: "categories"; categories: CostCategory[] };

export interface Verdict {
  ruleId: string;
  kind: RuleKind;
  severity: Severity;
  outcome: Outcome;
  /** Message key under "screening." in the i18n layer, with the numbers it quotes. */
  reason: string;
  values: Record<string, ExplanationValue>;
}

const money = (ore: Ore): ExplanationValue => ({ type: "money", ore });
const percent = (basisPoints: number): ExplanationValue => ({ type: "percent", basisPoints });
const date = (d: Date): ExplanationValue => ({ type: "date", date: d });
const number = (value: number): ExplanationValue => ({ type: "number", value });

type Check = { ok: boolean | null; reason: string; values?: Record<string, ExplanationValue> };

/** Share of part in whole in basis points, rounded down (so a shown share never flatters). */
const shareDown = (part: Ore, whole: Ore) => shareBasisPoints(part, whole, "down");

/**
 * When an activity may take place under ACTIVITY_IN_YEAR: inside the pool year, and
 * for a round decided in the pool year also the twelve months from its decision
 * date (a round decided on 18 December must not leave only 18–31 December; money
 * left at the year's end is carried over to the next pool year).
 */
export function activityWindow(ctx: Pick<ScreeningContext, "poolYear" | "decisionDate">): { from: Date; until: Date; extended: boolean } {
  const from = firstDayOfYear(ctx.poolYear);
  const yearEnd = lastDayOfYear(ctx.poolYear);
  const decision = ctx.decisionDate;
  if (!decision || decision < from || decision > yearEnd) return { from, until: yearEnd, extended: false };
  const afterDecision = new Date(addMonths(decision, 12).getTime() - 86_400_000);
  return afterDecision > yearEnd ? { from, until: afterDecision, extended: true } : { from, until: yearEnd, extended: false };
}

function check(rule: EligibilityRule, app: ScreeningApplication, ctx: ScreeningContext): Check {
  switch (rule.kind) {
    case "MAX_AMOUNT": {
      const max = BigInt(rule.params.maxOre);
      const values = { requested: money(app.requestedOre), max: money(max) };
      return app.requestedOre <= max
        ? { ok: true, reason: "maxAmount.pass", values }
        : { ok: false, reason: "maxAmount.fail", values };
    }
    case "MIN_COFINANCING_SHARE": {
      const min = rule.params.minBasisPoints;
      if (app.totalCostOre <= 0n) return { ok: false, reason: "coFinancing.noCosts", values: { min: percent(min) } };
      const values = {
        share: percent(shareDown(app.coFinancingOre, app.totalCostOre)),
        min: percent(min),
        coFinancing: money(app.coFinancingOre),
      };
      // coFinancing / total ≥ min / 10000  ⇔  coFinancing × 10000 ≥ min × total
      return app.coFinancingOre * 10_000n >= BigInt(min) * app.totalCostOre
        ? { ok: true, reason: "coFinancing.pass", values }
        : { ok: false, reason: "coFinancing.fail", values };
    }
    case "COST_CATEGORIES": {
      const eligible = new Set<CostCategory>(rule.params.eligible);
      const ineligible = app.costLines.filter((line) => !eligible.has(line.category) && line.amountOre > 0n);
      if (ineligible.length === 0) return { ok: true, reason: "costCategories.pass" };
      const ineligibleOre = ineligible.reduce((sum, line) => sum + line.amountOre, 0n);
      const values = {
        categories: { type: "categories", categories: [...new Set(ineligible.map((l) => l.category))] } as ExplanationValue,
        ineligible: money(ineligibleOre),
        coFinancing: money(app.coFinancingOre),
      };
      // Costs the pool does not pay must be carried by the unit's own co-financing.
      return ineligibleOre <= app.coFinancingOre
        ? { ok: true, reason: "costCategories.coveredByCoFinancing", values }
        : { ok: false, reason: "costCategories.fail", values };
    }
    case "FOCUS_AREA_REQUIRED": {
      if (ctx.yearFocusAreaIds.length === 0) return { ok: null, reason: "focusArea.noPrioritisation" };
      if (app.focusAreaIds.length === 0) return { ok: false, reason: "focusArea.none" };
      const inYear = app.focusAreaIds.filter((id) => ctx.yearFocusAreaIds.includes(id));
      return inYear.length > 0
        ? { ok: true, reason: "focusArea.pass", values: { count: number(inYear.length) } }
        : { ok: false, reason: "focusArea.notPrioritised" };
    }
    case "ACTIVITY_IN_YEAR": {
      if (!app.startDate || !app.endDate) return { ok: false, reason: "period.missing" };
      const window = activityWindow(ctx);
      const values = {
        start: date(app.startDate),
        end: date(app.endDate),
        year: { type: "year", value: ctx.poolYear } as ExplanationValue,
        until: date(window.until),
      };
      if (app.endDate < app.startDate) return { ok: false, reason: "period.endBeforeStart", values };
      const inside = app.startDate >= window.from && app.endDate <= window.until;
      if (!inside) return { ok: false, reason: window.extended ? "activityInYear.failAfterDecision" : "activityInYear.fail", values };
      return { ok: true, reason: app.endDate <= lastDayOfYear(ctx.poolYear) ? "activityInYear.pass" : "activityInYear.passAfterDecision", values };
    }
    case "START_WITHIN_MONTHS": {
      if (!ctx.decisionDate) return { ok: null, reason: "startWithin.noDecisionDate" };
      const latest = addMonths(ctx.decisionDate, rule.params.months);
      const window = { decision: date(ctx.decisionDate), latest: date(latest), months: number(rule.params.months) };
      // The rule is about the start date only: its own message when that is missing.
      if (!app.startDate) return { ok: false, reason: "startWithin.missingStart", values: window };
      const values = { start: date(app.startDate), ...window };
      if (app.startDate < ctx.decisionDate) return { ok: false, reason: "startWithin.beforeDecision", values };
      return app.startDate <= latest ? { ok: true, reason: "startWithin.pass", values } : { ok: false, reason: "startWithin.fail", values };
    }
    case "MIN_PARTICIPANTS": {
      const min = number(rule.params.min);
      if (app.participants === null) return { ok: false, reason: "participants.missing", values: { min } };
      const values = { participants: number(app.participants), min };
      return app.participants >= rule.params.min
        ? { ok: true, reason: "participants.pass", values }
        : { ok: false, reason: "participants.fail", values };
    }
    case "MIN_AREAS": {
      const areas = new Set([...(app.applyingAreaId ? [app.applyingAreaId] : []), ...app.partnerAreaIds]);
      const values = { areas: number(areas.size), min: number(rule.params.min) };
      return areas.size >= rule.params.min ? { ok: true, reason: "minAreas.pass", values } : { ok: false, reason: "minAreas.fail", values };
    }
    case "MAX_ROUND_SHARE_PER_AREA": {
      const max = rule.params.maxBasisPoints;
      const allocation = ctx.roundAllocation;
      if (!allocation) return { ok: null, reason: "roundShare.atDecision", values: { max: percent(max) } };
      const areaTotal = allocation.areaGrantedOre + allocation.proposedOre;
      const values = {
        areaTotal: money(areaTotal),
        share: percent(shareDown(areaTotal, allocation.roundBudgetOre)),
        max: percent(max),
      };
      return areaTotal * 10_000n <= BigInt(max) * allocation.roundBudgetOre
        ? { ok: true, reason: "roundShare.pass", values }
        : { ok: false, reason: "roundShare.fail", values };
    }
  }
}

/** One verdict per rule, in the rules' order. A failed soft rule is a warning. */
export function screen(
  rules: readonly EligibilityRule[],
  application: ScreeningApplication,
  context: ScreeningContext,
): Verdict[] {
  return rules.map((rule) => {
    const result = check(rule, application, context);
    const outcome: Outcome = result.ok === null ? "notApplicable" : result.ok ? "pass" : rule.severity === "SOFT" ? "warning" : "fail";
    return { ruleId: rule.id, kind: rule.kind, severity: rule.severity, outcome, reason: result.reason, values: result.values ?? {} };
  });
}

/** Submission is blocked by hard failures; warnings need a written justification. */
export function screeningSummary(verdicts: readonly Verdict[]): { blocked: boolean; warnings: number; failures: number } {
  const failures = verdicts.filter((v) => v.outcome === "fail").length;
  const warnings = verdicts.filter((v) => v.outcome === "warning").length;
  return { blocked: failures > 0, warnings, failures };
}
