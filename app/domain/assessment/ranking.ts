// The round's ranked list (prioriteret liste). One written tie-break rule, a
// total order, so every page, export and proposal lists applications the same way:
//   1. priority, highest first (an application without a priority comes last),
//   2. score, highest first (none last),
//   3. the area lead's endorsement rank, lowest first (none last),
//   4. submission time, earliest first (none last),
//   5. reference, then id, in code-unit order (never equal for two applications).

export interface RankableApplication {
  id: string;
  reference: string;
  /** Ten-thousandths of a point (priorityOf). */
  priority: number | null;
  scoreHundredths: number | null;
  /** The area lead's rank among the area's endorsed applications (1 = first). */
  endorsementRank: number | null;
  submittedAt: Date | null;
}

/** Nulls last; then a before b when `less`. */
function nullsLast<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compare(a, b);
}

const descending = (x: number, y: number) => (x === y ? 0 : x > y ? -1 : 1);
const ascending = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1);
const byCodeUnits = (x: string, y: string) => (x === y ? 0 : x < y ? -1 : 1);

/** Negative when a ranks before b. Zero only for the same id and reference. */
export function compareForRanking(a: RankableApplication, b: RankableApplication): number {
  return (
    nullsLast(a.priority, b.priority, descending) ||
    nullsLast(a.scoreHundredths, b.scoreHundredths, descending) ||
    nullsLast(a.endorsementRank, b.endorsementRank, ascending) ||
    nullsLast(a.submittedAt?.getTime() ?? null, b.submittedAt?.getTime() ?? null, ascending) ||
    byCodeUnits(a.reference, b.reference) ||
    byCodeUnits(a.id, b.id)
  );
}

/** The applications in ranked order, each with its position (1 = first). */
export function rankApplications<T extends RankableApplication>(applications: readonly T[]): (T & { rank: number })[] {
  return [...applications].sort(compareForRanking).map((application, index) => ({ ...application, rank: index + 1 }));
}
