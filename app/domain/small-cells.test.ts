import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PermissionSubject, Role } from "./permissions";
import { protectTable, seesSmallCells, SMALL_CELL_MIN, type CellFigure } from "./small-cells";

const fig = (count: number, kroner: number): CellFigure => ({ count, requestedOre: BigInt(kroner) * 100n });
const sum = (rows: CellFigure[]): CellFigure => ({
  count: rows.reduce((s, r) => s + r.count, 0),
  requestedOre: rows.reduce((s, r) => s + r.requestedOre, 0n),
});

describe("protectTable", () => {
  it("hides a group of one application (count and amount) and, so it cannot be subtracted back, the next smallest group", () => {
    const rows = [fig(1, 80_000), fig(5, 100_000), fig(4, 90_000), fig(0, 0)];
    const { rows: views, total } = protectTable(rows, sum(rows));
    expect(views).toEqual([
      { count: null, requestedOre: null, hidden: "small" },
      { count: 5, requestedOre: 10_000_000n },
      { count: null, requestedOre: null, hidden: "complement" },
      { count: 0, requestedOre: 0n },
    ]);
    expect(total).toEqual({ count: 10, requestedOre: 27_000_000n });
  });

  it("needs no complement when two or more groups are small already", () => {
    const rows = [fig(1, 10), fig(2, 20), fig(7, 70)];
    const { rows: views } = protectTable(rows, sum(rows));
    expect(views.map((v) => v.hidden)).toEqual(["small", "small", undefined]);
  });

  it("hides a total of fewer than 3, and with it every group", () => {
    const rows = [fig(1, 10), fig(1, 20), fig(0, 0)];
    const { rows: views, total } = protectTable(rows, sum(rows));
    expect(total.hidden).toBe("small");
    expect(views.map((v) => v.hidden)).toEqual(["small", "small", undefined]);
  });

  it("hides the total when the single small group has no other group to pair with", () => {
    // Rows that do not cover the total (e.g. overlapping focus areas): still no single hidden figure left.
    const { rows: views, total } = protectTable([fig(2, 10), fig(0, 0)], fig(4, 40));
    expect(views.map((v) => v.hidden)).toEqual(["small", undefined]);
    expect(total.hidden).toBe("complement");
  });

  it("shows everything when no group is small", () => {
    const rows = [fig(3, 1), fig(0, 0), fig(12, 5)];
    const { rows: views, total } = protectTable(rows, sum(rows));
    expect(views.every((v) => v.hidden === undefined)).toBe(true);
    expect(total.hidden).toBe(undefined);
  });

  const figures = fc.array(fc.record({ count: fc.nat({ max: 8 }), requestedOre: fc.bigInt({ min: 0n, max: 10n ** 12n }) }), { minLength: 1, maxLength: 12 });

  it("never shows a small group, never leaves exactly one hidden group next to a shown total, and shows the rest as they are", () => {
    fc.assert(
      fc.property(figures, (rows) => {
        const total = sum(rows);
        const { rows: views, total: totalView } = protectTable(rows, total);
        views.forEach((view, i) => {
          const row = rows[i]!;
          if (row.count > 0 && row.count < SMALL_CELL_MIN) expect(view.hidden).toBe("small");
          if (view.hidden === undefined) expect(view).toEqual({ ...row });
          if (row.count === 0) expect(view.hidden).toBe(undefined);
        });
        if (total.count > 0 && total.count < SMALL_CELL_MIN) expect(totalView.hidden).toBe("small");
        const hidden = views.filter((v) => v.hidden !== undefined).length;
        if (totalView.hidden === undefined) expect(hidden === 1).toBe(false);
        // Hence the total minus the shown groups never equals one hidden group's own amount.
        if (totalView.hidden === undefined && hidden > 0) {
          const shownSum = views.reduce((s, v) => s + (v.requestedOre ?? 0n), 0n);
          const hiddenRows = rows.filter((_, i) => views[i]!.hidden !== undefined);
          expect(hiddenRows.length).toBeGreaterThanOrEqual(2);
          expect(total.requestedOre - shownSum).toBe(sum(hiddenRows).requestedOre);
        }
      }),
    );
  });
});

describe("seesSmallCells", () => {
  const user = (role: Role): PermissionSubject => ({ id: role, unitId: "u1", roles: [{ role, areaId: role === "AREA_LEAD" ? "a1" : null, unitId: null }] });
  it("only readers of every application see small groups as they are", () => {
    expect(seesSmallCells(user("SECRETARIAT"))).toBe(true);
    expect(seesSmallCells(user("LEADERSHIP"))).toBe(true);
    expect(seesSmallCells(user("FINANCE"))).toBe(true);
    for (const role of ["HMU", "ADMIN", "APPLICANT", "AREA_LEAD"] as const) expect(seesSmallCells(user(role)), role).toBe(false);
  });
});
