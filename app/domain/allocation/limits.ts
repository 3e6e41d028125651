// The limits of an allocation proposal, in exact øre, shared by both methods:
// input checks, a ledger that knows every limit's headroom, the explanation of
// one application against the ledger, and the final verification.
//
// Limits (docs/decisions/018-scoring-and-allocation.md):
//   round money      Σ granted ≤ the round's remaining share
//   year money       Σ granted ≤ the year's available money
//   hard reservation Σ_F max(granted to F, R_F) + granted outside hard-reserved focus areas ≤ year money
//                    (money equal to the unused part of each hard reservation stays in the year for F;
//                    F's own applications use F's reservation first, then the general money)
//   cap              granted to F ≤ F's cap
//   area bound       granted to an area ≤ its bound
// A soft reservation limits nothing; the proposal reports how much of it was met.
import { sumOre, type Ore } from "../money";
import type {
  AllocationApplication,
  AllocationInput,
  AllocationMethod,
  AllocationProblem,
  Explanation,
  Fraction,
  Limit,
  LimitShortfall,
  Proposal,
  ProposalLine,
  SolverReport,
} from "./types";

const MAX_SCORE = 10_000;
const max = (a: Ore, b: Ore) => (a > b ? a : b);
const min = (a: Ore, b: Ore) => (a < b ? a : b);

/** Every problem with the input (empty list = a proposal can be made). Does not check the pins against the limits. */
export function checkInput(input: AllocationInput): AllocationProblem[] {
  const problems: AllocationProblem[] = [];
  if (input.roundRemainingOre < 0n) problems.push({ code: "moneyNegative", field: "roundRemaining" });
  if (input.yearAvailableOre < 0n) problems.push({ code: "moneyNegative", field: "yearAvailable" });
  const minScore = input.minimumScoreHundredths;
  if (minScore !== null && (!Number.isSafeInteger(minScore) || minScore < 0 || minScore > MAX_SCORE)) problems.push({ code: "minimumScoreInvalid" });

  const byId = new Map<string, AllocationApplication>();
  const ranks = new Set<number>();
  for (const app of input.applications) {
    if (byId.has(app.id)) problems.push({ code: "duplicateApplication", applicationId: app.id });
    byId.set(app.id, app);
    const invalid = (field: "rank" | "requested" | "minimum" | "priority" | "score") =>
      problems.push({ code: "applicationInvalid", applicationId: app.id, field });
    if (!Number.isSafeInteger(app.rank) || app.rank < 1) invalid("rank");
    else if (ranks.has(app.rank)) problems.push({ code: "duplicateRank", rank: app.rank });
    ranks.add(app.rank);
    if (app.requestedOre <= 0n) invalid("requested");
    if (app.minimumOre !== null && (app.minimumOre <= 0n || app.minimumOre > app.requestedOre)) invalid("minimum");
    if (!Number.isSafeInteger(app.priority) || app.priority < 0) invalid("priority");
    const s = app.scoreHundredths;
    if (s !== null && (!Number.isSafeInteger(s) || s < 0 || s > MAX_SCORE)) invalid("score");
  }

  const seen = (list: readonly string[], report: (id: string) => AllocationProblem) => {
    const ids = new Set<string>();
    for (const id of list) {
      if (ids.has(id)) problems.push(report(id));
      ids.add(id);
    }
  };
  seen(input.reservations.map((r) => r.focusAreaId), (focusAreaId) => ({ code: "duplicateReservation", focusAreaId }));
  seen(input.caps.map((c) => c.focusAreaId), (focusAreaId) => ({ code: "duplicateCap", focusAreaId }));
  seen(input.areaBounds.map((b) => b.areaId), (areaId) => ({ code: "duplicateAreaBound", areaId }));
  for (const r of input.reservations) {
    if (r.remainingOre < 0n) problems.push({ code: "limitNegative", limit: { kind: "reservation", focusAreaId: r.focusAreaId } });
  }
  for (const c of input.caps) if (c.remainingOre < 0n) problems.push({ code: "limitNegative", limit: { kind: "cap", focusAreaId: c.focusAreaId } });
  for (const b of input.areaBounds) if (b.maxOre < 0n) problems.push({ code: "limitNegative", limit: { kind: "areaBound", areaId: b.areaId } });
  const reservedOre = sumOre(input.reservations.filter((r) => r.hard && r.remainingOre > 0n).map((r) => r.remainingOre));
  if (reservedOre > input.yearAvailableOre && input.yearAvailableOre >= 0n) {
    problems.push({ code: "hardReservationsExceedYearMoney", reservedOre, yearAvailableOre: input.yearAvailableOre });
  }

  const pinned = new Set<string>();
  for (const pin of input.pins) {
    const app = byId.get(pin.applicationId);
    if (!app) {
      problems.push({ code: "pinUnknownApplication", applicationId: pin.applicationId });
      continue;
    }
    if (pinned.has(pin.applicationId)) problems.push({ code: "duplicatePin", applicationId: pin.applicationId });
    pinned.add(pin.applicationId);
    if (pin.reason.trim() === "") problems.push({ code: "pinReasonMissing", applicationId: pin.applicationId });
    if (pin.kind === "in") {
      if (!app.eligible) problems.push({ code: "pinNotEligible", applicationId: app.id });
      if (!grantAmountAllowed(app, pin.amountOre) || pin.amountOre === 0n) {
        problems.push({ code: "pinAmountInvalid", applicationId: app.id, amountOre: pin.amountOre, requestedOre: app.requestedOre, minimumOre: app.minimumOre });
      }
    }
  }
  return problems;
}

/** 0, the requested amount, or (partial grants allowed) anything from the minimum up to it. */
export function grantAmountAllowed(app: AllocationApplication, amountOre: Ore): boolean {
  if (amountOre === 0n || amountOre === app.requestedOre) return true;
  return app.minimumOre !== null && amountOre >= app.minimumOre && amountOre < app.requestedOre;
}

/** The money one application would be granted at least, if at all. */
export const neededOre = (app: AllocationApplication): Ore => app.minimumOre ?? app.requestedOre;

/** What has been granted so far, and what every limit still allows. */
export class Ledger {
  totalOre = 0n;
  private readonly byFocusArea = new Map<string, Ore>();
  private readonly byArea = new Map<string, Ore>();
  private readonly hard = new Map<string, Ore>();
  private readonly caps = new Map<string, Ore>();
  private readonly bounds = new Map<string, Ore>();
  /** Σ over hard reservations of what is still unused: max(0, R_F − granted to F). */
  private hardUnusedOre = 0n;

  constructor(private readonly input: AllocationInput) {
    for (const r of input.reservations) {
      if (r.hard && r.remainingOre > 0n) {
        this.hard.set(r.focusAreaId, r.remainingOre);
        this.hardUnusedOre += r.remainingOre;
      }
    }
    for (const c of input.caps) this.caps.set(c.focusAreaId, c.remainingOre);
    for (const b of input.areaBounds) this.bounds.set(b.areaId, b.maxOre);
  }

  focusAreaOre(focusAreaId: string): Ore {
    return this.byFocusArea.get(focusAreaId) ?? 0n;
  }

  areaOre(areaId: string): Ore {
    return this.byArea.get(areaId) ?? 0n;
  }

  private unusedHard(focusAreaId: string): Ore {
    const reserved = this.hard.get(focusAreaId);
    return reserved === undefined ? 0n : max(0n, reserved - this.focusAreaOre(focusAreaId));
  }

  /** Adds (or, negative, takes back) a grant. */
  add(app: AllocationApplication, amountOre: Ore): void {
    if (amountOre === 0n) return;
    this.totalOre += amountOre;
    if (app.focusAreaId !== null) {
      const before = this.unusedHard(app.focusAreaId);
      this.byFocusArea.set(app.focusAreaId, this.focusAreaOre(app.focusAreaId) + amountOre);
      this.hardUnusedOre += this.unusedHard(app.focusAreaId) - before;
    }
    if (app.areaId !== null) this.byArea.set(app.areaId, this.areaOre(app.areaId) + amountOre);
  }

  /** What each limit that applies to the application still allows it, in a fixed order. */
  headrooms(app: AllocationApplication): { limit: Limit; headroomOre: Ore }[] {
    const list: { limit: Limit; headroomOre: Ore }[] = [
      { limit: { kind: "roundMoney" }, headroomOre: this.input.roundRemainingOre - this.totalOre },
      { limit: { kind: "yearMoney" }, headroomOre: this.input.yearAvailableOre - this.totalOre },
    ];
    const own = app.focusAreaId === null ? 0n : this.unusedHard(app.focusAreaId);
    if (this.hardUnusedOre - own > 0n) {
      const focusAreaIds = [...this.hard.keys()].filter((f) => f !== app.focusAreaId && this.unusedHard(f) > 0n).sort();
      list.push({
        limit: { kind: "hardReservations", focusAreaIds },
        headroomOre: this.input.yearAvailableOre - this.totalOre - (this.hardUnusedOre - own),
      });
    }
    if (app.focusAreaId !== null) {
      const cap = this.caps.get(app.focusAreaId);
      if (cap !== undefined) list.push({ limit: { kind: "cap", focusAreaId: app.focusAreaId }, headroomOre: cap - this.focusAreaOre(app.focusAreaId) });
    }
    if (app.areaId !== null) {
      const bound = this.bounds.get(app.areaId);
      if (bound !== undefined) list.push({ limit: { kind: "areaBound", areaId: app.areaId }, headroomOre: bound - this.areaOre(app.areaId) });
    }
    return list;
  }

  /** The most the application could still be granted without breaking a limit (may be negative when broken). */
  headroom(app: AllocationApplication): Ore {
    return this.headrooms(app).reduce((least, h) => min(least, h.headroomOre), this.input.roundRemainingOre - this.totalOre);
  }

  /** Every limit the grants so far break, with how much they are over. */
  violations(): { limit: Limit; overOre: Ore }[] {
    const out: { limit: Limit; overOre: Ore }[] = [];
    const { roundRemainingOre: round, yearAvailableOre: year } = this.input;
    if (this.totalOre > round) out.push({ limit: { kind: "roundMoney" }, overOre: this.totalOre - round });
    if (this.totalOre > year) out.push({ limit: { kind: "yearMoney" }, overOre: this.totalOre - year });
    else if (this.totalOre + this.hardUnusedOre > year) {
      const focusAreaIds = [...this.hard.keys()].filter((f) => this.unusedHard(f) > 0n).sort();
      out.push({ limit: { kind: "hardReservations", focusAreaIds }, overOre: this.totalOre + this.hardUnusedOre - year });
    }
    for (const [focusAreaId, cap] of [...this.caps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const granted = this.focusAreaOre(focusAreaId);
      if (granted > cap) out.push({ limit: { kind: "cap", focusAreaId }, overOre: granted - cap });
    }
    for (const [areaId, bound] of [...this.bounds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const granted = this.areaOre(areaId);
      if (granted > bound) out.push({ limit: { kind: "areaBound", areaId }, overOre: granted - bound });
    }
    return out;
  }
}

/** The limits that leave less than `wanted` for the application, tightest first (ties in the fixed order). */
export function shortfalls(ledger: Ledger, app: AllocationApplication, wanted: Ore): LimitShortfall[] {
  return ledger
    .headrooms(app)
    .map((h, order) => ({ ...h, order }))
    .filter((h) => h.headroomOre < wanted)
    .sort((a, b) => (a.headroomOre < b.headroomOre ? -1 : a.headroomOre > b.headroomOre ? 1 : a.order - b.order))
    .map(({ limit, headroomOre }) => ({ limit, headroomOre: max(0n, headroomOre), shortfallOre: wanted - max(0n, headroomOre) }));
}

/** Why an application that is open to funding got what it got, judged against the ledger without its own grant. */
export function explainAgainst(ledger: Ledger, app: AllocationApplication, grantedOre: Ore, lastFundedRankBefore: number | null): Explanation {
  if (grantedOre === app.requestedOre) return { outcome: "funded", pinReason: null };
  if (grantedOre > 0n) {
    return { outcome: "partial", pinReason: null, missingOre: app.requestedOre - grantedOre, limits: shortfalls(ledger, app, app.requestedOre) };
  }
  const needed = neededOre(app);
  const limits = shortfalls(ledger, app, needed);
  if (limits.length === 0) return { outcome: "notFunded", reason: "notChosen" };
  return { outcome: "notFunded", reason: "limits", neededOre: needed, limits, lastFundedRankBefore };
}

/** Why an application is closed to funding before any money is counted, or null when it is open. */
export function exclusion(input: AllocationInput, app: AllocationApplication): Explanation | null {
  const pin = input.pins.find((p) => p.applicationId === app.id);
  if (pin?.kind === "out") return { outcome: "notFunded", reason: "pinnedOut", pinReason: pin.reason };
  if (pin?.kind === "in") return null;
  if (!app.eligible) return { outcome: "notFunded", reason: "notEligible" };
  const minimum = input.minimumScoreHundredths;
  if (minimum !== null && (app.scoreHundredths === null || app.scoreHundredths < minimum)) {
    return { outcome: "notFunded", reason: "belowMinimumScore", scoreHundredths: app.scoreHundredths, minimumScoreHundredths: minimum };
  }
  return null;
}

/** The applications in rank order (rank, then id: a total order whatever the input order). */
export function inRankOrder(applications: readonly AllocationApplication[]): AllocationApplication[] {
  return [...applications].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A ledger holding the pinned-in grants, or the problem when they do not fit together. */
export function ledgerWithPins(input: AllocationInput): { ledger: Ledger; grants: Map<string, Ore> } | { problem: AllocationProblem } {
  const ledger = new Ledger(input);
  const grants = new Map<string, Ore>();
  const byId = new Map(input.applications.map((a) => [a.id, a]));
  for (const pin of input.pins) {
    if (pin.kind !== "in") continue;
    ledger.add(byId.get(pin.applicationId)!, pin.amountOre);
    grants.set(pin.applicationId, pin.amountOre);
  }
  const violations = ledger.violations();
  if (violations.length > 0) return { problem: { code: "pinsExceedLimits", limits: violations } };
  return { ledger, grants };
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Σ priority × granted / requested, exact and reduced. */
export function totalPriority(applications: readonly AllocationApplication[], grants: ReadonlyMap<string, Ore>): Fraction {
  let numerator = 0n;
  let denominator = 1n;
  for (const app of applications) {
    const granted = grants.get(app.id) ?? 0n;
    if (granted === 0n) continue;
    if (granted === app.requestedOre) {
      numerator += BigInt(app.priority) * denominator;
      continue;
    }
    // a/b + p·g/r = (a·r + p·g·b) / (b·r)
    numerator = numerator * app.requestedOre + BigInt(app.priority) * granted * denominator;
    denominator *= app.requestedOre;
    const d = gcd(numerator, denominator);
    numerator /= d;
    denominator /= d;
  }
  return { numerator, denominator };
}

/** Negative when a < b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Everything wrong with a set of grants against the input; empty when valid.
 * Both methods run it on their result and never return a proposal that fails it.
 */
export function verifyGrants(input: AllocationInput, grants: ReadonlyMap<string, Ore>): string[] {
  const errors: string[] = [];
  const ledger = new Ledger(input);
  const byId = new Map(input.applications.map((a) => [a.id, a]));
  for (const [id, amount] of grants) {
    const app = byId.get(id);
    if (!app) {
      errors.push(`grant to unknown application ${id}`);
      continue;
    }
    if (amount < 0n || !grantAmountAllowed(app, amount)) errors.push(`${id}: amount ${amount} not allowed`);
    ledger.add(app, amount);
  }
  for (const app of input.applications) {
    const granted = grants.get(app.id) ?? 0n;
    const pin = input.pins.find((p) => p.applicationId === app.id);
    if (pin?.kind === "in" && granted !== pin.amountOre) errors.push(`${app.id}: pinned in at ${pin.amountOre}, granted ${granted}`);
    if (granted > 0n && exclusion(input, app) !== null) errors.push(`${app.id}: granted though excluded`);
  }
  for (const v of ledger.violations()) errors.push(`${v.limit.kind} over by ${v.overOre}`);
  return errors;
}

/** The proposal: lines in rank order, totals and the use of every reservation, cap and area bound. */
export function buildProposal(
  method: AllocationMethod,
  input: AllocationInput,
  grants: ReadonlyMap<string, Ore>,
  explanations: ReadonlyMap<string, Explanation>,
  solver: SolverReport | null,
): Proposal {
  const errors = verifyGrants(input, grants);
  if (errors.length > 0) throw new Error(`allocation proposal fails verification: ${errors.join("; ")}`);
  const ledger = new Ledger(input);
  const byId = new Map(input.applications.map((a) => [a.id, a]));
  for (const [id, amount] of grants) ledger.add(byId.get(id)!, amount);

  const lines: ProposalLine[] = inRankOrder(input.applications).map((app) => ({
    applicationId: app.id,
    reference: app.reference,
    rank: app.rank,
    requestedOre: app.requestedOre,
    grantedOre: grants.get(app.id) ?? 0n,
    explanation: explanations.get(app.id)!,
  }));
  const grantedOre = ledger.totalOre;
  return {
    method,
    lines,
    totals: {
      grantedOre,
      funded: lines.filter((l) => l.grantedOre === l.requestedOre).length,
      partial: lines.filter((l) => l.grantedOre > 0n && l.grantedOre < l.requestedOre).length,
      notFunded: lines.filter((l) => l.grantedOre === 0n).length,
      roundLeftoverOre: input.roundRemainingOre - grantedOre,
      yearLeftoverOre: input.yearAvailableOre - grantedOre,
    },
    totalPriority: totalPriority(input.applications, grants),
    reservations: input.reservations.map((r) => {
      const granted = ledger.focusAreaOre(r.focusAreaId);
      const met = min(granted, r.remainingOre);
      return { focusAreaId: r.focusAreaId, hard: r.hard, targetOre: r.remainingOre, grantedOre: granted, metOre: met, unmetOre: r.remainingOre - met };
    }),
    caps: input.caps.map((c) => {
      const granted = ledger.focusAreaOre(c.focusAreaId);
      return { focusAreaId: c.focusAreaId, capOre: c.remainingOre, grantedOre: granted, leftOre: c.remainingOre - granted };
    }),
    areaBounds: input.areaBounds.map((b) => {
      const granted = ledger.areaOre(b.areaId);
      return { areaId: b.areaId, maxOre: b.maxOre, grantedOre: granted, leftOre: b.maxOre - granted };
    }),
    solver,
  };
}

/** The pinned-in explanation: funded, or partly at the amount leadership set. */
export function pinnedInExplanation(app: AllocationApplication, amountOre: Ore, reason: string): Explanation {
  return amountOre === app.requestedOre
    ? { outcome: "funded", pinReason: reason }
    : { outcome: "partial", pinReason: reason, missingOre: app.requestedOre - amountOre, limits: [] };
}

/** The rank of the last funded application ranked above each application. */
export function lastFundedBefore(ranked: readonly AllocationApplication[], grants: ReadonlyMap<string, Ore>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  let last: number | null = null;
  for (const app of ranked) {
    out.set(app.id, last);
    if ((grants.get(app.id) ?? 0n) > 0n) last = app.rank;
  }
  return out;
}
