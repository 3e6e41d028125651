// Pool-year budget arithmetic (puljeår). Pure and exact (øre in bigint).
import { isWithinMaximum, MAX_ABS_ORE, sumOre, type Ore } from "./money";

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

export type AdjustmentProblem = "zero" | "tooLarge" | "totalTooLarge" | "totalNegative" | "belowCommitted";

/** What a year has already promised: its rounds' shares and its priorities' earmarks. */
export interface YearCommitments {
  roundSharesOre: Ore;
  /** Earmarks in kroner. */
  fixedEarmarksOre: Ore;
  /** Earmarks in % of the year's total, together (basis points: 10 % = 1000). */
  percentEarmarksBasisPoints: number;
}

export const NO_COMMITMENTS: YearCommitments = { roundSharesOre: 0n, fixedEarmarksOre: 0n, percentEarmarksBasisPoints: 0 };

/**
 * The smallest total that keeps the commitments: the rounds' shares must fit,
 * and the fixed earmarks plus the percentage earmarks (of that same total) too.
 */
export function minimumTotalOre(c: YearCommitments): Ore {
  const freeBasisPoints = 10_000n - BigInt(c.percentEarmarksBasisPoints);
  let forEarmarks = 0n;
  if (c.fixedEarmarksOre > 0n) {
    // total × free / 10 000 ≥ fixed, rounded up to the øre; no total is enough when nothing is free.
    forEarmarks = freeBasisPoints <= 0n ? MAX_ABS_ORE + 1n : (c.fixedEarmarksOre * 10_000n + freeBasisPoints - 1n) / freeBasisPoints;
  }
  return c.roundSharesOre > forEarmarks ? c.roundSharesOre : forEarmarks;
}

/**
 * Checks a new adjustment against the year. An addition may not take the
 * year's total above the product's maximum (MAX_ABS_ORE: it holds for totals,
 * not only for single amounts). A reduction may not take the year's total
 * below zero, nor below what is already committed (see minimumTotalOre).
 */
export function checkAdjustment(current: PoolYearTotals, amountOre: Ore, commitments: YearCommitments = NO_COMMITMENTS): AdjustmentProblem | null {
  if (amountOre === 0n) return "zero";
  if (!isWithinMaximum(amountOre)) return "tooLarge";
  if (current.totalOre + amountOre > MAX_ABS_ORE) return "totalTooLarge";
  // The page shows the additions and the reductions as totals of their own: each stays within the maximum too.
  if (amountOre > 0n && current.additionsOre + amountOre > MAX_ABS_ORE) return "totalTooLarge";
  if (amountOre < 0n && current.reductionsOre + amountOre < -MAX_ABS_ORE) return "totalTooLarge";
  if (current.totalOre + amountOre < 0n) return "totalNegative";
  if (amountOre < 0n && current.totalOre + amountOre < minimumTotalOre(commitments)) return "belowCommitted";
  return null;
}

/** A pool year must lie in a sensible range of calendar years. */
export function isValidPoolYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2026 && year <= 2100;
}

/** 1 January of a year (a date-only value: UTC midnight). */
export function firstDayOfYear(year: number): Date {
  return new Date(Date.UTC(year, 0, 1));
}

/** 31 December of a year (a date-only value: UTC midnight). */
export function lastDayOfYear(year: number): Date {
  return new Date(Date.UTC(year, 11, 31));
}

/** Does a date-only value (UTC midnight) lie inside the calendar year? */
export function isDateInYear(date: Date, year: number): boolean {
  return date.getUTCFullYear() === year;
}

/** Today's date (UTC midnight of the given day) moved into the year: before → 1 Jan, after → 31 Dec. */
export function clampDateToYear(date: Date, year: number): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  if (day < firstDayOfYear(year)) return firstDayOfYear(year);
  if (day > lastDayOfYear(year)) return lastDayOfYear(year);
  return day;
}

/** Tillægsbevilling adds to the year's total, reduktion takes from it. */
export type AdjustmentKind = "addition" | "reduction";

/** The signed amount of an adjustment typed as a kind and a positive amount. */
export function signedAdjustment(kind: AdjustmentKind, amountOre: Ore): Ore {
  return kind === "reduction" ? -amountOre : amountOre;
}
