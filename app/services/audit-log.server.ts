// Read queries for the audit trail (revisionsspor). The reader's scope is
// applied in the query itself: the pool secretariat never receives events
// outside the pool records, whatever the filter in the URL says.
import { z } from "zod";
import {
  auditDiff,
  auditEventDetail,
  auditEventFields,
  nextIsoDate,
  POOL_ENTITY_TYPES,
  startOfDayInZone,
  type AuditApplicationAccess,
  type AuditChange,
} from "~/domain/audit";
import { applicationRecordScope } from "~/domain/applications/visibility";
import { toIsoDate } from "~/domain/dates";
import { can, type PermissionSubject } from "~/domain/permissions";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { pageParam, PAGE_SIZE } from "~/utils/list-params";
import { applicationScopeWhere } from "./application-lists.server";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((text) => {
    const date = new Date(`${text}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && toIsoDate(date) === text;
  });

/** The audit page's filters, from the URL. Bad values are dropped, never an error. */
export const AuditFilterSchema = z.object({
  entityType: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]{0,59}$/).optional().catch(undefined),
  action: z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,100}$/).optional().catch(undefined),
  entityId: z.string().trim().min(1).max(100).optional().catch(undefined),
  actor: z.string().trim().min(1).max(100).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  /** "1": include logins and logouts (left out by default: they drown the changes). */
  logins: z.literal("1").optional().catch(undefined),
  page: pageParam,
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export interface AuditReader {
  user: PermissionSubject;
  scope: "all" | "pool";
}

/**
 * Events the reader may not see at all, as a where clause: for a pool reader,
 * those on the content of applications they may not open (a unit's draft).
 * The administrator sees them as references (auditEventDetail).
 */
async function hiddenWhere(reader: AuditReader): Promise<Prisma.AuditEventWhereInput[]> {
  if (reader.scope === "all") return [];
  const unreadable = await prisma.application.findMany({
    where: { NOT: applicationScopeWhere(reader.user) },
    select: { id: true, attachments: { select: { id: true } } },
  });
  if (unreadable.length === 0) return [];
  return [
    { NOT: { entityType: "Application", entityId: { in: unreadable.map((a) => a.id) } } },
    { NOT: { entityType: "Attachment", entityId: { in: unreadable.flatMap((a) => a.attachments.map((f) => f.id)) } } },
  ];
}

function whereFor(scope: "all" | "pool", filter: AuditFilter, hidden: Prisma.AuditEventWhereInput[] = []): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [...hidden];
  if (scope === "pool") and.push({ entityType: { in: [...POOL_ENTITY_TYPES] } });
  if (filter.entityType) and.push({ entityType: filter.entityType });
  if (filter.action) and.push({ action: filter.action });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  if (!filter.logins && !filter.action?.startsWith("auth.") && filter.entityType !== "LoginAttempt") and.push({ NOT: { action: { startsWith: "auth." } } });
  if (filter.actor) {
    and.push({
      actor: {
        is: {
          OR: [
            { name: { contains: filter.actor, mode: "insensitive" } },
            { email: { contains: filter.actor, mode: "insensitive" } },
          ],
        },
      },
    });
  }
  // Days are Danish calendar days; "to" includes the whole day.
  if (filter.from) and.push({ at: { gte: startOfDayInZone(filter.from) } });
  if (filter.to) and.push({ at: { lt: startOfDayInZone(nextIsoDate(filter.to)) } });
  return { AND: and };
}

export interface AuditEventRow {
  id: bigint;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** "reference": the reader may not read the content; only who, what, when and the record's reference. */
  detail: "full" | "reference";
  /** The record's reference number (e.g. 2026-0001) in a "reference" view. */
  reference: string | null;
  /** The changed fields; none in a "reference" view. */
  changes: AuditChange[];
  /** What the record is called for people (its number, year or name) and where it can be opened, when known. */
  record: AuditRecord | null;
}

/** A record's name for people, typed: the page words it. */
export type AuditRecordName =
  | { kind: "reference"; reference: string }
  | { kind: "poolYear"; year: number }
  | { kind: "guideline"; version: number }
  | { kind: "prioritisation"; year: number; revision: number }
  | { kind: "name"; name: string };

export interface AuditRecord {
  name: AuditRecordName;
  href: string | null;
}

/** Names and links of the records of one page of events, a query per entity type. */
async function recordsOf(user: PermissionSubject, rows: readonly { entityType: string; entityId: string }[]) {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId))];
  const records = new Map<string, AuditRecord>();
  const put = (type: string, id: string, name: AuditRecordName, href: string | null) => records.set(`${type}:${id}`, { name, href });
  const poolYears = ids("PoolYear");
  if (poolYears.length) {
    for (const y of await prisma.poolYear.findMany({ where: { id: { in: poolYears } }, select: { id: true, year: true } })) {
      put("PoolYear", y.id, { kind: "poolYear", year: y.year }, can(user, "poolYear:read") ? `/pool-years/${y.year}` : null);
    }
  }
  const adjustments = ids("BudgetAdjustment");
  if (adjustments.length) {
    for (const a of await prisma.budgetAdjustment.findMany({ where: { id: { in: adjustments } }, select: { id: true, poolYear: { select: { year: true } } } })) {
      put("BudgetAdjustment", a.id, { kind: "poolYear", year: a.poolYear.year }, can(user, "poolYear:read") ? `/pool-years/${a.poolYear.year}` : null);
    }
  }
  const rounds = ids("Round");
  if (rounds.length) {
    for (const r of await prisma.round.findMany({ where: { id: { in: rounds } }, select: { id: true, name: true } })) {
      put("Round", r.id, { kind: "name", name: r.name }, can(user, "round:read") ? `/rounds/${r.id}` : null);
    }
  }
  const guidelines = ids("GuidelineVersion");
  if (guidelines.length) {
    for (const g of await prisma.guidelineVersion.findMany({ where: { id: { in: guidelines } }, select: { id: true, version: true } })) {
      put("GuidelineVersion", g.id, { kind: "guideline", version: g.version }, can(user, "guideline:read") ? `/guidelines/${g.version}` : null);
    }
  }
  const prioritisations = ids("Prioritisation");
  if (prioritisations.length) {
    for (const p of await prisma.prioritisation.findMany({ where: { id: { in: prioritisations } }, select: { id: true, revision: true, poolYear: { select: { year: true } } } })) {
      put("Prioritisation", p.id, { kind: "prioritisation", year: p.poolYear.year, revision: p.revision }, can(user, "prioritisation:read") ? `/pool-years/${p.poolYear.year}/priorities` : null);
    }
  }
  const focusAreas = ids("FocusArea");
  if (focusAreas.length) {
    for (const f of await prisma.focusArea.findMany({ where: { id: { in: focusAreas } }, select: { id: true, name: true } })) put("FocusArea", f.id, { kind: "name", name: f.name }, null);
  }
  const users = ids("User");
  if (users.length) {
    for (const u of await prisma.user.findMany({ where: { id: { in: users } }, select: { id: true, name: true } })) {
      put("User", u.id, { kind: "name", name: u.name }, can(user, "user:manage") ? `/admin/users/${u.id}` : null);
    }
  }
  const areas = ids("Area");
  if (areas.length) {
    for (const a of await prisma.area.findMany({ where: { id: { in: areas } }, select: { id: true, code: true, name: true } })) {
      put("Area", a.id, { kind: "name", name: `${a.code} ${a.name}` }, can(user, "organisation:manage") ? `/admin/areas/${a.id}` : null);
    }
  }
  const units = ids("Unit");
  if (units.length) {
    for (const u of await prisma.unit.findMany({ where: { id: { in: units } }, select: { id: true, name: true } })) {
      put("Unit", u.id, { kind: "name", name: u.name }, can(user, "organisation:manage") ? `/admin/units/${u.id}` : null);
    }
  }
  return (row: { entityType: string; entityId: string }) => records.get(`${row.entityType}:${row.entityId}`) ?? null;
}

export interface AuditPage {
  events: AuditEventRow[];
  total: number;
  page: number;
  pages: number;
  /** Entity types and actions that occur in the reader's scope (for the filter's lists). */
  entityTypes: string[];
  actions: string[];
}

function referenceOf(value: unknown): string | null {
  const reference = typeof value === "object" && value !== null ? (value as { reference?: unknown }).reference : undefined;
  return typeof reference === "string" ? reference : null;
}

/** For each application-content event of a page: what the reader may know about its application. */
async function applicationAccess(user: PermissionSubject, rows: readonly { entityType: string; entityId: string }[]) {
  const attachmentIds = rows.filter((r) => r.entityType === "Attachment").map((r) => r.entityId);
  const attachments = attachmentIds.length
    ? await prisma.attachment.findMany({ where: { id: { in: attachmentIds } }, select: { id: true, applicationId: true } })
    : [];
  const applicationOf = new Map<string, string>(attachments.map((a) => [`Attachment:${a.id}`, a.applicationId]));
  for (const row of rows) if (row.entityType === "Application") applicationOf.set(`Application:${row.entityId}`, row.entityId);
  const applicationIds = [...new Set(applicationOf.values())];
  const applications = applicationIds.length
    ? await prisma.application.findMany({
        where: { id: { in: applicationIds } },
        select: {
          id: true,
          reference: true,
          areaId: true,
          unitId: true,
          status: true,
          submittedAt: true,
          versions: { where: { versionNo: 1 }, select: { submittedAt: true } },
        },
      })
    : [];
  const access = new Map<string, AuditApplicationAccess & { reference: string }>(
    applications.map((app) => [
      app.id,
      {
        reference: app.reference,
        readable: can(user, "application:read", applicationRecordScope(app)),
        firstSubmittedAt: app.versions[0]?.submittedAt ?? app.submittedAt,
      },
    ]),
  );
  return (row: { entityType: string; entityId: string }) => {
    const applicationId = applicationOf.get(`${row.entityType}:${row.entityId}`);
    return (applicationId && access.get(applicationId)) || null;
  };
}

/** One page of audit events the reader may see, newest first, each cut down to what the reader may read. */
export async function listAuditEvents(reader: AuditReader, filter: AuditFilter, pageSize = PAGE_SIZE): Promise<AuditPage> {
  const { scope } = reader;
  const hidden = await hiddenWhere(reader);
  const where = whereFor(scope, filter, hidden);
  // The filter's lists offer everything in scope, logins included.
  const scopeWhere = whereFor(scope, { page: 1, logins: "1" }, hidden);
  const [total, entityTypes, actions] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.groupBy({ by: ["entityType"], where: scopeWhere, orderBy: { entityType: "asc" } }),
    prisma.auditEvent.groupBy({ by: ["action"], where: scopeWhere, orderBy: { action: "asc" } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  const rows = await prisma.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const accessOf = await applicationAccess(reader.user, rows);
  const recordOf = await recordsOf(reader.user, rows);
  return {
    events: rows.map((row) => {
      // The query left out what the reader may not see at all; "reference" as the safe fallback.
      const access = accessOf(row);
      const detail = auditEventDetail(scope, row, access) ?? "reference";
      const fields = auditEventFields(detail, row.before, row.after);
      return {
        id: row.id,
        at: row.at,
        actorName: row.actor?.name ?? null,
        actorEmail: row.actor?.email ?? null,
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        detail,
        reference: detail === "reference" ? (access?.reference ?? referenceOf(fields.after) ?? referenceOf(fields.before)) : null,
        changes: detail === "full" ? auditDiff(fields.before, fields.after) : [],
        record: access
          ? {
              name: { kind: "reference", reference: access.reference },
              href: access.readable && row.entityType === "Application" ? `/applications/${row.entityId}` : null,
            }
          : recordOf(row),
      };
    }),
    total,
    page,
    pages,
    entityTypes: entityTypes.map((g) => g.entityType),
    actions: actions.map((g) => g.action),
  };
}
