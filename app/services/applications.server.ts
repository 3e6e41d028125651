// Applications (ansøgninger): drafts that are saved and resumed, submission
// while the round is open (frozen as an immutable version; a returned one may
// be submitted again until the endorsement deadline), the area lead's
// endorsement (indstilling), return for changes and withdrawal. Every change is
// a mutation (one transaction with its audit event) and tells the people who
// must know through notify() in the same transaction. Money is bigint øre.
import {
  submissionProblems,
  type ActivityType,
  type ApplicationContent,
  type ContentProblem,
  isActivityType,
  isCostCategory,
  MAX_COST_LINES,
} from "~/components/applications/schema";
import type { ApplicationSnapshot } from "~/components/applications/snapshot";
import { computeAmounts, applicationReference, totalCostTooLarge } from "~/domain/applications/amounts";
import { canTransition, isEditable, submissionDeadline, type ApplicationStatus } from "~/domain/applications/status";
import { applicationRecordScope, type ApplicationPlace } from "~/domain/applications/visibility";
import { domainListText } from "~/domain/email-domains";
import { MAX_ABS_ORE, type Ore } from "~/domain/money";
import { applicantUnitIds, can, scopeFilter, type PermissionSubject, type RecordScope } from "~/domain/permissions";
import { roundStatus, type RoundStatus } from "~/domain/rounds";
import { screeningSummary, type Verdict } from "~/domain/screening/engine";
import { formatDateTime, translate, type Lang } from "~/i18n";
import { explainVerdict, ruleName } from "~/i18n/screening";
import { formatErrorVars } from "~/utils/action.server";
import { env } from "~/utils/env.server";
import { prisma, type Db, type Tx } from "~/utils/db.server";
import { defineMutation, FieldError, PermissionError, type Actor } from "./mutation.server";
import { mayEmail, notify, recipientsWithRole, type Recipient } from "./notifications.server";
import { loadScreeningSetup, screenContent, screeningView, verdictsFromJson, verdictsToJson, type ScreeningView } from "./screening.server";

// ---------------------------------------------------------------------------
// Shared helpers

/** The organisational place of an application, for permission checks (a never-submitted draft is the unit's own). */
export function applicationScope(application: ApplicationPlace): RecordScope {
  return applicationRecordScope(application);
}

/** Problems → Conform field errors ("" = the whole form), translated where they quote values. */
export function problemErrors(problems: readonly ContentProblem[], lang: Lang): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) {
    const message = problem.vars ? translate(lang, problem.key, formatErrorVars(problem.vars, lang)) : problem.key;
    const list = (errors[problem.field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return errors;
}

function throwFirst(problems: readonly ContentProblem[]): void {
  const first = problems[0];
  if (first) throw new FieldError(first.field, first.key, first.vars);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** One change at a time per application: submit, save, return... wait for each other. */
async function lockApplication(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${id} FOR UPDATE`;
}

/** One new reference at a time per pool year (the unique index is the backstop). */
async function lockPoolYear(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "PoolYear" WHERE id = ${id} FOR UPDATE`;
}

/**
 * One endorsement or ranking at a time per round and area (transaction-scoped
 * advisory lock): rank uniqueness is checked by reading, so two at once would
 * otherwise both see a rank as free.
 */
export async function lockEndorsementRanks(tx: Tx, roundId: string, areaId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${roundId}::text || ':' || ${areaId}::text))`;
}

function requireUser(actor: Actor) {
  if (!actor.user) throw new PermissionError(403);
  return actor.user;
}

/** The minimum to decide access: null when there is no such application. */
export async function findApplicationScope(id: string | undefined) {
  if (!id) return null;
  return prisma.application.findUnique({ where: { id }, select: { id: true, areaId: true, unitId: true, status: true, submittedAt: true } });
}

// ---------------------------------------------------------------------------
// Content: stored rows ⇄ ApplicationContent ⇄ frozen snapshot

const contentSelect = {
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

type ContentRow = {
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
async function buildSnapshot(db: Db | Tx, id: string): Promise<ApplicationSnapshot> {
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
    startDate: app.startDate ? app.startDate.toISOString().slice(0, 10) : null,
    endDate: app.endDate ? app.endDate.toISOString().slice(0, 10) : null,
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

interface ReferenceContext {
  /** Focus areas that may be chosen: the year's current prioritisation, plus those already on the application. */
  allowedFocusAreaIds: Set<string>;
  /** Areas that may be partners: active ones, plus those already on the application. */
  allowedPartnerAreaIds: Set<string>;
}

async function referenceContext(
  db: Db | Tx,
  app: { roundId: string; focusAreas: { focusAreaId: string }[]; partnerAreas: { areaId: string }[] },
): Promise<ReferenceContext> {
  const round = await db.round.findUniqueOrThrow({
    where: { id: app.roundId },
    select: {
      poolYear: {
        select: { prioritisations: { orderBy: { revision: "desc" }, take: 1, select: { focusAreas: { select: { focusAreaId: true } } } } },
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

/** Problems with the content's references (focus areas, partner areas, unit) and sizes. Empty = storable. */
function referenceProblems(
  content: ApplicationContent,
  context: ReferenceContext,
  app: { status: ApplicationStatus; unitId: string },
  user: PermissionSubject,
  targetAreaId: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  if (content.unitId && content.unitId !== app.unitId) {
    if (app.status !== "DRAFT") problems.push({ field: "unitId", key: "applications.error.unitLocked" });
    else if (!applicantUnitIds(user).includes(content.unitId)) problems.push({ field: "unitId", key: "validation.choose" });
  }
  if (content.focusAreaIds.some((id) => !context.allowedFocusAreaIds.has(id))) {
    problems.push({ field: "focusAreaIds", key: "applications.error.focusAreaNotPrioritised" });
  }
  if (content.primaryFocusAreaId && !content.focusAreaIds.includes(content.primaryFocusAreaId)) {
    problems.push({ field: "primaryFocusAreaId", key: "applications.error.primaryNotChosen" });
  }
  if (content.partnerAreaIds.includes(targetAreaId)) {
    problems.push({ field: "partnerAreaIds", key: "applications.error.partnerOwnArea" });
  } else if (content.partnerAreaIds.some((id) => !context.allowedPartnerAreaIds.has(id))) {
    problems.push({ field: "partnerAreaIds", key: "validation.invalid" });
  }
  if (content.costLines.length > MAX_COST_LINES) problems.push({ field: "costLines", key: "applications.error.tooManyCostLines" });
  const costs = content.costLines.map((line) => ({ amountOre: line.amountOre ?? 0n }));
  if (totalCostTooLarge(costs)) {
    const totalOre = computeAmounts(costs, 0n).totalCostOre;
    problems.push({ field: "costLines", key: "applications.error.totalTooLarge", vars: { totalOre: totalOre.toString(), maxOre: MAX_ABS_ORE.toString() } });
  }
  content.costLines.forEach((line, index) => {
    if (line.amountOre !== null && line.amountOre < 0n) {
      problems.push({ field: `costLines[${index}].amount`, key: "applications.error.amountNegative" });
    }
  });
  if (content.coFinancingOre < 0n) problems.push({ field: "coFinancing", key: "applications.error.coFinancingNegative" });
  if (content.participants !== null && (!Number.isSafeInteger(content.participants) || content.participants < 0)) {
    problems.push({ field: "participants", key: "validation.integer" });
  }
  return problems;
}

type StoredApp = Awaited<ReturnType<typeof loadForChange>>;

async function loadForChange(tx: Tx, id: string) {
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
function requireRevision(app: { revision: number }, expectedRevision: number | undefined): void {
  if (expectedRevision !== undefined && expectedRevision !== app.revision) throw new FieldError("", "applications.error.staleRevision");
}

/**
 * The contact e-mail must be one the system may write to: a user's, or one
 * inside the configured domains (ALLOWED_EMAIL_DOMAINS). Null: it may.
 */
async function contactEmailProblem(db: Db | Tx, contactEmail: string): Promise<ContentProblem | null> {
  const email = contactEmail.trim().toLowerCase();
  if (!email || (await mayEmail(db, email))) return null;
  return { field: "contactEmail", key: "applications.error.contactEmailDomain", vars: { domains: domainListText(env().ALLOWED_EMAIL_DOMAINS, "eller") } };
}

/** Writes the content of a draft: fields, totals, cost lines, focus areas, partner areas. */
async function writeContent(tx: Tx, app: StoredApp, content: ApplicationContent, user: PermissionSubject, requireScope: (r: RecordScope) => void) {
  let unitId = app.unitId;
  let areaId = app.areaId;
  if (content.unitId && content.unitId !== app.unitId) {
    const unit = await tx.unit.findUnique({ where: { id: content.unitId }, select: { id: true, areaId: true, active: true } });
    if (!unit || !unit.active) throw new FieldError("unitId", "validation.choose");
    requireScope({ areaId: unit.areaId, unitId: unit.id });
    unitId = unit.id;
    areaId = unit.areaId;
  }
  throwFirst(referenceProblems(content, await referenceContext(tx, app), app, user, areaId));
  const contactProblem = await contactEmailProblem(tx, content.contactEmail);
  if (contactProblem) throwFirst([contactProblem]);
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
function contentSummary(content: ApplicationContent, amounts: { totalCostOre: Ore; coFinancingOre: Ore; requestedOre: Ore }) {
  return {
    title: content.title,
    participants: content.participants,
    activityType: content.activityType,
    startDate: content.startDate?.toISOString().slice(0, 10) ?? null,
    endDate: content.endDate?.toISOString().slice(0, 10) ?? null,
    costLines: content.costLines.length,
    focusAreaIds: content.focusAreaIds,
    primaryFocusAreaId: content.primaryFocusAreaId,
    partnerAreaIds: content.partnerAreaIds,
    ...amounts,
  };
}

// ---------------------------------------------------------------------------
// Notifications

function notificationVars(
  app: { id: string; reference: string; title: string; unit: { name: string }; round: { name: string; endorsementDeadline: Date } },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    reference: app.reference,
    title: app.title || app.reference,
    unit: app.unit.name,
    round: app.round.name,
    deadline: formatDateTime(app.round.endorsementDeadline, "da"),
    link: `/applications/${app.id}`,
    ...extra,
  };
}

/** The applicant side: who created the application and its contact person. */
async function applicantRecipients(tx: Tx, app: { createdById: string; contactEmail: string; contactName: string }): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  const creator = await tx.user.findUnique({ where: { id: app.createdById }, select: { id: true, email: true, name: true, active: true } });
  if (creator?.active) recipients.push({ userId: creator.id, email: creator.email, name: creator.name });
  const contactEmail = app.contactEmail.trim().toLowerCase();
  if (contactEmail && contactEmail !== creator?.email) {
    const contact = await tx.user.findUnique({ where: { email: contactEmail }, select: { id: true, name: true, active: true } });
    recipients.push({ userId: contact?.active ? contact.id : null, email: contactEmail, name: contact?.name ?? app.contactName });
  }
  return recipients;
}

// ---------------------------------------------------------------------------
// Reads

export interface RoundOption {
  id: string;
  name: string;
  year: number;
  closesAt: Date;
}

export interface UnitOption {
  id: string;
  name: string;
  areaName: string;
}

/** The user's applicant units (active), for the new-application and edit forms. */
export async function applicantUnits(user: PermissionSubject): Promise<UnitOption[]> {
  const ids = applicantUnitIds(user);
  if (ids.length === 0) return [];
  const units = await prisma.unit.findMany({
    where: { id: { in: ids }, active: true },
    select: { id: true, name: true, area: { select: { name: true, sortOrder: true } } },
  });
  return units
    .sort((a, b) => a.area.sortOrder - b.area.sortOrder || a.name.localeCompare(b.name, "da"))
    .map((u) => ({ id: u.id, name: u.name, areaName: u.area.name }));
}

/** Rounds open for applications now, and the user's units. */
export async function newApplicationOptions(user: PermissionSubject, now: Date = new Date()): Promise<{ rounds: RoundOption[]; units: UnitOption[] }> {
  const rounds = await prisma.round.findMany({
    where: { opensAt: { lte: now }, closesAt: { gt: now } },
    orderBy: [{ closesAt: "asc" }, { name: "asc" }],
    select: { id: true, name: true, opensAt: true, closesAt: true, endorsementDeadline: true, decisionDate: true, poolYear: { select: { year: true } } },
  });
  return {
    rounds: rounds.filter((r) => roundStatus(r, now) === "open").map((r) => ({ id: r.id, name: r.name, year: r.poolYear.year, closesAt: r.closesAt })),
    units: await applicantUnits(user),
  };
}

export interface FocusAreaOption {
  id: string;
  name: string;
  description: string;
  rank: number | null;
}

export interface AreaOption {
  id: string;
  code: string;
  name: string;
}

export interface RoundInfo {
  id: string;
  name: string;
  year: number;
  opensAt: Date;
  closesAt: Date;
  endorsementDeadline: Date;
  decisionDate: Date;
  status: RoundStatus;
}

export interface EditData {
  application: {
    id: string;
    reference: string;
    status: ApplicationStatus;
    versionNo: number;
    unitId: string;
    unitName: string;
    areaId: string;
    areaName: string;
    totalCostOre: Ore;
    coFinancingOre: Ore;
    requestedOre: Ore;
    updatedAt: Date;
    /** The content revision (the edit form sends it back with a save). */
    revision: number;
  };
  round: RoundInfo;
  content: ApplicationContent;
  focusAreaOptions: FocusAreaOption[];
  partnerAreaOptions: AreaOption[];
  unitOptions: UnitOption[];
  screening: ScreeningView;
  attachments: AttachmentInfo[];
  /** The latest comment of a return for changes (shown on a returned application). */
  returnComment: CommentView | null;
}

export interface AttachmentInfo {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
  uploadedByName: string | null;
}

export interface CommentView {
  id: string;
  kind: string;
  body: string;
  createdAt: Date;
  authorName: string;
}

async function attachmentsOf(applicationId: string): Promise<AttachmentInfo[]> {
  const rows = await prisma.attachment.findMany({
    where: { applicationId, removedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true, uploadedById: true },
  });
  const names = await userNames(rows.map((r) => r.uploadedById));
  return rows.map(({ uploadedById, ...rest }) => ({ ...rest, uploadedByName: names.get(uploadedById) ?? null }));
}

async function userNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

async function commentsOf(applicationId: string): Promise<CommentView[]> {
  const rows = await prisma.applicationComment.findMany({
    where: { applicationId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, body: r.body, createdAt: r.createdAt, authorName: r.author.name }));
}

function roundInfo(round: { id: string; name: string; opensAt: Date; closesAt: Date; endorsementDeadline: Date; decisionDate: Date; poolYear: { year: number } }, now: Date): RoundInfo {
  return {
    id: round.id,
    name: round.name,
    year: round.poolYear.year,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    endorsementDeadline: round.endorsementDeadline,
    decisionDate: round.decisionDate,
    status: roundStatus(round, now),
  };
}

const roundInfoSelect = {
  id: true,
  name: true,
  opensAt: true,
  closesAt: true,
  endorsementDeadline: true,
  decisionDate: true,
  poolYear: { select: { year: true, id: true } },
} as const;

/** Everything the edit page needs. Null: no such application. */
export async function getEditData(id: string, user: PermissionSubject, lang: Lang, now: Date = new Date()): Promise<EditData | null> {
  const app = await prisma.application.findUnique({
    where: { id },
    select: {
      ...contentSelect,
      updatedAt: true,
      revision: true,
      unit: { select: { name: true } },
      area: { select: { name: true } },
      round: { select: roundInfoSelect },
    },
  });
  if (!app) return null;
  const content = contentFromRow(app);
  const prioritisation = await prisma.prioritisation.findFirst({
    where: { poolYearId: app.round.poolYear.id },
    orderBy: { revision: "desc" },
    select: { focusAreas: { orderBy: { rank: "asc" }, select: { rank: true, focusArea: { select: { id: true, name: true, description: true } } } } },
  });
  const focusAreaOptions: FocusAreaOption[] = (prioritisation?.focusAreas ?? []).map((fa) => ({ ...fa.focusArea, rank: fa.rank }));
  const extraFocus = content.focusAreaIds.filter((fid) => !focusAreaOptions.some((o) => o.id === fid));
  if (extraFocus.length > 0) {
    const extra = await prisma.focusArea.findMany({ where: { id: { in: extraFocus } }, select: { id: true, name: true, description: true } });
    focusAreaOptions.push(...extra.map((fa) => ({ ...fa, rank: null })));
  }
  const areas = await prisma.area.findMany({
    where: { OR: [{ active: true }, { id: { in: content.partnerAreaIds } }] },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true },
  });
  const setup = await loadScreeningSetup(prisma, app.roundId);
  const comments = app.status === "RETURNED" ? await commentsOf(app.id) : [];
  const returnComment = [...comments].reverse().find((c) => c.kind === "RETURN") ?? null;
  return {
    application: {
      id: app.id,
      reference: app.reference,
      status: app.status,
      versionNo: app.versionNo,
      unitId: app.unitId,
      unitName: app.unit.name,
      areaId: app.areaId,
      areaName: app.area.name,
      totalCostOre: app.totalCostOre,
      coFinancingOre: app.coFinancingOre,
      requestedOre: app.requestedOre,
      updatedAt: app.updatedAt,
      revision: app.revision,
    },
    round: roundInfo(app.round, now),
    content,
    focusAreaOptions,
    partnerAreaOptions: areas.filter((a) => a.id !== app.areaId),
    unitOptions: app.status === "DRAFT" ? await applicantUnits(user) : [],
    screening: screeningView(screenContent(setup, content, app.areaId), lang),
    attachments: await attachmentsOf(app.id),
    returnComment,
  };
}

/** Screens content typed on the form, without storing anything (live screening). */
export async function screenDraftContent(id: string, content: ApplicationContent, lang: Lang): Promise<ScreeningView | null> {
  const app = await prisma.application.findUnique({ where: { id }, select: { roundId: true, areaId: true, unitId: true } });
  if (!app) return null;
  let areaId = app.areaId;
  if (content.unitId && content.unitId !== app.unitId) {
    const unit = await prisma.unit.findUnique({ where: { id: content.unitId }, select: { areaId: true } });
    if (unit) areaId = unit.areaId;
  }
  const setup = await loadScreeningSetup(prisma, app.roundId);
  return screeningView(screenContent(setup, content, areaId), lang);
}

export interface VersionView {
  versionNo: number;
  submittedAt: Date;
  submittedByName: string | null;
  guidelineVersion: number | null;
  content: ApplicationSnapshot;
  screening: ScreeningView;
}

export interface ApplicationDetail {
  id: string;
  reference: string;
  status: ApplicationStatus;
  versionNo: number;
  unitId: string;
  areaId: string;
  unitName: string;
  areaName: string;
  round: RoundInfo;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  submittedAt: Date | null;
  endorsedAt: Date | null;
  endorsedByName: string | null;
  endorsementRank: number | null;
  withdrawnAt: Date | null;
  totalCostOre: Ore;
  coFinancingOre: Ore;
  requestedOre: Ore;
  /** The current (draft) content, as a snapshot. */
  draft: ApplicationSnapshot;
  /** The screening of the current content. */
  draftScreening: ScreeningView;
  latestVersion: VersionView | null;
  comments: CommentView[];
  attachments: AttachmentInfo[];
}

async function versionViews(applicationId: string, lang: Lang, take?: number): Promise<VersionView[]> {
  const versions = await prisma.applicationVersion.findMany({
    where: { applicationId },
    orderBy: { versionNo: "desc" },
    ...(take ? { take } : {}),
    select: { versionNo: true, submittedAt: true, submittedById: true, guidelineVersionId: true, content: true, screening: true },
  });
  const names = await userNames(versions.map((v) => v.submittedById));
  const guidelineIds = [...new Set(versions.map((v) => v.guidelineVersionId).filter((g): g is string => !!g))];
  const guidelines = guidelineIds.length
    ? await prisma.guidelineVersion.findMany({ where: { id: { in: guidelineIds } }, select: { id: true, version: true } })
    : [];
  return versions.map((v) => ({
    versionNo: v.versionNo,
    submittedAt: v.submittedAt,
    submittedByName: names.get(v.submittedById) ?? null,
    guidelineVersion: guidelines.find((g) => g.id === v.guidelineVersionId)?.version ?? null,
    content: v.content as unknown as ApplicationSnapshot,
    screening: screeningView(verdictsFromJson(v.screening), lang),
  }));
}

/** The application for its detail page. Null: no such application. */
export async function getApplicationDetail(id: string, lang: Lang, now: Date = new Date()): Promise<ApplicationDetail | null> {
  const app = await prisma.application.findUnique({
    where: { id },
    select: {
      ...contentSelect,
      createdAt: true,
      endorsedAt: true,
      endorsedById: true,
      endorsementRank: true,
      withdrawnAt: true,
      unit: { select: { name: true } },
      area: { select: { name: true } },
      round: { select: roundInfoSelect },
    },
  });
  if (!app) return null;
  const names = await userNames([app.createdById, app.endorsedById]);
  const setup = await loadScreeningSetup(prisma, app.roundId);
  const content = contentFromRow(app);
  const [latestVersion] = await versionViews(app.id, lang, 1);
  return {
    id: app.id,
    reference: app.reference,
    status: app.status,
    versionNo: app.versionNo,
    unitId: app.unitId,
    areaId: app.areaId,
    unitName: app.unit.name,
    areaName: app.area.name,
    round: roundInfo(app.round, now),
    createdById: app.createdById,
    createdByName: names.get(app.createdById) ?? "",
    createdAt: app.createdAt,
    submittedAt: app.submittedAt,
    endorsedAt: app.endorsedAt,
    endorsedByName: app.endorsedById ? (names.get(app.endorsedById) ?? null) : null,
    endorsementRank: app.endorsementRank,
    withdrawnAt: app.withdrawnAt,
    totalCostOre: app.totalCostOre,
    coFinancingOre: app.coFinancingOre,
    requestedOre: app.requestedOre,
    draft: await buildSnapshot(prisma, app.id),
    draftScreening: screeningView(screenContent(setup, content, app.areaId), lang),
    latestVersion: latestVersion ?? null,
    comments: await commentsOf(app.id),
    attachments: await attachmentsOf(app.id),
  };
}

/** All submitted versions, newest first. */
export async function getVersions(id: string, lang: Lang): Promise<{ reference: string; title: string; versions: VersionView[] } | null> {
  const app = await prisma.application.findUnique({ where: { id }, select: { reference: true, title: true } });
  if (!app) return null;
  return { ...app, versions: await versionViews(id, lang) };
}

/** The content stored on an application now. */
export async function storedContent(id: string): Promise<ApplicationContent | null> {
  const app = await prisma.application.findUnique({ where: { id }, select: contentSelect });
  return app ? contentFromRow(app) : null;
}

// ---------------------------------------------------------------------------
// Submission checks (all problems at once, for the form; the mutation re-checks)

export interface SubmitInput {
  id: string;
  /** The form's content to store and submit; null: submit what is stored. */
  content: ApplicationContent | null;
  /** The content revision the form was opened on (see saveDraft). */
  expectedRevision?: number;
  /** Language of messages that quote values (dates, rules). */
  lang?: Lang;
  /** The moment of submission (tests); now by default. */
  now?: Date;
}

/**
 * Why the round does not take this submission now, or null. A first submission
 * only while the round is open; a returned application may be submitted again
 * after closing, until the endorsement deadline (returns are allowed after
 * closing, and the area lead must still be able to endorse it).
 */
function roundClosedProblem(
  round: { opensAt: Date; closesAt: Date; endorsementDeadline: Date; decisionDate: Date },
  applicationStatus: ApplicationStatus,
  now: Date,
  lang: Lang,
): ContentProblem | null {
  const status = roundStatus(round, now);
  if (status === "open") return null;
  if (status === "planned") return { field: "", key: "applications.error.roundNotYetOpen", vars: { opensAt: formatDateTime(round.opensAt, lang) } };
  if (applicationStatus === "RETURNED") {
    const deadline = submissionDeadline(applicationStatus, round);
    if (now <= deadline) return null;
    return { field: "", key: "applications.error.resubmissionDeadlinePassed", vars: { deadline: formatDateTime(deadline, lang) } };
  }
  return { field: "", key: "applications.error.roundClosed", vars: { closedAt: formatDateTime(round.closesAt, lang) } };
}

function screeningProblems(verdicts: readonly Verdict[], justification: string, lang: Lang): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const verdict of verdicts) {
    if (verdict.outcome !== "fail") continue;
    problems.push({
      field: "",
      key: "applications.error.hardRule",
      vars: { rule: ruleName(verdict, lang), reason: explainVerdict(verdict, lang) },
    });
  }
  if (screeningSummary(verdicts).warnings > 0 && !justification.trim()) {
    problems.push({ field: "softRuleJustification", key: "applications.error.justificationRequired" });
  }
  return problems;
}

/**
 * Every reason the application cannot be submitted now with this content
 * (null: the stored content), without changing anything. Empty = it can.
 */
export async function checkSubmission(input: SubmitInput & { user: PermissionSubject }): Promise<ContentProblem[]> {
  const lang = input.lang ?? "da";
  const now = input.now ?? new Date();
  const app = await prisma.application.findUnique({
    where: { id: input.id },
    select: { ...contentSelect, revision: true, round: { select: { opensAt: true, closesAt: true, endorsementDeadline: true, decisionDate: true } } },
  });
  if (!app) return [{ field: "", key: "applications.error.notFound" }];
  if (!canTransition(app.status, "submit")) return [{ field: "", key: "applications.error.notEditable" }];
  if (input.expectedRevision !== undefined && input.expectedRevision !== app.revision) return [{ field: "", key: "applications.error.staleRevision" }];
  const closed = roundClosedProblem(app.round, app.status, now, lang);
  if (closed) return [closed];
  const content = input.content ?? contentFromRow(app);
  let areaId = app.areaId;
  if (content.unitId && content.unitId !== app.unitId) {
    const unit = await prisma.unit.findUnique({ where: { id: content.unitId }, select: { areaId: true } });
    if (unit) areaId = unit.areaId;
  }
  const problems = [...referenceProblems(content, await referenceContext(prisma, app), app, input.user, areaId), ...submissionProblems(content)];
  const contactProblem = await contactEmailProblem(prisma, content.contactEmail);
  if (contactProblem) problems.push(contactProblem);
  const setup = await loadScreeningSetup(prisma, app.roundId);
  problems.push(...screeningProblems(screenContent(setup, content, areaId), content.softRuleJustification, lang));
  return problems;
}

// ---------------------------------------------------------------------------
// Mutations

export interface CreateApplicationInput {
  roundId: string;
  unitId: string;
  now?: Date;
}

export const createApplication = defineMutation<CreateApplicationInput, { id: string; reference: string }>("application.create", {
  permission: "application:create",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { id: true, areaId: true, active: true } });
    if (!unit || !unit.active || !applicantUnitIds(user).includes(unit.id)) throw new FieldError("unitId", "validation.choose");
    requireScope("application:create", { areaId: unit.areaId, unitId: unit.id });
    const round = await tx.round.findUnique({
      where: { id: input.roundId },
      select: { id: true, opensAt: true, closesAt: true, endorsementDeadline: true, decisionDate: true, poolYear: { select: { id: true, year: true } } },
    });
    if (!round || roundStatus(round, now) !== "open") throw new FieldError("roundId", "applications.error.roundNotOpen");
    // Lock the pool year, then count: a simultaneous creation waits here and counts ours.
    await lockPoolYear(tx, round.poolYear.id);
    let sequence = (await tx.application.count({ where: { round: { poolYearId: round.poolYear.id } } })) + 1;
    let reference = applicationReference(round.poolYear.year, sequence);
    while (await tx.application.findUnique({ where: { reference }, select: { id: true } })) {
      sequence += 1;
      reference = applicationReference(round.poolYear.year, sequence);
    }
    let created;
    try {
      created = await tx.application.create({
        data: {
          reference,
          roundId: round.id,
          unitId: unit.id,
          areaId: unit.areaId,
          createdById: user.id,
          status: "DRAFT",
          contactName: user.name,
          contactEmail: user.email,
        },
        select: { id: true, reference: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new FieldError("", "error.409");
      throw error;
    }
    return {
      result: created,
      audit: {
        action: "application.create",
        entityType: "Application",
        entityId: created.id,
        after: { reference: created.reference, status: "DRAFT", roundId: round.id, unitId: unit.id, areaId: unit.areaId },
      },
    };
  },
});

export interface SaveDraftInput {
  id: string;
  content: ApplicationContent;
  /**
   * The content revision the form was opened on: a save on an older one is
   * refused and writes nothing (two saves of one draft at once: the second
   * is told, never silently overwrites the first).
   */
  expectedRevision?: number;
}

export const saveDraft = defineMutation<SaveDraftInput, { id: string }>("application.saveDraft", {
  permission: "application:edit",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const app = await loadForChange(tx, input.id);
    requireScope("application:edit", applicationScope(app));
    if (!isEditable(app.status)) throw new FieldError("", "applications.error.notEditable");
    requireRevision(app, input.expectedRevision);
    const before = contentFromRow(app);
    const { amounts, unitId, areaId } = await writeContent(tx, app, input.content, user, (scope) => requireScope("application:edit", scope));
    return {
      result: { id: app.id },
      audit: {
        action: "application.saveDraft",
        entityType: "Application",
        entityId: app.id,
        before: {
          unitId: app.unitId,
          ...contentSummary(before, { totalCostOre: app.totalCostOre, coFinancingOre: app.coFinancingOre, requestedOre: app.requestedOre }),
          revision: app.revision,
        },
        after: { unitId, areaId, ...contentSummary(input.content, amounts), revision: app.revision + 1 },
      },
    };
  },
});

export const submitApplication = defineMutation<SubmitInput, { versionNo: number }>("application.submit", {
  permission: "application:edit",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const lang = input.lang ?? "da";
    const now = input.now ?? new Date();
    let app = await loadForChange(tx, input.id);
    requireScope("application:edit", applicationScope(app));
    if (!canTransition(app.status, "submit")) throw new FieldError("", "applications.error.notEditable");
    const closed = roundClosedProblem(app.round, app.status, now, lang);
    if (closed) throwFirst([closed]);
    if (input.content) {
      requireRevision(app, input.expectedRevision);
      await writeContent(tx, app, input.content, user, (scope) => requireScope("application:edit", scope));
      app = await loadForChange(tx, input.id);
    }
    const content = contentFromRow(app);
    throwFirst(submissionProblems(content));
    const setup = await loadScreeningSetup(tx, app.roundId);
    const verdicts = screenContent(setup, content, app.areaId);
    throwFirst(screeningProblems(verdicts, content.softRuleJustification, lang));

    const versionNo = app.versionNo + 1;
    const snapshot = await buildSnapshot(tx, app.id);
    await tx.application.update({ where: { id: app.id }, data: { status: "SUBMITTED", submittedAt: now, versionNo } });
    await tx.applicationVersion.create({
      data: {
        applicationId: app.id,
        versionNo,
        content: snapshot as unknown as object,
        screening: verdictsToJson(verdicts),
        guidelineVersionId: setup.guidelineVersionId,
        submittedAt: now,
        submittedById: user.id,
      },
    });
    const vars = notificationVars(app, { by: user.name });
    await notify(tx, { kind: "application.submitted", applicationId: app.id, recipients: await recipientsWithRole(tx, "AREA_LEAD", app.areaId), vars });
    await notify(tx, {
      kind: "application.submittedReceipt",
      applicationId: app.id,
      recipients: [{ userId: user.id, email: user.email, name: user.name }, ...(await applicantRecipients(tx, app))],
      vars,
    });
    const summary = screeningSummary(verdicts);
    return {
      result: { versionNo },
      audit: {
        action: "application.submit",
        entityType: "Application",
        entityId: app.id,
        before: { status: app.status, versionNo: app.versionNo },
        after: {
          status: "SUBMITTED",
          versionNo,
          submittedAt: now.toISOString(),
          totalCostOre: app.totalCostOre,
          coFinancingOre: app.coFinancingOre,
          requestedOre: app.requestedOre,
          guidelineVersionId: setup.guidelineVersionId,
          screening: { failures: summary.failures, warnings: summary.warnings },
        },
      },
    };
  },
});

export interface EndorseInput {
  id: string;
  comment: string;
  rank: number | null;
  lang?: Lang;
  now?: Date;
}

export const endorseApplication = defineMutation<EndorseInput, { id: string }>("application.endorse", {
  permission: "application:endorse",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    const app = await loadForChange(tx, input.id);
    requireScope("application:endorse", applicationScope(app));
    if (!canTransition(app.status, "endorse")) throw new FieldError("", "applications.error.cannotEndorse");
    // The endorsement is the area's independent view: never on one's own application.
    if (app.createdById === user.id) throw new FieldError("", "applications.error.cannotEndorseOwn");
    if (now > app.round.endorsementDeadline) {
      throw new FieldError("", "applications.error.endorsementDeadlinePassed", { deadline: formatDateTime(app.round.endorsementDeadline, input.lang ?? "da") });
    }
    await lockEndorsementRanks(tx, app.roundId, app.areaId);
    if (input.rank !== null) {
      if (!Number.isSafeInteger(input.rank) || input.rank < 1) throw new FieldError("rank", "applications.error.rankPositive");
      const taken = await tx.application.findFirst({
        where: { roundId: app.roundId, areaId: app.areaId, endorsementRank: input.rank, status: { notIn: ["WITHDRAWN", "RETURNED"] }, id: { not: app.id } },
        select: { reference: true },
      });
      if (taken) throw new FieldError("rank", "applications.error.rankTaken", { rank: input.rank, reference: taken.reference });
    }
    const comment = input.comment.trim();
    await tx.application.update({
      where: { id: app.id },
      data: { status: "ENDORSED", endorsedAt: now, endorsedById: user.id, endorsementRank: input.rank },
    });
    if (comment) await tx.applicationComment.create({ data: { applicationId: app.id, authorId: user.id, kind: "ENDORSE", body: comment } });
    await notify(tx, {
      kind: "application.endorsed",
      applicationId: app.id,
      recipients: [...(await applicantRecipients(tx, app)), ...(await recipientsWithRole(tx, "SECRETARIAT"))],
      vars: notificationVars(app, { by: user.name, comment }),
    });
    return {
      result: { id: app.id },
      audit: {
        action: "application.endorse",
        entityType: "Application",
        entityId: app.id,
        before: { status: app.status },
        after: { status: "ENDORSED", endorsedAt: now.toISOString(), endorsementRank: input.rank, comment: comment || null },
      },
    };
  },
});

export interface ReturnInput {
  id: string;
  comment: string;
  lang?: Lang;
  now?: Date;
}

/** The secretariat returns with a pool-wide grant; an area lead only within the area, and only until the endorsement deadline. */
function returnsWithoutDeadline(user: PermissionSubject): boolean {
  return scopeFilter(user, "application:return").kind === "all";
}

export const returnApplication = defineMutation<ReturnInput, { id: string }>("application.return", {
  permission: "application:return",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    const app = await loadForChange(tx, input.id);
    requireScope("application:return", applicationScope(app));
    if (!canTransition(app.status, "return")) throw new FieldError("", "applications.error.cannotReturn");
    if (!returnsWithoutDeadline(user) && now > app.round.endorsementDeadline) {
      throw new FieldError("", "applications.error.returnDeadlinePassed", { deadline: formatDateTime(app.round.endorsementDeadline, input.lang ?? "da") });
    }
    const comment = input.comment.trim();
    if (!comment) throw new FieldError("comment", "applications.error.returnCommentRequired");
    const before = await tx.application.findUniqueOrThrow({
      where: { id: app.id },
      select: { status: true, endorsedAt: true, endorsedById: true, endorsementRank: true },
    });
    await tx.application.update({
      where: { id: app.id },
      data: { status: "RETURNED", endorsedAt: null, endorsedById: null, endorsementRank: null },
    });
    await tx.applicationComment.create({ data: { applicationId: app.id, authorId: user.id, kind: "RETURN", body: comment } });
    // The area lead whose endorsement the return cancels is told too (unless they return it themselves).
    const endorser =
      before.endorsedById && before.endorsedById !== user.id
        ? await tx.user.findUnique({ where: { id: before.endorsedById }, select: { id: true, email: true, name: true, active: true } })
        : null;
    await notify(tx, {
      kind: "application.returned",
      applicationId: app.id,
      recipients: [...(await applicantRecipients(tx, app)), ...(endorser?.active ? [{ userId: endorser.id, email: endorser.email, name: endorser.name }] : [])],
      vars: notificationVars(app, { by: user.name, comment }),
    });
    return {
      result: { id: app.id },
      audit: {
        action: "application.return",
        entityType: "Application",
        entityId: app.id,
        before: { status: before.status, endorsedAt: before.endorsedAt?.toISOString() ?? null, endorsementRank: before.endorsementRank },
        after: { status: "RETURNED", comment },
      },
    };
  },
});

export const withdrawApplication = defineMutation<{ id: string; now?: Date }, { id: string }>("application.withdraw", {
  permission: "application:edit",
  async run({ tx, actor, requireScope }, input) {
    const user = requireUser(actor);
    const now = input.now ?? new Date();
    const app = await loadForChange(tx, input.id);
    requireScope("application:edit", applicationScope(app));
    if (!canTransition(app.status, "withdraw")) throw new FieldError("", "applications.error.cannotWithdraw");
    await tx.application.update({ where: { id: app.id }, data: { status: "WITHDRAWN", withdrawnAt: now } });
    let told = 0;
    if (app.submittedAt) {
      // It had been submitted: the area lead was waiting for it (and the secretariat, once endorsed).
      const reachedSecretariat = app.status === "ENDORSED" || app.status === "SCREENED" || app.status === "ASSESSED";
      const recipients = [
        ...(await recipientsWithRole(tx, "AREA_LEAD", app.areaId)),
        ...(reachedSecretariat ? await recipientsWithRole(tx, "SECRETARIAT") : []),
      ];
      told = await notify(tx, { kind: "application.withdrawn", applicationId: app.id, recipients, vars: notificationVars(app, { by: user.name }) });
    }
    return {
      result: { id: app.id },
      audit: {
        action: "application.withdraw",
        entityType: "Application",
        entityId: app.id,
        before: { status: app.status },
        after: { status: "WITHDRAWN", withdrawnAt: now.toISOString(), notified: told },
      },
    };
  },
});

/** Every mutation of this service, for the registry. */
export const applicationMutations = [
  createApplication,
  saveDraft,
  submitApplication,
  endorseApplication,
  returnApplication,
  withdrawApplication,
] as const;

/**
 * Which actions a viewer may take on an application now (the server checks
 * again on submit). Given the creator, an area lead is not offered to endorse
 * their own application; given the round, an area lead is not offered to
 * return after the endorsement deadline.
 */
export function availableActions(
  user: PermissionSubject,
  app: ApplicationPlace & { createdById?: string; round?: { endorsementDeadline: Date } },
  now: Date = new Date(),
) {
  const scope = applicationScope(app);
  const mayEdit = can(user, "application:edit", scope);
  const returnDeadlinePassed = !!app.round && now > app.round.endorsementDeadline && !returnsWithoutDeadline(user);
  return {
    edit: mayEdit && isEditable(app.status),
    submit: mayEdit && canTransition(app.status, "submit"),
    withdraw: mayEdit && canTransition(app.status, "withdraw"),
    endorse: can(user, "application:endorse", scope) && canTransition(app.status, "endorse") && app.createdById !== user.id,
    return: can(user, "application:return", scope) && canTransition(app.status, "return") && !returnDeadlinePassed,
  };
}

export type { ActivityType };
