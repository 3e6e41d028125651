import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareForRanking, rankApplications, type RankableApplication } from "./ranking";

const app = (id: string, over: Partial<RankableApplication> = {}): RankableApplication => ({
  id,
  reference: `KP-${id}`,
  priority: 500_000,
  scoreHundredths: 5_000,
  endorsementRank: null,
  submittedAt: new Date("2026-03-01T10:00:00Z"),
  ...over,
});

const order = (list: RankableApplication[]) => rankApplications(list).map((a) => a.id);

describe("rankApplications", () => {
  it("orders by priority, highest first", () => {
    expect(order([app("a", { priority: 1 }), app("b", { priority: 3 }), app("c", { priority: 2 })])).toEqual(["b", "c", "a"]);
  });
  it("breaks a tie in priority by score, then the area lead's rank, then submission time, then reference", () => {
    const list = [
      app("e", { reference: "KP-2" }),
      app("d", { reference: "KP-1" }),
      app("c", { submittedAt: new Date("2026-02-01T00:00:00Z") }),
      app("b", { endorsementRank: 2 }),
      app("a", { endorsementRank: 1 }),
      app("s", { scoreHundredths: 6_000 }),
    ];
    expect(order(list)).toEqual(["s", "a", "b", "c", "d", "e"]);
  });
  it("puts missing values last: no priority, no score, no endorsement rank, no submission time", () => {
    expect(order([app("a", { priority: null }), app("b", { priority: 0 })])).toEqual(["b", "a"]);
    expect(order([app("a", { scoreHundredths: null }), app("b", { scoreHundredths: 0 })])).toEqual(["b", "a"]);
    expect(order([app("a"), app("b", { endorsementRank: 9 })])).toEqual(["b", "a"]);
    expect(order([app("a", { submittedAt: null }), app("b")])).toEqual(["b", "a"]);
  });
  it("numbers the positions from 1", () => {
    expect(rankApplications([app("a", { priority: 1 }), app("b", { priority: 2 })]).map((a) => [a.id, a.rank])).toEqual([
      ["b", 1],
      ["a", 2],
    ]);
  });

  const appArb = fc.record({
    id: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"),
    reference: fc.constantFrom("KP-1", "KP-2", "KP-3"),
    priority: fc.option(fc.integer({ min: 0, max: 3 })),
    scoreHundredths: fc.option(fc.integer({ min: 0, max: 3 })),
    endorsementRank: fc.option(fc.integer({ min: 1, max: 3 })),
    submittedAt: fc.option(fc.integer({ min: 0, max: 3 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)))),
  });

  it("is a total order: antisymmetric, transitive, zero only for the same application (property)", () => {
    fc.assert(
      fc.property(appArb, appArb, appArb, (a, b, c) => {
        const ab = compareForRanking(a, b);
        expect(Math.sign(ab) + Math.sign(compareForRanking(b, a))).toBe(0);
        if (ab === 0) expect([a.id, a.reference]).toEqual([b.id, b.reference]);
        if (ab <= 0 && compareForRanking(b, c) <= 0) expect(compareForRanking(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("gives the same list whatever the input order (property)", () => {
    const listArb = fc.uniqueArray(appArb, { selector: (a) => a.id, maxLength: 8 });
    fc.assert(
      fc.property(listArb, fc.func(fc.integer()), (list, key) => {
        const shuffled = [...list].sort((x, y) => key(x.id) - key(y.id));
        expect(rankApplications(shuffled)).toEqual(rankApplications(list));
      }),
    );
  });
});
