import { describe, expect, it } from "vitest";
import { kroner } from "../money";
import { compareFractions } from "./limits";
import { allocateForBestTotalPriority, loadSolver } from "./optimum";
import { allocateInRankOrder } from "./rank-order";
import { application, baseInput } from "./test-fixtures";
import type { AllocationInput, Proposal } from "./types";

async function optimumOf(input: AllocationInput, options = {}): Promise<Proposal> {
  const result = await allocateForBestTotalPriority(input, options);
  if (!result.ok) throw new Error("unexpected problems");
  return result.proposal;
}

const granted = (proposal: Proposal) => Object.fromEntries(proposal.lines.map((l) => [l.applicationId, l.grantedOre]));

describe("allocateForBestTotalPriority", () => {
  it("loads the solver once per process", () => {
    expect(loadSolver()).toBe(loadSolver());
  });

  it("funds two applications instead of the first when their priorities add up to more", async () => {
    const input = baseInput([
      application("a", 1, 600, { priority: 10 }),
      application("b", 2, 500, { priority: 9 }),
      application("c", 3, 500, { priority: 9 }),
    ]);
    const proposal = await optimumOf(input);
    expect(granted(proposal)).toEqual({ a: 0n, b: kroner(500), c: kroner(500) });
    expect(proposal.totalPriority).toEqual({ numerator: 18n, denominator: 1n });
    expect(proposal.solver).toMatchObject({ status: "optimal", gap: 0, usedRankOrder: false, repaired: false });
    // The first in the list is left out because the round's money went to the others.
    expect(proposal.lines[0]!.explanation).toEqual({
      outcome: "notFunded",
      reason: "limits",
      neededOre: kroner(600),
      limits: [{ limit: { kind: "roundMoney" }, headroomOre: 0n, shortfallOre: kroner(600) }],
      lastFundedRankBefore: null,
    });
    const rankOrder = allocateInRankOrder(input);
    expect(rankOrder.ok && rankOrder.proposal.totalPriority).toEqual({ numerator: 10n, denominator: 1n });
  });

  it("grants partly where that adds priority, exactly to the øre", async () => {
    // 1 000,00 kr.: a (priority 10 for 700,00) in full, then b partly with the 300,00 left: 8 × 300/450.
    const proposal = await optimumOf(
      baseInput([application("a", 1, 700, { priority: 10 }), application("b", 2, 450, { priority: 8, minimumOre: kroner(200) })]),
    );
    expect(granted(proposal)).toEqual({ a: kroner(700), b: kroner(300) });
    expect(proposal.totalPriority).toEqual({ numerator: 46n, denominator: 3n }); // 10 + 8 × 2/3
  });

  it("keeps every limit and honours pins, with amounts in øre that are not whole kroner", async () => {
    const proposal = await optimumOf(
      baseInput(
        [
          application("a", 1, 0, { requestedOre: 33_333n, priority: 5, minimumOre: 10_000n }),
          application("b", 2, 0, { requestedOre: 33_334n, priority: 5, focusAreaId: "green" }),
          application("c", 3, 0, { requestedOre: 40_001n, priority: 7, minimumOre: 1n }),
          application("d", 4, 0, { requestedOre: 12_345n, priority: 9 }),
        ],
        {
          roundRemainingOre: 99_999n,
          yearAvailableOre: 99_999n,
          reservations: [{ focusAreaId: "green", remainingOre: 20_000n, hard: true }],
          caps: [{ focusAreaId: "digital", remainingOre: 70_000n }],
          pins: [{ applicationId: "d", kind: "in", amountOre: 12_345n, reason: "Besluttet" }],
        },
      ),
    );
    const g = granted(proposal);
    expect(g.d).toBe(12_345n);
    expect(proposal.totals.grantedOre).toBeLessThanOrEqual(99_999n);
    expect(g.a! + g.c! + g.d!).toBeLessThanOrEqual(70_000n);
    // Others never use green's unused reservation.
    const greenUnused = g.b! >= 20_000n ? 0n : 20_000n - g.b!;
    expect(proposal.totals.grantedOre + greenUnused).toBeLessThanOrEqual(99_999n);
  });

  it("gives the same proposal whatever the order of the input; a tie goes to rank order's proposal", async () => {
    const apps = [1, 2, 3, 4, 5, 6].map((n) => application(`x${n}`, n, 300, { priority: 5 }));
    const input = baseInput(apps);
    const forward = await optimumOf(input);
    const backward = await optimumOf({ ...input, applications: [...apps].reverse() });
    expect({ ...backward, solver: { ...backward.solver, seconds: 0 } }).toEqual({ ...forward, solver: { ...forward.solver, seconds: 0 } });
    expect(granted(forward)).toEqual({ x1: kroner(300), x2: kroner(300), x3: kroner(300), x4: 0n, x5: 0n, x6: 0n });
    expect(forward.solver!.usedRankOrder).toBe(true);
  });

  it("stops at the time limit with a proposal never below rank order's, and its gap", async () => {
    const apps = Array.from({ length: 60 }, (_, i) => application(`a${i}`, i + 1, 100 + ((i * 37) % 91), { priority: 50 + ((i * 53) % 47) }));
    const input = baseInput(apps, { roundRemainingOre: kroner(2_000) });
    const proposal = await optimumOf(input, { timeLimitSeconds: 1e-9 });
    const rankOrder = allocateInRankOrder(input);
    if (!rankOrder.ok) throw new Error("unexpected");
    const solver = proposal.solver!;
    expect(solver.status).toBe("timeLimit");
    expect(compareFractions(proposal.totalPriority, rankOrder.proposal.totalPriority)).toBeGreaterThanOrEqual(0);
    if (solver.usedRankOrder) expect(granted(proposal)).toEqual(granted(rankOrder.proposal));
    const value = Number(proposal.totalPriority.numerator) / Number(proposal.totalPriority.denominator);
    expect(solver.bound).toBeGreaterThanOrEqual(value);
    expect(solver.gap).toBeCloseTo((solver.bound - value) / value, 9);
  });

  it("refuses the same bad input as rank order", async () => {
    const result = await allocateForBestTotalPriority(baseInput([application("a", 1, 100)], { pins: [{ applicationId: "a", kind: "out", reason: "" }] }));
    expect(result).toEqual({ ok: false, problems: [{ code: "pinReasonMissing", applicationId: "a" }] });
  });

  it("needs no solver when nothing is open to funding", async () => {
    const proposal = await optimumOf(baseInput([application("a", 1, 100, { eligible: false })]));
    expect(proposal.totals.grantedOre).toBe(0n);
    expect(proposal.solver).toMatchObject({ status: "optimal", gap: 0 });
  });
});
