// The application's content model (ansøgningens indhold): the normalised
// content a draft save stores and a submission checks, and what a submission
// needs on top of a draft. Pure: no framework imports.
import { COST_CATEGORIES, type CostCategory } from "../screening/rules";
import { MAX_ABS_ORE, type Ore } from "../money";
import { computeAmounts, totalCostTooLarge } from "./amounts";
import type { Problem } from "./problems";

/** Aktivitetstype. */
export const ACTIVITY_TYPES = [
  "COURSE", // kursus
  "EDUCATION", // uddannelse
  "CONFERENCE", // konference
  "IN_HOUSE_TRAINING", // intern opkvalificering
  "E_LEARNING", // e-læring
  "NETWORK_SUPERVISION", // netværk eller supervision
  "OTHER", // andet
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export function isActivityType(value: string): value is ActivityType {
  return (ACTIVITY_TYPES as readonly string[]).includes(value);
}

export function isCostCategory(value: string): value is CostCategory {
  return (COST_CATEGORIES as readonly string[]).includes(value);
}

export const MAX_COST_LINES = 30;
export const MAX_PARTICIPANTS = 100_000;

/** One cost line as stored (a blank amount is kept as null until it is saved as 0). */
export interface ContentCostLine {
  category: CostCategory | null;
  description: string;
  amountOre: Ore | null;
}

/** The application's content, normalised: what a draft save stores and a submission checks. */
export interface ApplicationContent {
  /** Only set when the user chose a unit on the form. */
  unitId: string | null;
  contactName: string;
  contactEmail: string;
  title: string;
  purpose: string;
  targetGroup: string;
  participants: number | null;
  activityType: ActivityType | null;
  startDate: Date | null;
  endDate: Date | null;
  costLines: ContentCostLine[];
  coFinancingOre: Ore;
  focusAreaIds: string[];
  primaryFocusAreaId: string | null;
  partnerAreaIds: string[];
  expectedEffect: string;
  followUpPlan: string;
  softRuleJustification: string;
}

/** The content's cost lines with blank amounts as 0, for sums. */
export function costAmounts(content: Pick<ApplicationContent, "costLines">): { amountOre: Ore }[] {
  return content.costLines.map((line) => ({ amountOre: line.amountOre ?? 0n }));
}

/**
 * What makes content unstorable, even as a draft: too many cost lines, a total
 * above the product's maximum, negative amounts, an unreadable number of
 * participants. Empty = storable.
 */
export function draftProblems(content: ApplicationContent): Problem[] {
  const problems: Problem[] = [];
  if (content.costLines.length > MAX_COST_LINES) problems.push({ field: "costLines", key: "applications.error.tooManyCostLines" });
  problems.push(...amountProblems(content));
  if (content.participants !== null && (!Number.isSafeInteger(content.participants) || content.participants < 0)) {
    problems.push({ field: "participants", key: "validation.integer" });
  }
  return problems;
}

/** Amounts no draft may hold: a total above the maximum, a negative line or co-financing. */
function amountProblems(content: ApplicationContent): Problem[] {
  const problems: Problem[] = [];
  const costs = costAmounts(content);
  if (totalCostTooLarge(costs)) {
    problems.push({ field: "costLines", key: "applications.error.totalTooLarge", vars: { totalOre: computeAmounts(costs, 0n).totalCostOre, maxOre: MAX_ABS_ORE } });
  }
  content.costLines.forEach((line, index) => {
    if (line.amountOre !== null && line.amountOre < 0n) problems.push({ field: `costLines[${index}].amount`, key: "applications.error.amountNegative" });
  });
  if (content.coFinancingOre < 0n) problems.push({ field: "coFinancing", key: "applications.error.coFinancingNegative" });
  return problems;
}

/**
 * What a submission needs that a draft may lack: every required field (contact
 * person and e-mail, title, purpose, target group, participants, activity type,
 * period, expected effect, follow-up plan), at least one cost line with an
 * amount above 0 (each with a category), a primary focus area among the
 * chosen, a period that ends after it starts, co-financing neither negative nor
 * above the total, and a total within the maximum. Empty = complete. Every
 * problem, in the form's order.
 */
export function submissionProblems(content: ApplicationContent): Problem[] {
  const problems: Problem[] = [];
  const required = (field: keyof ApplicationContent, text: string) => {
    if (!text.trim()) problems.push({ field, key: "validation.required" });
  };
  required("contactName", content.contactName);
  required("contactEmail", content.contactEmail);
  required("title", content.title);
  required("purpose", content.purpose);
  if (content.focusAreaIds.length === 0) problems.push({ field: "focusAreaIds", key: "applications.error.focusAreaRequired" });
  else if (!content.primaryFocusAreaId) problems.push({ field: "primaryFocusAreaId", key: "applications.error.primaryRequired" });
  else if (!content.focusAreaIds.includes(content.primaryFocusAreaId)) {
    problems.push({ field: "primaryFocusAreaId", key: "applications.error.primaryNotChosen" });
  }
  required("targetGroup", content.targetGroup);
  if (content.participants === null) problems.push({ field: "participants", key: "validation.required" });
  else if (content.participants < 1) problems.push({ field: "participants", key: "applications.error.participantsMin" });
  if (!content.activityType) problems.push({ field: "activityType", key: "validation.choose" });
  if (!content.startDate) problems.push({ field: "startDate", key: "validation.required" });
  if (!content.endDate) problems.push({ field: "endDate", key: "validation.required" });
  if (content.startDate && content.endDate && content.endDate < content.startDate) {
    problems.push({ field: "endDate", key: "applications.error.endBeforeStart" });
  }
  if (content.costLines.length === 0) problems.push({ field: "costLines", key: "applications.error.costLinesRequired" });
  content.costLines.forEach((line, index) => {
    if (!line.category) problems.push({ field: `costLines[${index}].category`, key: "validation.choose" });
    if (line.amountOre === null || line.amountOre <= 0n) {
      problems.push({ field: `costLines[${index}].amount`, key: "applications.error.costAmountPositive" });
    }
  });
  const costs = costAmounts(content);
  const { totalCostOre } = computeAmounts(costs, content.coFinancingOre);
  if (totalCostTooLarge(costs)) {
    problems.push({ field: "costLines", key: "applications.error.totalTooLarge", vars: { totalOre: totalCostOre, maxOre: MAX_ABS_ORE } });
  }
  if (content.coFinancingOre < 0n) problems.push({ field: "coFinancing", key: "applications.error.coFinancingNegative" });
  else if (content.coFinancingOre > totalCostOre) {
    problems.push({ field: "coFinancing", key: "applications.error.coFinancingOverTotal", vars: { totalOre: totalCostOre } });
  }
  required("expectedEffect", content.expectedEffect);
  required("followUpPlan", content.followUpPlan);
  return problems;
}
