// Screening (formel vurdering) of an application's content: the rules of the
// guideline version in force (the adopted one), the focus areas of the round's
// pool year's current prioritisation (its highest revision) and the round's
// decision date. Reads only; the pure engine does the checking.
import type { ApplicationContent } from "~/domain/applications/content";
import { computeAmounts } from "~/domain/applications/amounts";
import { screen, screeningSummary, type ExplanationValue, type Outcome, type ScreeningApplication, type ScreeningContext, type Verdict } from "~/domain/screening/engine";
import { parseRule, type CostCategory, type EligibilityRule, type RuleKind, type Severity } from "~/domain/screening/rules";
import type { Prisma } from "~/generated/prisma/client";
import type { Lang } from "~/i18n";
import { explainVerdict, ruleName } from "~/i18n/screening";
import type { Db, Tx } from "~/utils/db.server";
import { IN_FORCE } from "./prioritisation-in-force.server";

export interface ScreeningSetup {
  /** The adopted guideline version whose rules apply (null: none adopted yet). */
  guidelineVersionId: string | null;
  guidelineVersion: number | null;
  rules: EligibilityRule[];
  context: ScreeningContext;
}

const RULES_SELECT = {
  id: true,
  version: true,
  rules: { orderBy: [{ sortOrder: "asc" as const }, { id: "asc" as const }], select: { id: true, kind: true, severity: true, params: true } },
};

/**
 * Everything the engine needs besides the application, for a round: the rules of
 * the guideline version the year's prioritisation in force follows (a year keeps
 * its rules when HMU adopts the next version), or of the adopted version when the
 * year has no prioritisation yet.
 */
export async function loadScreeningSetup(db: Db | Tx, roundId: string): Promise<ScreeningSetup> {
  const round = await db.round.findUniqueOrThrow({
    where: { id: roundId },
    select: {
      decisionDate: true,
      poolYear: {
        select: {
          year: true,
          prioritisations: {
            ...IN_FORCE,
            select: { focusAreas: { select: { focusAreaId: true } }, guidelineVersion: { select: RULES_SELECT } },
          },
        },
      },
    },
  });
  const inForce = round.poolYear.prioritisations[0];
  const guideline =
    inForce?.guidelineVersion ??
    (await db.guidelineVersion.findFirst({ where: { status: "ADOPTED" }, orderBy: { version: "desc" }, select: RULES_SELECT }));
  const rules = (guideline?.rules ?? []).map((rule) => parseRule(rule)).filter((rule): rule is EligibilityRule => rule !== null);
  return {
    guidelineVersionId: guideline?.id ?? null,
    guidelineVersion: guideline?.version ?? null,
    rules,
    context: {
      poolYear: round.poolYear.year,
      yearFocusAreaIds: inForce?.focusAreas.map((fa) => fa.focusAreaId) ?? [],
      decisionDate: round.decisionDate,
    },
  };
}

/** The engine's view of an application's content. Lines without a category are not checked by category. */
export function screeningApplication(content: ApplicationContent, applyingAreaId: string | null): ScreeningApplication {
  const lines = content.costLines.map((line) => ({ category: line.category, amountOre: line.amountOre ?? 0n }));
  const amounts = computeAmounts(lines, content.coFinancingOre);
  return {
    ...amounts,
    costLines: lines.filter((line): line is { category: CostCategory; amountOre: bigint } => line.category !== null),
    focusAreaIds: content.focusAreaIds,
    participants: content.participants,
    startDate: content.startDate,
    endDate: content.endDate,
    applyingAreaId,
    partnerAreaIds: content.partnerAreaIds,
  };
}

export function screenContent(setup: ScreeningSetup, content: ApplicationContent, applyingAreaId: string | null): Verdict[] {
  return screen(setup.rules, screeningApplication(content, applyingAreaId), setup.context);
}

// ---------------------------------------------------------------------------
// Stored verdicts (ApplicationVersion.screening): JSON has no bigint or Date.

type StoredValue =
  | { type: "money"; ore: string }
  | { type: "date"; date: string }
  | Exclude<ExplanationValue, { type: "money" } | { type: "date" }>;

export function verdictsToJson(verdicts: readonly Verdict[]): Prisma.InputJsonValue {
  return verdicts.map((verdict) => ({
    ...verdict,
    values: Object.fromEntries(
      Object.entries(verdict.values).map(([key, value]): [string, StoredValue] => {
        if (value.type === "money") return [key, { type: "money", ore: value.ore.toString() }];
        if (value.type === "date") return [key, { type: "date", date: value.date.toISOString() }];
        return [key, value];
      }),
    ),
  })) as unknown as Prisma.InputJsonValue;
}

export function verdictsFromJson(json: unknown): Verdict[] {
  if (!Array.isArray(json)) return [];
  return json.map((raw) => {
    const verdict = raw as Omit<Verdict, "values"> & { values: Record<string, StoredValue> };
    return {
      ...verdict,
      values: Object.fromEntries(
        Object.entries(verdict.values ?? {}).map(([key, value]): [string, ExplanationValue] => {
          if (value.type === "money") return [key, { type: "money", ore: BigInt(value.ore) }];
          if (value.type === "date") return [key, { type: "date", date: new Date(value.date) }];
          return [key, value];
        }),
      ),
    };
  });
}

// ---------------------------------------------------------------------------
// For pages: each verdict as a sentence in the reader's language.

export interface VerdictView {
  ruleId: string;
  kind: RuleKind;
  severity: Severity;
  outcome: Outcome;
  /** The rule's name with its limit. */
  name: string;
  text: string;
}

export interface ScreeningView {
  verdicts: VerdictView[];
  blocked: boolean;
  warnings: number;
  failures: number;
}

export function screeningView(verdicts: readonly Verdict[], lang: Lang): ScreeningView {
  return {
    verdicts: verdicts.map((v) => ({ ruleId: v.ruleId, kind: v.kind, severity: v.severity, outcome: v.outcome, name: ruleName(v, lang), text: explainVerdict(v, lang) })),
    ...screeningSummary(verdicts),
  };
}
