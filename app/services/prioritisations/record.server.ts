// Recording the leadership's yearly prioritisation (årlig prioritering). A
// recorded prioritisation is locked: a change is a new revision (n + 1) that
// points at the one it revises. Money is bigint øre throughout.
import { danishToday, toIsoDate } from "~/domain/dates";
import type { Ore } from "~/domain/money";
import { checkPrioritisation, earmarkOre, type PrioritisedFocusAreaInput } from "~/domain/prioritisation";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { prisma, type Tx } from "~/utils/db.server";
import { lockPoolYear } from "../locks.server";
import { defineMutation, FieldError, throwFirst, type FieldProblem } from "../mutation.server";
import { IN_FORCE } from "../prioritisation-in-force.server";
import { STORED_FOCUS_AREA_SELECT } from "./queries.server";
import { yearSummary, type YearSummary } from "../pool-year-summary.server";

export type PrioritisationItem = PrioritisedFocusAreaInput & {
  /** The form row that holds this item (for placing errors); defaults to its index. */
  row?: number;
};

export interface RecordPrioritisationInput {
  year: number;
  guidelineVersionId: string;
  decidedOn: Date;
  note: string;
  items: PrioritisationItem[];
  /**
   * The revision the user saw when filling in the form (null: none yet). When
   * given and another revision has been recorded since, the recording is refused.
   */
  basedOnRevision?: number | null;
}

export interface PrioritisationContext {
  yearTotalOre: Ore;
  guideline: { status: string } | null;
  focusAreas: ReadonlyMap<string, { active: boolean }>;
  today: Date;
}

const NOTE_MAX = 2000;

/** Every problem with a recording, each placed at its form field (empty = valid). */
export function prioritisationProblems(input: RecordPrioritisationInput, context: PrioritisationContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const rowOf = (index: number) => input.items[index]?.row ?? index;
  const fieldOf = (focusAreaId: string, name: string) => {
    const index = input.items.findIndex((item) => item.focusAreaId === focusAreaId);
    return `rows[${rowOf(index)}].${name}`;
  };

  if (input.decidedOn > context.today) problems.push({ field: "decidedOn", key: "priorities.error.decidedOnFuture" });
  if (!context.guideline) problems.push({ field: "guidelineVersionId", key: "validation.choose" });
  else if (context.guideline.status !== "ADOPTED") problems.push({ field: "guidelineVersionId", key: "priorities.error.guidelineNotAdopted" });
  if (input.note.length > NOTE_MAX) problems.push({ field: "note", key: "validation.tooLong" });

  input.items.forEach((item, index) => {
    const focusArea = context.focusAreas.get(item.focusAreaId);
    if (!focusArea) problems.push({ field: `rows[${rowOf(index)}].include`, key: "priorities.error.focusAreaUnknown" });
    else if (!focusArea.active) problems.push({ field: `rows[${rowOf(index)}].include`, key: "priorities.error.focusAreaInactive" });
  });

  const count = input.items.length;
  for (const problem of checkPrioritisation(input.items, context.yearTotalOre)) {
    switch (problem.code) {
      case "noFocusAreas":
        problems.push({ field: "rows", key: "priorities.error.noFocusAreas" });
        break;
      case "duplicateFocusArea":
        problems.push({ field: fieldOf(problem.focusAreaId, "include"), key: "priorities.error.duplicateFocusArea" });
        break;
      case "duplicateRank":
        input.items.forEach((item, index) => {
          if (item.rank === problem.rank) {
            problems.push({ field: `rows[${rowOf(index)}].rank`, key: "priorities.error.duplicateRank", vars: { rank: problem.rank } });
          }
        });
        break;
      case "rankOutOfRange":
        problems.push({ field: fieldOf(problem.focusAreaId, "rank"), key: "priorities.error.rankOutOfRange", vars: { count } });
        break;
      case "weightNotPositive":
        problems.push({ field: fieldOf(problem.focusAreaId, "weight"), key: "priorities.error.weight" });
        break;
      case "earmarkNotPositive":
        problems.push({ field: fieldOf(problem.focusAreaId, "earmarkValue"), key: "priorities.error.earmarkNotPositive" });
        break;
      case "earmarksOverBudget":
        problems.push({
          field: "earmarks",
          key: "priorities.error.earmarksOverBudget",
          vars: { earmarkedOre: problem.earmarkedOre.toString(), budgetOre: problem.budgetOre.toString() },
        });
        break;
    }
  }
  // The first problem of a field is enough; the same field may be named twice (duplicate rank).
  const seen = new Set<string>();
  return problems.filter((p) => {
    const id = `${p.field}\u0000${p.key}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Loads what the check needs, without locking (for showing every problem at once in the form). */
export async function checkRecordPrioritisation(input: RecordPrioritisationInput, now: Date = new Date()): Promise<FieldProblem[]> {
  return loadAndCheck(prisma, input, now);
}

async function loadAndCheck(db: Tx | typeof prisma, input: RecordPrioritisationInput, now: Date, poolYear?: YearSummary | null) {
  const year = poolYear === undefined ? await yearSummary(db, input.year) : poolYear;
  if (!year) return [{ field: "", key: "priorities.error.yearUnknown" } satisfies FieldProblem];
  const guideline = input.guidelineVersionId
    ? await db.guidelineVersion.findUnique({ where: { id: input.guidelineVersionId }, select: { status: true } })
    : null;
  const ids = [...new Set(input.items.map((item) => item.focusAreaId))];
  const focusAreas = ids.length ? await db.focusArea.findMany({ where: { id: { in: ids } }, select: { id: true, active: true } }) : [];
  return prioritisationProblems(input, {
    yearTotalOre: year.totals.totalOre,
    guideline,
    focusAreas: new Map(focusAreas.map((fa) => [fa.id, fa])),
    today: danishToday(now),
  });
}

// ---------------------------------------------------------------------------
// Mutations

function earmarkColumns(item: PrioritisedFocusAreaInput, yearTotalOre: Ore) {
  const e = item.earmark;
  switch (e.kind) {
    case "NONE":
      return { earmarkKind: "NONE" as const, earmarkBasisPoints: null, earmarkOre: null, earmarkHard: false };
    case "AMOUNT":
      return { earmarkKind: "AMOUNT" as const, earmarkBasisPoints: null, earmarkOre: e.ore, earmarkHard: e.hard };
    case "PERCENT":
      return { earmarkKind: "PERCENT" as const, earmarkBasisPoints: e.basisPoints, earmarkOre: earmarkOre(e, yearTotalOre), earmarkHard: e.hard };
  }
}

export const recordPrioritisation = defineMutation<RecordPrioritisationInput, { id: string; revision: number }>("prioritisation.record", {
  permission: "prioritisation:record",
  async run({ tx, actor }, input) {
    const found = await tx.poolYear.findUnique({ where: { year: input.year }, select: { id: true } });
    if (!found) throw new FieldError("", "priorities.error.yearUnknown");

    // Lock first, then read: a simultaneous recording waits here and becomes the next revision.
    await lockPoolYear(tx, found.id);
    const poolYear = await yearSummary(tx, input.year);
    const current = await tx.prioritisation.findFirst({
      where: { poolYearId: found.id },
      ...IN_FORCE,
      select: { id: true, revision: true },
    });
    if (input.basedOnRevision !== undefined && (current?.revision ?? null) !== input.basedOnRevision) {
      throw new FieldError("", "priorities.error.stale", { revision: current?.revision ?? 0 });
    }
    input = { ...input, note: input.note.trim() };
    throwFirst(await loadAndCheck(tx, input, new Date(), poolYear));
    const totalOre = poolYear!.totals.totalOre;

    let created;
    try {
      created = await tx.prioritisation.create({
        data: {
          poolYearId: found.id,
          guidelineVersionId: input.guidelineVersionId,
          revision: (current?.revision ?? 0) + 1,
          decidedOn: input.decidedOn,
          note: input.note,
          revisesId: current?.id ?? null,
          createdById: actor.user?.id ?? null,
          focusAreas: {
            create: input.items.map((item) => ({
              focusAreaId: item.focusAreaId,
              rank: item.rank,
              weightHundredths: item.weightHundredths,
              ...earmarkColumns(item, totalOre),
            })),
          },
        },
        select: {
          id: true,
          revision: true,
          revisesId: true,
          decidedOn: true,
          note: true,
          guidelineVersion: { select: { id: true, version: true } },
          focusAreas: {
            orderBy: { rank: "asc" },
            select: { ...STORED_FOCUS_AREA_SELECT, focusArea: { select: { name: true } } },
          },
        },
      });
    } catch (error) {
      // The lock keeps revisions in order; the unique index is the backstop.
      if (isUniqueViolation(error)) throw new FieldError("", "priorities.error.concurrent");
      throw error;
    }
    return {
      result: { id: created.id, revision: created.revision },
      audit: {
        action: "prioritisation.record",
        entityType: "Prioritisation",
        entityId: created.id,
        after: {
          year: input.year,
          poolYearId: found.id,
          revision: created.revision,
          revisesId: created.revisesId,
          guidelineVersion: created.guidelineVersion.version,
          guidelineVersionId: created.guidelineVersion.id,
          decidedOn: toIsoDate(created.decidedOn),
          note: created.note,
          yearTotalOre: totalOre,
          focusAreas: created.focusAreas.map(({ focusArea, ...fa }) => ({ ...fa, name: focusArea.name })),
        },
      },
    };
  },
});

/** Every mutation of this service, for the registry. */
export const prioritisationMutations = [recordPrioritisation] as const;
