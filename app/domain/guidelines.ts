// HMU guidelines (retningslinjer): versions, their eligibility rules and
// assessment criteria. Pure helpers: reading rule parameters typed in a form,
// checking criteria and adoption dates, and the readable diff of two versions.
import { diffLines, diffWords } from "diff";
import { stableJson } from "./audit";
import { parseKroner } from "./money";
import { can, type PermissionSubject } from "./permissions";
import { parsePercent } from "./prioritisation";
import { COST_CATEGORIES, RULE_PARAMS, type CostCategory, type RuleKind, type Severity } from "./screening/rules";

export type GuidelineStatus = "DRAFT" | "ADOPTED" | "SUPERSEDED";

/** Adopted and superseded versions are for everyone; drafts for those who may read drafts. */
export function mayReadGuideline(user: PermissionSubject | null | undefined, status: GuidelineStatus): boolean {
  return can(user, status === "DRAFT" ? "guideline:readDraft" : "guideline:read");
}

/** A version number from the URL ("3"), or null. */
export function parseVersionParam(param: string | null | undefined): number | null {
  if (!param || !/^[1-9]\d{0,5}$/.test(param)) return null;
  return Number(param);
}

// ---------------------------------------------------------------------------
// Rule parameters typed in a form

/** The form inputs a rule kind's parameters are typed in. */
export const RULE_PARAM_FIELDS = {
  MAX_AMOUNT: ["maxAmount"],
  MIN_COFINANCING_SHARE: ["minShare"],
  COST_CATEGORIES: ["eligible"],
  FOCUS_AREA_REQUIRED: [],
  ACTIVITY_IN_YEAR: [],
  START_WITHIN_MONTHS: ["months"],
  MIN_PARTICIPANTS: ["minParticipants"],
  MIN_AREAS: ["minAreas"],
  MAX_ROUND_SHARE_PER_AREA: ["maxRoundShare"],
} as const satisfies Record<RuleKind, readonly string[]>;

export type RuleParamField = (typeof RULE_PARAM_FIELDS)[RuleKind][number];

/** What was typed: strings, and the ticked cost categories. */
export type RuleFormValues = Partial<Record<Exclude<RuleParamField, "eligible">, string | undefined>> & {
  eligible?: readonly string[] | string;
};

export type RuleParamProblem = { field: RuleParamField; problem: "required" | "invalid" };

export type RuleParamsResult = { ok: true; params: Record<string, unknown> } | { ok: false; problems: RuleParamProblem[] };

/** Cost categories in the catalogue's order, without duplicates or unknown values. */
export function normaliseCategories(values: readonly string[]): CostCategory[] {
  return COST_CATEGORIES.filter((c) => values.includes(c));
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  // "8", "100000" or grouped the Danish way: "100.000".
  if (!/^(\d{1,9}|\d{1,3}(\.\d{3}){1,2})$/.test(trimmed)) return null;
  return Number(trimmed.replace(/\./g, ""));
}

/**
 * Reads a rule kind's parameters from the form: an amount in kroner (→ øre as a
 * string), a share in percent (→ basis points), whole numbers, ticked cost
 * categories. Only the kind's own inputs are read; the result is checked
 * against the kind's schema (RULE_PARAMS), so the ranges live in one place.
 */
export function ruleParamsFromForm(kind: RuleKind, values: RuleFormValues): RuleParamsResult {
  const problems: RuleParamProblem[] = [];
  const params: Record<string, unknown> = {};
  const text = (field: Exclude<RuleParamField, "eligible">): string | null => {
    const value = values[field]?.trim() ?? "";
    if (!value) {
      problems.push({ field, problem: "required" });
      return null;
    }
    return value;
  };
  const fields: readonly RuleParamField[] = RULE_PARAM_FIELDS[kind];
  for (const field of fields) {
    switch (field) {
      case "maxAmount": {
        const value = text(field);
        if (value === null) break;
        const ore = parseKroner(value);
        if (ore === null || ore <= 0n) problems.push({ field, problem: "invalid" });
        else params.maxOre = ore.toString();
        break;
      }
      case "minShare":
      case "maxRoundShare": {
        const value = text(field);
        if (value === null) break;
        const basisPoints = parsePercent(value);
        if (basisPoints === null) problems.push({ field, problem: "invalid" });
        else params[field === "minShare" ? "minBasisPoints" : "maxBasisPoints"] = basisPoints;
        break;
      }
      case "eligible": {
        const raw = values.eligible === undefined ? [] : typeof values.eligible === "string" ? [values.eligible] : values.eligible;
        const categories = normaliseCategories(raw);
        if (raw.some((c) => !(COST_CATEGORIES as readonly string[]).includes(c))) problems.push({ field, problem: "invalid" });
        else if (categories.length === 0) problems.push({ field, problem: "required" });
        else params.eligible = categories;
        break;
      }
      case "months":
      case "minParticipants":
      case "minAreas": {
        const value = text(field);
        if (value === null) break;
        const number = wholeNumber(value);
        if (number === null) problems.push({ field, problem: "invalid" });
        else params[field === "months" ? "months" : "min"] = number;
        break;
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const checked = RULE_PARAMS[kind].safeParse(params);
  if (!checked.success) {
    // Out of the kind's range (e.g. 0 months, 40 months): the kind's only input is wrong.
    return { ok: false, problems: fields.map((field) => ({ field, problem: "invalid" as const })) };
  }
  return { ok: true, params: checked.data as Record<string, unknown> };
}

// ---------------------------------------------------------------------------
// Assessment criteria

export const CRITERION_LIMITS = { weightMax: 1000, scaleMin: 0, scaleMax: 100 } as const;

export interface CriterionInput {
  name: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export type CriterionProblem =
  | { field: "name"; problem: "required" | "tooLong" }
  | { field: "description"; problem: "tooLong" }
  | { field: "weight"; problem: "weight" }
  | { field: "scaleMin" | "scaleMax"; problem: "scaleRange" }
  | { field: "scaleMax"; problem: "scaleOrder" };

/** Problems with a criterion: a name, weight a positive whole number, scale min < max inside 0–100. */
export function checkCriterion(input: CriterionInput): CriterionProblem[] {
  const problems: CriterionProblem[] = [];
  const name = input.name.trim();
  if (!name) problems.push({ field: "name", problem: "required" });
  else if (name.length > 200) problems.push({ field: "name", problem: "tooLong" });
  if (input.description.length > 2000) problems.push({ field: "description", problem: "tooLong" });
  if (!Number.isInteger(input.weight) || input.weight < 1 || input.weight > CRITERION_LIMITS.weightMax) {
    problems.push({ field: "weight", problem: "weight" });
  }
  const inRange = (v: number) => Number.isInteger(v) && v >= CRITERION_LIMITS.scaleMin && v <= CRITERION_LIMITS.scaleMax;
  if (!inRange(input.scaleMin)) problems.push({ field: "scaleMin", problem: "scaleRange" });
  if (!inRange(input.scaleMax)) problems.push({ field: "scaleMax", problem: "scaleRange" });
  else if (inRange(input.scaleMin) && input.scaleMin >= input.scaleMax) problems.push({ field: "scaleMax", problem: "scaleOrder" });
  return problems;
}

/** The name two criteria are matched by (the same criterion in two versions, or a duplicate). */
export function criterionKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("da-DK");
}

/**
 * Each weight's share of the total, in basis points (30 of 100 → 3000 = 30 %),
 * rounded half up in integers.
 */
export function weightShares(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return weights.map(() => 0);
  return weights.map((w) => Math.floor((w * 10_000 * 2 + total) / (total * 2)));
}

// ---------------------------------------------------------------------------
// Adoption

export type AdoptionProblem = "future" | "beforeInForce";

/** HMU's meeting date may not lie in the future, nor before the adoption of the version in force. */
export function checkAdoptionDate(adoptedOn: Date, today: Date, inForceAdoptedOn: Date | null): AdoptionProblem | null {
  if (adoptedOn.getTime() > today.getTime()) return "future";
  if (inForceAdoptedOn && adoptedOn.getTime() < inForceAdoptedOn.getTime()) return "beforeInForce";
  return null;
}

// ---------------------------------------------------------------------------
// The diff of two versions

export interface RuleSnapshot {
  kind: string;
  severity: Severity;
  params: unknown;
  note: string;
}

export interface CriterionSnapshot {
  name: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface GuidelineSnapshot {
  title: string;
  body: string;
  rules: readonly RuleSnapshot[];
  criteria: readonly CriterionSnapshot[];
}

export interface TextPart {
  type: "same" | "added" | "removed";
  text: string;
}

export type BodyBlock =
  | { type: "same"; lines: string[] }
  | { type: "skipped"; count: number }
  | { type: "added"; lines: string[] }
  | { type: "removed"; lines: string[] }
  | { type: "changed"; parts: TextPart[] };

export type RuleChange =
  | { type: "added"; kind: string; after: RuleSnapshot }
  | { type: "removed"; kind: string; before: RuleSnapshot }
  | { type: "changed"; kind: string; before: RuleSnapshot; after: RuleSnapshot; fields: ("severity" | "params" | "note")[] };

export type CriterionChange =
  | { type: "added"; name: string; after: CriterionSnapshot }
  | { type: "removed"; name: string; before: CriterionSnapshot }
  | {
      type: "changed";
      name: string;
      before: CriterionSnapshot;
      after: CriterionSnapshot;
      fields: ("name" | "description" | "weight" | "scale")[];
    };

export interface GuidelineDiff {
  /** null when the title is the same. */
  title: TextPart[] | null;
  /** null when the text is the same. */
  body: BodyBlock[] | null;
  rules: RuleChange[];
  criteria: CriterionChange[];
}

function toParts(changes: { value: string; added?: boolean; removed?: boolean }[]): TextPart[] {
  const parts: TextPart[] = [];
  for (const change of changes) {
    const type = change.added ? "added" : change.removed ? "removed" : "same";
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += change.value;
    else if (change.value) parts.push({ type, text: change.value });
  }
  return parts;
}

/** A word diff of two short texts (a title, a changed paragraph). */
export function diffText(before: string, after: string): TextPart[] {
  return toParts(diffWords(before, after));
}

function normaliseText(text: string): string {
  const unix = text.replace(/\r\n?/g, "\n");
  return unix.endsWith("\n") || unix === "" ? unix : `${unix}\n`;
}

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Largest changed stretch (in lines, each side) shown as a word diff rather than whole lines. */
const WORD_DIFF_MAX_LINES = 6;

/**
 * A line diff of two Markdown texts. A replaced stretch of a few lines is shown
 * as a word diff inside it; long unchanged stretches are cut down to `context`
 * lines around each change.
 */
export function diffBody(before: string, after: string, context = 2): BodyBlock[] {
  const changes = diffLines(normaliseText(before), normaliseText(after));
  const raw: BodyBlock[] = [];
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const next = changes[i + 1];
    if (change.removed && next?.added) {
      const removed = splitLines(change.value);
      const added = splitLines(next.value);
      if (removed.length <= WORD_DIFF_MAX_LINES && added.length <= WORD_DIFF_MAX_LINES) {
        raw.push({ type: "changed", parts: diffText(removed.join("\n"), added.join("\n")) });
      } else {
        raw.push({ type: "removed", lines: removed }, { type: "added", lines: added });
      }
      i++;
      continue;
    }
    const lines = splitLines(change.value);
    raw.push({ type: change.added ? "added" : change.removed ? "removed" : "same", lines });
  }
  const blocks: BodyBlock[] = [];
  raw.forEach((block, index) => {
    if (block.type !== "same") {
      blocks.push(block);
      return;
    }
    const keepStart = index === 0 ? 0 : context;
    const keepEnd = index === raw.length - 1 ? 0 : context;
    if (block.lines.length <= keepStart + keepEnd + 1) {
      blocks.push(block);
      return;
    }
    if (keepStart > 0) blocks.push({ type: "same", lines: block.lines.slice(0, keepStart) });
    blocks.push({ type: "skipped", count: block.lines.length - keepStart - keepEnd });
    if (keepEnd > 0) blocks.push({ type: "same", lines: block.lines.slice(block.lines.length - keepEnd) });
  });
  return blocks;
}

function paramsKey(params: unknown): string {
  if (params && typeof params === "object" && !Array.isArray(params) && Array.isArray((params as { eligible?: unknown }).eligible)) {
    const eligible = [...((params as { eligible: string[] }).eligible ?? [])].sort();
    return stableJson({ ...params, eligible });
  }
  return stableJson(params ?? {});
}

/** Rules matched by kind (the n-th rule of a kind with the n-th of the same kind). */
export function diffRules(before: readonly RuleSnapshot[], after: readonly RuleSnapshot[]): RuleChange[] {
  const changes: RuleChange[] = [];
  const kinds = [...new Set([...before.map((r) => r.kind), ...after.map((r) => r.kind)])];
  for (const kind of kinds) {
    const was = before.filter((r) => r.kind === kind);
    const now = after.filter((r) => r.kind === kind);
    for (let i = 0; i < Math.max(was.length, now.length); i++) {
      const b = was[i];
      const a = now[i];
      if (b && a) {
        const fields: ("severity" | "params" | "note")[] = [];
        if (b.severity !== a.severity) fields.push("severity");
        if (paramsKey(b.params) !== paramsKey(a.params)) fields.push("params");
        if (b.note.trim() !== a.note.trim()) fields.push("note");
        if (fields.length > 0) changes.push({ type: "changed", kind, before: b, after: a, fields });
      } else if (a) changes.push({ type: "added", kind, after: a });
      else if (b) changes.push({ type: "removed", kind, before: b });
    }
  }
  return changes;
}

/** Criteria matched by name (ignoring case and extra spaces). */
export function diffCriteria(before: readonly CriterionSnapshot[], after: readonly CriterionSnapshot[]): CriterionChange[] {
  const changes: CriterionChange[] = [];
  const beforeByKey = new Map(before.map((c) => [criterionKey(c.name), c]));
  const afterKeys = new Set(after.map((c) => criterionKey(c.name)));
  for (const a of after) {
    const b = beforeByKey.get(criterionKey(a.name));
    if (!b) {
      changes.push({ type: "added", name: a.name, after: a });
      continue;
    }
    const fields: ("name" | "description" | "weight" | "scale")[] = [];
    if (b.name.trim() !== a.name.trim()) fields.push("name");
    if (b.description.trim() !== a.description.trim()) fields.push("description");
    if (b.weight !== a.weight) fields.push("weight");
    if (b.scaleMin !== a.scaleMin || b.scaleMax !== a.scaleMax) fields.push("scale");
    if (fields.length > 0) changes.push({ type: "changed", name: a.name, before: b, after: a, fields });
  }
  for (const b of before) {
    if (!afterKeys.has(criterionKey(b.name))) changes.push({ type: "removed", name: b.name, before: b });
  }
  return changes;
}

/** What changed from `before` (the older version) to `after`. */
export function diffGuidelines(before: GuidelineSnapshot, after: GuidelineSnapshot): GuidelineDiff {
  return {
    title: before.title === after.title ? null : diffText(before.title, after.title),
    body: normaliseText(before.body) === normaliseText(after.body) ? null : diffBody(before.body, after.body),
    rules: diffRules(before.rules, after.rules),
    criteria: diffCriteria(before.criteria, after.criteria),
  };
}

export function isEmptyDiff(diff: GuidelineDiff): boolean {
  return diff.title === null && diff.body === null && diff.rules.length === 0 && diff.criteria.length === 0;
}
