// Reads for the application pages: the new-application form's options, the
// edit page, the detail page, the versions, and live screening of typed content.
import type { ApplicationContent } from "~/domain/applications/content";
import type { ApplicationSnapshot } from "~/domain/applications/snapshot";
import type { ApplicationStatus } from "~/domain/applications/status";
import type { Ore } from "~/domain/money";
import { applicantUnitIds, type PermissionSubject } from "~/domain/permissions";
import { roundStatus, type RoundStatus } from "~/domain/rounds";
import type { Lang } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { IN_FORCE } from "../prioritisation-in-force.server";
import { loadScreeningSetup, screenContent, screeningView, verdictsFromJson, type ScreeningView } from "../screening.server";
import { buildSnapshot, contentFromRow, contentSelect } from "./content.server";

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
    ...IN_FORCE,
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
  /** The content revision shown (a submission from this page carries it: a change meanwhile is refused). */
  revision: number;
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
      revision: true,
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
    revision: app.revision,
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
