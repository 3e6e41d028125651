// The area lead's ranking (rangordning) of the area's endorsed applications.
// Pure: no framework imports.

export interface RankProblem {
  index: number;
  message: "appList.rank.range" | "appList.rank.duplicate";
}

/** Ranks must be 1..n (n = number of applications) and each used once. Every problem, by position. */
export function rankProblems(ranks: readonly number[]): RankProblem[] {
  const problems: RankProblem[] = [];
  const n = ranks.length;
  const seen = new Map<number, number>();
  for (const rank of ranks) seen.set(rank, (seen.get(rank) ?? 0) + 1);
  ranks.forEach((rank, index) => {
    if (!Number.isInteger(rank) || rank < 1 || rank > n) problems.push({ index, message: "appList.rank.range" });
    else if ((seen.get(rank) ?? 0) > 1) problems.push({ index, message: "appList.rank.duplicate" });
  });
  return problems;
}
