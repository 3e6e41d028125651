// Reading the leadership's yearly prioritisations (årlig prioritering): every
// revision of a year with what it changed, the one in force, and what the
// recording form needs.
import {
  diffPrioritisations,
  type PrioritisationView,
  type StoredPrioritisedFocusArea,
} from "~/domain/prioritisation";
import { prisma } from "~/utils/db.server";
import { IN_FORCE } from "../prioritisation-in-force.server";
import { yearSummary, type YearSummary } from "../pool-year-summary.server";

/** The columns of a prioritised focus area as the domain reads them (StoredPrioritisedFocusArea). */
export const STORED_FOCUS_AREA_SELECT = {
  focusAreaId: true,
  rank: true,
  weightHundredths: true,
  earmarkKind: true,
  earmarkBasisPoints: true,
  earmarkOre: true,
  earmarkHard: true,
} as const;

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
    select: { ...STORED_FOCUS_AREA_SELECT, focusArea: { select: { name: true, active: true } } },
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
    ...IN_FORCE,
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
