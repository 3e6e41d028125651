// The application's content as stored: rows ⇄ ApplicationContent ⇄ frozen
// snapshot, the lock and load before a change, and the write of a draft's
// content (after the domain's checks, all problems at once).
import { computeAmounts } from "~/domain/applications/amounts";
import { referenceProblems, type ReferenceContext } from "~/domain/applications/checks";
import { isActivityType, isCostCategory, type ApplicationContent } from "~/domain/applications/content";
import type { Problem } from "~/domain/applications/problems";
import type { ApplicationSnapshot } from "~/domain/applications/snapshot";
import { domainListText } from "~/domain/email-domains";
import type { Ore } from "~/domain/money";
import type { PermissionSubject, RecordScope } from "~/domain/permissions";
import { toIsoDate } from "~/domain/dates";
import { env } from "~/utils/env.server";
import type { Db, Tx } from "~/utils/db.server";
import { lockApplication } from "../locks.server";
import { failOn, FieldError, PermissionError } from "../mutation.server";
import { mayEmail } from "../notifications.server";
import { IN_FORCE } from "../prioritisation-in-force.server";

export const contentSelect = {
  id: true,
  reference: true,
  status: true,
  roundId: true,
  unitId: true,
  areaId: true,
  createdById: true,
  versionNo: true,
  submittedAt: true,
  contactName: true,
  contactEmail: true,
  title: true,
  purpose: true,
  targetGroup: true,
  participants: true,
  activityType: true,
  startDate: true,
  endDate: true,
  totalCostOre: true,
  coFinancingOre: true,
  requestedOre: true,
  expectedEffect: true,
  followUpPlan: true,
  softRuleJustification: true,
  costLines: { orderBy: { sortOrder: "asc" }, select: { category: true, description: true, amountOre: true } },
  focusAreas: { select: { focusAreaId: true, primary: true } },
  partnerAreas: { select: { areaId: true } },
} as const;

export type ContentRow = {
  unitId: string;
  contactName: string;
  contactEmail: string;
  title: string;
  purpose: string;
  targetGroup: string;
  participants: number | null;
  activityType: string;
  startDate: Date | null;
  endDate: Date | null;
  coFinancingOre: bigint;
  expectedEffect: string;
  followUpPlan: string;
  softRuleJustification: string;
  costLines: { category: string; description: string; amountOre: bigint }[];
  focusAreas: { focusAreaId: string; primary: boolean }[];
  partnerAreas: { areaId: string }[];
};

export function contentFromRow(row: ContentRow): ApplicationContent {
  const focusAreaIds = row.focusAreas.map((fa) => fa.focusAreaId).sort();
  return {
    unitId: row.unitId,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    title: row.title,
    purpose: row.purpose,
    targetGroup: row.targetGroup,
    participants: row.participants,
    activityType: isActivityType(row.activityType) ? row.activityType : null,
    startDate: row.startDate,
    endDate: row.endDate,
    costLines: row.costLines.map((line) => ({
      category: isCostCategory(line.category) ? line.category : null,
      description: line.description,
      amountOre: line.amountOre,
    })),
    coFinancingOre: row.coFinancingOre,
    focusAreaIds,
    primaryFocusAreaId: row.focusAreas.find((fa) => fa.primary)?.focusAreaId ?? null,
    partnerAreaIds: row.partnerAreas.map((pa) => pa.areaId).sort(),
    expectedEffect: row.expectedEffect,
    followUpPlan: row.followUpPlan,
    softRuleJustification: row.softRuleJustification,
  };
}

/** The whole application as it stands, JSON-safe (what a submission freezes). */
export async function buildSnapshot(db: Db | Tx, id: string): Promise<ApplicationSnapshot> {
  const app = await db.application.findUniqueOrThrow({
    where: { id },
    select: {
      ...contentSelect,
      round: { select: { id: true, name: true } },
      unit: { select: { id: true, name: true } },
      area: { select: { id: true, code: true, name: true } },
      focusAreas: { select: { focusAreaId: true, primary: true, focusArea: { select: { name: true } } } },
      partnerAreas: { select: { area: { select: { id: true, code: true, name: true, sortOrder: true } } } },
      attachments: {
        where: { removedAt: null },
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, mimeType: true, sizeBytes: true, sha256: true },
      },
    },
  });
  return {
    reference: app.reference,
    round: app.round,
    unit: app.unit,
    area: app.area,
    contactName: app.contactName,
    contactEmail: app.contactEmail,
    title: app.title,
    purpose: app.purpose,
    targetGroup: app.targetGroup,
    participants: app.participants,
    activityType: app.activityType || null,
    startDate: app.startDate ? toIsoDate(app.startDate) : null,
    endDate: app.endDate ? toIsoDate(app.endDate) : null,
    costLines: app.costLines.map((line) => ({ category: line.category, description: line.description, amountOre: line.amountOre.toString() })),
    totalCostOre: app.totalCostOre.toString(),
    coFinancingOre: app.coFinancingOre.toString(),
    requestedOre: app.requestedOre.toString(),
    focusAreas: app.focusAreas
      .map((fa) => ({ id: fa.focusAreaId, name: fa.focusArea.name, primary: fa.primary }))
      .sort((a, b) => Number(b.primary) - Number(a.primary) || a.name.localeCompare(b.name, "da")),
    partnerAreas: app.partnerAreas
      .map((pa) => pa.area)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map(({ id: areaId, code, name }) => ({ id: areaId, code, name })),
    expectedEffect: app.expectedEffect,
    followUpPlan: app.followUpPlan,
    softRuleJustification: app.softRuleJustification,
    attachments: app.attachments,
  };
}

export async function referenceContext(
  db: Db | Tx,
  app: { roundId: string; focusAreas: { focusAreaId: string }[]; partnerAreas: { areaId: string }[] },
): Promise<ReferenceContext> {
  const round = await db.round.findUniqueOrThrow({
    where: { id: app.roundId },
    select: {
      poolYear: {
        select: { prioritisations: { ...IN_FORCE, select: { focusAreas: { select: { focusAreaId: true } } } } },
      },
    },
  });
  const prioritised = round.poolYear.prioritisations[0]?.focusAreas.map((fa) => fa.focusAreaId) ?? [];
  const activeAreas = await db.area.findMany({ where: { active: true }, select: { id: true } });
  return {
    allowedFocusAreaIds: new Set([...prioritised, ...app.focusAreas.map((fa) => fa.focusAreaId)]),
    allowedPartnerAreaIds: new Set([...activeAreas.map((a) => a.id), ...app.partnerAreas.map((pa) => pa.areaId)]),
  };
}

export type StoredApp = Awaited<ReturnType<typeof loadForChange>>;

export async function loadForChange(tx: Tx, id: string) {
  await lockApplication(tx, id);
  const app = await tx.application.findUnique({
    where: { id },
    select: {
      ...contentSelect,
      revision: true,
      unit: { select: { name: true } },
      round: { select: { id: true, name: true, opensAt: true, closesAt: true, endorsementDeadline: true, decisionDate: true } },
    },
  });
  if (!app) throw new PermissionError(404);
  return app;
}

/**
 * Refuses a save made on an older content revision than the stored one (a lost
 * update: somebody else saved in between). Undefined: the caller edits on top
 * of whatever is stored (services and tests, never a form).
 */
export function requireRevision(app: { revision: number }, expectedRevision: number | undefined): void {
  if (expectedRevision !== undefined && expectedRevision !== app.revision) throw new FieldError("", "applications.error.staleRevision");
}

/**
 * The contact e-mail must be one the system may write to: a user's, or one
 * inside the configured domains (ALLOWED_EMAIL_DOMAINS). Null: it may.
 */
export async function contactEmailProblem(db: Db | Tx, contactEmail: string): Promise<Problem | null> {
  const email = contactEmail.trim().toLowerCase();
  if (!email || (await mayEmail(db, email))) return null;
  return { field: "contactEmail", key: "applications.error.contactEmailDomain", vars: { domains: domainListText(env().ALLOWED_EMAIL_DOMAINS, "eller") } };
}

/** Writes the content of a draft: fields, totals, cost lines, focus areas, partner areas. */
export async function writeContent(tx: Tx, app: StoredApp, content: ApplicationContent, user: PermissionSubject, requireScope: (r: RecordScope) => void) {
  let unitId = app.unitId;
  let areaId = app.areaId;
  if (content.unitId && content.unitId !== app.unitId) {
    const unit = await tx.unit.findUnique({ where: { id: content.unitId }, select: { id: true, areaId: true, active: true } });
    if (!unit || !unit.active) throw new FieldError("unitId", "validation.choose");
    requireScope({ areaId: unit.areaId, unitId: unit.id });
    unitId = unit.id;
    areaId = unit.areaId;
  }
  failOn([...referenceProblems(content, await referenceContext(tx, app), app, user, areaId), await contactEmailProblem(tx, content.contactEmail)]);
  const lines = content.costLines.map((line) => ({ ...line, amountOre: line.amountOre ?? 0n }));
  const amounts = computeAmounts(lines, content.coFinancingOre);
  // Only the revision that was read (and locked) is overwritten; on a stale one nothing is written.
  const written = await tx.application.updateMany({
    where: { id: app.id, revision: app.revision },
    data: {
      revision: { increment: 1 },
      unitId,
      areaId,
      contactName: content.contactName,
      contactEmail: content.contactEmail,
      title: content.title,
      purpose: content.purpose,
      targetGroup: content.targetGroup,
      participants: content.participants,
      activityType: content.activityType ?? "",
      startDate: content.startDate,
      endDate: content.endDate,
      ...amounts,
      expectedEffect: content.expectedEffect,
      followUpPlan: content.followUpPlan,
      softRuleJustification: content.softRuleJustification,
    },
  });
  if (written.count !== 1) throw new FieldError("", "applications.error.staleRevision");
  await tx.applicationCostLine.deleteMany({ where: { applicationId: app.id } });
  if (lines.length > 0) {
    await tx.applicationCostLine.createMany({
      data: lines.map((line, index) => ({
        applicationId: app.id,
        category: line.category ?? "",
        description: line.description,
        amountOre: line.amountOre,
        sortOrder: index + 1,
      })),
    });
  }
  await tx.applicationFocusArea.deleteMany({ where: { applicationId: app.id } });
  if (content.focusAreaIds.length > 0) {
    await tx.applicationFocusArea.createMany({
      data: content.focusAreaIds.map((focusAreaId) => ({ applicationId: app.id, focusAreaId, primary: focusAreaId === content.primaryFocusAreaId })),
    });
  }
  await tx.applicationPartnerArea.deleteMany({ where: { applicationId: app.id } });
  if (content.partnerAreaIds.length > 0) {
    await tx.applicationPartnerArea.createMany({ data: content.partnerAreaIds.map((partnerId) => ({ applicationId: app.id, areaId: partnerId })) });
  }
  return { areaId, unitId, amounts };
}

/** What the audit trail keeps of a draft's content (the full content is in the versions). */
export function contentSummary(content: ApplicationContent, amounts: { totalCostOre: Ore; coFinancingOre: Ore; requestedOre: Ore }) {
  return {
    title: content.title,
    participants: content.participants,
    activityType: content.activityType,
    startDate: content.startDate ? toIsoDate(content.startDate) : null,
    endDate: content.endDate ? toIsoDate(content.endDate) : null,
    costLines: content.costLines.length,
    focusAreaIds: content.focusAreaIds,
    primaryFocusAreaId: content.primaryFocusAreaId,
    partnerAreaIds: content.partnerAreaIds,
    ...amounts,
  };
}
