// A pool year's id, number and money totals: what the prioritisation and round
// pages and checks share.
import { poolYearTotals, type PoolYearTotals } from "~/domain/budget";
import { type prisma, type Tx } from "~/utils/db.server";

export interface YearSummary {
  id: string;
  year: number;
  totals: PoolYearTotals;
}

/** The year by its number, with its totals (budget + adjustments). Null: no such year. */
export async function yearSummary(db: Tx | typeof prisma, year: number): Promise<YearSummary | null> {
  const poolYear = await db.poolYear.findUnique({
    where: { year },
    select: { id: true, year: true, budgetOre: true, adjustments: { select: { amountOre: true } } },
  });
  if (!poolYear) return null;
  return { id: poolYear.id, year: poolYear.year, totals: poolYearTotals(poolYear.budgetOre, poolYear.adjustments) };
}
