// Form schemas for the guideline pages. Shared by the browser (Conform
// constraints, early feedback) and the server (authoritative). Rules that need
// the database (is the version still a draft, unique names, one rule per kind)
// live in app/services/guidelines.server.ts and come back as field errors.
import { z } from "zod";
import { ruleParamsFromForm, type RuleParamField } from "~/domain/guidelines";
import { RULE_KINDS, type RuleKind } from "~/domain/screening/rules";
import type { MessageKey } from "~/i18n";
import { dateOnly, integer, optionalText, requiredText } from "~/utils/validation";

export const TITLE_MAX = 200;
export const BODY_MAX = 50_000;

/** Step 2 of "new draft": title and text (the base version comes from step 1). */
export const NewDraftSchema = z.object({
  title: requiredText(TITLE_MAX),
  body: optionalText(BODY_MAX),
  basedOn: z
    .string()
    .regex(/^\d{1,6}$/, { error: "validation.invalid" })
    .optional()
    .transform((v) => (v ? Number(v) : null)),
});

export const UpdateTextSchema = z.object({
  intent: z.literal("update"),
  title: requiredText(TITLE_MAX),
  body: optionalText(BODY_MAX),
});

/** The message shown next to a rule parameter that is missing or wrong. */
export const PARAM_ERROR_KEYS: Record<RuleParamField, { required: MessageKey; invalid: MessageKey }> = {
  maxAmount: { required: "validation.required", invalid: "guidelines.error.maxAmount" },
  minShare: { required: "validation.required", invalid: "guidelines.error.percent" },
  eligible: { required: "guidelines.error.eligible", invalid: "guidelines.error.eligibleUnknown" },
  months: { required: "validation.required", invalid: "guidelines.error.months" },
  minParticipants: { required: "validation.required", invalid: "guidelines.error.minParticipants" },
  minAreas: { required: "validation.required", invalid: "guidelines.error.minAreas" },
  maxRoundShare: { required: "validation.required", invalid: "guidelines.error.percent" },
};

const paramInput = z.string().optional();

export const ruleKindEnum = z.enum(RULE_KINDS as [RuleKind, ...RuleKind[]], { error: "validation.choose" });

/** The inputs of the rule form (for Conform's constraints: it cannot read a root transform). */
export const AddRuleFields = z.object({
  intent: z.literal("addRule"),
  kind: ruleKindEnum,
  severity: z.enum(["HARD", "SOFT"], { error: "validation.choose" }),
  note: optionalText(500),
  maxAmount: paramInput,
  minShare: paramInput,
  eligible: z.array(z.string()).optional(),
  months: paramInput,
  minParticipants: paramInput,
  minAreas: paramInput,
  maxRoundShare: paramInput,
});

/** A rule: its kind, hard or soft, a note, and the kind's own parameters (as typed → as stored). */
export const AddRuleSchema = AddRuleFields.transform((value, ctx) => {
  const result = ruleParamsFromForm(value.kind, value);
  if (!result.ok) {
    for (const { field, problem } of result.problems) {
      ctx.addIssue({
        code: "custom",
        path: [field],
        message: PARAM_ERROR_KEYS[field][problem],
      });
    }
    return z.NEVER;
  }
  return {
    kind: value.kind,
    severity: value.severity,
    note: value.note,
    params: result.params,
  };
});

export const RemoveRuleSchema = z.object({
  intent: z.literal("removeRule"),
  ruleId: z.string().min(1),
});

const scalePoint = integer.min(0, { error: "guidelines.error.scaleRange" }).max(100, { error: "guidelines.error.scaleRange" });

export const CriterionSchema = z
  .object({
    intent: z.literal("saveCriterion"),
    criterionId: z
      .string()
      .optional()
      .transform((v) => v || null),
    name: requiredText(200),
    description: optionalText(2000),
    weight: integer.min(1, { error: "guidelines.error.weight" }).max(1000, { error: "guidelines.error.weight" }),
    scaleMin: scalePoint,
    scaleMax: scalePoint,
  })
  .superRefine((value, ctx) => {
    if (value.scaleMin >= value.scaleMax)
      ctx.addIssue({
        code: "custom",
        path: ["scaleMax"],
        message: "guidelines.error.scaleOrder",
      });
  });

export const RemoveCriterionSchema = z.object({
  intent: z.literal("removeCriterion"),
  criterionId: z.string().min(1),
});

/** Adopting needs the confirmation step's button (confirmed=yes); the action checks that first. */
export const AdoptSchema = z.object({
  intent: z.literal("adopt"),
  adoptedOn: dateOnly,
  confirmed: z.string().optional(),
});
