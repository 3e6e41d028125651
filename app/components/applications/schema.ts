// The application form (ansøgningsskema): one Zod schema for the browser and
// the server, and the form's defaults. The content it yields and the rules for
// it are the domain's (app/domain/applications/content.ts). Pure: no server or
// React imports.
//
// A draft may be incomplete: the schema only refuses values that are not what
// they claim to be (an amount that is not an amount, a date that is not a date).
// What a submission needs on top is in submissionProblems().
import { z } from "zod";
import { computeAmounts } from "~/domain/applications/amounts";
import { ACTIVITY_TYPES, MAX_COST_LINES, MAX_PARTICIPANTS, type ApplicationContent } from "~/domain/applications/content";
import { oreToInput, parseKroner, type Ore } from "~/domain/money";
import { COST_CATEGORIES } from "~/domain/screening/rules";
import { toIsoDate, type MessageKey } from "~/i18n";
import { dateOnly, email, kronerAmount, optionalText } from "~/utils/validation";

/** The form offers the domain's activity types. */
export { ACTIVITY_TYPES };

export const TEXT_LIMITS = {
  title: 200,
  purpose: 4000,
  targetGroup: 1000,
  expectedEffect: 4000,
  followUpPlan: 4000,
  softRuleJustification: 2000,
  costDescription: 300,
  contactName: 200,
} as const;

/** An amount in kroner that may be left blank in a draft; never negative. */
const draftAmount = (negativeKey: MessageKey) =>
  kronerAmount.optional().refine((ore) => ore === undefined || ore >= 0n, { error: negativeKey });

const idList = z
  .array(z.string())
  .optional()
  .transform((v) => v ?? []);

const CostLineSchema = z.object({
  category: z.enum(COST_CATEGORIES, { error: "validation.choose" }).optional(),
  description: optionalText(TEXT_LIMITS.costDescription),
  amount: draftAmount("applications.error.amountNegative"),
});

export const ApplicationFormSchema = z
  .object({
    unitId: z.string().optional(),
    contactName: optionalText(TEXT_LIMITS.contactName),
    contactEmail: email.optional(),
    title: optionalText(TEXT_LIMITS.title),
    purpose: optionalText(TEXT_LIMITS.purpose),
    targetGroup: optionalText(TEXT_LIMITS.targetGroup),
    participants: z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, { error: "validation.integer" })
      .transform(Number)
      .refine((n) => n <= MAX_PARTICIPANTS, { error: "validation.integer" })
      .optional(),
    activityType: z.enum(ACTIVITY_TYPES, { error: "validation.choose" }).optional(),
    startDate: dateOnly.optional(),
    endDate: dateOnly.optional(),
    costLines: z
      .array(CostLineSchema.optional())
      .max(MAX_COST_LINES, { error: "applications.error.tooManyCostLines" })
      .optional()
      .transform((v) => v ?? []),
    coFinancing: draftAmount("applications.error.coFinancingNegative"),
    focusAreaIds: idList,
    primaryFocusAreaId: z.string().optional(),
    partnerAreaIds: idList,
    expectedEffect: optionalText(TEXT_LIMITS.expectedEffect),
    followUpPlan: optionalText(TEXT_LIMITS.followUpPlan),
    softRuleJustification: optionalText(TEXT_LIMITS.softRuleJustification),
    /** The content revision the form was opened on (hidden field): a save of an older one is refused. */
    revision: z
      .string()
      .trim()
      .regex(/^\d{1,9}$/, { error: "applications.error.staleRevision" })
      .transform(Number)
      .optional(),
  })
  .superRefine((value, ctx) => {
    // Zod runs this also when a field above failed: look only at well-formed values.
    const chosen = Array.isArray(value.focusAreaIds) ? value.focusAreaIds : [];
    if (typeof value.primaryFocusAreaId === "string" && value.primaryFocusAreaId && !chosen.includes(value.primaryFocusAreaId)) {
      ctx.addIssue({ code: "custom", path: ["primaryFocusAreaId"], message: "applications.error.primaryNotChosen" });
    }
  });

export type ApplicationFormValue = z.infer<typeof ApplicationFormSchema>;

const unique = (ids: readonly string[]) => [...new Set(ids.filter((id) => id !== ""))];

/** The form's value as content. Blank cost lines (nothing typed) are left out. */
export function contentFromForm(value: ApplicationFormValue): ApplicationContent {
  const focusAreaIds = unique(value.focusAreaIds);
  const primary = value.primaryFocusAreaId || (focusAreaIds.length === 1 ? focusAreaIds[0]! : null);
  return {
    unitId: value.unitId || null,
    contactName: value.contactName,
    contactEmail: value.contactEmail ?? "",
    title: value.title,
    purpose: value.purpose,
    targetGroup: value.targetGroup,
    participants: value.participants ?? null,
    activityType: value.activityType ?? null,
    startDate: value.startDate ?? null,
    endDate: value.endDate ?? null,
    costLines: value.costLines
      .map((line) => ({ category: line?.category ?? null, description: line?.description ?? "", amountOre: line?.amount ?? null }))
      .filter((line) => line.category !== null || line.description !== "" || line.amountOre !== null),
    coFinancingOre: value.coFinancing ?? 0n,
    focusAreaIds,
    primaryFocusAreaId: primary,
    partnerAreaIds: unique(value.partnerAreaIds),
    expectedEffect: value.expectedEffect,
    followUpPlan: value.followUpPlan,
    softRuleJustification: value.softRuleJustification,
  };
}

const isoDate = (date: Date | null) => (date ? toIsoDate(date) : "");

/** The form's default value for stored content, at its content revision. */
export function formDefaults(content: ApplicationContent & { unitId: string | null }, revision = 0) {
  return {
    revision: String(revision),
    unitId: content.unitId ?? "",
    contactName: content.contactName,
    contactEmail: content.contactEmail,
    title: content.title,
    purpose: content.purpose,
    targetGroup: content.targetGroup,
    participants: content.participants === null ? "" : String(content.participants),
    activityType: content.activityType ?? "",
    startDate: isoDate(content.startDate),
    endDate: isoDate(content.endDate),
    costLines: content.costLines.map((line) => ({
      category: line.category ?? "",
      description: line.description,
      amount: line.amountOre === null ? "" : oreToInput(line.amountOre),
    })),
    coFinancing: oreToInput(content.coFinancingOre),
    focusAreaIds: content.focusAreaIds,
    primaryFocusAreaId: content.primaryFocusAreaId ?? "",
    partnerAreaIds: content.partnerAreaIds,
    expectedEffect: content.expectedEffect,
    followUpPlan: content.followUpPlan,
    softRuleJustification: content.softRuleJustification,
  };
}

/** Live amounts from the form's current (typed) values, exact in øre; null where an amount cannot be read. */
export function liveAmounts(
  lines: readonly (string | undefined)[],
  coFinancing: string | undefined,
): { totalCostOre: Ore; coFinancingOre: Ore; requestedOre: Ore; unreadable: boolean } {
  let unreadable = false;
  const read = (text: string | undefined): Ore => {
    if (!text || !text.trim()) return 0n;
    const ore = parseKroner(text);
    if (ore === null || ore < 0n) {
      unreadable = true;
      return 0n;
    }
    return ore;
  };
  const amounts = computeAmounts(
    lines.map((text) => ({ amountOre: read(text) })),
    read(coFinancing),
  );
  return { ...amounts, unreadable };
}

// ---------------------------------------------------------------------------
// The detail page's action forms

/** Indstilling: an optional comment and an optional rank among the area's applications. */
export const EndorseSchema = z.object({
  comment: optionalText(2000),
  rank: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, { error: "applications.error.rankPositive" })
    .transform(Number)
    .refine((n) => n >= 1, { error: "applications.error.rankPositive" })
    .optional(),
});

/** Indstil på vegne af forvaltningschefen: the secretariat's reason is required, the rank optional. */
export const EndorseOnBehalfSchema = z.object({
  reason: z
    .string({ error: "applications.error.onBehalfReasonRequired" })
    .trim()
    .min(1, { error: "applications.error.onBehalfReasonRequired" })
    .max(2000, { error: "validation.tooLong" }),
  rank: EndorseSchema.shape.rank,
});

/** Send tilbage til ændringer: the comment is required (the applicant must know what to change). */
export const ReturnSchema = z.object({
  comment: z
    .string({ error: "applications.error.returnCommentRequired" })
    .trim()
    .min(1, { error: "applications.error.returnCommentRequired" })
    .max(2000, { error: "validation.tooLong" }),
});

/** Træk tilbage: only with the confirmation ticked. */
export const WithdrawSchema = z.object({
  confirm: z.literal("yes", { error: "applications.error.confirmWithdraw" }),
});

/** Submitting from the application page: the content revision the page showed (a change since is refused). */
export const SubmitSchema = z.object({ revision: z.coerce.number({ error: "validation.integer" }).int().min(0).optional() });

/** The label key of a form field named in a problem ("costLines[0].amount" → the amount's label). */
export function fieldLabelKey(field: string): MessageKey | null {
  if (/^costLines\[\d+\]\.category$/.test(field)) return "applications.field.category";
  if (/^costLines\[\d+\]\.amount$/.test(field)) return "applications.field.amount";
  if (/^costLines\[\d+\]\.description$/.test(field)) return "applications.field.description";
  const labels: Record<string, MessageKey> = {
    unitId: "applications.field.unit",
    contactName: "applications.field.contactName",
    contactEmail: "applications.field.contactEmail",
    title: "applications.field.title",
    purpose: "applications.field.purpose",
    targetGroup: "applications.field.targetGroup",
    participants: "applications.field.participants",
    activityType: "applications.field.activityType",
    startDate: "applications.field.startDate",
    endDate: "applications.field.endDate",
    costLines: "applications.field.costLines",
    coFinancing: "applications.field.coFinancing",
    focusAreaIds: "applications.field.focusAreas",
    primaryFocusAreaId: "applications.field.primaryFocusArea",
    partnerAreaIds: "applications.field.partnerAreas",
    expectedEffect: "applications.field.expectedEffect",
    followUpPlan: "applications.field.followUpPlan",
    softRuleJustification: "applications.field.softRuleJustification",
  };
  return labels[field] ?? null;
}

/** The cost line number (1, 2, …) a problem's field refers to, or null. */
export function costLineNumber(field: string): number | null {
  const match = /^costLines\[(\d+)\]/.exec(field);
  return match ? Number(match[1]) + 1 : null;
}
