// The organisation: areas (forvaltningsområder) and their units (centres/offices,
// optionally nested). Data, never hard-coded. Nothing is deleted: areas and units
// are deactivated instead.
import { isAreaCode } from "~/domain/areas";
import { prisma, type Tx } from "~/utils/db.server";
import { defineMutation, FieldError, PermissionError, type AuditEntry } from "./mutation.server";

export interface AreaInput {
  code: string;
  name: string;
  headName: string;
  sortOrder: number;
  active: boolean;
}

export interface UnitInput {
  areaId: string;
  parentId: string | null;
  name: string;
  costCentre: string;
  active: boolean;
}

const areaSnapshotSelect = { id: true, code: true, name: true, headName: true, sortOrder: true, active: true } as const;
const unitSnapshotSelect = { id: true, areaId: true, parentId: true, name: true, costCentre: true, active: true } as const;

// ---------------------------------------------------------------- queries

export interface UnitNode {
  id: string;
  name: string;
  active: boolean;
  costCentre: string;
  children: UnitNode[];
}

/** Builds the unit tree of one area. Units whose parent is missing become roots. */
export function buildUnitTree(
  units: readonly { id: string; parentId: string | null; name: string; active: boolean; costCentre: string }[],
): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { id: u.id, name: u.name, active: u.active, costCentre: u.costCentre, children: [] });
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, "da"));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** All areas in their sort order, each with its units. */
export async function organisationOverview() {
  const areas = await prisma.area.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: {
      ...areaSnapshotSelect,
      units: { select: { id: true, parentId: true, name: true, active: true, costCentre: true } },
    },
  });
  return areas.map(({ units, ...area }) => ({ ...area, units: buildUnitTree(units) }));
}

/** A unit with its place in the organisation and its active staff. */
export async function unitDetails(unitId: string) {
  return prisma.unit.findUnique({
    where: { id: unitId },
    select: {
      ...unitSnapshotSelect,
      area: { select: { id: true, code: true, name: true } },
      parent: { select: { id: true, name: true } },
      children: { select: { id: true, name: true, active: true }, orderBy: { name: "asc" } },
      users: {
        where: { active: true },
        orderBy: { name: "asc" },
        select: { id: true, name: true, email: true, roles: { select: { role: true } } },
      },
    },
  });
}

export function findArea(areaId: string) {
  return prisma.area.findUnique({ where: { id: areaId }, select: areaSnapshotSelect });
}

export function findUnit(unitId: string) {
  return prisma.unit.findUnique({ where: { id: unitId }, select: unitSnapshotSelect });
}

/** Areas for a <select>: "BUU – Børn, Unge og Uddannelse". */
export async function areaOptions() {
  const areas = await prisma.area.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, active: true },
  });
  return areas;
}

export interface UnitOption {
  id: string;
  areaId: string;
  areaCode: string;
  name: string;
  depth: number;
  active: boolean;
}

/** Units for a <select>, grouped by area in sort order, depth-first (sub-units follow their parent). */
export async function unitOptions() {
  const areas = await prisma.area.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, units: { select: { id: true, parentId: true, name: true, active: true, costCentre: true } } },
  });
  const options: UnitOption[] = [];
  for (const area of areas) {
    const walk = (nodes: UnitNode[], depth: number) => {
      for (const n of nodes) {
        options.push({ id: n.id, areaId: area.id, areaCode: area.code, name: n.name, depth, active: n.active });
        walk(n.children, depth + 1);
      }
    };
    walk(buildUnitTree(area.units), 0);
  }
  return options;
}

/** The options without a unit and its sub-units (which cannot become its parent). */
export function withoutSubtree(options: readonly UnitOption[], unitId: string): UnitOption[] {
  const start = options.findIndex((o) => o.id === unitId);
  if (start < 0) return [...options];
  let end = start + 1;
  while (end < options.length && options[end]!.depth > options[start]!.depth) end++;
  return [...options.slice(0, start), ...options.slice(end)];
}

// ---------------------------------------------------------------- rules

function normaliseArea(input: AreaInput): AreaInput {
  const code = input.code.trim().toUpperCase();
  if (!isAreaCode(code)) throw new FieldError("code", "org.area.error.codeFormat");
  const name = input.name.trim();
  if (!name) throw new FieldError("name", "validation.required");
  if (!Number.isInteger(input.sortOrder) || input.sortOrder < 0 || input.sortOrder > 9999) {
    throw new FieldError("sortOrder", "org.area.error.sortOrder");
  }
  return { code, name, headName: input.headName.trim(), sortOrder: input.sortOrder, active: input.active };
}

async function assertAreaCodeFree(tx: Tx, code: string, exceptId: string | null) {
  const taken = await tx.area.findUnique({ where: { code }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw new FieldError("code", "org.area.error.codeTaken");
}

async function checkUnit(tx: Tx, input: UnitInput, unitId: string | null): Promise<UnitInput> {
  const name = input.name.trim();
  if (!name) throw new FieldError("name", "validation.required");
  const area = await tx.area.findUnique({ where: { id: input.areaId }, select: { id: true } });
  if (!area) throw new FieldError("areaId", "validation.choose");

  const parentId = input.parentId || null;
  if (parentId) {
    if (parentId === unitId) throw new FieldError("parentId", "org.unit.error.cycle");
    const parent = await tx.unit.findUnique({ where: { id: parentId }, select: { id: true, areaId: true } });
    if (!parent) throw new FieldError("parentId", "validation.choose");
    if (parent.areaId !== input.areaId) throw new FieldError("parentId", "org.unit.error.parentOtherArea");
    if (unitId) {
      // Walk up from the new parent: reaching the unit itself means a cycle.
      let cursor: string | null = parent.id;
      for (let guard = 0; cursor && guard < 10_000; guard++) {
        if (cursor === unitId) throw new FieldError("parentId", "org.unit.error.cycle");
        const next: { parentId: string | null } | null = await tx.unit.findUnique({ where: { id: cursor }, select: { parentId: true } });
        cursor = next?.parentId ?? null;
      }
    }
  }

  const clash = await tx.unit.findFirst({
    where: { areaId: input.areaId, name: { equals: name, mode: "insensitive" }, ...(unitId ? { NOT: { id: unitId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new FieldError("name", "org.unit.error.nameTaken");

  return { areaId: input.areaId, parentId, name, costCentre: input.costCentre.trim(), active: input.active };
}

/**
 * An application belongs to its unit: when the unit moves to another area, so
 * do its applications (scope, lists, endorsement, statistics follow the unit's
 * current area). The submitted versions and the audit trail keep the area of
 * their time; an endorsement stays recorded as given (status, by whom, when),
 * but its place in the old area's ranking is cleared: ranks are per area, and
 * the new area lead places it in their own ranking.
 * See docs/decisions/015-scope-of-applications-and-audit.md.
 */
async function moveApplicationsWithUnit(tx: Tx, unitId: string, toAreaId: string): Promise<AuditEntry[]> {
  // Row locks first, in a fixed order: an endorsement or submission running now finishes before the move.
  await tx.$queryRaw`SELECT id FROM "Application" WHERE "unitId" = ${unitId} ORDER BY id FOR UPDATE`;
  const applications = await tx.application.findMany({
    where: { unitId, areaId: { not: toAreaId } },
    orderBy: { reference: "asc" },
    select: { id: true, reference: true, areaId: true, endorsementRank: true },
  });
  if (applications.length === 0) return [];
  await tx.application.updateMany({ where: { id: { in: applications.map((a) => a.id) } }, data: { areaId: toAreaId, endorsementRank: null } });
  return applications.map((app) => ({
    action: "application.moveArea",
    entityType: "Application",
    entityId: app.id,
    before: { reference: app.reference, areaId: app.areaId, endorsementRank: app.endorsementRank },
    after: { reference: app.reference, areaId: toAreaId, endorsementRank: null },
  }));
}

// ---------------------------------------------------------------- mutations

export const createArea = defineMutation<AreaInput, { id: string }>("organisation.createArea", {
  permission: "organisation:manage",
  async run({ tx }, input) {
    const data = normaliseArea(input);
    await assertAreaCodeFree(tx, data.code, null);
    const area = await tx.area.create({ data, select: areaSnapshotSelect });
    return {
      result: { id: area.id },
      audit: { action: "organisation.createArea", entityType: "Area", entityId: area.id, after: area },
    };
  },
});

export const updateArea = defineMutation<AreaInput & { id: string }, { id: string }>("organisation.updateArea", {
  permission: "organisation:manage",
  async run({ tx }, { id, ...input }) {
    const before = await tx.area.findUnique({ where: { id }, select: areaSnapshotSelect });
    if (!before) throw new PermissionError(404);
    const data = normaliseArea(input);
    await assertAreaCodeFree(tx, data.code, id);
    const after = await tx.area.update({ where: { id }, data, select: areaSnapshotSelect });
    return {
      result: { id },
      audit: { action: "organisation.updateArea", entityType: "Area", entityId: id, before, after },
    };
  },
});

export const createUnit = defineMutation<UnitInput, { id: string }>("organisation.createUnit", {
  permission: "organisation:manage",
  async run({ tx }, input) {
    const data = await checkUnit(tx, input, null);
    const unit = await tx.unit.create({ data, select: unitSnapshotSelect });
    return {
      result: { id: unit.id },
      audit: { action: "organisation.createUnit", entityType: "Unit", entityId: unit.id, after: unit },
    };
  },
});

export const updateUnit = defineMutation<UnitInput & { id: string }, { id: string }>("organisation.updateUnit", {
  permission: "organisation:manage",
  async run({ tx }, { id, ...input }) {
    const before = await tx.unit.findUnique({ where: { id }, select: unitSnapshotSelect });
    if (!before) throw new PermissionError(404);
    if (input.areaId !== before.areaId) {
      // Sub-units would be left under a parent in another area.
      const children = await tx.unit.count({ where: { parentId: id } });
      if (children > 0) throw new FieldError("areaId", "org.unit.error.hasChildren");
    }
    const data = await checkUnit(tx, input, id);
    const after = await tx.unit.update({ where: { id }, data, select: unitSnapshotSelect });
    const moved = after.areaId !== before.areaId ? await moveApplicationsWithUnit(tx, id, after.areaId) : [];
    return {
      result: { id },
      audit: [
        { action: "organisation.updateUnit", entityType: "Unit", entityId: id, before, after: moved.length ? { ...after, applicationsMoved: moved.length } : after },
        ...moved,
      ],
    };
  },
});

/** Every mutation of this service, for registries and tests. */
export const organisationMutations = [createArea, updateArea, createUnit, updateUnit] as const;
