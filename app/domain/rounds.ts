// Application rounds (ansøgningsrunder): status from dates, and the rule that
// the shares of a year's rounds never exceed the year's budget.
import type { Ore } from "./money";

export type RoundStatus = "planned" | "open" | "closed" | "decided";

/** A round as the pages show it: its dates, its share of the year and its status now. */
export interface RoundView {
  id: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  endorsementDeadline: Date;
  decisionDate: Date;
  budgetShareOre: Ore;
  status: RoundStatus;
}

export interface RoundDates {
  opensAt: Date;
  closesAt: Date;
  endorsementDeadline: Date;
  decisionDate: Date; // date-only (UTC midnight); decided from that day on (Danish time ≈ UTC+1/2, so from the morning)
}

export function roundStatus(round: RoundDates, now: Date): RoundStatus {
  if (now < round.opensAt) return "planned";
  if (now < round.closesAt) return "open";
  if (now < round.decisionDate) return "closed";
  return "decided";
}

export type RoundProblem =
  | { field: "closesAt"; code: "closesBeforeOpens" }
  | { field: "endorsementDeadline"; code: "endorsementBeforeClose" }
  | { field: "decisionDate"; code: "decisionBeforeEndorsement" }
  | { field: "opensAt"; code: "outsideYear" }
  | { field: "budgetShare"; code: "notPositive" }
  | { field: "budgetShare"; code: "overBudget"; availableOre: Ore; otherSharesOre: Ore };

/**
 * Checks a round's dates and share. `otherSharesOre` is the sum of the year's
 * other rounds; together they may not exceed the year's total budget.
 */
export function checkRound(
  round: RoundDates & { budgetShareOre: Ore },
  year: { year: number; totalOre: Ore; otherSharesOre: Ore },
): RoundProblem[] {
  const problems: RoundProblem[] = [];
  if (round.closesAt <= round.opensAt) problems.push({ field: "closesAt", code: "closesBeforeOpens" });
  if (round.endorsementDeadline < round.closesAt) problems.push({ field: "endorsementDeadline", code: "endorsementBeforeClose" });
  const endorsementDay = Date.UTC(
    round.endorsementDeadline.getUTCFullYear(),
    round.endorsementDeadline.getUTCMonth(),
    round.endorsementDeadline.getUTCDate(),
  );
  if (round.decisionDate.getTime() < endorsementDay) problems.push({ field: "decisionDate", code: "decisionBeforeEndorsement" });
  if (round.opensAt.getUTCFullYear() > year.year || round.decisionDate.getUTCFullYear() !== year.year) {
    problems.push({ field: "opensAt", code: "outsideYear" });
  }
  if (round.budgetShareOre <= 0n) problems.push({ field: "budgetShare", code: "notPositive" });
  else if (year.otherSharesOre + round.budgetShareOre > year.totalOre) {
    problems.push({ field: "budgetShare", code: "overBudget", availableOre: year.totalOre - year.otherSharesOre, otherSharesOre: year.otherSharesOre });
  }
  return problems;
}

/** The sum of the rounds' shares, leaving out one round (the one being changed). */
export function otherSharesOre(rounds: readonly { id: string; budgetShareOre: Ore }[], excludeId?: string | null): Ore {
  let sum = 0n;
  for (const round of rounds) if (round.id !== excludeId) sum += round.budgetShareOre;
  return sum;
}

export type RoundChangeProblem = { field: "opensAt"; code: "openedCannotMove" } | { field: ""; code: "decidedLocked" };

/**
 * What may change on an existing round at `now`: nothing once it is decided;
 * its opening time not once it has opened (applicants may already have applied).
 */
export function checkRoundChange(existing: RoundDates, next: Pick<RoundDates, "opensAt">, now: Date): RoundChangeProblem[] {
  const status = roundStatus(existing, now);
  if (status === "decided") return [{ field: "", code: "decidedLocked" }];
  if (status !== "planned" && next.opensAt.getTime() !== existing.opensAt.getTime()) {
    return [{ field: "opensAt", code: "openedCannotMove" }];
  }
  return [];
}
