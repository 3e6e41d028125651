// What a guideline draft holds besides its text: eligibility rules (one per
// kind, with parameters) and assessment criteria. Only a draft can change.
import { checkCriterion, criterionKey, RULE_PARAM_FIELDS, type CriterionProblem } from "~/domain/guidelines";
import { isRuleKind, RULE_PARAMS, type Severity } from "~/domain/screening/rules";
import type { Prisma } from "~/generated/prisma/client";
import type { MessageKey } from "~/i18n";
import { defineMutation, FieldError } from "../mutation.server";
import { lockDraft } from "./drafts-lock.server";

const NOTE_MAX = 500;

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
