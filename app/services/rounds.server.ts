// Application rounds (ansøgningsrunder) of a pool year: dates in Danish time,
// a budget share, and a status that follows from the dates. The shares of a
// year's rounds never exceed the year's total: every create/update locks the
// pool-year row before it sums the other rounds' shares.
import { poolYearTotals } from "~/domain/budget";
import { toIsoDate } from "~/domain/dates";
import type { Ore } from "~/domain/money";
import { checkRound, checkRoundChange, otherSharesOre, roundStatus, type RoundProblem, type RoundView } from "~/domain/rounds";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { prisma, type Tx } from "~/utils/db.server";
import { lockPoolYear } from "./locks.server";
import { defineMutation, FieldError, throwFirst, type FieldProblem } from "./mutation.server";
import { yearSummary, type YearSummary } from "./pool-year-summary.server";

// ---------------------------------------------------------------------------
// Reads

export type { RoundView };

const roundSelect = {
  id: true,
  name: true,
  opensAt: true,
  closesAt: true,
  endorsementDeadline: true,
  decisionDate: true,
  budgetShareOre: true,
} as const;

type RoundRow = Omit<RoundView, "status">;

function view(round: RoundRow, now: Date): RoundView {
  return { ...round, status: roundStatus(round, now) };
}

export interface RoundsOfYear {
  rounds: RoundView[];
  sharesOre: Ore;
  /** The year's total less the rounds' shares (negative when a reduction came after the rounds). */
  remainingOre: Ore;
}

/** A year's rounds in the order they open, with the sum of their shares. */
export async function listRoundsOfYear(poolYearId: string, totalOre: Ore, now: Date = new Date()): Promise<RoundsOfYear> {
  const rounds = await prisma.round.findMany({ where: { poolYearId }, orderBy: [{ opensAt: "asc" }, { name: "asc" }], select: roundSelect });
  const sharesOre = otherSharesOre(rounds);
  return { rounds: rounds.map((r) => view(r, now)), sharesOre, remainingOre: totalOre - sharesOre };
}

/** The pool year with its totals and rounds (for the new-round form). Null: no such year. */
export async function getRoundYear(year: number, now: Date = new Date()): Promise<(YearSummary & RoundsOfYear) | null> {
  const poolYear = await yearSummary(prisma, year);
  if (!poolYear) return null;
  return { ...poolYear, ...(await listRoundsOfYear(poolYear.id, poolYear.totals.totalOre, now)) };
}

export interface RoundDetail {
  round: RoundView & { createdAt: Date; updatedAt: Date; createdByName: string | null };
  poolYear: YearSummary;
  /** The year's other rounds' shares together. */
  otherSharesOre: Ore;
}

/** One round with its year. Null: no such round. */
export async function getRound(id: string, now: Date = new Date()): Promise<RoundDetail | null> {
  const round = await prisma.round.findUnique({
    where: { id },
    select: {
      ...roundSelect,
      createdAt: true,
      updatedAt: true,
      createdById: true,
      poolYear: {
        select: { id: true, year: true, budgetOre: true, adjustments: { select: { amountOre: true } }, rounds: { select: { id: true, budgetShareOre: true } } },
      },
    },
  });
  if (!round) return null;
  const creator = round.createdById ? await prisma.user.findUnique({ where: { id: round.createdById }, select: { name: true } }) : null;
  const { poolYear, createdById: _createdById, ...rest } = round;
  return {
    round: { ...rest, status: roundStatus(rest, now), createdByName: creator?.name ?? null },
    poolYear: { id: poolYear.id, year: poolYear.year, totals: poolYearTotals(poolYear.budgetOre, poolYear.adjustments) },
    otherSharesOre: otherSharesOre(poolYear.rounds, round.id),
  };
}

// ---------------------------------------------------------------------------
// Validation

export interface RoundFields {
  name: string;
  opensAt: Date;
  closesAt: Date;
  endorsementDeadline: Date;
  decisionDate: Date;
  budgetShareOre: Ore;
}

const NAME_MAX = 120;

/** The domain's problems placed at the form's fields. */
export function roundProblemsToFields(problems: readonly RoundProblem[], round: RoundFields, year: number): FieldProblem[] {
  return problems.map((problem): FieldProblem => {
    switch (problem.code) {
      case "closesBeforeOpens":
        return { field: "closesAt", key: "rounds.error.closesBeforeOpens" };
      case "endorsementBeforeClose":
        return { field: "endorsementDeadline", key: "rounds.error.endorsementBeforeClose" };
      case "decisionBeforeEndorsement":
        return { field: "decisionDate", key: "rounds.error.decisionBeforeEndorsement" };
      case "outsideYear":
        // The decision date decides the year; a round may open late in the year before.
        return round.decisionDate.getUTCFullYear() !== year
          ? { field: "decisionDate", key: "rounds.error.decisionOutsideYear", vars: { year } }
          : { field: "opensAt", key: "rounds.error.opensAfterYear", vars: { year } };
      case "notPositive":
        return { field: "budgetShare", key: "rounds.error.sharePositive" };
      case "overBudget":
        return problem.availableOre > 0n
          ? { field: "budgetShare", key: "rounds.error.overBudget", vars: { availableOre: problem.availableOre.toString() } }
          : { field: "budgetShare", key: "rounds.error.noBudgetLeft", vars: { otherSharesOre: problem.otherSharesOre.toString() } };
    }
  });
}

interface RoundCheckContext {
  year: number;
  totalOre: Ore;
  /** The year's other rounds (this round left out). */
  others: readonly { id: string; name: string; budgetShareOre: Ore }[];
}

/** Every problem with a round's fields against its year (empty = valid). */
export function roundFieldProblems(round: RoundFields, context: RoundCheckContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = round.name.trim();
  if (!name) problems.push({ field: "name", key: "validation.required" });
  else if (name.length > NAME_MAX) problems.push({ field: "name", key: "validation.tooLong" });
  else if (context.others.some((other) => other.name.trim().toLocaleLowerCase("da") === name.toLocaleLowerCase("da"))) {
    problems.push({ field: "name", key: "rounds.error.nameTaken", vars: { name, year: context.year } });
  }
  const domain = checkRound(round, { year: context.year, totalOre: context.totalOre, otherSharesOre: otherSharesOre(context.others) });
  problems.push(...roundProblemsToFields(domain, round, context.year));
  return problems;
}

async function yearContext(db: Tx | typeof prisma, poolYearId: string, excludeRoundId: string | null): Promise<RoundCheckContext> {
  const poolYear = await db.poolYear.findUniqueOrThrow({
    where: { id: poolYearId },
    select: { year: true, budgetOre: true, adjustments: { select: { amountOre: true } }, rounds: { select: { id: true, name: true, budgetShareOre: true } } },
  });
  return {
    year: poolYear.year,
    totalOre: poolYearTotals(poolYear.budgetOre, poolYear.adjustments).totalOre,
    others: poolYear.rounds.filter((r) => r.id !== excludeRoundId),
  };
}

/** Every problem of a new round, without locking (the form shows them all at once). */
export async function checkCreateRound(input: CreateRoundInput): Promise<FieldProblem[]> {
  const poolYear = await prisma.poolYear.findUnique({ where: { year: input.year }, select: { id: true } });
  if (!poolYear) return [{ field: "", key: "rounds.error.yearUnknown" }];
  return roundFieldProblems(input, await yearContext(prisma, poolYear.id, null));
}

/** Every problem of a change to a round, without locking. */
export async function checkUpdateRound(input: UpdateRoundInput): Promise<FieldProblem[]> {
  const existing = await prisma.round.findUnique({ where: { id: input.id }, select: { poolYearId: true, ...roundSelect } });
  if (!existing) return [{ field: "", key: "rounds.error.unknown" }];
  const change = changeProblems(existing, input);
  // A decided round cannot change at all: that is the one thing to say.
  if (change.some((p) => p.key === "rounds.error.decidedLocked")) return change;
  return [...change, ...roundFieldProblems(input, await yearContext(prisma, existing.poolYearId, existing.id))];
}

function changeProblems(existing: RoundRow, input: UpdateRoundInput): FieldProblem[] {
  return checkRoundChange(existing, input, input.now ?? new Date()).map((problem) =>
    problem.code === "decidedLocked"
      ? { field: "", key: "rounds.error.decidedLocked" }
      : { field: "opensAt", key: "rounds.error.openedCannotMove" },
  );
}

// ---------------------------------------------------------------------------
// Mutations

export interface CreateRoundInput extends RoundFields {
  year: number;
}

export interface UpdateRoundInput extends RoundFields {
  id: string;
  /** The moment the rules are checked at (tests); the current time by default. */
  now?: Date;
}

function auditValues(round: RoundRow & { poolYearId?: string }) {
  return {
    name: round.name,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    endorsementDeadline: round.endorsementDeadline.toISOString(),
    decisionDate: toIsoDate(round.decisionDate),
    budgetShareOre: round.budgetShareOre,
  };
}

function nameTaken(name: string, year: number): FieldError {
  return new FieldError("name", "rounds.error.nameTaken", { name: name.trim(), year });
}

export const createRound = defineMutation<CreateRoundInput, { id: string }>("round.create", {
  permission: "round:manage",
  async run({ tx, actor }, input) {
    const poolYear = await tx.poolYear.findUnique({ where: { year: input.year }, select: { id: true, year: true } });
    if (!poolYear) throw new FieldError("", "rounds.error.yearUnknown");
    // Lock, then sum the other rounds: a simultaneous round waits here and sees ours.
    await lockPoolYear(tx, poolYear.id);
    throwFirst(roundFieldProblems(input, await yearContext(tx, poolYear.id, null)));
    let created;
    try {
      created = await tx.round.create({
        data: {
          poolYearId: poolYear.id,
          name: input.name.trim(),
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          endorsementDeadline: input.endorsementDeadline,
          decisionDate: input.decisionDate,
          budgetShareOre: input.budgetShareOre,
          createdById: actor.user?.id ?? null,
        },
        select: roundSelect,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name, poolYear.year);
      throw error;
    }
    return {
      result: { id: created.id },
      audit: {
        action: "round.create",
        entityType: "Round",
        entityId: created.id,
        after: { year: poolYear.year, poolYearId: poolYear.id, ...auditValues(created) },
      },
    };
  },
});

export const updateRound = defineMutation<UpdateRoundInput, { id: string }>("round.update", {
  permission: "round:manage",
  async run({ tx }, input) {
    const found = await tx.round.findUnique({ where: { id: input.id }, select: { poolYearId: true } });
    if (!found) throw new FieldError("", "rounds.error.unknown");
    await lockPoolYear(tx, found.poolYearId);
    // Read the round again under the lock: it is what we compare with.
    const existing = await tx.round.findUniqueOrThrow({ where: { id: input.id }, select: roundSelect });
    const context = await yearContext(tx, found.poolYearId, existing.id);
    throwFirst([...changeProblems(existing, input), ...roundFieldProblems(input, context)]);
    let updated;
    try {
      updated = await tx.round.update({
        where: { id: existing.id },
        data: {
          name: input.name.trim(),
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          endorsementDeadline: input.endorsementDeadline,
          decisionDate: input.decisionDate,
          budgetShareOre: input.budgetShareOre,
        },
        select: roundSelect,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name, context.year);
      throw error;
    }
    return {
      result: { id: updated.id },
      audit: {
        action: "round.update",
        entityType: "Round",
        entityId: updated.id,
        before: { year: context.year, ...auditValues(existing) },
        after: { year: context.year, ...auditValues(updated) },
      },
    };
  },
});

/** Every mutation of this service, for the registry. */
export const roundMutations = [createRound, updateRound] as const;
