// Benchmark of the allocation proposal (app/domain/allocation): a seeded set of
// generated applications with 8 focus areas, each with a reservation (hard or
// soft) and a cap, bounds per area, partial grants on part of them and a few pins.
// Prints figures beside their targets; no pass/fail exit code.
//
//   npm run bench:allocation [-- --applications 1000] [--runs 20] [--warmup 3] [--seed 2026] [--gap 0.01] [--time-limit 30]
//
// Targets: rank order ≤ 50 ms median; best total priority optimal or within 1 % in ≤ 2 s.
import { parseArgs } from "node:util";
import { priorityOf } from "~/domain/assessment/scoring";
import { rankApplications } from "~/domain/assessment/ranking";
import { allocateForBestTotalPriority, loadSolver } from "~/domain/allocation/optimum";
import { allocateInRankOrder } from "~/domain/allocation/rank-order";
import type { AllocationApplication, AllocationInput, AllocationResult, Proposal } from "~/domain/allocation/types";
import { kroner, sumOre } from "~/domain/money";
import { Random } from "./lib/random";

const RANK_ORDER_TARGET_MS = 50;
const OPTIMUM_TARGET_MS = 2_000;
const OPTIMUM_TARGET_GAP = 0.01;

function positive(name: string, text: string | undefined, fallback: number, integer = true): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ""));
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isSafeInteger(value))) {
    console.error(`--${name} must be a ${integer ? "whole " : ""}number > 0 (got "${text}").`);
    process.exit(2);
  }
  return value;
}

const { values: args } = parseArgs({
  options: {
    applications: { type: "string" },
    runs: { type: "string" },
    warmup: { type: "string" },
    seed: { type: "string" },
    gap: { type: "string" },
    "time-limit": { type: "string" },
  },
});
const count = positive("applications", args.applications, 1_000);
const runs = positive("runs", args.runs, 20);
const warmup = positive("warmup", args.warmup, 3);
const seed = positive("seed", args.seed, 2026);
const gap = positive("gap", args.gap, OPTIMUM_TARGET_GAP, false);
const timeLimit = positive("time-limit", args["time-limit"], 30, false);

/** A round like the real ones, scaled up: requests well above the money, 8 prioritised focus areas. */
function generate(n: number, rng: Random): AllocationInput {
  const focusAreas = Array.from({ length: 8 }, (_, i) => ({ id: `focus${i + 1}`, weightHundredths: [150, 140, 125, 120, 110, 100, 100, 90][i]! }));
  const areas = Array.from({ length: 6 }, (_, i) => `area${i + 1}`);
  const scored = Array.from({ length: n }, (_, i) => {
    const focus = rng.pick(focusAreas);
    const score = rng.int(2_000, 10_000);
    const requestedOre = kroner(rng.int(20_000, 400_000)) + BigInt(rng.int(0, 99));
    const partial = rng.chance(0.4);
    return {
      id: `app${i}`,
      reference: `KP-2026-${String(i + 1).padStart(4, "0")}`,
      priority: priorityOf(score, focus.weightHundredths),
      scoreHundredths: score,
      endorsementRank: rng.chance(0.7) ? rng.int(1, 20) : null,
      submittedAt: new Date(Date.UTC(2026, 2, 1) + rng.int(0, 30 * 24 * 3600) * 1000),
      requestedOre,
      minimumOre: partial ? (requestedOre * BigInt(rng.int(40, 90))) / 100n : null,
      focusAreaId: focus.id,
      areaId: rng.pick(areas),
      eligible: rng.chance(0.92),
    };
  });
  const applications: AllocationApplication[] = rankApplications(scored).map((a) => ({
    id: a.id,
    reference: a.reference,
    rank: a.rank,
    requestedOre: a.requestedOre,
    minimumOre: a.minimumOre,
    priority: a.priority!,
    scoreHundredths: a.scoreHundredths,
    focusAreaId: a.focusAreaId,
    areaId: a.areaId,
    eligible: a.eligible,
  }));
  const requested = sumOre(applications.map((a) => a.requestedOre));
  const money = requested / 4n; // a quarter of what is asked for
  const perFocus = money / 8n;
  const pins = applications
    .filter((a) => a.eligible)
    .slice(0, 12)
    .filter((_, i) => i % 4 === 0)
    .map((a, i) =>
      i % 2 === 0
        ? { applicationId: a.id, kind: "in" as const, amountOre: a.requestedOre, reason: "Ledelsens prioritet" }
        : { applicationId: a.id, kind: "out" as const, reason: "Dækkes af andre midler" },
    );
  return {
    applications,
    roundRemainingOre: money,
    yearAvailableOre: money + money / 5n,
    reservations: focusAreas.map((f, i) => ({ focusAreaId: f.id, remainingOre: (perFocus * BigInt(rng.int(30, 70))) / 100n, hard: i % 2 === 0 })),
    caps: focusAreas.map((f) => ({ focusAreaId: f.id, remainingOre: (perFocus * BigInt(rng.int(120, 200))) / 100n })),
    areaBounds: areas.map((areaId) => ({ areaId, maxOre: (money * BigInt(rng.int(20, 35))) / 100n })),
    minimumScoreHundredths: 3_000,
    pins,
  };
}

function proposalOf(result: AllocationResult): Proposal {
  if (!result.ok) throw new Error(`the generated input was refused: ${result.problems.map((p) => p.code).join(", ")}`);
  return result.proposal;
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(n < 10 ? 2 : 1));
const percent = (n: number) => `${(n * 100).toFixed(3)} %`;
const kr = (ore: bigint) => `${(ore / 100n).toLocaleString("en-US").replace(/,/g, " ")} kr.`;
const totalPriority = (p: Proposal) => Number(p.totalPriority.numerator) / Number(p.totalPriority.denominator) / 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const input = generate(count, new Random(seed));
console.log(
  `Allocation proposal: ${count} applications (seed ${seed}), 8 focus areas with reservations and caps, ${input.areaBounds.length} area bounds, ${input.pins.length} pins`,
);
console.log(`  round money ${kr(input.roundRemainingOre)}, year money ${kr(input.yearAvailableOre)}`);

// Rank order: median of `runs` after `warmup`.
const rankTimes: number[] = [];
let rankOrder: Proposal | null = null;
for (let i = 0; i < warmup + runs; i++) {
  const started = performance.now();
  const proposal = proposalOf(allocateInRankOrder(input));
  const elapsed = performance.now() - started;
  if (i >= warmup) rankTimes.push(elapsed);
  rankOrder = proposal;
}
const rankMedian = median(rankTimes);
console.log(
  `  rank order          median ${ms(rankMedian)} ms (target ≤ ${RANK_ORDER_TARGET_MS} ms) ${rankMedian <= RANK_ORDER_TARGET_MS ? "ok" : "MISS"}` +
    `  · ${runs} runs · funded ${rankOrder!.totals.funded} + ${rankOrder!.totals.partial} partly · ${kr(rankOrder!.totals.grantedOre)} · total priority ${totalPriority(rankOrder!).toFixed(2)}`,
);

// Best total priority: the solver is loaded once per process, outside the timing.
const loadStarted = performance.now();
await loadSolver();
const loadMs = performance.now() - loadStarted;
const started = performance.now();
const optimum = proposalOf(await allocateForBestTotalPriority(input, { relativeGap: gap, timeLimitSeconds: timeLimit }));
const optimumMs = performance.now() - started;
const solver = optimum.solver!;
const withinTarget = optimumMs <= OPTIMUM_TARGET_MS && solver.gap <= OPTIMUM_TARGET_GAP;
console.log(
  `  best total priority ${ms(optimumMs)} ms (target ≤ ${OPTIMUM_TARGET_MS} ms within ${percent(OPTIMUM_TARGET_GAP)}) ${withinTarget ? "ok" : "MISS"}` +
    `  · ${solver.status}, proven gap ${percent(solver.gap)} (asked ${percent(gap)}) · solver ${ms(solver.seconds * 1000)} ms · wasm load ${ms(loadMs)} ms (once per process)`,
);
console.log(
  `                      funded ${optimum.totals.funded} + ${optimum.totals.partial} partly · ${kr(optimum.totals.grantedOre)} · total priority ${totalPriority(optimum).toFixed(2)}` +
    ` (rank order ${totalPriority(rankOrder!).toFixed(2)}, +${percent(totalPriority(optimum) / totalPriority(rankOrder!) - 1)})` +
    `${solver.usedRankOrder ? " · rank order kept" : ""}${solver.repaired ? " · repaired to the øre" : ""}`,
);
