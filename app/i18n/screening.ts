// Turns screening verdicts into sentences that quote the numbers, in the user's language.
import type { ExplanationValue, Verdict } from "~/domain/screening/engine";
import { formatDate, formatInteger, formatMoney, formatPercent, type Lang } from "./format";
import { isMessageKey, translate, translatePlural, type MessageKey, type PluralKey } from "./index";

function formatValue(value: ExplanationValue, lang: Lang): string {
  switch (value.type) {
    case "money":
      return formatMoney(value.ore, lang);
    case "percent":
      return formatPercent(value.basisPoints, lang);
    case "date":
      return formatDate(value.date, lang, { dateOnly: true });
    case "number":
      return formatInteger(value.value, lang);
    case "year":
      return String(value.value);
    case "categories":
      return value.categories.map((c) => translate(lang, `costCategory.${c}` as MessageKey)).join(", ");
  }
}

/** The value a counted sentence agrees with ("1 forvaltningsområde", "2 forvaltningsområder"). */
const PLURAL_COUNT: Record<string, string> = { "minAreas.pass": "areas", "minAreas.fail": "areas" };

function numberValue(value: ExplanationValue | undefined): number | null {
  return value?.type === "number" ? value.value : null;
}

export function explainVerdict(verdict: Verdict, lang: Lang): string {
  const vars = Object.fromEntries(Object.entries(verdict.values).map(([k, v]) => [k, formatValue(v, lang)]));
  const key = `screening.${verdict.reason}`;
  const countVar = PLURAL_COUNT[verdict.reason];
  const count = countVar ? numberValue(verdict.values[countVar]) : null;
  const text =
    count !== null && isMessageKey(`${key}.other`)
      ? translatePlural(lang, key as PluralKey, count, vars)
      : translate(lang, key as MessageKey, vars);
  // "… 75.000,00 kr." ends the sentence: the abbreviation's period is the full stop.
  return text.replace(/kr\.\./g, "kr.");
}

/**
 * A rule's name with its own limit where the name needs one ("Start senest 6
 * måneder efter afgørelsen", "Tværgående: mindst 2 forvaltningsområder"); the
 * verdict carries the limit among its values.
 */
export function ruleName(verdict: Pick<Verdict, "kind" | "values">, lang: Lang): string {
  const months = numberValue(verdict.values.months);
  if (verdict.kind === "START_WITHIN_MONTHS" && months !== null) return translatePlural(lang, "ruleName.startWithinMonths", months);
  const min = numberValue(verdict.values.min);
  if (verdict.kind === "MIN_AREAS" && min !== null) return translatePlural(lang, "ruleName.minAreas", min);
  return translate(lang, `ruleKind.${verdict.kind}`);
}
