// Allocation in rank order (efter prioriteret rækkefølge): pins first, then down
// the ranked list: in full if it fits every limit, else partly (down to the
// smallest acceptable amount) where allowed, else skipped, and on to the next.
import type { Ore } from "../money";
import {
  buildProposal,
  checkInput,
  exclusion,
  explainAgainst,
  inRankOrder,
  ledgerWithPins,
  neededOre,
  pinnedInExplanation,
} from "./limits";
import type { AllocationInput, AllocationProblem, AllocationResult, Explanation } from "./types";

/** The grants and explanations of the rank-order method, or the problems with the input. */
export function rankOrderGrants(
  input: AllocationInput,
): { ok: true; grants: Map<string, Ore>; explanations: Map<string, Explanation> } | { ok: false; problems: AllocationProblem[] } {
  const problems = checkInput(input);
  if (problems.length > 0) return { ok: false, problems };
  const pinned = ledgerWithPins(input);
  if ("problem" in pinned) return { ok: false, problems: [pinned.problem] };
  const { ledger, grants } = pinned;
  const explanations = new Map<string, Explanation>();
  let lastFundedRank: number | null = null;
  for (const app of inRankOrder(input.applications)) {
    const pin = input.pins.find((p) => p.applicationId === app.id);
    if (pin?.kind === "in") {
      explanations.set(app.id, pinnedInExplanation(app, pin.amountOre, pin.reason));
      lastFundedRank = app.rank;
      continue;
    }
    const excluded = exclusion(input, app);
    if (excluded) {
      explanations.set(app.id, excluded);
      continue;
    }
    const headroom = ledger.headroom(app);
    const granted = app.requestedOre <= headroom ? app.requestedOre : headroom >= neededOre(app) ? headroom : 0n;
    explanations.set(app.id, explainAgainst(ledger, app, granted, lastFundedRank));
    if (granted > 0n) {
      ledger.add(app, granted);
      grants.set(app.id, granted);
      lastFundedRank = app.rank;
    }
  }
  return { ok: true, grants, explanations };
}

/** A proposal in rank order. Pins are always honoured: pins that do not fit together are a problem, not a proposal. */
export function allocateInRankOrder(input: AllocationInput): AllocationResult {
  const result = rankOrderGrants(input);
  if (!result.ok) return result;
  return { ok: true, proposal: buildProposal("rankOrder", input, result.grants, result.explanations, null) };
}
