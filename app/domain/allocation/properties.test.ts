// Properties of both allocation methods over random instances (fast-check).
// The checks here restate each limit directly from the sums, independently of the ledger.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Ore } from "../money";
import { compareFractions } from "./limits";
import { allocateForBestTotalPriority } from "./optimum";
import { allocateInRankOrder } from "./rank-order";
import type { AllocationApplication, AllocationInput, AllocationResult, Pin, Proposal } from "./types";

const FOCUS_AREAS = ["F1", "F2", "F3"];
/** The solver runs a few hundred times per test: about 1–3 s alone, more on a busy machine. */
const SOLVER_TEST_TIMEOUT_MS = 30_000;
const AREAS = ["A1", "A2", "A3"];

interface Shape {
  maxApplications: number;
  partial: boolean;
  hardReservations: boolean;
  areaBounds: boolean;
  pins: boolean;
  minApplications?: number;
  /** Smallest requested amount in kroner (default 1). */
  minRequestedKroner?: number;
}

const ore = (minKroner: number, maxKroner: number) =>
  fc.tuple(fc.integer({ min: minKroner, max: maxKroner }), fc.integer({ min: 0, max: 99 })).map(([k, o]) => BigInt(k) * 100n + BigInt(o));

function instance(shape: Shape): fc.Arbitrary<AllocationInput> {
  const applicationArb = fc.record({
    requestedOre: ore(shape.minRequestedKroner ?? 1, 120),
    minimumPercent: shape.partial ? fc.option(fc.integer({ min: 1, max: 100 }), { freq: 2 }) : fc.constant(null),
    priority: fc.integer({ min: 0, max: 30 }),
    scoreHundredths: fc.option(fc.integer({ min: 0, max: 10_000 }), { freq: 8 }),
    focusAreaId: fc.option(fc.constantFrom(...FOCUS_AREAS), { freq: 6 }),
    areaId: fc.option(fc.constantFrom(...AREAS), { freq: 6 }),
    eligible: fc.constantFrom(true, true, true, false),
  });
  return fc
    .record({
      apps: fc.array(applicationArb, { minLength: shape.minApplications ?? 0, maxLength: shape.maxApplications }),
      ranks: fc.func(fc.integer()),
      roundRemainingOre: ore(0, 500),
      yearExtraOre: ore(0, 400),
      yearBelowRound: fc.boolean(),
      reservations: fc.array(
        fc.record({ focusAreaId: fc.constantFrom(...FOCUS_AREAS), remainingOre: ore(0, 150), hard: shape.hardReservations ? fc.boolean() : fc.constant(false) }),
        { maxLength: 3 },
      ),
      caps: fc.array(fc.record({ focusAreaId: fc.constantFrom(...FOCUS_AREAS), remainingOre: ore(0, 300) }), { maxLength: 3 }),
      areaBounds: shape.areaBounds ? fc.array(fc.record({ areaId: fc.constantFrom(...AREAS), maxOre: ore(0, 300) }), { maxLength: 3 }) : fc.constant([]),
      minimumScoreHundredths: fc.option(fc.integer({ min: 0, max: 4_000 }), { freq: 3 }),
      pins: shape.pins
        ? fc.array(fc.record({ index: fc.nat(), kind: fc.constantFrom("in", "out"), percent: fc.integer({ min: 1, max: 100 }) }), { maxLength: 3 })
        : fc.constant([]),
    })
    .map((raw) => {
      // Ranks: a random permutation of 1..n (the input order differs from the rank order).
      const order = raw.apps.map((_, i) => i).sort((a, b) => raw.ranks(a) - raw.ranks(b) || a - b);
      const applications: AllocationApplication[] = raw.apps.map((a, i) => {
        const minimumOre = a.minimumPercent === null ? null : (a.requestedOre * BigInt(a.minimumPercent) + 99n) / 100n;
        return {
          id: `app${i}`,
          reference: `KP-${i}`,
          rank: order.indexOf(i) + 1,
          requestedOre: a.requestedOre,
          minimumOre,
          priority: a.priority,
          scoreHundredths: a.scoreHundredths,
          focusAreaId: a.focusAreaId,
          areaId: a.areaId,
          eligible: a.eligible,
        };
      });
      const unique = <T,>(list: T[], key: (t: T) => string) => list.filter((t, i) => list.findIndex((u) => key(u) === key(t)) === i);
      const yearAvailableOre = raw.yearBelowRound ? raw.roundRemainingOre - raw.roundRemainingOre / 3n : raw.roundRemainingOre + raw.yearExtraOre;
      // Hard reservations never exceed the year's money (the input check refuses that).
      let reserved = 0n;
      const reservations = unique(raw.reservations, (r) => r.focusAreaId).map((r) => {
        if (!r.hard) return r;
        if (reserved + r.remainingOre > yearAvailableOre) return { ...r, hard: false };
        reserved += r.remainingOre;
        return r;
      });
      const pins: Pin[] = [];
      for (const p of raw.pins) {
        const app = applications[p.index % Math.max(1, applications.length)];
        if (!app || pins.some((q) => q.applicationId === app.id)) continue;
        if (p.kind === "out") pins.push({ applicationId: app.id, kind: "out", reason: "Ledelsen" });
        else if (app.eligible) {
          const partialAmount = app.minimumOre === null ? app.requestedOre : app.minimumOre + ((app.requestedOre - app.minimumOre) * BigInt(p.percent)) / 100n;
          pins.push({ applicationId: app.id, kind: "in", amountOre: partialAmount, reason: "Ledelsen" });
        }
      }
      return {
        applications,
        roundRemainingOre: raw.roundRemainingOre,
        yearAvailableOre,
        reservations,
        caps: unique(raw.caps, (c) => c.focusAreaId),
        areaBounds: unique([...raw.areaBounds], (b) => b.areaId),
        minimumScoreHundredths: raw.minimumScoreHundredths,
        pins,
      };
    });
}

const sum = (values: Iterable<Ore>) => [...values].reduce((a, b) => a + b, 0n);

/** Everything a valid set of grants must satisfy, restated from the input. Returns what is broken. */
function broken(input: AllocationInput, grants: ReadonlyMap<string, Ore>): string[] {
  const out: string[] = [];
  const g = (a: AllocationApplication) => grants.get(a.id) ?? 0n;
  const total = sum(input.applications.map(g));
  if (total > input.roundRemainingOre) out.push("round money");
  if (total > input.yearAvailableOre) out.push("year money");
  // Nobody outside F uses F's hard reservation: after what the others got, F's unused reservation is still in the year's money,
  // for each hard reservation and for all of them at once.
  const hard = input.reservations.filter((r) => r.hard);
  const unused = (r: { focusAreaId: string; remainingOre: Ore }) => {
    const used = sum(input.applications.filter((a) => a.focusAreaId === r.focusAreaId).map(g));
    return used >= r.remainingOre ? 0n : r.remainingOre - used;
  };
  for (const r of hard) if (total + unused(r) > input.yearAvailableOre) out.push(`hard reservation ${r.focusAreaId}`);
  if (total + sum(hard.map(unused)) > input.yearAvailableOre) out.push("hard reservations together");
  for (const c of input.caps) {
    if (sum(input.applications.filter((a) => a.focusAreaId === c.focusAreaId).map(g)) > c.remainingOre) out.push(`cap ${c.focusAreaId}`);
  }
  for (const b of input.areaBounds) {
    if (sum(input.applications.filter((a) => a.areaId === b.areaId).map(g)) > b.maxOre) out.push(`area bound ${b.areaId}`);
  }
  for (const a of input.applications) {
    const amount = g(a);
    const pin = input.pins.find((p) => p.applicationId === a.id);
    if (pin?.kind === "in" && amount !== pin.amountOre) out.push(`pin in ${a.id}`);
    if (pin?.kind === "out" && amount !== 0n) out.push(`pin out ${a.id}`);
    if (amount === 0n || pin?.kind === "in") continue;
    if (amount !== a.requestedOre && (a.minimumOre === null || amount < a.minimumOre || amount > a.requestedOre)) out.push(`amount ${a.id}`);
    if (!a.eligible) out.push(`not eligible ${a.id}`);
    const min = input.minimumScoreHundredths;
    if (min !== null && (a.scoreHundredths === null || a.scoreHundredths < min)) out.push(`minimum score ${a.id}`);
  }
  return out;
}

const grantsOf = (proposal: Proposal) => new Map(proposal.lines.filter((l) => l.grantedOre > 0n).map((l) => [l.applicationId, l.grantedOre]));
const pinnedOnly = (input: AllocationInput) => new Map(input.pins.flatMap((p) => (p.kind === "in" ? [[p.applicationId, p.amountOre] as const] : [])));
const withoutTiming = (result: AllocationResult) => (result.ok && result.proposal.solver ? { ...result, proposal: { ...result.proposal, solver: { ...result.proposal.solver, seconds: 0 } } } : result);

const general: Shape = { maxApplications: 12, partial: true, hardReservations: true, areaBounds: true, pins: true };

/** Whether the result is valid: a proposal that breaks nothing, or a refusal only because the pins cannot all be honoured. */
function expectValid(input: AllocationInput, result: AllocationResult) {
  if (!result.ok) {
    expect(result.problems.map((p) => p.code)).toEqual(["pinsExceedLimits"]);
    expect(broken(input, pinnedOnly(input)).length).toBeGreaterThan(0);
    return;
  }
  expect(broken(input, grantsOf(result.proposal))).toEqual([]);
  expect(result.proposal.totals.grantedOre).toBe(sum(grantsOf(result.proposal).values()));
}

describe("allocation properties", () => {
  it("rank order keeps every limit, honours every pin and refuses only pins that cannot all be honoured", () => {
    fc.assert(
      fc.property(instance(general), (input) => {
        expectValid(input, allocateInRankOrder(input));
      }),
      { numRuns: 300 },
    );
  });

  it("rank order gives the same output for the same input, in any input order", () => {
    fc.assert(
      fc.property(instance(general), (input) => {
        const again = allocateInRankOrder(input);
        expect(allocateInRankOrder({ ...input, applications: [...input.applications].reverse() })).toEqual(again);
        expect(allocateInRankOrder(input)).toEqual(again);
      }),
      { numRuns: 100 },
    );
  });

  it("the optimum keeps every limit and pins, is deterministic and never below rank order", async () => {
    await fc.assert(
      fc.asyncProperty(instance(general), async (input) => {
        const optimum = await allocateForBestTotalPriority(input);
        expectValid(input, optimum);
        const rankOrder = allocateInRankOrder(input);
        expect(optimum.ok).toBe(rankOrder.ok);
        if (!optimum.ok || !rankOrder.ok) return;
        expect(compareFractions(optimum.proposal.totalPriority, rankOrder.proposal.totalPriority)).toBeGreaterThanOrEqual(0);
        const again = await allocateForBestTotalPriority({ ...input, applications: [...input.applications].reverse() });
        expect(withoutTiming(again)).toEqual(withoutTiming(optimum));
      }),
      { numRuns: 100 },
    );
  }, SOLVER_TEST_TIMEOUT_MS);
});

/** The applications the methods may choose from: not pinned, eligible, at or above the minimum score. */
function openApplications(input: AllocationInput): AllocationApplication[] {
  const min = input.minimumScoreHundredths;
  return input.applications.filter(
    (a) =>
      !input.pins.some((p) => p.applicationId === a.id) &&
      a.eligible &&
      (min === null || (a.scoreHundredths !== null && a.scoreHundredths >= min)),
  );
}

const value = (proposal: Proposal) => Number(proposal.totalPriority.numerator) / Number(proposal.totalPriority.denominator);

describe("the optimum against a brute-force search (up to 12 applications)", () => {
  it("full grants only: equals the best of all subsets that keep every limit", async () => {
    const shape: Shape = { minApplications: 6, maxApplications: 12, partial: false, hardReservations: true, areaBounds: true, pins: true };
    await fc.assert(
      fc.asyncProperty(instance(shape), async (input) => {
        const optimum = await allocateForBestTotalPriority(input);
        const pinned = pinnedOnly(input);
        if (broken(input, pinned).length > 0) {
          expect(optimum.ok).toBe(false);
          return;
        }
        const open = openApplications(input);
        let best = -1;
        for (let mask = 0; mask < 1 << open.length; mask++) {
          const grants = new Map(pinned);
          let priority = 0;
          open.forEach((a, i) => {
            if (mask & (1 << i)) {
              grants.set(a.id, a.requestedOre);
              priority += a.priority;
            }
          });
          if (priority > best && broken(input, grants).length === 0) best = priority;
        }
        if (!optimum.ok) throw new Error("the optimum refused a feasible input");
        const pinnedPriority = input.applications.filter((a) => pinned.has(a.id)).reduce((s, a) => s + (pinned.get(a.id) === a.requestedOre ? a.priority : 0), 0);
        expect(optimum.proposal.totalPriority.denominator).toBe(1n);
        expect(Number(optimum.proposal.totalPriority.numerator)).toBe(best + pinnedPriority);
      }),
      { numRuns: 80 },
    );
  }, SOLVER_TEST_TIMEOUT_MS);

  it("with partial grants (money and caps): equals the best of all subsets, each filled greedily, within the øre rounding", async () => {
    // With only the round's and year's money and caps per focus area the limits are nested, so for a fixed
    // funded set the best split of the money above the minimums is greedy by priority per krone.
    const shape: Shape = { minApplications: 5, maxApplications: 10, partial: true, hardReservations: false, areaBounds: false, pins: true, minRequestedKroner: 20 };
    await fc.assert(
      fc.asyncProperty(instance(shape), async (input) => {
        const optimum = await allocateForBestTotalPriority(input);
        const pinned = pinnedOnly(input);
        if (broken(input, pinned).length > 0) {
          expect(optimum.ok).toBe(false);
          return;
        }
        if (!optimum.ok) throw new Error("the optimum refused a feasible input");
        const open = openApplications(input);
        const capOf = new Map(input.caps.map((c) => [c.focusAreaId, c.remainingOre]));
        const byRatio = [...open].sort((a, b) => {
          const left = BigInt(a.priority) * b.requestedOre;
          const right = BigInt(b.priority) * a.requestedOre;
          return left > right ? -1 : left < right ? 1 : a.rank - b.rank;
        });
        let best = -1;
        for (let mask = 0; mask < 1 << open.length; mask++) {
          const chosen = new Set(open.filter((_, i) => mask & (1 << i)).map((a) => a.id));
          const grants = new Map(pinned);
          for (const a of open) if (chosen.has(a.id)) grants.set(a.id, a.minimumOre ?? a.requestedOre);
          if (broken(input, grants).length > 0) continue;
          let total = sum(grants.values());
          const byFocus = new Map<string, Ore>();
          for (const a of input.applications) if (a.focusAreaId) byFocus.set(a.focusAreaId, (byFocus.get(a.focusAreaId) ?? 0n) + (grants.get(a.id) ?? 0n));
          for (const a of byRatio) {
            if (!chosen.has(a.id) || a.minimumOre === null) continue;
            let more = a.requestedOre - a.minimumOre;
            const slacks = [input.roundRemainingOre - total, input.yearAvailableOre - total];
            const cap = a.focusAreaId === null ? undefined : capOf.get(a.focusAreaId);
            if (cap !== undefined) slacks.push(cap - byFocus.get(a.focusAreaId!)!);
            for (const s of slacks) if (s < more) more = s;
            grants.set(a.id, a.minimumOre + more);
            total += more;
            if (a.focusAreaId) byFocus.set(a.focusAreaId, byFocus.get(a.focusAreaId)! + more);
          }
          const v = input.applications.reduce((s, a) => s + (a.priority * Number(grants.get(a.id) ?? 0n)) / Number(a.requestedOre), 0);
          if (v > best) best = v;
        }
        // The optimum is a set of grants in whole øre, so it cannot beat the search (which is exact in øre);
        // it may lose at most a couple of øre per partial grant to rounding.
        const roundingSlack = open.reduce((s, a) => s + (a.minimumOre === null ? 0 : (2 * a.priority) / Number(a.requestedOre)), 0) + 1e-9;
        expect(value(optimum.proposal)).toBeLessThanOrEqual(best + 1e-9);
        expect(value(optimum.proposal)).toBeGreaterThanOrEqual(best - roundingSlack);
      }),
      { numRuns: 60 },
    );
  }, SOLVER_TEST_TIMEOUT_MS);
});
