// The leadership's yearly prioritisation of focus areas (årlig prioritering).
// A recorded prioritisation is locked: a change is a new revision (n + 1) that
// points at the one it revises. Money is bigint øre throughout.
import { poolYearTotals, type PoolYearTotals } from "~/domain/budget";
import { DANISH_TIME_ZONE } from "~/domain/dates";
import type { Ore } from "~/domain/money";
import { can } from "~/domain/permissions";
import {
  checkPrioritisation,
  diffPrioritisations,
  earmarkOre,
  type FocusAreaChange,
  type PrioritisedFocusAreaInput,
  type StoredPrioritisedFocusArea,
} from "~/domain/prioritisation";
import { translate, type Lang, type MessageKey } from "~/i18n";
import { formatErrorVars } from "~/utils/action.server";
import { prisma, type Tx } from "~/utils/db.server";
import { defineMutation, FieldError, PermissionError, type Actor } from "./mutation.server";

// ---------------------------------------------------------------------------
// Shared helpers

/** A problem with a form value, to be shown next to its field. */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** Problems → Conform field errors, translated ("…Ore" vars become money). */
export function fieldErrorsOf(problems: readonly FieldProblem[], lang: Lang): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) {
    const message = problem.vars ? translate(lang, problem.key, formatErrorVars(problem.vars, lang)) : problem.key;
    const list = (errors[problem.field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return errors;
}

/** Throws the first problem as a FieldError (inside a mutation: nothing is written). */
export function throwFirst(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (first) throw new FieldError(first.field, first.key, first.vars);
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Locks the pool-year row until the transaction ends: changes to one year's plan run one at a time. */
export async function lockPoolYear(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "PoolYear" WHERE id = ${id} FOR UPDATE`;
}

/** Today's calendar date in Denmark, as a date-only value (UTC midnight). */
export function todayInDenmark(now: Date = new Date()): Date {
  const iso = new Intl.DateTimeFormat("sv-SE", { timeZone: DANISH_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(`${iso}T00:00:00.000Z`);
}

export interface YearSummary {
  id: string;
  year: number;
  totals: PoolYearTotals;
}

async function yearSummary(db: Tx | typeof prisma, year: number): Promise<YearSummary | null> {
  const poolYear = await db.poolYear.findUnique({
    where: { year },
    select: { id: true, year: true, budgetOre: true, adjustments: { select: { amountOre: true } } },
  });
  if (!poolYear) return null;
  return { id: poolYear.id, year: poolYear.year, totals: poolYearTotals(poolYear.budgetOre, poolYear.adjustments) };
}

// ---------------------------------------------------------------------------
// Reads

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

const prioritisationSelect = {
  id: true,
  revision: true,
  decidedOn: true,
  note: true,
  createdAt: true,
  createdById: true,
  revisesId: true,
  guidelineVersion: { select: { id: true, version: true, title: true, status: true } },
  focusAreas: {
    orderBy: { rank: "asc" },
    select: {
      focusAreaId: true,
      rank: true,
      weightHundredths: true,
      earmarkKind: true,
      earmarkBasisPoints: true,
      earmarkOre: true,
      earmarkHard: true,
      focusArea: { select: { name: true, active: true } },
    },
  },
} as const;

function stored(fa: {
  focusAreaId: string;
  rank: number;
  weightHundredths: number;
  earmarkKind: "NONE" | "AMOUNT" | "PERCENT";
  earmarkBasisPoints: number | null;
  earmarkOre: bigint | null;
  earmarkHard: boolean;
}): StoredPrioritisedFocusArea {
  return {
    focusAreaId: fa.focusAreaId,
    rank: fa.rank,
    weightHundredths: fa.weightHundredths,
    earmarkKind: fa.earmarkKind,
    earmarkBasisPoints: fa.earmarkBasisPoints,
    earmarkOre: fa.earmarkOre,
    earmarkHard: fa.earmarkHard,
  };
}

export interface PrioritisationsOfYear {
  poolYear: YearSummary;
  /** Newest first; the first is the prioritisation in force. */
  revisions: PrioritisationView[];
}

/** Every recorded prioritisation of a year, newest first, each with what it changed. Null: no such year. */
export async function getPrioritisations(year: number): Promise<PrioritisationsOfYear | null> {
  const poolYear = await yearSummary(prisma, year);
  if (!poolYear) return null;
  const rows = await prisma.prioritisation.findMany({
    where: { poolYearId: poolYear.id },
    orderBy: { revision: "asc" },
    select: prioritisationSelect,
  });
  const userIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const users = userIds.length ? await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const nameOfUser = new Map(users.map((u) => [u.id, u.name]));
  const nameOfFocusArea = new Map(rows.flatMap((r) => r.focusAreas.map((fa) => [fa.focusAreaId, fa.focusArea.name] as const)));

  const views: PrioritisationView[] = [];
  let previous: (typeof rows)[number] | null = null;
  for (const row of rows) {
    const focusAreas = row.focusAreas.map((fa) => ({ ...stored(fa), name: fa.focusArea.name, active: fa.focusArea.active }));
    views.push({
      id: row.id,
      revision: row.revision,
      decidedOn: row.decidedOn,
      note: row.note,
      createdAt: row.createdAt,
      createdByName: row.createdById ? (nameOfUser.get(row.createdById) ?? null) : null,
      revisesId: row.revisesId,
      guideline: row.guidelineVersion,
      focusAreas,
      earmarkedOre: focusAreas.reduce((sum, fa) => sum + (fa.earmarkOre ?? 0n), 0n),
      changes: previous
        ? {
            focusAreas: diffPrioritisations(previous.focusAreas.map(stored), row.focusAreas.map(stored)).map((change) => ({
              ...change,
              name: nameOfFocusArea.get(change.focusAreaId) ?? change.focusAreaId,
            })),
            guideline:
              previous.guidelineVersion.id !== row.guidelineVersion.id
                ? { from: previous.guidelineVersion.version, to: row.guidelineVersion.version }
                : null,
            decidedOn: previous.decidedOn.getTime() !== row.decidedOn.getTime() ? { from: previous.decidedOn, to: row.decidedOn } : null,
            noteChanged: previous.note !== row.note,
          }
        : null,
    });
    previous = row;
  }
  return { poolYear, revisions: views.reverse() };
}

/** A short summary of the prioritisation in force (for the pool-year page). */
export async function currentPrioritisationSummary(poolYearId: string) {
  return prisma.prioritisation.findFirst({
    where: { poolYearId },
    orderBy: { revision: "desc" },
    select: { revision: true, decidedOn: true, _count: { select: { focusAreas: true } } },
  });
}

export interface PrioritisationFormData {
  poolYear: YearSummary;
  current: PrioritisationView | null;
  /** Adopted guideline versions, newest first; the first is the one in force. */
  guidelines: { id: string; version: number; title: string; adoptedOn: Date | null }[];
  focusAreas: { id: string; name: string; description: string }[];
  /** Focus areas of the current prioritisation that are no longer active (they drop out of a revision). */
  inactiveInCurrent: string[];
}

/** What the recording form needs. Null: no such year. */
export async function getPrioritisationFormData(year: number): Promise<PrioritisationFormData | null> {
  const all = await getPrioritisations(year);
  if (!all) return null;
  const current = all.revisions[0] ?? null;
  const [guidelines, focusAreas] = await Promise.all([
    prisma.guidelineVersion.findMany({
      where: { status: "ADOPTED" },
      orderBy: { version: "desc" },
      select: { id: true, version: true, title: true, adoptedOn: true },
    }),
    prisma.focusArea.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, description: true } }),
  ]);
  return {
    poolYear: all.poolYear,
    current,
    guidelines,
    focusAreas,
    inactiveInCurrent: current ? current.focusAreas.filter((fa) => !fa.active).map((fa) => fa.name) : [],
  };
}

// ---------------------------------------------------------------------------
// Validation (shared by the form's full check and the mutation's authoritative one)

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
    today: todayInDenmark(now),
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
      orderBy: { revision: "desc" },
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
            select: {
              focusAreaId: true,
              rank: true,
              weightHundredths: true,
              earmarkKind: true,
              earmarkBasisPoints: true,
              earmarkOre: true,
              earmarkHard: true,
              focusArea: { select: { name: true } },
            },
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
          decidedOn: created.decidedOn.toISOString().slice(0, 10),
          note: created.note,
          yearTotalOre: totalOre,
          focusAreas: created.focusAreas.map(({ focusArea, ...fa }) => ({ ...fa, name: focusArea.name })),
        },
      },
    };
  },
});

/**
 * A recorded prioritisation is locked: there is no edit and no delete. These
 * answer every attempt with a Danish message (after the usual permission and
 * existence checks) and change nothing; the UI offers "Revidér" instead.
 */
async function refuseChange(actor: Actor, id: string): Promise<never> {
  if (!can(actor.user, "prioritisation:record")) throw new PermissionError(403);
  const existing = await prisma.prioritisation.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw new PermissionError(404);
  throw new FieldError("", "priorities.error.locked");
}

export async function updatePrioritisation(actor: Actor, input: { id: string } & Partial<RecordPrioritisationInput>): Promise<never> {
  return refuseChange(actor, input.id);
}

export async function deletePrioritisation(actor: Actor, input: { id: string }): Promise<never> {
  return refuseChange(actor, input.id);
}

/** Every mutation of this service, for the registry. */
export const prioritisationMutations = [recordPrioritisation] as const;
