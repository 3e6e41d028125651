// Reading HMU guidelines (retningslinjer): the list of versions, one version
// with its rules and criteria, and the version numbers for the diff page.
import type { GuidelineStatus } from "~/domain/guidelines";
import type { Severity } from "~/domain/screening/rules";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

export interface GuidelineListItem {
  id: string;
  version: number;
  title: string;
  status: GuidelineStatus;
  adoptedOn: Date | null;
  createdAt: Date;
  basedOnVersion: number | null;
}

/** Every version, newest first; drafts only when asked for. */
export async function listGuidelineVersions({ includeDrafts }: { includeDrafts: boolean }): Promise<GuidelineListItem[]> {
  const rows = await prisma.guidelineVersion.findMany({
    where: includeDrafts ? {} : { status: { not: "DRAFT" } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, title: true, status: true, adoptedOn: true, createdAt: true, basedOn: { select: { version: true } } },
  });
  return rows.map(({ basedOn, ...row }) => ({ ...row, basedOnVersion: basedOn?.version ?? null }));
}

export interface GuidelineRuleView {
  id: string;
  kind: string;
  severity: Severity;
  params: Prisma.JsonValue;
  note: string;
}

export interface GuidelineCriterionView {
  id: string;
  name: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface GuidelineDetail {
  id: string;
  version: number;
  title: string;
  body: string;
  status: GuidelineStatus;
  adoptedOn: Date | null;
  adoptedAt: Date | null;
  supersededAt: Date | null;
  createdAt: Date;
  createdByName: string | null;
  basedOnVersion: number | null;
  /** Versions drafted on the basis of this one. */
  successorVersions: number[];
  rules: GuidelineRuleView[];
  criteria: GuidelineCriterionView[];
}

/** A version with its rules and criteria (in their order), or null. */
export async function getGuidelineVersion(version: number): Promise<GuidelineDetail | null> {
  const row = await prisma.guidelineVersion.findUnique({
    where: { version },
    select: {
      id: true,
      version: true,
      title: true,
      body: true,
      status: true,
      adoptedOn: true,
      adoptedAt: true,
      supersededAt: true,
      createdAt: true,
      createdById: true,
      basedOn: { select: { version: true } },
      successors: { select: { version: true }, orderBy: { version: "asc" } },
      rules: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, kind: true, severity: true, params: true, note: true } },
      criteria: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, name: true, description: true, weight: true, scaleMin: true, scaleMax: true },
      },
    },
  });
  if (!row) return null;
  const creator = row.createdById ? await prisma.user.findUnique({ where: { id: row.createdById }, select: { name: true } }) : null;
  const { basedOn, successors, createdById: _createdById, ...rest } = row;
  return {
    ...rest,
    createdByName: creator?.name ?? null,
    basedOnVersion: basedOn?.version ?? null,
    successorVersions: successors.map((s) => s.version),
  };
}

/** The version numbers a user may see (for "compare with" and "based on" choices), newest first. */
export async function guidelineVersionNumbers({ includeDrafts }: { includeDrafts: boolean }): Promise<{ version: number; status: GuidelineStatus }[]> {
  return prisma.guidelineVersion.findMany({
    where: includeDrafts ? {} : { status: { not: "DRAFT" } },
    orderBy: { version: "desc" },
    select: { version: true, status: true },
  });
}
