// The round form. Times are Danish wall-clock time from <input type="datetime-local">.
import { z } from "zod";
import { toIsoDate, utcToZonedInput, zonedTimeToUtc } from "~/domain/dates";
import { oreToInput } from "~/domain/money";
import { dateOnly, kronerAmount, requiredText } from "~/utils/validation";

/**
 * "2027-03-01T12:00" as the browser sends it; also "2027-03-01 12:00",
 * seconds ":00", and Danish "1.3.2027 12.00" / "1.3.2027 kl. 12.00" typed into
 * a browser without a date-time picker. Null when it is none of these.
 */
export function normaliseDateTimeInput(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::00(?:\.000)?)?$/.exec(value);
  if (iso) return `${iso[1]}T${iso[2]}`;
  const danish = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})$/.exec(value);
  if (danish) {
    const [, d, m, y, h, min] = danish as unknown as [string, string, string, string, string, string];
    return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}T${h.padStart(2, "0")}:${min}`;
  }
  return null;
}

/** A Danish wall-clock time → the instant (UTC). */
export const danishDateTime = z.string({ error: "validation.required" }).transform((text, ctx) => {
  const normalised = normaliseDateTimeInput(text);
  const instant = normalised ? zonedTimeToUtc(normalised) : null;
  if (!instant) {
    ctx.addIssue({ code: "custom", message: "rounds.error.dateTime" });
    return z.NEVER;
  }
  return instant;
});

export const RoundSchema = z.object({
  name: requiredText(120),
  opensAt: danishDateTime,
  closesAt: danishDateTime,
  endorsementDeadline: danishDateTime,
  decisionDate: dateOnly,
  budgetShare: kronerAmount,
});

/** Form values of a stored round (datetime-local in Danish time, date, kroner). */
export function roundDefaults(round: {
  name: string;
  opensAt: Date;
  closesAt: Date;
  endorsementDeadline: Date;
  decisionDate: Date;
  budgetShareOre: bigint;
}) {
  return {
    name: round.name,
    opensAt: utcToZonedInput(round.opensAt),
    closesAt: utcToZonedInput(round.closesAt),
    endorsementDeadline: utcToZonedInput(round.endorsementDeadline),
    decisionDate: toIsoDate(round.decisionDate),
    budgetShare: oreToInput(round.budgetShareOre),
  };
}

