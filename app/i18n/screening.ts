// Turns screening verdicts into sentences that quote the numbers, in the user's language.
import type { ExplanationValue, Verdict } from "~/domain/screening/engine";
import { formatDate, formatInteger, formatMoney, formatPercent, type Lang } from "./format";
import { translate, type MessageKey } from "./index";

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

export function explainVerdict(verdict: Verdict, lang: Lang): string {
  const vars = Object.fromEntries(Object.entries(verdict.values).map(([k, v]) => [k, formatValue(v, lang)]));
  // "… 75.000,00 kr." ends the sentence: the abbreviation's period is the full stop.
  return translate(lang, `screening.${verdict.reason}` as MessageKey, vars).replace(/kr\.\./g, "kr.");
}
