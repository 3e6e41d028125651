// HMU guidelines (retningslinjer): versions with a Markdown text, eligibility
// rules and assessment criteria. The secretariat drafts a version and records
// the date HMU adopted it; an adopted (or superseded) version never changes —
// a change is a new draft, usually based on the version in force.
import {
  checkAdoptionDate,
  checkCriterion,
  criterionKey,
  danishToday,
  RULE_PARAM_FIELDS,
  type CriterionProblem,
  type GuidelineStatus,
} from "~/domain/guidelines";
import { isRuleKind, RULE_PARAMS, type Severity } from "~/domain/screening/rules";
import { formatDate, type MessageKey } from "~/i18n";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/utils/db.server";
import { defineMutation, FieldError } from "./mutation.server";

// ---------------------------------------------------------------------------
// Reads

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

// ---------------------------------------------------------------------------
// Mutations

/** One key for the whole catalogue of versions: numbering and adoption happen one at a time. */
const GUIDELINE_LOCK_KEY = 4_711_001;

async function lockCatalogue(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${GUIDELINE_LOCK_KEY})`;
}

const LOCKED_KEYS: Record<Exclude<GuidelineStatus, "DRAFT">, MessageKey> = {
  ADOPTED: "guidelines.error.adopted",
  SUPERSEDED: "guidelines.error.superseded",
};

/**
 * Locks a version's row for the rest of the transaction and returns it; an
 * adopted or superseded version is refused with a Danish form error (nothing
 * has been changed). Locking first means an edit and an adoption of the same
 * draft happen one after the other, never interleaved.
 */
async function lockDraft(tx: Tx, version: number) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "GuidelineVersion" WHERE version = ${version} FOR UPDATE`;
  if (locked.length === 0) throw new FieldError("", "guidelines.error.versionUnknown", { version });
  const row = await tx.guidelineVersion.findUniqueOrThrow({
    where: { version },
    select: { id: true, version: true, title: true, body: true, status: true },
  });
  if (row.status !== "DRAFT") throw new FieldError("", LOCKED_KEYS[row.status], { version });
  return row;
}

const TITLE_MAX = 200;
const BODY_MAX = 50_000;
const NOTE_MAX = 500;

function checkTitleAndBody(title: string, body: string): { title: string; body: string } {
  const t = title.trim();
  if (!t) throw new FieldError("title", "validation.required");
  if (t.length > TITLE_MAX) throw new FieldError("title", "validation.tooLong");
  if (body.length > BODY_MAX) throw new FieldError("body", "validation.tooLong");
  return { title: t, body: body.replace(/\r\n?/g, "\n") };
}

export interface CreateDraftInput {
  title: string;
  body: string;
  /** Copy rules and criteria from this version. */
  basedOnVersion: number | null;
}

export const createGuidelineDraft = defineMutation<CreateDraftInput, { id: string; version: number }>("guideline.createDraft", {
  permission: "guideline:manage",
  async run({ tx, actor }, input) {
    const { title, body } = checkTitleAndBody(input.title, input.body);
    // Numbering: max + 1 under the catalogue lock (the unique index is the last guard).
    await lockCatalogue(tx);
    const base =
      input.basedOnVersion === null
        ? null
        : await tx.guidelineVersion.findUnique({
            where: { version: input.basedOnVersion },
            select: {
              id: true,
              version: true,
              rules: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
              criteria: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
            },
          });
    if (input.basedOnVersion !== null && !base) throw new FieldError("basedOn", "guidelines.error.baseUnknown");
    const { _max } = await tx.guidelineVersion.aggregate({ _max: { version: true } });
    const version = (_max.version ?? 0) + 1;
    const created = await tx.guidelineVersion.create({
      data: {
        version,
        title,
        body,
        status: "DRAFT",
        basedOnId: base?.id ?? null,
        createdById: actor.user?.id ?? null,
        rules: {
          create: (base?.rules ?? []).map((rule, index) => ({
            kind: rule.kind,
            severity: rule.severity,
            params: rule.params ?? {},
            note: rule.note,
            sortOrder: index + 1,
          })),
        },
        criteria: {
          create: (base?.criteria ?? []).map((criterion, index) => ({
            name: criterion.name,
            description: criterion.description,
            weight: criterion.weight,
            scaleMin: criterion.scaleMin,
            scaleMax: criterion.scaleMax,
            sortOrder: index + 1,
          })),
        },
      },
      select: { id: true, version: true },
    });
    return {
      result: created,
      audit: {
        action: "guideline.createDraft",
        entityType: "GuidelineVersion",
        entityId: created.id,
        after: {
          version,
          status: "DRAFT",
          title,
          body,
          basedOnVersion: base?.version ?? null,
          rules: base?.rules.length ?? 0,
          criteria: base?.criteria.length ?? 0,
        },
      },
    };
  },
});

export const updateGuidelineDraft = defineMutation<{ version: number; title: string; body: string }, void>("guideline.update", {
  permission: "guideline:manage",
  async run({ tx }, input) {
    const draft = await lockDraft(tx, input.version);
    const { title, body } = checkTitleAndBody(input.title, input.body);
    await tx.guidelineVersion.update({ where: { id: draft.id }, data: { title, body } });
    return {
      result: undefined,
      audit: {
        action: "guideline.update",
        entityType: "GuidelineVersion",
        entityId: draft.id,
        before: { title: draft.title, body: draft.body },
        after: { title, body },
      },
    };
  },
});

export interface AddRuleInput {
  version: number;
  kind: string;
  severity: Severity;
  /** As stored: øre as a string, shares in basis points (see app/domain/screening/rules.ts). */
  params: unknown;
  note: string;
}

export const addGuidelineRule = defineMutation<AddRuleInput, { id: string }>("guideline.addRule", {
  permission: "guideline:manage",
  async run({ tx }, input) {
    const draft = await lockDraft(tx, input.version);
    if (!isRuleKind(input.kind)) throw new FieldError("kind", "validation.choose");
    if (input.severity !== "HARD" && input.severity !== "SOFT") throw new FieldError("severity", "validation.choose");
    const note = input.note.trim();
    if (note.length > NOTE_MAX) throw new FieldError("note", "validation.tooLong");
    const parsed = RULE_PARAMS[input.kind].safeParse(input.params);
    if (!parsed.success) {
      const fields: readonly string[] = RULE_PARAM_FIELDS[input.kind];
      throw new FieldError(fields[0] ?? "kind", "guidelines.error.params");
    }
    const existing = await tx.eligibilityRule.findMany({ where: { guidelineVersionId: draft.id }, select: { kind: true, sortOrder: true } });
    if (existing.some((r) => r.kind === input.kind)) throw new FieldError("kind", "guidelines.error.ruleExists");
    const params = parsed.data as Prisma.InputJsonValue;
    const created = await tx.eligibilityRule.create({
      data: {
        guidelineVersionId: draft.id,
        kind: input.kind,
        severity: input.severity,
        params,
        note,
        sortOrder: Math.max(0, ...existing.map((r) => r.sortOrder)) + 1,
      },
      select: { id: true },
    });
    return {
      result: created,
      audit: {
        action: "guideline.addRule",
        entityType: "GuidelineVersion",
        entityId: draft.id,
        after: { version: draft.version, ruleId: created.id, kind: input.kind, severity: input.severity, params, note },
      },
    };
  },
});

export const removeGuidelineRule = defineMutation<{ version: number; ruleId: string }, void>("guideline.removeRule", {
  permission: "guideline:manage",
  async run({ tx }, input) {
    const draft = await lockDraft(tx, input.version);
    const rule = await tx.eligibilityRule.findFirst({ where: { id: input.ruleId, guidelineVersionId: draft.id } });
    if (!rule) throw new FieldError("", "guidelines.error.ruleUnknown");
    await tx.eligibilityRule.delete({ where: { id: rule.id } });
    return {
      result: undefined,
      audit: {
        action: "guideline.removeRule",
        entityType: "GuidelineVersion",
        entityId: draft.id,
        before: { version: draft.version, ruleId: rule.id, kind: rule.kind, severity: rule.severity, params: rule.params, note: rule.note },
      },
    };
  },
});

export interface SaveCriterionInput {
  version: number;
  /** null: a new criterion. */
  criterionId: string | null;
  name: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

const CRITERION_PROBLEM_KEYS: Record<CriterionProblem["problem"], MessageKey> = {
  required: "validation.required",
  tooLong: "validation.tooLong",
  weight: "guidelines.error.weight",
  scaleRange: "guidelines.error.scaleRange",
  scaleOrder: "guidelines.error.scaleOrder",
};

export const saveGuidelineCriterion = defineMutation<SaveCriterionInput, { id: string }>("guideline.saveCriterion", {
  permission: "guideline:manage",
  async run({ tx }, input) {
    const draft = await lockDraft(tx, input.version);
    const value = {
      name: input.name.trim().replace(/\s+/g, " "),
      description: input.description.trim(),
      weight: input.weight,
      scaleMin: input.scaleMin,
      scaleMax: input.scaleMax,
    };
    const [problem] = checkCriterion(value);
    if (problem) throw new FieldError(problem.field, CRITERION_PROBLEM_KEYS[problem.problem]);
    const existing = await tx.assessmentCriterion.findMany({ where: { guidelineVersionId: draft.id } });
    const before = input.criterionId ? existing.find((c) => c.id === input.criterionId) : null;
    if (input.criterionId && !before) throw new FieldError("", "guidelines.error.criterionUnknown");
    if (existing.some((c) => c.id !== input.criterionId && criterionKey(c.name) === criterionKey(value.name))) {
      throw new FieldError("name", "guidelines.error.criterionExists");
    }
    const saved = before
      ? await tx.assessmentCriterion.update({ where: { id: before.id }, data: value })
      : await tx.assessmentCriterion.create({
          data: { ...value, guidelineVersionId: draft.id, sortOrder: Math.max(0, ...existing.map((c) => c.sortOrder)) + 1 },
        });
    const view = (c: typeof saved) => ({
      criterionId: c.id,
      name: c.name,
      description: c.description,
      weight: c.weight,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
    });
    return {
      result: { id: saved.id },
      audit: {
        action: "guideline.saveCriterion",
        entityType: "GuidelineVersion",
        entityId: draft.id,
        before: before ? { version: draft.version, ...view(before) } : undefined,
        after: { version: draft.version, ...view(saved) },
      },
    };
  },
});

export const removeGuidelineCriterion = defineMutation<{ version: number; criterionId: string }, void>("guideline.removeCriterion", {
  permission: "guideline:manage",
  async run({ tx }, input) {
    const draft = await lockDraft(tx, input.version);
    const criterion = await tx.assessmentCriterion.findFirst({ where: { id: input.criterionId, guidelineVersionId: draft.id } });
    if (!criterion) throw new FieldError("", "guidelines.error.criterionUnknown");
    await tx.assessmentCriterion.delete({ where: { id: criterion.id } });
    return {
      result: undefined,
      audit: {
        action: "guideline.removeCriterion",
        entityType: "GuidelineVersion",
        entityId: draft.id,
        before: {
          version: draft.version,
          criterionId: criterion.id,
          name: criterion.name,
          description: criterion.description,
          weight: criterion.weight,
          scaleMin: criterion.scaleMin,
          scaleMax: criterion.scaleMax,
        },
      },
    };
  },
});

export interface AdoptInput {
  version: number;
  /** The date of HMU's meeting. */
  adoptedOn: Date;
  /** For tests; defaults to today in Denmark. */
  today?: Date;
}

export const adoptGuidelineVersion = defineMutation<AdoptInput, { supersededVersion: number | null }>("guideline.adopt", {
  permission: "guideline:manage",
  async run({ tx }, input) {
    // The catalogue lock first (as createDraft): two adoptions run one after the other.
    await lockCatalogue(tx);
    const draft = await lockDraft(tx, input.version);
    const [rules, criteria] = await Promise.all([
      tx.eligibilityRule.count({ where: { guidelineVersionId: draft.id } }),
      tx.assessmentCriterion.count({ where: { guidelineVersionId: draft.id } }),
    ]);
    if (rules + criteria === 0) throw new FieldError("", "guidelines.error.adoptEmpty");
    const inForce = await tx.guidelineVersion.findFirst({
      where: { status: "ADOPTED" },
      select: { id: true, version: true, adoptedOn: true },
    });
    const problem = checkAdoptionDate(input.adoptedOn, input.today ?? danishToday(), inForce?.adoptedOn ?? null);
    if (problem === "future") throw new FieldError("adoptedOn", "guidelines.error.adoptedOnFuture");
    if (problem === "beforeInForce" && inForce?.adoptedOn) {
      throw new FieldError("adoptedOn", "guidelines.error.adoptedOnBeforeInForce", {
        version: inForce.version,
        date: formatDate(inForce.adoptedOn, "da", { dateOnly: true }),
      });
    }
    const now = new Date();
    // The version in force steps down first: the partial unique index allows one ADOPTED.
    if (inForce) {
      await tx.guidelineVersion.update({ where: { id: inForce.id }, data: { status: "SUPERSEDED", supersededAt: now } });
    }
    await tx.guidelineVersion.update({
      where: { id: draft.id },
      data: { status: "ADOPTED", adoptedOn: input.adoptedOn, adoptedAt: now },
    });
    const adoptedOn = input.adoptedOn.toISOString().slice(0, 10);
    return {
      result: { supersededVersion: inForce?.version ?? null },
      audit: [
        {
          action: "guideline.adopt",
          entityType: "GuidelineVersion",
          entityId: draft.id,
          before: { version: draft.version, status: "DRAFT" },
          after: { version: draft.version, status: "ADOPTED", adoptedOn, rules, criteria, supersedes: inForce?.version ?? null },
        },
        ...(inForce
          ? [
              {
                action: "guideline.supersede",
                entityType: "GuidelineVersion",
                entityId: inForce.id,
                before: { version: inForce.version, status: "ADOPTED" },
                after: { version: inForce.version, status: "SUPERSEDED", supersededBy: draft.version },
              },
            ]
          : []),
      ],
    };
  },
});

/** Every mutation of this service, for the registry. */
export const guidelineMutations = [
  createGuidelineDraft,
  updateGuidelineDraft,
  addGuidelineRule,
  removeGuidelineRule,
  saveGuidelineCriterion,
  removeGuidelineCriterion,
  adoptGuidelineVersion,
] as const;
