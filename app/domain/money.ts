// Money is whole øre in a bigint: exact, never binary floating point.
// 1 krone = 100 øre. All sums, differences and comparisons stay in bigint.

export type Ore = bigint;

export const ORE_PER_KRONE = 100n;

export function kroner(whole: number | bigint): Ore {
  if (typeof whole === "number" && !Number.isSafeInteger(whole)) {
    throw new RangeError(`kroner() takes whole kroner, got ${whole}`);
  }
  return BigInt(whole) * ORE_PER_KRONE;
}

export function sumOre(values: Iterable<Ore>): Ore {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

/**
 * Largest amount accepted anywhere in the product: 999.999.999.999,99 kr. It
 * holds for every stored amount and for every stored or shown total (a year's
 * budget with its adjustments, an application's costs), not only for what one
 * person types at a time.
 */
export const MAX_ABS_ORE = 99_999_999_999_999n;

/** Is the amount, or total, within the product's maximum (either sign)? */
export function isWithinMaximum(value: Ore): boolean {
  return value <= MAX_ABS_ORE && value >= -MAX_ABS_ORE;
}

/**
 * Parses an amount typed by a person, Danish style: "6.000.000", "1.234,56",
 * "1234,5", "-2.500 kr.", "1 234,00". "." and spaces group thousands; "," is
 * the decimal separator (at most two decimals). Returns null when the text is
 * not an amount. Never goes through floating point.
 */
export function parseKroner(input: string): Ore | null {
  let text = input.trim().replace(/\s*(kr\.?|dkk)$/i, "").replace(/^(kr\.?|dkk)\s*/i, "");
  text = text.replace(/[\s\u00a0]/g, "");
  let negative = false;
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith("+")) {
    text = text.slice(1);
  }
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const whole = BigInt(match[1]!.replace(/\./g, ""));
  const fraction = BigInt((match[2] ?? "").padEnd(2, "0") || "0");
  const ore = whole * ORE_PER_KRONE + fraction;
  if (ore > MAX_ABS_ORE) return null;
  return negative ? -ore : ore;
}

/** Kroner part and øre part, both non-negative, and the sign. */
export function splitOre(value: Ore): { negative: boolean; kroner: bigint; ore: bigint } {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return { negative, kroner: abs / ORE_PER_KRONE, ore: abs % ORE_PER_KRONE };
}

/** "1234,56" — plain form value for an input field (no grouping, no unit). */
export function toInputValue(value: Ore): string {
  const { negative, kroner: whole, ore } = splitOre(value);
  return `${negative ? "-" : ""}${whole},${ore.toString().padStart(2, "0")}`;
}

/** "1.234,56": an amount as a form field shows it (Danish grouping, no unit); parseKroner reads it back. */
export function oreToInput(value: Ore): string {
  const { negative, kroner: whole, ore } = splitOre(value);
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped},${ore.toString().padStart(2, "0")}`;
}

/**
 * A part of a whole in basis points (1 % = 100), computed in bigint: rounded half
 * up by default, or down (for a share that must never flatter, as when checking a
 * minimum). 0 when the whole is not positive. A ratio, not money: safe as a number.
 */
export function shareBasisPoints(part: Ore, whole: Ore, rounding: "halfUp" | "down" = "halfUp"): number {
  if (whole <= 0n) return 0;
  if (rounding === "down") return Number((part * 10_000n) / whole);
  const negative = part < 0n;
  const abs = negative ? -part : part;
  const scaled = (abs * 10_000n * 2n + whole) / (whole * 2n);
  return Number(negative ? -scaled : scaled);
}

/** Share in percent with two decimals, rounded half up, computed in integers. */
export function percentOf(part: Ore, whole: Ore): string {
  if (whole === 0n) return "0,00";
  const scaled = (part * 10_000n * 2n + whole) / (whole * 2n); // hundredths of a percent
  const { negative, kroner: int, ore: frac } = splitOre(scaled);
  return `${negative ? "-" : ""}${int},${frac.toString().padStart(2, "0")}`;
}
