// "Dine opgaver": what each person should do next, by role and scope. Reads
// only; every query is limited to what the user may act on. Returns typed
// values (dates, øre); the home page formats them.
import { poolYearTotals } from "~/domain/budget";
import { danishToday } from "~/domain/dates";
import { applicantUnitIds, can, scopeFilter, type PermissionSubject } from "~/domain/permissions";
import type { Ore } from "~/domain/money";
import { prisma } from "~/utils/db.server";

export interface ApplicationTask {
  id: string;
  reference: string;
  title: string;
  unitName: string;
  roundName: string;
  /** The date by which the user must act (endorsement deadline, round closing). */
  deadline: Date;
}

export interface RoundTask {
  id: string;
  name: string;
  year: number;
  closesAt: Date;
  decisionDate: Date;
  submitted: number;
  endorsed: number;
}

export interface Tasks {
  /** Area lead: submitted applications of the lead's area that wait for an endorsement. */
  toEndorse: ApplicationTask[];
  /** Applicant: the unit's drafts in rounds that are still open. */
  drafts: ApplicationTask[];
  /** Applicant: applications returned for changes, with the resubmission deadline. */
  returned: ApplicationTask[];
  /** Secretariat: rounds open now. */
  openRounds: RoundTask[];
  /** Secretariat: rounds closed, not yet decided: their endorsed applications wait for screening and assessment. */
  roundsToPrepare: RoundTask[];
  /** Leadership: pool years (this and next) without a prioritisation. */
  yearsToPrioritise: number[];
  /** Finance: next year's pool year is not created yet. */
  yearToCreate: number | null;
  /** The current pool year's total, for everyone who may read pool years. */
  currentYear: { year: number; totalOre: Ore } | null;
}

const TASK_LIMIT = 20;

const applicationSelect = {
  id: true,
  reference: true,
  title: true,
  unit: { select: { name: true } },
  round: { select: { name: true, closesAt: true, endorsementDeadline: true } },
} as const;

type ApplicationRow = {
  id: string;
  reference: string;
  title: string;
  unit: { name: string };
  round: { name: string; closesAt: Date; endorsementDeadline: Date };
};

function applicationTask(row: ApplicationRow, deadline: Date): ApplicationTask {
  return { id: row.id, reference: row.reference, title: row.title, unitName: row.unit.name, roundName: row.round.name, deadline };
}

async function roundTasks(where: { opensAt?: { lte: Date }; closesAt: { gt: Date } | { lte: Date }; decisionDate?: { gt: Date } }): Promise<RoundTask[]> {
  const rounds = await prisma.round.findMany({
    where,
    orderBy: { closesAt: "asc" },
    take: TASK_LIMIT,
    select: { id: true, name: true, closesAt: true, decisionDate: true, poolYear: { select: { year: true } } },
  });
  if (rounds.length === 0) return [];
  const counts = await prisma.application.groupBy({
    by: ["roundId", "status"],
    where: { roundId: { in: rounds.map((r) => r.id) }, status: { in: ["SUBMITTED", "ENDORSED"] } },
    _count: { _all: true },
  });
  const count = (roundId: string, status: string) => counts.find((c) => c.roundId === roundId && c.status === status)?._count._all ?? 0;
  return rounds.map((r) => ({
    id: r.id,
    name: r.name,
    year: r.poolYear.year,
    closesAt: r.closesAt,
    decisionDate: r.decisionDate,
    submitted: count(r.id, "SUBMITTED"),
    endorsed: count(r.id, "ENDORSED"),
  }));
}

export async function tasksFor(user: PermissionSubject, now: Date = new Date()): Promise<Tasks> {
  const tasks: Tasks = {
    toEndorse: [],
    drafts: [],
    returned: [],
    openRounds: [],
    roundsToPrepare: [],
    yearsToPrioritise: [],
    yearToCreate: null,
    currentYear: null,
  };
  const year = danishToday(now).getUTCFullYear();

  const endorse = scopeFilter(user, "application:endorse");
  if (endorse.kind !== "none") {
    const rows = await prisma.application.findMany({
      where: {
        status: "SUBMITTED",
        round: { endorsementDeadline: { gt: now } },
        // An application belongs to its unit: the lead of the unit's area endorses it.
        ...(endorse.kind === "some" ? { unit: { areaId: { in: endorse.areaIds } } } : {}),
        NOT: { createdById: user.id }, // nobody endorses their own application
      },
      orderBy: [{ round: { endorsementDeadline: "asc" } }, { submittedAt: "asc" }],
      take: TASK_LIMIT,
      select: applicationSelect,
    });
    tasks.toEndorse = rows.map((r) => applicationTask(r, r.round.endorsementDeadline));
  }

  const units = applicantUnitIds(user);
  if (units.length > 0) {
    const drafts = await prisma.application.findMany({
      where: { unitId: { in: units }, status: "DRAFT", round: { closesAt: { gt: now } } },
      orderBy: [{ round: { closesAt: "asc" } }, { updatedAt: "desc" }],
      take: TASK_LIMIT,
      select: applicationSelect,
    });
    tasks.drafts = drafts.map((r) => applicationTask(r, r.round.closesAt));
    const returned = await prisma.application.findMany({
      where: { unitId: { in: units }, status: "RETURNED", round: { endorsementDeadline: { gt: now } } },
      orderBy: [{ round: { endorsementDeadline: "asc" } }],
      take: TASK_LIMIT,
      select: applicationSelect,
    });
    tasks.returned = returned.map((r) => applicationTask(r, r.round.endorsementDeadline));
  }

  if (can(user, "round:manage")) {
    tasks.openRounds = await roundTasks({ opensAt: { lte: now }, closesAt: { gt: now } });
    tasks.roundsToPrepare = await roundTasks({ closesAt: { lte: now }, decisionDate: { gt: danishToday(now) } });
  }

  if (can(user, "prioritisation:record")) {
    const years = await prisma.poolYear.findMany({
      where: { year: { in: [year, year + 1] } },
      select: { year: true, _count: { select: { prioritisations: true } } },
      orderBy: { year: "asc" },
    });
    tasks.yearsToPrioritise = years.filter((y) => y._count.prioritisations === 0).map((y) => y.year);
  }

  if (can(user, "poolYear:manage")) {
    const next = await prisma.poolYear.findUnique({ where: { year: year + 1 }, select: { id: true } });
    tasks.yearToCreate = next ? null : year + 1;
  }

  if (can(user, "poolYear:read")) {
    const poolYear = await prisma.poolYear.findUnique({
      where: { year },
      select: { year: true, budgetOre: true, adjustments: { select: { amountOre: true } } },
    });
    tasks.currentYear = poolYear ? { year: poolYear.year, totalOre: poolYearTotals(poolYear.budgetOre, poolYear.adjustments).totalOre } : null;
  }
  return tasks;
}

/** True when the user has nothing to do right now. */
export function hasNoTasks(tasks: Tasks): boolean {
  return (
    tasks.toEndorse.length + tasks.drafts.length + tasks.returned.length + tasks.openRounds.length + tasks.roundsToPrepare.length + tasks.yearsToPrioritise.length === 0 &&
    tasks.yearToCreate === null
  );
}
