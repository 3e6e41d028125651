import { describe, expect, it } from "vitest";
import { PrioritisationSchema, readRows, summariseRows, type RowValue } from "./schema";

const row = (change: Partial<RowValue> = {}): RowValue => ({
  focusAreaId: "fa",
  include: true,
  rank: "1",
  weight: "1,5",
  earmarkKind: "NONE",
  earmarkValue: undefined,
  earmarkStrength: "soft",
  ...change,
});

describe("readRows", () => {
  it("turns ticked rows into items and ignores the rest, whatever they hold", () => {
    const { items, issues } = readRows([
      row({ focusAreaId: "a", earmarkKind: "AMOUNT", earmarkValue: "500.000", earmarkStrength: "hard" }),
      row({ focusAreaId: "b", include: false, weight: "nonsens", rank: "" }),
      row({ focusAreaId: "c", rank: "2", weight: "2", earmarkKind: "PERCENT", earmarkValue: "12,5 %" }),
    ]);
    expect(issues).toEqual([]);
    expect(items).toEqual([
      { row: 0, focusAreaId: "a", rank: 1, weightHundredths: 150, earmark: { kind: "AMOUNT", ore: 50_000_000n, hard: true } },
      { row: 2, focusAreaId: "c", rank: 2, weightHundredths: 200, earmark: { kind: "PERCENT", basisPoints: 1250, hard: false } },
    ]);
  });

  it("reports each row's own problems at the row", () => {
    const { items, issues } = readRows([
      row({ weight: "0" }),
      row({ rank: "første" }),
      row({ earmarkKind: "AMOUNT", earmarkValue: "-5" }),
      row({ earmarkKind: "PERCENT", earmarkValue: "0" }),
      row({ earmarkKind: "NONE", earmarkValue: "5" }),
    ]);
    expect(items).toEqual([]);
    expect(issues).toEqual([
      { path: [0, "weight"], message: "priorities.error.weight" },
      { path: [1, "rank"], message: "validation.integer" },
      { path: [2, "earmarkValue"], message: "priorities.error.earmarkNotPositive" },
      { path: [3, "earmarkValue"], message: "priorities.error.percent" },
      { path: [4, "earmarkKind"], message: "priorities.error.earmarkKindMissing" },
    ]);
  });
});

const rawRow = (include: string) => ({ focusAreaId: "fa", include, rank: "1", weight: "1", earmarkKind: "NONE", earmarkStrength: "soft" });

describe("PrioritisationSchema", () => {
  it("needs at least one ticked row", () => {
    const result = PrioritisationSchema.safeParse({ decidedOn: "2026-11-01", guidelineVersionId: "g", rows: [rawRow("")] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["rows", "priorities.error.noFocusAreas"]]);
  });

  it("reads the revision the form was based on", () => {
    const parse = (basedOnRevision?: string) =>
      PrioritisationSchema.parse({ decidedOn: "2026-11-01", guidelineVersionId: "g", basedOnRevision, rows: [rawRow("on")] }).basedOnRevision;
    expect(parse("0")).toBeNull();
    expect(parse("3")).toBe(3);
    expect(parse(undefined)).toBeUndefined();
  });
});

describe("summariseRows", () => {
  it("adds up the readable earmarks of ticked rows against the year's total", () => {
    const rows = [
      { include: "on", earmarkKind: "AMOUNT", earmarkValue: "500.000" },
      { include: "on", earmarkKind: "PERCENT", earmarkValue: "10" },
      { include: "", earmarkKind: "AMOUNT", earmarkValue: "1.000.000" },
      { include: "on", earmarkKind: "AMOUNT", earmarkValue: "noget" },
    ];
    expect(summariseRows(rows, 250_000_000n)).toEqual({ count: 3, earmarkedOre: 75_000_000n });
    expect(summariseRows(undefined, 1n)).toEqual({ count: 0, earmarkedOre: 0n });
  });
});
