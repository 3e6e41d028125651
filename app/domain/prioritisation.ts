// The leadership's yearly prioritisation of focus areas (årlig prioritering):
// ranks, weights and earmarks (øremærkning). Pure and exact.
import type { Ore } from "./money";

export type EarmarkInput =
  | { kind: "NONE" }
  | { kind: "AMOUNT"; ore: Ore; hard: boolean }
  | { kind: "PERCENT"; basisPoints: number; hard: boolean };

export interface PrioritisedFocusAreaInput {
  focusAreaId: string;
  rank: number;
  /** Weight × 100 (1,5 → 150). */
  weightHundredths: number;
  earmark: EarmarkInput;
}

/** The earmarked amount in øre; a percentage of the year's total is rounded down to the øre. */
export function earmarkOre(earmark: EarmarkInput, yearTotalOre: Ore): Ore {
  switch (earmark.kind) {
    case "NONE":
      return 0n;
    case "AMOUNT":
      return earmark.ore;
    case "PERCENT":
      return (yearTotalOre * BigInt(earmark.basisPoints)) / 10_000n;
  }
}

export type PrioritisationProblem =
  | { code: "noFocusAreas" }
  | { code: "duplicateFocusArea"; focusAreaId: string }
  | { code: "duplicateRank"; rank: number }
  | { code: "rankOutOfRange"; focusAreaId: string }
  | { code: "weightNotPositive"; focusAreaId: string }
  | { code: "earmarkNotPositive"; focusAreaId: string }
  | { code: "earmarksOverBudget"; earmarkedOre: Ore; budgetOre: Ore };

/** Every problem with a prioritisation against the year's total budget (empty list = valid). */
export function checkPrioritisation(items: readonly PrioritisedFocusAreaInput[], yearTotalOre: Ore): PrioritisationProblem[] {
  const problems: PrioritisationProblem[] = [];
  if (items.length === 0) problems.push({ code: "noFocusAreas" });
  const seenAreas = new Set<string>();
  const seenRanks = new Set<number>();
  for (const item of items) {
    if (seenAreas.has(item.focusAreaId)) problems.push({ code: "duplicateFocusArea", focusAreaId: item.focusAreaId });
    seenAreas.add(item.focusAreaId);
    if (seenRanks.has(item.rank)) problems.push({ code: "duplicateRank", rank: item.rank });
    seenRanks.add(item.rank);
    if (!Number.isInteger(item.rank) || item.rank < 1 || item.rank > items.length) {
      problems.push({ code: "rankOutOfRange", focusAreaId: item.focusAreaId });
    }
    if (!Number.isInteger(item.weightHundredths) || item.weightHundredths <= 0) {
      problems.push({ code: "weightNotPositive", focusAreaId: item.focusAreaId });
    }
    const e = item.earmark;
    if ((e.kind === "AMOUNT" && e.ore <= 0n) || (e.kind === "PERCENT" && (e.basisPoints <= 0 || e.basisPoints > 10_000))) {
      problems.push({ code: "earmarkNotPositive", focusAreaId: item.focusAreaId });
    }
  }
  const earmarkedOre = totalEarmarkedOre(items, yearTotalOre);
  if (earmarkedOre > yearTotalOre) problems.push({ code: "earmarksOverBudget", earmarkedOre, budgetOre: yearTotalOre });
  return problems;
}

export function totalEarmarkedOre(items: readonly PrioritisedFocusAreaInput[], yearTotalOre: Ore): Ore {
  return items.reduce((sum, item) => sum + earmarkOre(item.earmark, yearTotalOre), 0n);
}

export interface StoredPrioritisedFocusArea {
  focusAreaId: string;
  rank: number;
  weightHundredths: number;
  earmarkKind: "NONE" | "AMOUNT" | "PERCENT";
  earmarkBasisPoints: number | null;
  earmarkOre: Ore | null;
  earmarkHard: boolean;
}

export type FocusAreaChange =
  | { type: "added"; focusAreaId: string; after: StoredPrioritisedFocusArea }
  | { type: "removed"; focusAreaId: string; before: StoredPrioritisedFocusArea }
  | { type: "changed"; focusAreaId: string; before: StoredPrioritisedFocusArea; after: StoredPrioritisedFocusArea; fields: string[] };

const COMPARED: (keyof StoredPrioritisedFocusArea)[] = [
  "rank",
  "weightHundredths",
  "earmarkKind",
  "earmarkBasisPoints",
  "earmarkOre",
  "earmarkHard",
];

/** What a revision changed against the prioritisation it replaces. */
export function diffPrioritisations(
  before: readonly StoredPrioritisedFocusArea[],
  after: readonly StoredPrioritisedFocusArea[],
): FocusAreaChange[] {
  const changes: FocusAreaChange[] = [];
  const beforeById = new Map(before.map((b) => [b.focusAreaId, b]));
  const afterById = new Map(after.map((a) => [a.focusAreaId, a]));
  for (const a of after) {
    const b = beforeById.get(a.focusAreaId);
    if (!b) {
      changes.push({ type: "added", focusAreaId: a.focusAreaId, after: a });
      continue;
    }
    const fields = COMPARED.filter((field) => b[field] !== a[field]);
    if (fields.length > 0) changes.push({ type: "changed", focusAreaId: a.focusAreaId, before: b, after: a, fields });
  }
  for (const b of before) {
    if (!afterById.has(b.focusAreaId)) changes.push({ type: "removed", focusAreaId: b.focusAreaId, before: b });
  }
  return changes;
}

/** "1,5" / "2" / "0,25" → hundredths; null when not a positive number with at most two decimals. */
export function parseWeight(text: string): number | null {
  const match = /^\s*(\d{1,4})(?:[,.](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0") || "0");
  return value > 0 ? value : null;
}

/** "12,5" → 1250 basis points; null when not a percentage in (0, 100] with at most two decimals. */
export function parsePercent(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[,.](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0") || "0");
  return value > 0 && value <= 10_000 ? value : null;
}

/**
 * A value in hundredths as a short decimal: 150 → "1,5", 125 → "1,25", 100 → "1".
 * For weights (× 100) and percentages in basis points (% × 100).
 */
export function formatHundredths(value: number, decimalSeparator = ","): string {
  const negative = value < 0;
  const abs = Math.abs(Math.trunc(value));
  const whole = Math.trunc(abs / 100);
  const fraction = String(abs % 100).padStart(2, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `${decimalSeparator}${fraction}` : ""}`;
}

// ---------------------------------------------------------------------------
// What the pages show of a recorded prioritisation (read by the service, shown by the components)

export interface PrioritisedFocusAreaView extends StoredPrioritisedFocusArea {
  name: string;
  active: boolean;
}

export type FocusAreaChangeView = FocusAreaChange & { name: string };

export interface PrioritisationView {
  id: string;
  revision: number;
  decidedOn: Date;
  note: string;
  createdAt: Date;
  createdByName: string | null;
  revisesId: string | null;
  guideline: { id: string; version: number; title: string; status: string };
  /** By rank. */
  focusAreas: PrioritisedFocusAreaView[];
  earmarkedOre: Ore;
  /** What this revision changed against the previous one (null for the first). */
  changes: {
    focusAreas: FocusAreaChangeView[];
    guideline: { from: number; to: number } | null;
    decidedOn: { from: Date; to: Date } | null;
    noteChanged: boolean;
  } | null;
}
