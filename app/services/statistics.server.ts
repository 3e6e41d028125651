// Aggregate figures about applications (Tal og fordeling): counts and sums of
// requested amounts by area, focus area and status. Never any application's
// content (no titles, references, units or people): HMU observers read this.
// Only what counts towards the requested total (countsTowardsRequested):
// drafts are not applications yet, withdrawn ones no longer are — the same
// rule as the application list's total.
import type { StatisticsFilter } from "~/utils/application-list-params";
import { REQUESTED_STATUSES, type ApplicationStatus } from "~/domain/applications/status";
import type { Ore } from "~/domain/money";
import { protectTable, unprotectedTable, type CellView } from "~/domain/small-cells";
import { currentPoolYear } from "~/domain/pool-years";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { todayInDenmark } from "./prioritisations.server";

export interface Figure {
  count: number;
  requestedOre: Ore;
}

export type AreaFigure = CellView & {
  areaId: string;
  code: string;
  name: string;
};

export type FocusAreaFigure = CellView & {
  /** null = applications without any focus area. */
  focusAreaId: string | null;
  name: string | null;
};

export type StatusFigure = CellView & {
  status: ApplicationStatus;
};

export interface ApplicationStatistics {
  /** The filter as applied ("all" = every pool year). */
  filter: { year: number | "all"; roundId: string | null };
  years: number[];
  rounds: { id: string; name: string; year: number }[];
  byArea: AreaFigure[];
  byFocusArea: FocusAreaFigure[];
  byStatus: StatusFigure[];
  total: CellView;
  /** Groups of fewer than 3 applications are hidden (app/domain/small-cells.ts): readers who may not read every application. */
  smallCellsHidden: boolean;
}

/** The statuses that count (countsTowardsRequested), in the life cycle's order. */
export const COUNTED_STATUSES = REQUESTED_STATUSES;

const figure = (count: number, sum: bigint | null): Figure => ({ count, requestedOre: sum ?? 0n });

/**
 * The figures for one reader. `protect`: hide groups of fewer than 3
 * applications, and what would give them back (seesSmallCells decides who).
 */
export async function applicationStatistics(asked: StatisticsFilter, { protect }: { protect: boolean }, now: Date = new Date()): Promise<ApplicationStatistics> {
  const [poolYears, rounds] = await Promise.all([
    prisma.poolYear.findMany({ orderBy: { year: "desc" }, select: { year: true } }),
    prisma.round.findMany({
      orderBy: [{ poolYear: { year: "desc" } }, { opensAt: "desc" }],
      select: { id: true, name: true, poolYear: { select: { year: true } } },
    }),
  ]);
  const years = poolYears.map((y) => y.year);
  const roundList = rounds.map((r) => ({ id: r.id, name: r.name, year: r.poolYear.year }));

  // A known round decides the year; else the year asked for; else the current pool year.
  // Protected readers see one level only, the pool year: with a round view beside it (or all years
  // beside the years) a hidden small group would be the difference of two shown figures.
  const round = protect ? null : (roundList.find((r) => r.id === asked.round) ?? null);
  let year: number | "all";
  if (round) year = round.year;
  else if (asked.year === "all" && !protect) year = "all";
  else if (asked.year && years.includes(Number(asked.year))) year = Number(asked.year);
  else year = currentPoolYear(years, todayInDenmark(now).getUTCFullYear()) ?? "all";

  const where: Prisma.ApplicationWhereInput = {
    status: { in: [...COUNTED_STATUSES] },
    ...(round ? { roundId: round.id } : year !== "all" ? { round: { poolYear: { year } } } : {}),
  };

  const [areas, focusAreas, byAreaRaw, byStatusRaw, total] = await Promise.all([
    prisma.area.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, name: true, active: true } }),
    prisma.focusArea.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.application.groupBy({ by: ["areaId"], where, _count: { _all: true }, _sum: { requestedOre: true } }),
    prisma.application.groupBy({ by: ["status"], where, _count: { _all: true }, _sum: { requestedOre: true } }),
    prisma.application.aggregate({ where, _count: { _all: true }, _sum: { requestedOre: true } }),
  ]);

  const table = protect ? protectTable : unprotectedTable;
  const totalFigure = figure(total._count._all, total._sum.requestedOre);

  const areaSums = new Map(byAreaRaw.map((g) => [g.areaId, figure(g._count._all, g._sum.requestedOre)]));
  const areaRows = areas.filter((a) => a.active || areaSums.has(a.id));
  const areaTable = table(areaRows.map((a) => areaSums.get(a.id) ?? figure(0, 0n)), totalFigure);
  const byArea: AreaFigure[] = areaRows.map((a, i) => ({ areaId: a.id, code: a.code, name: a.name, ...areaTable.rows[i]! }));

  const statusSums = new Map(byStatusRaw.map((g) => [g.status, figure(g._count._all, g._sum.requestedOre)]));
  const statusTable = table(COUNTED_STATUSES.map((status) => statusSums.get(status) ?? figure(0, 0n)), totalFigure);
  const byStatus: StatusFigure[] = COUNTED_STATUSES.map((status, i) => ({ status, ...statusTable.rows[i]! }));

  // An application counts towards each of its focus areas: one database sum per focus area.
  const focusSums = await Promise.all(
    [...focusAreas.map((f) => f.id), null].map(async (focusAreaId) => {
      const result = await prisma.application.aggregate({
        where: { AND: [where, focusAreaId ? { focusAreas: { some: { focusAreaId } } } : { focusAreas: { none: {} } }] },
        _count: { _all: true },
        _sum: { requestedOre: true },
      });
      return { focusAreaId, ...figure(result._count._all, result._sum.requestedOre) };
    }),
  );
  const names = new Map(focusAreas.map((f) => [f.id, f.name]));
  const focusRows = focusSums.filter((f) => f.count > 0);
  const focusTable = table(focusRows, totalFigure);
  const byFocusArea: FocusAreaFigure[] = focusRows.map((f, i) => ({
    focusAreaId: f.focusAreaId,
    name: f.focusAreaId ? (names.get(f.focusAreaId) ?? null) : null,
    ...focusTable.rows[i]!,
  }));

  // One total for all three tables: hidden if any table had to hide it.
  const totals = [areaTable.total, statusTable.total, focusTable.total];
  const totalView = totals.find((t) => t.hidden !== undefined) ?? totals[0]!;

  return {
    filter: { year, roundId: round?.id ?? null },
    years,
    rounds: protect ? [] : roundList,
    byArea,
    byFocusArea,
    byStatus,
    total: totalView,
    smallCellsHidden: protect,
  };
}
