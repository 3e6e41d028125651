// The allocation proposal (fordelingsforslag): input, result and explanations as
// typed values. No language here: the i18n layer turns explanations into Danish.
// Semantics in docs/decisions/018-scoring-and-allocation.md.
import type { Ore } from "../money";

export interface AllocationApplication {
  id: string;
  reference: string;
  /** Position in the round's ranked list (rankApplications), 1 = first. */
  rank: number;
  requestedOre: Ore;
  /** Smallest acceptable amount when the round allows partial grants; null: full grant or nothing. */
  minimumOre: Ore | null;
  /** From priorityOf: ten-thousandths of a point, a whole number ≥ 0. */
  priority: number;
  scoreHundredths: number | null;
  /** The primary focus area. */
  focusAreaId: string | null;
  /** The applying area (område). */
  areaId: string | null;
  /** Outcome of the screening (formel vurdering). */
  eligible: boolean;
}

/** Øremærket beløb: what is left of it this year. */
export interface Reservation {
  focusAreaId: string;
  remainingOre: Ore;
  /** Hard: only this focus area may use the money this year. Soft: a target, released to others when needed. */
  hard: boolean;
}

/** Loft: the most the focus area may still be granted this year. */
export interface FocusAreaCap {
  focusAreaId: string;
  remainingOre: Ore;
}

/** The most an area (område) may be granted in this proposal. */
export interface AreaBound {
  areaId: string;
  maxOre: Ore;
}

/** Set by leadership: fund with this amount, or never fund. */
export type Pin =
  | { applicationId: string; kind: "in"; amountOre: Ore; reason: string }
  | { applicationId: string; kind: "out"; reason: string };

export interface AllocationInput {
  applications: readonly AllocationApplication[];
  /** What is left of the round's share. */
  roundRemainingOre: Ore;
  /** What is left of the pool year's money (the reservations are part of it). */
  yearAvailableOre: Ore;
  reservations: readonly Reservation[];
  caps: readonly FocusAreaCap[];
  areaBounds: readonly AreaBound[];
  /** Applications scoring below this are not funded (unless pinned in). */
  minimumScoreHundredths: number | null;
  pins: readonly Pin[];
}

/** A limit that can stop or shorten a grant. */
export type Limit =
  | { kind: "roundMoney" }
  | { kind: "yearMoney" }
  /** The year's money that is left is held by hard reservations of these other focus areas. */
  | { kind: "hardReservations"; focusAreaIds: string[] }
  | { kind: "cap"; focusAreaId: string }
  | { kind: "areaBound"; areaId: string };

export interface LimitShortfall {
  limit: Limit;
  /** What this limit still allowed for the application. */
  headroomOre: Ore;
  /** How much more under this limit would have funded it (partial: in full). */
  shortfallOre: Ore;
}

export type Explanation =
  | { outcome: "funded"; pinReason: string | null }
  | {
      outcome: "partial";
      pinReason: string | null;
      /** requested − granted. */
      missingOre: Ore;
      /** The limits that held it below the requested amount (empty when the amount was pinned). */
      limits: LimitShortfall[];
    }
  | {
      outcome: "notFunded";
      reason: "limits";
      /** The smallest amount it would have been granted (minimum, or the requested amount). */
      neededOre: Ore;
      /** The limits that left less than that, tightest first. */
      limits: LimitShortfall[];
      /** The last funded application ranked above it ("the round's money ran out after number N"). */
      lastFundedRankBefore: number | null;
    }
  | { outcome: "notFunded"; reason: "belowMinimumScore"; scoreHundredths: number | null; minimumScoreHundredths: number }
  | { outcome: "notFunded"; reason: "pinnedOut"; pinReason: string }
  | { outcome: "notFunded"; reason: "notEligible" }
  /** It would fit, but the method left it out (only when its priority adds nothing). */
  | { outcome: "notFunded"; reason: "notChosen" };

export interface ProposalLine {
  applicationId: string;
  reference: string;
  rank: number;
  requestedOre: Ore;
  grantedOre: Ore;
  explanation: Explanation;
}

/** An exact fraction, numerator / denominator, denominator > 0. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

export type AllocationMethod = "rankOrder" | "bestTotalPriority";

export interface SolverReport {
  /** HiGHS's status: proven optimal (within the relative gap asked for), or stopped by the time limit. */
  status: "optimal" | "timeLimit";
  /** Proven relative gap of the returned proposal: the optimum is at most (1 + gap) × its total priority. */
  gap: number;
  /** HiGHS's bound on the optimum (total priority, in the same unit). */
  bound: number;
  seconds: number;
  /** The solver's solution was not better than rank order's (time limit, or a tie), which is returned instead. */
  usedRankOrder: boolean;
  /** The solver's rounded solution broke a limit by a few øre and was repaired (exactly, in øre). */
  repaired: boolean;
}

export interface Proposal {
  method: AllocationMethod;
  /** In rank order. */
  lines: ProposalLine[];
  totals: {
    grantedOre: Ore;
    funded: number;
    partial: number;
    notFunded: number;
    roundLeftoverOre: Ore;
    yearLeftoverOre: Ore;
  };
  /** Σ priority × granted / requested. */
  totalPriority: Fraction;
  reservations: { focusAreaId: string; hard: boolean; targetOre: Ore; grantedOre: Ore; metOre: Ore; unmetOre: Ore }[];
  caps: { focusAreaId: string; capOre: Ore; grantedOre: Ore; leftOre: Ore }[];
  areaBounds: { areaId: string; maxOre: Ore; grantedOre: Ore; leftOre: Ore }[];
  solver: SolverReport | null;
}

export type AllocationProblem =
  | { code: "moneyNegative"; field: "roundRemaining" | "yearAvailable" }
  | { code: "minimumScoreInvalid" }
  | { code: "duplicateApplication"; applicationId: string }
  | { code: "duplicateRank"; rank: number }
  | { code: "applicationInvalid"; applicationId: string; field: "rank" | "requested" | "minimum" | "priority" | "score" }
  | { code: "duplicateReservation"; focusAreaId: string }
  | { code: "duplicateCap"; focusAreaId: string }
  | { code: "duplicateAreaBound"; areaId: string }
  | { code: "limitNegative"; limit: Limit | { kind: "reservation"; focusAreaId: string } }
  | { code: "hardReservationsExceedYearMoney"; reservedOre: Ore; yearAvailableOre: Ore }
  | { code: "pinUnknownApplication"; applicationId: string }
  | { code: "duplicatePin"; applicationId: string }
  | { code: "pinReasonMissing"; applicationId: string }
  | { code: "pinAmountInvalid"; applicationId: string; amountOre: Ore; requestedOre: Ore; minimumOre: Ore | null }
  | { code: "pinNotEligible"; applicationId: string }
  /** The pinned-in applications together break these limits: a valid proposal always honours every pin. */
  | { code: "pinsExceedLimits"; limits: { limit: Limit; overOre: Ore }[] };

export type AllocationResult = { ok: true; proposal: Proposal } | { ok: false; problems: AllocationProblem[] };
