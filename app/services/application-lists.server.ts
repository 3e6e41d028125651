// The application lists: "mine" for applicants, the area's list for area
// leads, the round list for the secretariat, leadership and finance. The
// user's scope (scopeFilter) is part of every query, whatever the URL says.
// The area lead's ranking is in applications/ranking.server.ts.
import {
  LIST_VIEWS,
  type ApplicationListFilter,
  type ApplicationSort,
  type ListView,
  type SortDirection,
} from "~/utils/application-list-params";
import { leadAreaIds } from "~/domain/applications/checks";
import { countsTowardsRequested, type ApplicationStatus } from "~/domain/applications/status";
import { parseKroner, type Ore } from "~/domain/money";
import { applicantUnitIds, privateScopeUnitIds, scopeFilter, type PermissionSubject } from "~/domain/permissions";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { PAGE_SIZE, pageCount } from "~/utils/list-params";

// ---------------------------------------------------------------------------
// Views and scope

/** The views a user can choose between, the default (the role's own list) first. */
export function availableViews(user: PermissionSubject): ListView[] {
  const views: ListView[] = [];
  if (applicantUnitIds(user).length > 0) views.push("mine");
  if (leadAreaIds(user).length > 0) views.push("area");
  if (scopeFilter(user, "application:read").kind === "all") views.push("all");
  return LIST_VIEWS.filter((v) => views.includes(v));
}

/** The view to show: the one asked for if the user has it, else the role's default. */
export function resolveView(user: PermissionSubject, asked: ListView | undefined): ListView | null {
  const views = availableViews(user);
  if (asked && views.includes(asked)) return asked;
  return views[0] ?? null;
}

const NOTHING: Prisma.ApplicationWhereInput = { id: { in: [] } };

/**
 * Applications submitted at least once: everything but the unit-private ones
 * (isUnitPrivate in app/domain/applications/visibility.ts, the same rule as a query).
 */
export const SUBMITTED_ONCE_WHERE: Prisma.ApplicationWhereInput = {
  OR: [{ status: { notIn: ["DRAFT", "WITHDRAWN"] } }, { status: "WITHDRAWN", submittedAt: { not: null } }],
};

/**
 * The applications the user may read at all (application:read). Never widened
 * by the URL. Drafts never submitted only for the unit's own users.
 */
export function applicationScopeWhere(user: PermissionSubject): Prisma.ApplicationWhereInput {
  const scope = scopeFilter(user, "application:read");
  if (scope.kind === "none") return NOTHING;
  const or: Prisma.ApplicationWhereInput[] = [];
  if (scope.kind === "all") or.push(SUBMITTED_ONCE_WHERE);
  else if (scope.areaIds.length) or.push({ AND: [{ areaId: { in: scope.areaIds } }, SUBMITTED_ONCE_WHERE] });
  const ownUnits = privateScopeUnitIds(user, "application:read");
  if (ownUnits.length) or.push({ unitId: { in: ownUnits } });
  return or.length === 1 ? or[0]! : { OR: or };
}

/** The view's own restriction (inside the scope). */
export function viewWhere(user: PermissionSubject, view: ListView | null): Prisma.ApplicationWhereInput {
  switch (view) {
    case "mine":
      return { unitId: { in: applicantUnitIds(user) } };
    case "area":
      return { areaId: { in: leadAreaIds(user) } };
    case "all":
      return {};
    default:
      return NOTHING;
  }
}

// ---------------------------------------------------------------------------
// Filters

export interface AmountBounds {
  minOre: Ore | null;
  maxOre: Ore | null;
  /** Amount fields whose text is not an amount: ignored, and the page says so. */
  invalid: ("min" | "max")[];
}

export function amountBounds(filter: Pick<ApplicationListFilter, "min" | "max">): AmountBounds {
  const out: AmountBounds = { minOre: null, maxOre: null, invalid: [] };
  for (const key of ["min", "max"] as const) {
    const text = filter[key];
    if (!text) continue;
    const ore = parseKroner(text);
    if (ore === null || ore < 0n) out.invalid.push(key);
    else if (key === "min") out.minOre = ore;
    else out.maxOre = ore;
  }
  return out;
}

export interface ListCriteria {
  roundId?: string;
  areaId?: string;
  unitId?: string;
  focusAreaId?: string;
  statuses: readonly ApplicationStatus[];
  minOre: Ore | null;
  maxOre: Ore | null;
  q?: string;
}

export function criteriaWhere(c: ListCriteria): Prisma.ApplicationWhereInput[] {
  const and: Prisma.ApplicationWhereInput[] = [];
  if (c.roundId) and.push({ roundId: c.roundId });
  if (c.areaId) and.push({ areaId: c.areaId });
  if (c.unitId) and.push({ unitId: c.unitId });
  if (c.focusAreaId) and.push({ focusAreas: { some: { focusAreaId: c.focusAreaId } } });
  if (c.statuses.length) and.push({ status: { in: [...c.statuses] } });
  if (c.minOre !== null) and.push({ requestedOre: { gte: c.minOre } });
  if (c.maxOre !== null) and.push({ requestedOre: { lte: c.maxOre } });
  if (c.q) {
    const contains = { contains: c.q, mode: "insensitive" as const };
    and.push({
      OR: [{ title: contains }, { purpose: contains }, { reference: contains }, { unit: { name: contains } }],
    });
  }
  return and;
}

/** The complete where clause of a list: scope AND view AND filters. */
export function listWhere(user: PermissionSubject, view: ListView | null, criteria: ListCriteria): Prisma.ApplicationWhereInput {
  return { AND: [applicationScopeWhere(user), viewWhere(user, view), ...criteriaWhere(criteria)] };
}

function orderBy(sort: ApplicationSort, dir: SortDirection): Prisma.ApplicationOrderByWithRelationInput[] {
  const tie: Prisma.ApplicationOrderByWithRelationInput = { reference: dir };
  switch (sort) {
    case "reference":
      return [{ reference: dir }];
    case "title":
      return [{ title: dir }, tie];
    case "unit":
      return [{ unit: { name: dir } }, tie];
    case "requested":
      return [{ requestedOre: dir }, tie];
    case "status":
      return [{ status: dir }, tie];
    case "submittedAt":
      return [{ submittedAt: { sort: dir, nulls: "last" } }, tie];
    case "rank":
      return [{ endorsementRank: { sort: dir, nulls: "last" } }, tie];
  }
}

// ---------------------------------------------------------------------------
// Options for the filter form (only what lies inside the user's scope)

export interface ListOptions {
  rounds: { id: string; name: string; year: number }[];
  areas: { id: string; code: string; name: string }[];
  units: { id: string; name: string; areaCode: string }[];
  focusAreas: { id: string; name: string }[];
}

export async function listOptions(user: PermissionSubject, view: ListView | null): Promise<ListOptions> {
  const scope = scopeFilter(user, "application:read");
  const unitWhere: Prisma.UnitWhereInput =
    view === "mine"
      ? { id: { in: applicantUnitIds(user) } }
      : view === "area"
        ? { areaId: { in: leadAreaIds(user) } }
        : scope.kind === "all"
          ? {}
          : scope.kind === "some"
            ? { OR: [{ areaId: { in: scope.areaIds } }, { id: { in: scope.unitIds } }] }
            : { id: { in: [] } };
  const [rounds, units, focusAreas] = await Promise.all([
    prisma.round.findMany({
      orderBy: [{ poolYear: { year: "desc" } }, { opensAt: "desc" }],
      select: { id: true, name: true, poolYear: { select: { year: true } } },
    }),
    prisma.unit.findMany({
      where: unitWhere,
      orderBy: [{ area: { sortOrder: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, area: { select: { id: true, code: true, name: true } } },
    }),
    prisma.focusArea.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const areas = new Map<string, { id: string; code: string; name: string }>();
  for (const unit of units) areas.set(unit.area.id, unit.area);
  return {
    rounds: rounds.map((r) => ({ id: r.id, name: r.name, year: r.poolYear.year })),
    areas: [...areas.values()],
    units: units.map((u) => ({ id: u.id, name: u.name, areaCode: u.area.code })),
    focusAreas,
  };
}

// ---------------------------------------------------------------------------
// The list

export interface ApplicationListRow {
  id: string;
  reference: string;
  title: string;
  status: ApplicationStatus;
  requestedOre: Ore;
  submittedAt: Date | null;
  endorsementRank: number | null;
  unitName: string;
  areaCode: string;
  roundName: string;
}

export interface ApplicationListPage {
  view: ListView | null;
  views: ListView[];
  /** The filter as applied: ids outside the options and invalid amounts are dropped. */
  filter: ApplicationListFilter;
  amountNotes: ("min" | "max")[];
  options: ListOptions;
  rows: ApplicationListRow[];
  total: number;
  /**
   * The requested amount of all matches (not just this page), summed by the
   * database — only statuses that count towards the requested amount
   * (countsTowardsRequested: not drafts, not withdrawn), as in the statistics.
   * The rows still list them all.
   */
  totalRequestedOre: Ore;
  page: number;
  pages: number;
}

export async function listApplications(user: PermissionSubject, asked: ApplicationListFilter, pageSize = PAGE_SIZE): Promise<ApplicationListPage> {
  const view = resolveView(user, asked.view);
  const options = await listOptions(user, view);
  const known = <T extends { id: string }>(list: T[], value: string | undefined) => (value && list.some((x) => x.id === value) ? value : undefined);
  const bounds = amountBounds(asked);
  const filter: ApplicationListFilter = {
    ...asked,
    view: view ?? undefined,
    round: known(options.rounds, asked.round),
    area: known(options.areas, asked.area),
    unit: known(options.units, asked.unit),
    focus: known(options.focusAreas, asked.focus),
  };
  const where = listWhere(user, view, {
    roundId: filter.round,
    areaId: filter.area,
    unitId: filter.unit,
    focusAreaId: filter.focus,
    statuses: filter.status,
    minOre: bounds.minOre,
    maxOre: bounds.maxOre,
    q: filter.q,
  });
  // One pass over the filtered set: the count for paging, the sum per status for the total.
  const byStatus = await prisma.application.groupBy({ by: ["status"], where, _count: { _all: true }, _sum: { requestedOre: true } });
  const total = byStatus.reduce((sum, g) => sum + g._count._all, 0);
  const totalRequestedOre = byStatus
    .filter((g) => countsTowardsRequested(g.status))
    .reduce((sum, g) => sum + (g._sum.requestedOre ?? 0n), 0n);
  const pages = pageCount(total, pageSize);
  const page = Math.min(filter.page, pages);
  const rows = await prisma.application.findMany({
    where,
    orderBy: orderBy(filter.sort, filter.dir),
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      reference: true,
      title: true,
      status: true,
      requestedOre: true,
      submittedAt: true,
      endorsementRank: true,
      unit: { select: { name: true } },
      area: { select: { code: true } },
      round: { select: { name: true } },
    },
  });
  return {
    view,
    views: availableViews(user),
    filter: { ...filter, page },
    amountNotes: bounds.invalid,
    options,
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      requestedOre: r.requestedOre,
      submittedAt: r.submittedAt,
      endorsementRank: r.endorsementRank,
      unitName: r.unit.name,
      areaCode: r.area.code,
      roundName: r.round.name,
    })),
    total,
    totalRequestedOre,
    page,
    pages,
  };
}
