// Eligibility rules in words: the kind's label and its limit in Danish formats
// ("Højst 250.000,00 kr.", "Mindst 20 % af de samlede udgifter", "Senest 6
// måneder efter afgørelsen"). Used on the version page and in the diff.
import { COST_CATEGORIES, isRuleKind, parseRule, type Severity } from "~/domain/screening/rules";
import { formatInteger, formatMoney, formatPercent, type Lang, type MessageKey, type Translate } from "~/i18n";

export function ruleKindLabel(t: Translate, kind: string): string {
  return isRuleKind(kind) ? t(`ruleKind.${kind}` as MessageKey) : kind;
}

export function severityLabel(t: Translate, severity: Severity): string {
  return t(`severity.${severity}` as MessageKey);
}

function categories(t: Translate, list: readonly string[]): string {
  return list.map((c) => t(`costCategory.${c}` as MessageKey)).join(", ");
}

/** The rule's limit in words; "Ingen grænse" for rules without parameters. */
export function describeRuleParams(t: Translate, lang: Lang, stored: { kind: string; params: unknown }): string {
  const rule = parseRule({ id: "", kind: stored.kind, severity: "HARD", params: stored.params });
  if (!rule) return t("guidelines.param.invalid");
  switch (rule.kind) {
    case "MAX_AMOUNT":
      return t("guidelines.param.maxAmount", { amount: formatMoney(BigInt(rule.params.maxOre), lang) });
    case "MIN_COFINANCING_SHARE":
      return t("guidelines.param.minShare", { share: formatPercent(rule.params.minBasisPoints, lang) });
    case "COST_CATEGORIES": {
      const ineligible = COST_CATEGORIES.filter((c) => !rule.params.eligible.includes(c));
      const eligible = t("guidelines.param.eligible", { categories: categories(t, rule.params.eligible) });
      return ineligible.length === 0 ? eligible : `${eligible}. ${t("guidelines.param.ineligible", { categories: categories(t, ineligible) })}`;
    }
    case "FOCUS_AREA_REQUIRED":
    case "ACTIVITY_IN_YEAR":
      return t("guidelines.param.none");
    case "START_WITHIN_MONTHS":
      return rule.params.months === 1
        ? t("guidelines.param.monthOne")
        : t("guidelines.param.months", { months: formatInteger(rule.params.months, lang) });
    case "MIN_PARTICIPANTS":
      return t("guidelines.param.minParticipants", { min: formatInteger(rule.params.min, lang) });
    case "MIN_AREAS":
      return t("guidelines.param.minAreas", { min: formatInteger(rule.params.min, lang) });
    case "MAX_ROUND_SHARE_PER_AREA":
      return t("guidelines.param.maxRoundShare", { share: formatPercent(rule.params.maxBasisPoints, lang) });
  }
}
