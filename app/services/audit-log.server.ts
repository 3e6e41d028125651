// Read queries for the audit trail (revisionsspor). The reader's scope is
// applied in the query itself: the pool secretariat never receives events
// outside the pool records, whatever the filter in the URL says.
import { z } from "zod";
import { auditDiff, auditScope, nextIsoDate, POOL_ENTITY_TYPES, startOfDayInZone, type AuditChange } from "~/domain/audit";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { pageParam, PAGE_SIZE } from "~/utils/list-params";
import { forbidden } from "~/utils/permissions.server";
import { requireUser, type SessionUser } from "~/utils/session.server";

/** The logged-in user and the part of the audit trail they may read; 403 for everyone else. */
export async function requireAuditReader(request: Request): Promise<{ user: SessionUser; scope: "all" | "pool" }> {
  const user = await requireUser(request);
  const scope = auditScope(user);
  if (!scope) forbidden();
  return { user, scope };
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((text) => {
    const date = new Date(`${text}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  });

/** The audit page's filters, from the URL. Bad values are dropped, never an error. */
export const AuditFilterSchema = z.object({
  entityType: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]{0,59}$/).optional().catch(undefined),
  action: z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,100}$/).optional().catch(undefined),
  entityId: z.string().trim().min(1).max(100).optional().catch(undefined),
  actor: z.string().trim().min(1).max(100).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  page: pageParam,
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

function whereFor(scope: "all" | "pool", filter: AuditFilter): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (scope === "pool") and.push({ entityType: { in: [...POOL_ENTITY_TYPES] } });
  if (filter.entityType) and.push({ entityType: filter.entityType });
  if (filter.action) and.push({ action: filter.action });
  if (filter.entityId) and.push({ entityId: filter.entityId });
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
  changes: AuditChange[];
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

/** One page of audit events in the reader's scope, newest first. */
export async function listAuditEvents(scope: "all" | "pool", filter: AuditFilter, pageSize = PAGE_SIZE): Promise<AuditPage> {
  const where = whereFor(scope, filter);
  const scopeWhere = whereFor(scope, { page: 1 });
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
  return {
    events: rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorName: row.actor?.name ?? null,
      actorEmail: row.actor?.email ?? null,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      changes: auditDiff(row.before, row.after),
    })),
    total,
    page,
    pages,
    entityTypes: entityTypes.map((g) => g.entityType),
    actions: actions.map((g) => g.action),
  };
}
