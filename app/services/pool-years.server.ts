// Pool years (puljeår) and their budget adjustments (tillægsbevillinger og
// reduktioner). Adjustments are immutable: a correction is a new adjustment
// that points at the one it corrects. Money is bigint øre throughout.
import {
  checkAdjustment,
  isDateInYear,
  isValidPoolYear,
  minimumTotalOre,
  NO_COMMITMENTS,
  poolYearTotals,
  type AdjustmentProblem,
  type PoolYearTotals,
  type YearCommitments,
} from "~/domain/budget";
import { toIsoDate } from "~/domain/dates";
import { MAX_ABS_ORE, type Ore } from "~/domain/money";
import type { MessageKey } from "~/i18n";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { prisma, type Tx } from "~/utils/db.server";
import { lockPoolYear } from "./locks.server";
import { defineMutation, FieldError } from "./mutation.server";
import { IN_FORCE } from "./prioritisation-in-force.server";

// ---------------------------------------------------------------------------
// Reads

export interface PoolYearRow extends PoolYearTotals {
  id: string;
  year: number;
  startsOn: Date;
  adjustmentCount: number;
}

/** All pool years, newest first, with their totals (exact, from every adjustment). */
export async function listPoolYears(): Promise<PoolYearRow[]> {
  const years = await prisma.poolYear.findMany({
    orderBy: { year: "desc" },
    select: { id: true, year: true, budgetOre: true, startsOn: true, adjustments: { select: { amountOre: true } } },
  });
  return years.map((y) => ({
    id: y.id,
    year: y.year,
    startsOn: y.startsOn,
    adjustmentCount: y.adjustments.length,
    ...poolYearTotals(y.budgetOre, y.adjustments),
  }));
}

export interface AdjustmentView {
  id: string;
  /** 1, 2, 3 … in the order the adjustments were recorded. */
  number: number;
  amountOre: Ore;
  reason: string;
  effectiveOn: Date;
  createdAt: Date;
  createdByName: string | null;
  correctsId: string | null;
  correctsNumber: number | null;
  correctedByNumbers: number[];
}

export interface PoolYearDetail {
  id: string;
  year: number;
  startsOn: Date;
  note: string;
  createdAt: Date;
  createdByName: string | null;
  totals: PoolYearTotals;
  adjustments: AdjustmentView[];
}

/** A pool year with its adjustments (oldest first), or null when it does not exist. */
export async function getPoolYear(year: number): Promise<PoolYearDetail | null> {
  const poolYear = await prisma.poolYear.findUnique({
    where: { year },
    select: {
      id: true,
      year: true,
      budgetOre: true,
      startsOn: true,
      note: true,
      createdAt: true,
      createdById: true,
      adjustments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, amountOre: true, reason: true, effectiveOn: true, createdAt: true, createdById: true, correctsId: true },
      },
    },
  });
  if (!poolYear) return null;
  const userIds = [...new Set([poolYear.createdById, ...poolYear.adjustments.map((a) => a.createdById)].filter((id): id is string => !!id))];
  const users = userIds.length
    ? await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const numberOf = new Map(poolYear.adjustments.map((a, i) => [a.id, i + 1]));
  const adjustments: AdjustmentView[] = poolYear.adjustments.map((a) => ({
    id: a.id,
    number: numberOf.get(a.id)!,
    amountOre: a.amountOre,
    reason: a.reason,
    effectiveOn: a.effectiveOn,
    createdAt: a.createdAt,
    createdByName: a.createdById ? (nameOf.get(a.createdById) ?? null) : null,
    correctsId: a.correctsId,
    correctsNumber: a.correctsId ? (numberOf.get(a.correctsId) ?? null) : null,
    correctedByNumbers: poolYear.adjustments.filter((b) => b.correctsId === a.id).map((b) => numberOf.get(b.id)!),
  }));
  return {
    id: poolYear.id,
    year: poolYear.year,
    startsOn: poolYear.startsOn,
    note: poolYear.note,
    createdAt: poolYear.createdAt,
    createdByName: poolYear.createdById ? (nameOf.get(poolYear.createdById) ?? null) : null,
    totals: poolYearTotals(poolYear.budgetOre, poolYear.adjustments),
    adjustments,
  };
}

/** The newest pool year's number, or null when there is none yet. */
export async function newestPoolYear(): Promise<number | null> {
  const newest = await prisma.poolYear.findFirst({ orderBy: { year: "desc" }, select: { year: true } });
  return newest?.year ?? null;
}

/** Whether a pool year with this number exists. */
export async function poolYearExists(year: number): Promise<boolean> {
  return (await prisma.poolYear.count({ where: { year } })) > 0;
}

/** The year of a URL parameter ("2026"), or null when it is not a plain year number. */
export function parseYearParam(param: string | undefined): number | null {
  if (!param || !/^\d{4}$/.test(param)) return null;
  return Number(param);
}

// ---------------------------------------------------------------------------
// Mutations

export interface CreatePoolYearInput {
  year: number;
  budgetOre: Ore;
  startsOn: Date;
  note: string;
}

export const createPoolYear = defineMutation<CreatePoolYearInput, { id: string; year: number }>("poolYear.create", {
  permission: "poolYear:manage",
  async run({ tx, actor }, input) {
    if (!isValidPoolYear(input.year)) throw new FieldError("year", "poolYears.error.yearRange");
    if (input.budgetOre <= 0n) throw new FieldError("budget", "poolYears.error.budgetPositive");
    if (input.budgetOre > MAX_ABS_ORE) throw new FieldError("budget", "poolYears.error.tooLarge");
    if (!isDateInYear(input.startsOn, input.year)) throw new FieldError("startsOn", "poolYears.error.startsOnOutsideYear");
    const exists = await tx.poolYear.findUnique({ where: { year: input.year }, select: { id: true } });
    if (exists) throw new FieldError("year", "poolYears.error.yearExists", { year: input.year });
    let created;
    try {
      created = await tx.poolYear.create({
        data: {
          year: input.year,
          budgetOre: input.budgetOre,
          startsOn: input.startsOn,
          note: input.note,
          createdById: actor.user?.id ?? null,
        },
      });
    } catch (error) {
      // Two people creating the same year at the same moment: the unique index decides.
      if (isUniqueViolation(error)) throw new FieldError("year", "poolYears.error.yearExists", { year: input.year });
      throw error;
    }
    return {
      result: { id: created.id, year: created.year },
      audit: {
        action: "poolYear.create",
        entityType: "PoolYear",
        entityId: created.id,
        after: {
          year: created.year,
          budgetOre: created.budgetOre,
          startsOn: toIsoDate(created.startsOn),
          note: created.note,
        },
      },
    };
  },
});

export interface AdjustPoolYearInput {
  year: number;
  /** Signed: + tillægsbevilling, − reduktion. */
  amountOre: Ore;
  reason: string;
  effectiveOn: Date;
  correctsId: string | null;
}

const ADJUSTMENT_PROBLEM_KEYS: Record<AdjustmentProblem, MessageKey> = {
  zero: "validation.amountNotZero",
  tooLarge: "poolYears.error.tooLarge",
  totalTooLarge: "poolYears.error.totalTooLarge",
  totalNegative: "poolYears.error.totalNegative",
  belowCommitted: "poolYears.error.belowCommitted",
};

/** What the year has promised: its rounds' shares and the earmarks of its priorities in force (latest revision). */
async function yearCommitments(tx: Tx, poolYearId: string): Promise<YearCommitments> {
  const rounds = await tx.round.findMany({ where: { poolYearId }, select: { budgetShareOre: true } });
  const latest = await tx.prioritisation.findFirst({
    where: { poolYearId },
    ...IN_FORCE,
    select: { focusAreas: { select: { earmarkKind: true, earmarkOre: true, earmarkBasisPoints: true } } },
  });
  const earmarks = latest?.focusAreas ?? [];
  return {
    roundSharesOre: rounds.reduce((sum, r) => sum + r.budgetShareOre, 0n),
    fixedEarmarksOre: earmarks.filter((e) => e.earmarkKind === "AMOUNT").reduce((sum, e) => sum + (e.earmarkOre ?? 0n), 0n),
    percentEarmarksBasisPoints: earmarks.filter((e) => e.earmarkKind === "PERCENT").reduce((sum, e) => sum + (e.earmarkBasisPoints ?? 0), 0),
  };
}

export const adjustPoolYear = defineMutation<AdjustPoolYearInput, { id: string; totals: PoolYearTotals }>("poolYear.adjust", {
  permission: "poolYear:manage",
  async run({ tx, actor }, input) {
    const poolYear = await tx.poolYear.findUnique({ where: { year: input.year }, select: { id: true, year: true, budgetOre: true } });
    if (!poolYear) throw new FieldError("year", "poolYears.error.yearUnknown");
    const reason = input.reason.trim();
    if (!reason) throw new FieldError("reason", "validation.required");
    if (reason.length > 500) throw new FieldError("reason", "validation.tooLong");
    if (!isDateInYear(input.effectiveOn, poolYear.year)) {
      throw new FieldError("effectiveOn", "poolYears.error.effectiveOnOutsideYear", { year: poolYear.year });
    }

    // Lock first, then read the totals: a concurrent adjustment waits here and sees ours.
    await lockPoolYear(tx, poolYear.id);
    const adjustments = await tx.budgetAdjustment.findMany({
      where: { poolYearId: poolYear.id },
      select: { id: true, amountOre: true },
    });
    const before = poolYearTotals(poolYear.budgetOre, adjustments);

    if (input.correctsId && !adjustments.some((a) => a.id === input.correctsId)) {
      throw new FieldError("corrects", "poolYears.error.correctsInvalid");
    }
    const commitments = input.amountOre < 0n ? await yearCommitments(tx, poolYear.id) : NO_COMMITMENTS;
    const problem = checkAdjustment(before, input.amountOre, commitments);
    if (problem) {
      const vars: Record<string, string> | undefined =
        problem === "totalNegative"
          ? { amountOre: (-input.amountOre).toString(), totalOre: before.totalOre.toString() }
          : problem === "totalTooLarge"
            ? {
                amountOre: input.amountOre.toString(),
                totalAfterOre: (before.totalOre + input.amountOre).toString(),
                maxOre: MAX_ABS_ORE.toString(),
                totalOre: before.totalOre.toString(),
              }
            : problem === "belowCommitted"
            ? { totalAfterOre: (before.totalOre + input.amountOre).toString(), committedOre: minimumTotalOre(commitments).toString() }
            : undefined;
      throw new FieldError("amount", ADJUSTMENT_PROBLEM_KEYS[problem], vars);
    }

    const created = await tx.budgetAdjustment.create({
      data: {
        poolYearId: poolYear.id,
        amountOre: input.amountOre,
        reason,
        effectiveOn: input.effectiveOn,
        correctsId: input.correctsId,
        createdById: actor.user?.id ?? null,
      },
    });
    const after = poolYearTotals(poolYear.budgetOre, [...adjustments, created]);
    return {
      result: { id: created.id, totals: after },
      audit: {
        action: "poolYear.adjust",
        entityType: "BudgetAdjustment",
        entityId: created.id,
        before: { year: poolYear.year, totalOre: before.totalOre },
        after: {
          year: poolYear.year,
          poolYearId: poolYear.id,
          amountOre: created.amountOre,
          reason: created.reason,
          effectiveOn: toIsoDate(created.effectiveOn),
          correctsId: created.correctsId,
          totalOre: after.totalOre,
        },
      },
    };
  },
});

/** Every mutation of this service, for a registry to enumerate. */
export const poolYearMutations = [createPoolYear, adjustPoolYear] as const;
