// Allocation for the best total priority (bedste samlede prioritet): the exact
// optimum of Σ priority × granted / requested under the same limits as rank
// order, as a mixed-integer program solved by HiGHS (WebAssembly).
//
// Model (amounts in kroner with two decimals, so every coefficient is the exact
// decimal of an øre amount): per open application k a binary y_k (funded); with
// partial grants also a continuous share f_k ∈ [0, 1] with
// minimum_k·y_k ≤ requested_k·f_k and f_k ≤ y_k. Its grant is requested_k × (y_k
// or f_k). Pinned-in grants are constants taken off the limits. A hard
// reservation R_F gets a variable u_F ≥ R_F, u_F ≥ granted to F, and the year row
// is Σ u_F + granted outside hard-reserved focus areas ≤ year money.
//
// The solver works in floats: its solution is rounded down to the øre, repaired
// in exact bigint arithmetic against every limit, topped up in rank order with
// whatever still fits, and verified (buildProposal throws rather than return a
// proposal that breaks a limit). The rank-order proposal is the solver's start,
// and is returned instead when the solver's result is not better (time limit).
import highsLoader, { type Highs } from "highs";
import type { Ore } from "../money";
import {
  buildProposal,
  compareFractions,
  exclusion,
  explainAgainst,
  inRankOrder,
  lastFundedBefore,
  Ledger,
  pinnedInExplanation,
  neededOre,
  totalPriority,
} from "./limits";
import { rankOrderGrants } from "./rank-order";
import type { AllocationApplication, AllocationInput, AllocationResult, Explanation, Limit, SolverReport } from "./types";

let loading: Promise<Highs> | null = null;

/** The HiGHS runtime, loaded once per process (a failed load is retried on the next call). */
export function loadSolver(): Promise<Highs> {
  loading ??= highsLoader().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export interface OptimumOptions {
  /** Stop after this long and return the best proposal found, with its proven gap. Default 10 s. */
  timeLimitSeconds?: number;
  /** Stop once the proven relative gap is at most this (0 = exact optimum). Default 0. */
  relativeGap?: number;
}

const DEFAULT_TIME_LIMIT_SECONDS = 10;
/** Shares this close to 1 are a full grant (HiGHS's own tolerances are about 1e-7 to 1e-6). */
const FULL_SHARE = 1 - 1e-9;

/** Øre as kroner with two decimals ("1234.50"): the exact decimal, never through a float. */
function kr(ore: Ore): string {
  const negative = ore < 0n;
  const abs = negative ? -ore : ore;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

interface Candidate {
  app: AllocationApplication;
  index: number;
  partial: boolean;
}

const amountTerm = (c: Candidate) => `${kr(c.app.requestedOre)} ${c.partial ? "f" : "y"}${c.index}`;

function sumRow(name: string, terms: string[], sense: "<=" | ">=", rhs: string): string {
  return ` ${name}: ${terms.join("\n   + ")} ${sense} ${rhs}`;
}

function buildModel(input: AllocationInput, candidates: Candidate[], pinned: Ledger): string {
  const hard = new Map(input.reservations.filter((r) => r.hard && r.remainingOre > 0n).map((r) => [r.focusAreaId, r.remainingOre]));
  const rows: string[] = [];
  const all = candidates.map(amountTerm);
  rows.push(sumRow("round", all, "<=", kr(input.roundRemainingOre - pinned.totalOre)));
  if (hard.size === 0) {
    rows.push(sumRow("year", all, "<=", kr(input.yearAvailableOre - pinned.totalOre)));
  } else {
    const reservedIds = [...hard.keys()].sort();
    const outside = candidates.filter((c) => c.app.focusAreaId === null || !hard.has(c.app.focusAreaId));
    const pinnedInside = reservedIds.reduce((sum, f) => sum + pinned.focusAreaOre(f), 0n);
    const pinnedOutside = pinned.totalOre - pinnedInside;
    rows.push(sumRow("year", [...reservedIds.map((_, j) => `u${j}`), ...outside.map(amountTerm)], "<=", kr(input.yearAvailableOre - pinnedOutside)));
    reservedIds.forEach((f, j) => {
      const inside = candidates.filter((c) => c.app.focusAreaId === f).map((c) => `- ${amountTerm(c)}`);
      rows.push(` reserved${j}: u${j} ${inside.join(" ")} >= ${kr(pinned.focusAreaOre(f))}`);
    });
  }
  input.caps.forEach((cap, j) => {
    const inside = candidates.filter((c) => c.app.focusAreaId === cap.focusAreaId);
    if (inside.length > 0) rows.push(sumRow(`cap${j}`, inside.map(amountTerm), "<=", kr(cap.remainingOre - pinned.focusAreaOre(cap.focusAreaId))));
  });
  input.areaBounds.forEach((bound, j) => {
    const inside = candidates.filter((c) => c.app.areaId === bound.areaId);
    if (inside.length > 0) rows.push(sumRow(`area${j}`, inside.map(amountTerm), "<=", kr(bound.maxOre - pinned.areaOre(bound.areaId))));
  });
  for (const c of candidates) {
    if (!c.partial) continue;
    rows.push(` low${c.index}: ${kr(c.app.requestedOre)} f${c.index} - ${kr(c.app.minimumOre!)} y${c.index} >= 0`);
    rows.push(` high${c.index}: f${c.index} - y${c.index} <= 0`);
  }
  const objective = candidates.map((c) => `${c.app.priority} ${c.partial ? "f" : "y"}${c.index}`);
  const bounds = [
    ...candidates.flatMap((c) => (c.partial ? [` 0 <= f${c.index} <= 1`, ` 0 <= y${c.index} <= 1`] : [` 0 <= y${c.index} <= 1`])),
    ...[...hard.keys()].sort().map((f, j) => ` u${j} >= ${kr(hard.get(f)!)}`),
  ];
  return [
    "Maximize",
    ` obj: ${objective.join("\n   + ")}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...bounds,
    "Binaries",
    ...candidates.map((c) => ` y${c.index}`),
    "End",
    "",
  ].join("\n");
}

/** Which open grants a broken limit can be taken from. */
function affected(limit: Limit, candidate: Candidate, ledger: Ledger, input: AllocationInput): boolean {
  const app = candidate.app;
  switch (limit.kind) {
    case "roundMoney":
    case "yearMoney":
      return true;
    case "hardReservations": {
      // Lowering a grant helps only where it is not money of the application's own hard reservation.
      const reservation = input.reservations.find((r) => r.hard && r.focusAreaId === app.focusAreaId);
      return !reservation || ledger.focusAreaOre(reservation.focusAreaId) > reservation.remainingOre;
    }
    case "cap":
      return app.focusAreaId === limit.focusAreaId;
    case "areaBound":
      return app.areaId === limit.areaId;
  }
}

/** The best total priority. Pins are always honoured; inputs refused by rank order are refused here too. */
export async function allocateForBestTotalPriority(input: AllocationInput, options: OptimumOptions = {}): Promise<AllocationResult> {
  const base = rankOrderGrants(input);
  if (!base.ok) return base;
  const highs = await loadSolver();

  const ranked = inRankOrder(input.applications);
  const pinnedIn = new Map(input.pins.flatMap((p) => (p.kind === "in" ? [[p.applicationId, p] as const] : [])));
  const candidates: Candidate[] = ranked
    .filter((app) => !pinnedIn.has(app.id) && exclusion(input, app) === null)
    .map((app, index) => ({ app, index, partial: app.minimumOre !== null && app.minimumOre < app.requestedOre }));

  const pinnedLedger = new Ledger(input);
  for (const app of ranked) {
    const pin = pinnedIn.get(app.id);
    if (pin) pinnedLedger.add(app, pin.amountOre);
  }
  const rankOrderValue = totalPriority(input.applications, base.grants);
  const pinnedValue = totalPriority(input.applications, new Map([...pinnedIn].map(([id, pin]) => [id, pin.amountOre])));

  let grants = new Map<string, Ore>(base.grants);
  let report: SolverReport = { status: "optimal", gap: 0, bound: fractionToNumber(rankOrderValue), seconds: 0, usedRankOrder: true, repaired: false };

  if (candidates.length > 0) {
    const model = buildModel(input, candidates, pinnedLedger);
    const solved = highs.withModel({ format: "lp", data: model }, (m) => {
      m.options.set({
        output_flag: false,
        random_seed: 0,
        time_limit: options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
        mip_rel_gap: options.relativeGap ?? 0,
      });
      const columns = Array.from({ length: m.getDimensions().numCols }, (_, j) => m.getColName(j));
      const start = startingPoint(input, candidates, base.grants, columns);
      m.setSolution({ colValue: start });
      m.run();
      const status = m.getModelStatus();
      const hasSolution = Number(m.info.get("primal_solution_status")) === 2;
      const colValue = hasSolution ? m.getSolution().colValue : null;
      return {
        status,
        values: colValue ? new Map(columns.map((name, j) => [name, colValue[j]!])) : null,
        bound: Number(m.info.get("mip_dual_bound")),
        seconds: m.getRunTime(),
      };
    });
    const codes = highs.constants.modelStatus;
    if (solved.status !== codes.optimal && solved.status !== codes.timeLimit) {
      throw new Error(`HiGHS ended with status ${solved.status} on an allocation model that is always feasible`);
    }
    let repaired = false;
    let solverGrants: Map<string, Ore> | null = null;
    if (solved.values) {
      const result = fromSolution(input, candidates, pinnedIn, solved.values);
      solverGrants = result.grants;
      repaired = result.repaired;
    }
    const solverValue = solverGrants ? totalPriority(input.applications, solverGrants) : null;
    // Not better than rank order (time limit, or a tie): rank order's proposal, the one that follows the list.
    const usedRankOrder = solverValue === null || compareFractions(solverValue, rankOrderValue) <= 0;
    if (!usedRankOrder) grants = solverGrants!;
    const value = fractionToNumber(usedRankOrder ? rankOrderValue : solverValue!);
    // HiGHS's bound on the open applications, plus the pinned ones; no finite bound at a time limit means no proof.
    const solverBound = Number.isFinite(solved.bound) ? solved.bound + fractionToNumber(pinnedValue) : solved.status === codes.optimal ? value : Infinity;
    const bound = Math.max(value, solverBound);
    report = {
      status: solved.status === codes.optimal ? "optimal" : "timeLimit",
      gap: value > 0 ? (bound - value) / value : bound > 0 ? Number.POSITIVE_INFINITY : 0,
      bound,
      seconds: solved.seconds,
      usedRankOrder,
      repaired: !usedRankOrder && repaired,
    };
  }

  // Explanations against the final grants: what each limit left for the application besides its own grant.
  const explanations = new Map<string, Explanation>();
  if (report.usedRankOrder) {
    for (const [id, explanation] of base.explanations) explanations.set(id, explanation);
  } else {
    const ledger = new Ledger(input);
    for (const app of ranked) ledger.add(app, grants.get(app.id) ?? 0n);
    const lastFunded = lastFundedBefore(ranked, grants);
    for (const app of ranked) {
      const pin = pinnedIn.get(app.id);
      if (pin) {
        explanations.set(app.id, pinnedInExplanation(app, pin.amountOre, pin.reason));
        continue;
      }
      const excluded = exclusion(input, app);
      if (excluded) {
        explanations.set(app.id, excluded);
        continue;
      }
      const granted = grants.get(app.id) ?? 0n;
      ledger.add(app, -granted);
      explanations.set(app.id, explainAgainst(ledger, app, granted, lastFunded.get(app.id) ?? null));
      ledger.add(app, granted);
    }
  }
  return { ok: true, proposal: buildProposal("bestTotalPriority", input, grants, explanations, report) };
}

function fractionToNumber(f: { numerator: bigint; denominator: bigint }): number {
  const whole = f.numerator / f.denominator;
  const rest = f.numerator % f.denominator;
  return Number(whole) + Number((rest * 1_000_000_000n) / f.denominator) / 1e9;
}

/** The rank-order grants as a start for the solver, column by column. */
function startingPoint(input: AllocationInput, candidates: Candidate[], grants: ReadonlyMap<string, Ore>, columns: string[]): Float64Array {
  const values = new Map<string, number>();
  for (const c of candidates) {
    const granted = grants.get(c.app.id) ?? 0n;
    values.set(`y${c.index}`, granted > 0n ? 1 : 0);
    if (c.partial) values.set(`f${c.index}`, Number(granted) / Number(c.app.requestedOre));
  }
  const ledger = new Ledger(input);
  for (const app of input.applications) ledger.add(app, grants.get(app.id) ?? 0n);
  [...input.reservations.filter((r) => r.hard && r.remainingOre > 0n)]
    .sort((a, b) => (a.focusAreaId < b.focusAreaId ? -1 : 1))
    .forEach((r, j) => {
      const granted = ledger.focusAreaOre(r.focusAreaId);
      values.set(`u${j}`, Number(granted > r.remainingOre ? granted : r.remainingOre) / 100);
    });
  return Float64Array.from(columns, (name) => values.get(name) ?? 0);
}

/** The solver's solution in øre: rounded down, repaired exactly against every limit, then topped up in rank order. */
function fromSolution(
  input: AllocationInput,
  candidates: Candidate[],
  pinnedIn: ReadonlyMap<string, { amountOre: Ore }>,
  values: ReadonlyMap<string, number>,
): { grants: Map<string, Ore>; repaired: boolean } {
  const grants = new Map<string, Ore>();
  const ledger = new Ledger(input);
  for (const app of input.applications) {
    const pin = pinnedIn.get(app.id);
    if (pin) {
      grants.set(app.id, pin.amountOre);
      ledger.add(app, pin.amountOre);
    }
  }
  const set = (c: Candidate, amount: Ore) => {
    ledger.add(c.app, amount - (grants.get(c.app.id) ?? 0n));
    if (amount > 0n) grants.set(c.app.id, amount);
    else grants.delete(c.app.id);
  };
  for (const c of candidates) {
    if ((values.get(`y${c.index}`) ?? 0) < 0.5) continue;
    let amount = c.app.requestedOre;
    if (c.partial) {
      const share = values.get(`f${c.index}`) ?? 0;
      if (share < FULL_SHARE) {
        amount = BigInt(Math.floor(share * Number(c.app.requestedOre) + 1e-6));
        if (amount < c.app.minimumOre!) amount = c.app.minimumOre!;
        if (amount > c.app.requestedOre) amount = c.app.requestedOre;
      }
    }
    set(c, amount);
  }

  // Repair: take what a broken limit is over from the lowest-ranked grants it covers.
  let repaired = false;
  for (let violations = ledger.violations(); violations.length > 0; violations = ledger.violations()) {
    repaired = true;
    const { limit, overOre } = violations[0]!;
    const victim = [...candidates].reverse().find((c) => (grants.get(c.app.id) ?? 0n) > 0n && affected(limit, c, ledger, input));
    if (!victim) throw new Error(`cannot repair the solver's solution: ${limit.kind} over by ${overOre} øre`);
    const granted = grants.get(victim.app.id)!;
    const lowest = victim.app.minimumOre!;
    // A partial grant gives up what is over, but not below its minimum; otherwise the grant goes.
    set(victim, victim.partial && granted > lowest ? (granted - overOre > lowest ? granted - overOre : lowest) : 0n);
  }

  // Top up in rank order: whatever still fits (rounding leaves a few øre; a repair may free more).
  for (const c of candidates) {
    const granted = grants.get(c.app.id) ?? 0n;
    if (granted === c.app.requestedOre) continue;
    const headroom = ledger.headroom(c.app) + granted;
    const best = c.app.requestedOre <= headroom ? c.app.requestedOre : c.partial && headroom >= neededOre(c.app) ? headroom : 0n;
    if (best > granted) set(c, best);
  }
  return { grants, repaired };
}
