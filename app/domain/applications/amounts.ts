// Application amounts: the requested amount is computed (total − own
// co-financing), never typed. Exact in øre.
import { MAX_ABS_ORE, type Ore } from "../money";

export interface CostLineAmount {
  amountOre: Ore;
}

export interface ApplicationAmounts {
  totalCostOre: Ore;
  coFinancingOre: Ore;
  requestedOre: Ore;
}

export function computeAmounts(costLines: readonly CostLineAmount[], coFinancingOre: Ore): ApplicationAmounts {
  const totalCostOre = costLines.reduce((sum, line) => sum + line.amountOre, 0n);
  return { totalCostOre, coFinancingOre, requestedOre: totalCostOre - coFinancingOre };
}

/**
 * Whether the cost lines together exceed the product's maximum: each line may be
 * at most MAX_ABS_ORE, and so may their sum (the stored total). Not even a draft
 * may be saved with such a total.
 */
export function totalCostTooLarge(costLines: readonly CostLineAmount[]): boolean {
  return computeAmounts(costLines, 0n).totalCostOre > MAX_ABS_ORE;
}

/** "2026-0007": the pool year and a running number within it. */
export function applicationReference(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, "0")}`;
}
