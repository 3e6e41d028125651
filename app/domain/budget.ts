// Pool-year budget arithmetic (puljeår). Pure and exact (øre in bigint).
import { MAX_ABS_ORE, sumOre, type Ore } from "./money";

export const DEFAULT_POOL_BUDGET_ORE: Ore = 600_000_000n; // 6.000.000,00 kr.

export interface AdjustmentLike {
  amountOre: Ore;
}

export interface PoolYearTotals {
  budgetOre: Ore;
  additionsOre: Ore; // tillægsbevillinger
  reductionsOre: Ore; // reduktioner (negative or zero)
  adjustmentsOre: Ore;
  totalOre: Ore; // budget + adjustments
}

export function poolYearTotals(budgetOre: Ore, adjustments: readonly AdjustmentLike[]): PoolYearTotals {
  const additionsOre = sumOre(adjustments.filter((a) => a.amountOre > 0n).map((a) => a.amountOre));
  const reductionsOre = sumOre(adjustments.filter((a) => a.amountOre < 0n).map((a) => a.amountOre));
  const adjustmentsOre = additionsOre + reductionsOre;
  return { budgetOre, additionsOre, reductionsOre, adjustmentsOre, totalOre: budgetOre + adjustmentsOre };
}

export type AdjustmentProblem = "zero" | "tooLarge" | "totalNegative";

/**
 * Checks a new adjustment against the year. A reduction may not take the
 * year's total below zero (later: below what is already committed).
 */
export function checkAdjustment(current: PoolYearTotals, amountOre: Ore): AdjustmentProblem | null {
  if (amountOre === 0n) return "zero";
  if (amountOre > MAX_ABS_ORE || -amountOre > MAX_ABS_ORE) return "tooLarge";
  if (current.totalOre + amountOre < 0n) return "totalNegative";
  return null;
}

/** A pool year must lie in a sensible range of calendar years. */
export function isValidPoolYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2026 && year <= 2100;
}
