// Danish (and English) formats for money, numbers, dates and times.
// Money is formatted from øre in bigint: no floating point on the way.
import { DANISH_TIME_ZONE, toIsoDate } from "~/domain/dates";
import { splitOre, type Ore } from "~/domain/money";

export type Lang = "da" | "en";

const locales: Record<Lang, string> = { da: "da-DK", en: "en-GB" };

const integerFormats = new Map<Lang, Intl.NumberFormat>();
function integerFormat(lang: Lang): Intl.NumberFormat {
  let format = integerFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0, useGrouping: true });
    integerFormats.set(lang, format);
  }
  return format;
}

/** 6.000.000,00 kr. (da) — DKK 6,000,000.00 (en). A minus sign is U+2212 free: plain "-". */
export function formatMoney(value: Ore, lang: Lang = "da"): string {
  const { negative, kroner, ore } = splitOre(value);
  const whole = integerFormat(lang).format(kroner);
  const cents = ore.toString().padStart(2, "0");
  const sign = negative ? "-" : "";
  return lang === "da" ? `${sign}${whole},${cents} kr.` : `${sign}DKK ${whole}.${cents}`;
}

/** Basis points as a percentage: 2500 → "25 %", 2499 → "24,99 %" (da); "25%" (en). */
export function formatPercent(basisPoints: number, lang: Lang = "da"): string {
  const whole = Math.trunc(basisPoints / 100);
  const hundredths = Math.abs(basisPoints % 100);
  const sign = basisPoints < 0 && whole === 0 ? "-" : "";
  const decimals = hundredths === 0 ? "" : `${lang === "da" ? "," : "."}${String(hundredths).padStart(2, "0").replace(/0$/, "")}`;
  return `${sign}${formatInteger(whole, lang)}${decimals}${lang === "da" ? " %" : "%"}`;
}

/** Whole number with grouping: 1.234 (da). */
export function formatInteger(value: number | bigint, lang: Lang = "da"): string {
  return integerFormat(lang).format(value);
}

function parts(date: Date, lang: Lang, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat(locales[lang], { timeZone: DANISH_TIME_ZONE, ...options }).formatToParts(date)) {
    out[part.type] = part.value;
  }
  return out;
}

/** 26.11.2026 and 1.3.2027 (da) — 26/11/2026 (en). Dates without time are stored at UTC midnight. */
export function formatDate(date: Date, lang: Lang = "da", { dateOnly = false } = {}): string {
  const p = parts(date, lang, {
    day: lang === "da" ? "numeric" : "2-digit",
    month: lang === "da" ? "numeric" : "2-digit",
    year: "numeric",
    ...(dateOnly ? { timeZone: "UTC" } : {}),
  });
  return lang === "da" ? `${p.day}.${p.month}.${p.year}` : `${p.day}/${p.month}/${p.year}`;
}

/** 26.11.2026 kl. 14.05 and 1.3.2027 kl. 12.00 (da) — 26/11/2026 14:05 (en), in Danish time. */
export function formatDateTime(date: Date, lang: Lang = "da"): string {
  const p = parts(date, lang, {
    day: lang === "da" ? "numeric" : "2-digit",
    month: lang === "da" ? "numeric" : "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return lang === "da"
    ? `${p.day}.${p.month}.${p.year} kl. ${p.hour}.${p.minute}`
    : `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** yyyy-mm-dd of a date-only value: lives in ~/domain/dates, re-exported for the forms. */
export { toIsoDate };
