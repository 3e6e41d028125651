import { describe, expect, it } from "vitest";
import { kroner } from "../money";
import { allocateInRankOrder } from "./rank-order";
import { application, baseInput } from "./test-fixtures";
import type { AllocationInput, Proposal } from "./types";

function proposalOf(input: AllocationInput): Proposal {
  const result = allocateInRankOrder(input);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems, (_, v: unknown) => (typeof v === "bigint" ? `${v}` : v))}`);
  return result.proposal;
}

const granted = (proposal: Proposal) => Object.fromEntries(proposal.lines.map((l) => [l.applicationId, l.grantedOre]));
const explanation = (proposal: Proposal, id: string) => proposal.lines.find((l) => l.applicationId === id)!.explanation;

describe("allocateInRankOrder", () => {
  it("funds down the ranked list, skips what does not fit and goes on", () => {
    const proposal = proposalOf(baseInput([application("a", 1, 600), application("b", 2, 500), application("c", 3, 400)]));
    expect(granted(proposal)).toEqual({ a: kroner(600), b: 0n, c: kroner(400) });
    expect(explanation(proposal, "b")).toEqual({
      outcome: "notFunded",
      reason: "limits",
      neededOre: kroner(500),
      limits: [{ limit: { kind: "roundMoney" }, headroomOre: kroner(400), shortfallOre: kroner(100) }],
      lastFundedRankBefore: 1,
    });
    expect(proposal.totals).toEqual({ grantedOre: kroner(1_000), funded: 2, partial: 0, notFunded: 1, roundLeftoverOre: 0n, yearLeftoverOre: kroner(4_000) });
  });

  it("follows the ranks, not the order of the input", () => {
    const proposal = proposalOf(baseInput([application("c", 3, 400), application("b", 2, 500), application("a", 1, 600)]));
    expect(proposal.lines.map((l) => l.applicationId)).toEqual(["a", "b", "c"]);
    expect(granted(proposal)).toEqual({ a: kroner(600), b: 0n, c: kroner(400) });
  });

  it("grants partly, down to the smallest acceptable amount, what it cannot grant in full", () => {
    const proposal = proposalOf(
      baseInput([application("a", 1, 700), application("b", 2, 500, { minimumOre: kroner(250) }), application("c", 3, 500, { minimumOre: kroner(400) })]),
    );
    expect(granted(proposal)).toEqual({ a: kroner(700), b: kroner(300), c: 0n });
    expect(explanation(proposal, "b")).toEqual({
      outcome: "partial",
      pinReason: null,
      missingOre: kroner(200),
      limits: [{ limit: { kind: "roundMoney" }, headroomOre: kroner(300), shortfallOre: kroner(200) }],
    });
    expect(explanation(proposal, "c")).toMatchObject({ reason: "limits", neededOre: kroner(400), limits: [{ headroomOre: 0n, shortfallOre: kroner(400) }] });
  });

  it("is bound by the year's money when it is less than the round's", () => {
    const proposal = proposalOf(baseInput([application("a", 1, 300), application("b", 2, 300)], { yearAvailableOre: kroner(500) }));
    expect(granted(proposal)).toEqual({ a: kroner(300), b: 0n });
    expect(explanation(proposal, "b")).toMatchObject({ limits: [{ limit: { kind: "yearMoney" }, headroomOre: kroner(200) }] });
  });

  describe("a hard reservation", () => {
    const reservation = { focusAreaId: "green", remainingOre: kroner(300), hard: true };

    it("keeps its unused amount of the year's money from other focus areas", () => {
      const proposal = proposalOf(
        baseInput([application("a", 1, 400), application("b", 2, 350)], { roundRemainingOre: kroner(1_000), yearAvailableOre: kroner(1_000), reservations: [reservation] }),
      );
      expect(granted(proposal)).toEqual({ a: kroner(400), b: 0n });
      expect(explanation(proposal, "b")).toEqual({
        outcome: "notFunded",
        reason: "limits",
        neededOre: kroner(350),
        // The round and the year still have 600; 300 of it is green's.
        limits: [{ limit: { kind: "hardReservations", focusAreaIds: ["green"] }, headroomOre: kroner(300), shortfallOre: kroner(50) }],
        lastFundedRankBefore: 1,
      });
      expect(proposal.reservations).toEqual([{ focusAreaId: "green", hard: true, targetOre: kroner(300), grantedOre: 0n, metOre: 0n, unmetOre: kroner(300) }]);
    });

    it("is used first by its own focus area, which may then use the general money too", () => {
      const proposal = proposalOf(
        baseInput(
          [application("a", 1, 400), application("g1", 2, 200, { focusAreaId: "green" }), application("g2", 3, 300, { focusAreaId: "green" }), application("b", 4, 100)],
          { roundRemainingOre: kroner(1_000), yearAvailableOre: kroner(1_000), reservations: [reservation] },
        ),
      );
      // a 400 (others may use 1 000 − 300); g1 200 from the reservation; g2 300: 100 of the reservation + 200 general.
      expect(granted(proposal)).toEqual({ a: kroner(400), g1: kroner(200), g2: kroner(300), b: kroner(100) });
      expect(proposal.reservations[0]).toMatchObject({ grantedOre: kroner(500), metOre: kroner(300), unmetOre: 0n });
    });

    it("holds the year's money, not the round's: a round smaller than the unreserved money is not reduced", () => {
      const proposal = proposalOf(
        baseInput([application("a", 1, 500)], { roundRemainingOre: kroner(500), yearAvailableOre: kroner(1_000), reservations: [reservation] }),
      );
      expect(granted(proposal)).toEqual({ a: kroner(500) });
    });
  });

  it("does not let a soft reservation hold back money, and reports how much of it was met", () => {
    const proposal = proposalOf(
      baseInput([application("a", 1, 900), application("g", 2, 100, { focusAreaId: "green" })], {
        reservations: [{ focusAreaId: "green", remainingOre: kroner(300), hard: false }],
      }),
    );
    expect(granted(proposal)).toEqual({ a: kroner(900), g: kroner(100) });
    expect(proposal.reservations[0]).toEqual({ focusAreaId: "green", hard: false, targetOre: kroner(300), grantedOre: kroner(100), metOre: kroner(100), unmetOre: kroner(200) });
  });

  it("keeps a focus area under its cap, and an area under its bound", () => {
    const proposal = proposalOf(
      baseInput([application("a", 1, 300), application("b", 2, 300), application("c", 3, 200, { focusAreaId: "green" }), application("d", 4, 200, { focusAreaId: "green" })], {
        caps: [{ focusAreaId: "digital", remainingOre: kroner(500) }],
        areaBounds: [{ areaId: "north", maxOre: kroner(600) }],
      }),
    );
    expect(granted(proposal)).toEqual({ a: kroner(300), b: 0n, c: kroner(200), d: 0n });
    expect(explanation(proposal, "b")).toMatchObject({ limits: [{ limit: { kind: "cap", focusAreaId: "digital" }, headroomOre: kroner(200), shortfallOre: kroner(100) }] });
    expect(explanation(proposal, "d")).toMatchObject({ limits: [{ limit: { kind: "areaBound", areaId: "north" }, headroomOre: kroner(100), shortfallOre: kroner(100) }] });
    expect(proposal.caps).toEqual([{ focusAreaId: "digital", capOre: kroner(500), grantedOre: kroner(300), leftOre: kroner(200) }]);
    expect(proposal.areaBounds).toEqual([{ areaId: "north", maxOre: kroner(600), grantedOre: kroner(500), leftOre: kroner(100) }]);
  });

  it("names every limit that falls short, tightest first", () => {
    const proposal = proposalOf(
      baseInput([application("a", 1, 800), application("b", 2, 400)], { caps: [{ focusAreaId: "digital", remainingOre: kroner(900) }] }),
    );
    expect(explanation(proposal, "b")).toMatchObject({
      limits: [
        { limit: { kind: "cap" }, headroomOre: kroner(100), shortfallOre: kroner(300) },
        { limit: { kind: "roundMoney" }, headroomOre: kroner(200), shortfallOre: kroner(200) },
      ],
    });
  });

  it("never funds an application that is not eligible, scores below the minimum or is pinned out", () => {
    const proposal = proposalOf(
      baseInput([application("a", 1, 100, { eligible: false }), application("b", 2, 100, { scoreHundredths: 4_999 }), application("c", 3, 100), application("d", 4, 100)], {
        minimumScoreHundredths: 5_000,
        pins: [{ applicationId: "c", kind: "out", reason: "Dækkes af andre midler" }],
      }),
    );
    expect(granted(proposal)).toEqual({ a: 0n, b: 0n, c: 0n, d: kroner(100) });
    expect(explanation(proposal, "a")).toEqual({ outcome: "notFunded", reason: "notEligible" });
    expect(explanation(proposal, "b")).toEqual({ outcome: "notFunded", reason: "belowMinimumScore", scoreHundredths: 4_999, minimumScoreHundredths: 5_000 });
    expect(explanation(proposal, "c")).toEqual({ outcome: "notFunded", reason: "pinnedOut", pinReason: "Dækkes af andre midler" });
  });

  it("funds pinned-in applications first, at the pinned amount, even below the minimum score", () => {
    const proposal = proposalOf(
      baseInput([application("a", 1, 700), application("b", 2, 500, { minimumOre: kroner(300), scoreHundredths: 1_000 })], {
        minimumScoreHundredths: 5_000,
        pins: [{ applicationId: "b", kind: "in", amountOre: kroner(400), reason: "Ledelsens prioritet" }],
      }),
    );
    expect(granted(proposal)).toEqual({ a: 0n, b: kroner(400) });
    expect(explanation(proposal, "b")).toEqual({ outcome: "partial", pinReason: "Ledelsens prioritet", missingOre: kroner(100), limits: [] });
    expect(explanation(proposal, "a")).toMatchObject({ reason: "limits", lastFundedRankBefore: null });
  });

  it("refuses pins that together break a limit, rather than not honour one", () => {
    const result = allocateInRankOrder(
      baseInput([application("a", 1, 600), application("b", 2, 500)], {
        pins: [
          { applicationId: "a", kind: "in", amountOre: kroner(600), reason: "x" },
          { applicationId: "b", kind: "in", amountOre: kroner(500), reason: "y" },
        ],
      }),
    );
    expect(result).toEqual({ ok: false, problems: [{ code: "pinsExceedLimits", limits: [{ limit: { kind: "roundMoney" }, overOre: kroner(100) }] }] });
  });

  it("refuses bad input with every problem", () => {
    const result = allocateInRankOrder(
      baseInput(
        [
          application("a", 1, 100, { minimumOre: kroner(200) }),
          application("a", 1, 0),
          application("c", 3, 100, { eligible: false }),
        ],
        {
          roundRemainingOre: -1n,
          reservations: [{ focusAreaId: "green", remainingOre: kroner(9_000), hard: true }],
          pins: [
            { applicationId: "zzz", kind: "out", reason: "x" },
            { applicationId: "c", kind: "in", amountOre: kroner(50), reason: " " },
          ],
        },
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { code: "moneyNegative", field: "roundRemaining" },
      { code: "applicationInvalid", applicationId: "a", field: "minimum" },
      { code: "duplicateApplication", applicationId: "a" },
      { code: "duplicateRank", rank: 1 },
      { code: "applicationInvalid", applicationId: "a", field: "requested" },
      { code: "hardReservationsExceedYearMoney", reservedOre: kroner(9_000), yearAvailableOre: kroner(5_000) },
      { code: "pinUnknownApplication", applicationId: "zzz" },
      { code: "pinReasonMissing", applicationId: "c" },
      { code: "pinNotEligible", applicationId: "c" },
      { code: "pinAmountInvalid", applicationId: "c", amountOre: kroner(50), requestedOre: kroner(100), minimumOre: null },
    ]);
  });
});
