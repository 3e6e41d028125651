// Small cells in the statistics (små grupper): a group with fewer than three
// applications would show what one or two applications asked for. Readers who
// may not read every application (HMU observers first of all) see such a group
// as "fewer than 3", without count or amount. When exactly one group of a table
// is hidden, the total minus the shown groups would give it back, so the next
// smallest group is hidden too (complementary suppression). Zero groups are
// shown: they reveal no application. Pure: no framework imports.
// See docs/decisions/015-scope-of-applications-and-audit.md.
import { scopeFilter, type PermissionSubject } from "./permissions";

/** Groups with fewer applications than this are hidden. */
export const SMALL_CELL_MIN = 3;

export interface CellFigure {
  count: number;
  requestedOre: bigint;
}

/** "small": fewer than SMALL_CELL_MIN; "complement": hidden so that a small group cannot be worked out. */
export type HiddenReason = "small" | "complement";

/** A group as shown: its figures, or (hidden set) neither count nor amount. */
export type CellView = { count: number; requestedOre: bigint; hidden?: undefined } | { count: null; requestedOre: null; hidden: HiddenReason };

/** Who sees small groups as they are: only readers of every application. */
export function seesSmallCells(user: PermissionSubject): boolean {
  return scopeFilter(user, "application:read").kind === "all";
}

export function isSmallCell(figure: CellFigure): boolean {
  return figure.count > 0 && figure.count < SMALL_CELL_MIN;
}

export function shown(figure: CellFigure): CellView {
  return { count: figure.count, requestedOre: figure.requestedOre };
}

function hide(hidden: HiddenReason): CellView {
  return { count: null, requestedOre: null, hidden };
}

export interface ProtectedTable {
  rows: CellView[];
  total: CellView;
}

/**
 * One table (groups and their total) as a protected reader sees it:
 * 1. every small group is hidden ("small"), and so is a small total;
 * 2. if exactly one group is then hidden, the shown group with the fewest
 *    applications (then the smallest amount, then the first) is hidden too
 *    ("complement"); if there is none, the total is hidden instead.
 * Hidden groups thus come two or more at a time, or the total is hidden, so
 * no hidden figure equals the total minus the shown ones.
 */
export function protectTable(rows: readonly CellFigure[], total: CellFigure): ProtectedTable {
  const views = rows.map((row) => (isSmallCell(row) ? hide("small") : shown(row)));
  let totalView = isSmallCell(total) ? hide("small") : shown(total);
  const hiddenCount = views.filter((v) => v.hidden !== undefined).length;
  if (hiddenCount === 1 && totalView.hidden === undefined) {
    let pick = -1;
    rows.forEach((row, i) => {
      if (views[i]!.hidden !== undefined || row.count === 0) return;
      const best = pick >= 0 ? rows[pick]! : null;
      if (!best || row.count < best.count || (row.count === best.count && row.requestedOre < best.requestedOre)) pick = i;
    });
    if (pick >= 0) views[pick] = hide("complement");
    else totalView = hide("complement");
  }
  return { rows: views, total: totalView };
}

/** Shown as they are (readers of every application). */
export function unprotectedTable(rows: readonly CellFigure[], total: CellFigure): ProtectedTable {
  return { rows: rows.map(shown), total: shown(total) };
}
