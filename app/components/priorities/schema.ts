// The prioritisation form: one row per focus area; a row counts when its
// "med" checkbox is on. Pure (used on the server and in the browser).
import { z } from "zod";
import { parseKroner } from "~/domain/money";
import { earmarkOre, parsePercent, parseWeight, type EarmarkInput } from "~/domain/prioritisation";
import type { MessageKey } from "~/i18n";
import { checkbox, dateOnly, optionalText } from "~/utils/validation";

export const EARMARK_KINDS = ["NONE", "AMOUNT", "PERCENT"] as const;
export const EARMARK_STRENGTHS = ["soft", "hard"] as const;

const RowSchema = z.object({
  focusAreaId: z.string({ error: "validation.invalid" }),
  include: checkbox,
  rank: z.string().optional(),
  weight: z.string().optional(),
  earmarkKind: z.enum(EARMARK_KINDS, { error: "validation.choose" }).optional(),
  earmarkValue: z.string().optional(),
  earmarkStrength: z.enum(EARMARK_STRENGTHS, { error: "validation.choose" }).optional(),
});
export type RowValue = z.infer<typeof RowSchema>;

export interface RowItem {
  row: number;
  focusAreaId: string;
  rank: number;
  weightHundredths: number;
  earmark: EarmarkInput;
}

export interface RowIssue {
  path: [number, keyof RowValue];
  message: MessageKey;
}

/** The included rows as items, and the problems of each row's own fields. */
export function readRows(rows: readonly RowValue[]): { items: RowItem[]; issues: RowIssue[] } {
  const items: RowItem[] = [];
  const issues: RowIssue[] = [];
  rows.forEach((row, index) => {
    if (!row.include) return;
    const issue = (field: keyof RowValue, message: MessageKey) => issues.push({ path: [index, field], message });
    const rankText = row.rank?.trim() ?? "";
    let rank = NaN;
    if (!rankText) issue("rank", "validation.required");
    else if (!/^\d{1,4}$/.test(rankText)) issue("rank", "validation.integer");
    else rank = Number(rankText);

    const weightText = row.weight?.trim() ?? "";
    const weight = weightText ? parseWeight(weightText) : null;
    if (!weightText) issue("weight", "validation.required");
    else if (weight === null) issue("weight", "priorities.error.weight");

    const kind = row.earmarkKind ?? "NONE";
    const valueText = row.earmarkValue?.trim() ?? "";
    const hard = row.earmarkStrength === "hard";
    let earmark: EarmarkInput | null = { kind: "NONE" };
    if (kind === "NONE") {
      if (valueText) {
        issue("earmarkKind", "priorities.error.earmarkKindMissing");
        earmark = null;
      }
    } else if (!valueText) {
      issue("earmarkValue", "validation.required");
      earmark = null;
    } else if (kind === "AMOUNT") {
      const ore = parseKroner(valueText);
      if (ore === null) issue("earmarkValue", "validation.amount");
      else if (ore <= 0n) issue("earmarkValue", "priorities.error.earmarkNotPositive");
      earmark = ore !== null && ore > 0n ? { kind: "AMOUNT", ore, hard } : null;
    } else {
      const basisPoints = parsePercent(valueText);
      if (basisPoints === null) issue("earmarkValue", "priorities.error.percent");
      earmark = basisPoints !== null ? { kind: "PERCENT", basisPoints, hard } : null;
    }
    if (!Number.isNaN(rank) && weight !== null && earmark) {
      items.push({ row: index, focusAreaId: row.focusAreaId, rank, weightHundredths: weight, earmark });
    }
  });
  return { items, issues };
}

export const PrioritisationSchema = z
  .object({
    decidedOn: dateOnly,
    guidelineVersionId: z.string({ error: "validation.choose" }),
    note: optionalText(2000),
    /** The revision the form was filled in from ("0" = none yet; missing = not checked). */
    basedOnRevision: z
      .string()
      .optional()
      .transform((v) => (v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) || null : undefined)),
    rows: z.array(RowSchema).optional().transform((v) => v ?? []),
  })
  .superRefine((value, ctx) => {
    // Zod runs this also when a field above failed: look only at well-formed rows.
    if (!Array.isArray(value.rows)) return;
    const { issues } = readRows(value.rows);
    for (const issue of issues) ctx.addIssue({ code: "custom", path: ["rows", ...issue.path], message: issue.message });
    if (!value.rows.some((row) => row.include)) ctx.addIssue({ code: "custom", path: ["rows"], message: "priorities.error.noFocusAreas" });
  });

/**
 * For the live summary under the form: how many rows are ticked and what
 * their readable earmarks add up to against the year's total (raw form values).
 */
export function summariseRows(rows: unknown, yearTotalOre: bigint): { count: number; earmarkedOre: bigint } {
  let count = 0;
  let earmarkedOre = 0n;
  if (!Array.isArray(rows)) return { count, earmarkedOre };
  for (const row of rows as Record<string, unknown>[]) {
    if (!row || (row.include !== "on" && row.include !== true)) continue;
    count += 1;
    const value = typeof row.earmarkValue === "string" ? row.earmarkValue : "";
    if (row.earmarkKind === "AMOUNT") {
      const ore = parseKroner(value);
      if (ore !== null && ore > 0n) earmarkedOre += ore;
    } else if (row.earmarkKind === "PERCENT") {
      const basisPoints = parsePercent(value);
      if (basisPoints !== null) earmarkedOre += earmarkOre({ kind: "PERCENT", basisPoints, hard: false }, yearTotalOre);
    }
  }
  return { count, earmarkedOre };
}
