// Scoring (faglig vurdering): criterion scores → one assessment's weighted score
// → the application's score → its priority. Pure and exact.
//
// Representation (docs/decisions/018-scoring-and-allocation.md): a score is an
// integer number of hundredths of a point on 0–100 (73,25 point = 7325). Every
// step is computed exactly in bigint and rounded once, half up, to hundredths:
//   - one assessment's weighted score from its raw criterion scores,
//   - the application's score from its assessments' (rounded) scores, so a reader
//     can check the mean by hand with the figures a page shows.
// A priority is score × focus-area weight (hundredths × hundredths), kept exact
// as an integer in ten-thousandths of a point, never rounded.

/** A criterion of the guideline version (AssessmentCriterion). */
export interface Criterion {
  id: string;
  /** Relative weight, a whole number > 0. */
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

/** "Kan ikke vurderes": the assessor cannot judge this criterion. */
export const NOT_ASSESSABLE = "notAssessable" as const;

export interface CriterionAnswer {
  criterionId: string;
  /** A whole number on the criterion's scale, or not assessable. */
  value: number | typeof NOT_ASSESSABLE;
}

/** 100,00 points in hundredths. */
export const MAX_SCORE_HUNDREDTHS = 10_000;
/** Default spread above which assessors disagree: 25 points. */
export const DEFAULT_DISAGREEMENT_SPREAD_HUNDREDTHS = 2_500;
/** Weight 1,00 in hundredths, used for a focus area that is not in the prioritisation. */
export const NEUTRAL_WEIGHT_HUNDREDTHS = 100;

/** n / d rounded half up, both non-negative, d > 0. */
function divideHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export type CriterionProblem =
  | { code: "weightNotPositive"; criterionId: string }
  | { code: "scaleInvalid"; criterionId: string }
  | { code: "duplicateCriterion"; criterionId: string };

/** Every problem with a guideline's criteria (empty list = usable for scoring). */
export function checkCriteria(criteria: readonly Criterion[]): CriterionProblem[] {
  const problems: CriterionProblem[] = [];
  const seen = new Set<string>();
  for (const c of criteria) {
    if (seen.has(c.id)) problems.push({ code: "duplicateCriterion", criterionId: c.id });
    seen.add(c.id);
    if (!Number.isSafeInteger(c.weight) || c.weight <= 0) problems.push({ code: "weightNotPositive", criterionId: c.id });
    if (!Number.isSafeInteger(c.scaleMin) || !Number.isSafeInteger(c.scaleMax) || c.scaleMax <= c.scaleMin) {
      problems.push({ code: "scaleInvalid", criterionId: c.id });
    }
  }
  return problems;
}

export type AnswerProblem =
  | { code: "unknownCriterion"; criterionId: string }
  | { code: "duplicateAnswer"; criterionId: string }
  | { code: "notOnScale"; criterionId: string; scaleMin: number; scaleMax: number }
  | { code: "unanswered"; criterionId: string };

/**
 * Every problem with an assessor's answers. A draft may leave criteria
 * unanswered; a submission must answer each one (a score or not assessable).
 */
export function checkAnswers(
  criteria: readonly Criterion[],
  answers: readonly CriterionAnswer[],
  purpose: "draft" | "submission",
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const answer of answers) {
    const criterion = byId.get(answer.criterionId);
    if (!criterion) {
      problems.push({ code: "unknownCriterion", criterionId: answer.criterionId });
      continue;
    }
    if (seen.has(answer.criterionId)) problems.push({ code: "duplicateAnswer", criterionId: answer.criterionId });
    seen.add(answer.criterionId);
    if (answer.value !== NOT_ASSESSABLE && !onScale(criterion, answer.value)) {
      problems.push({ code: "notOnScale", criterionId: criterion.id, scaleMin: criterion.scaleMin, scaleMax: criterion.scaleMax });
    }
  }
  if (purpose === "submission") {
    for (const c of criteria) if (!seen.has(c.id)) problems.push({ code: "unanswered", criterionId: c.id });
  }
  return problems;
}

function onScale(criterion: Criterion, value: number): boolean {
  return Number.isSafeInteger(value) && value >= criterion.scaleMin && value <= criterion.scaleMax;
}

/** A comment is required for a score at either end of the scale. */
export function commentRequired(criterion: Criterion, value: CriterionAnswer["value"]): boolean {
  return value !== NOT_ASSESSABLE && (value === criterion.scaleMin || value === criterion.scaleMax);
}

/** One criterion's score on 0–100 in hundredths (scaleMin → 0, scaleMax → 10 000), rounded half up. */
export function normalisedHundredths(criterion: Criterion, value: number): number {
  if (!onScale(criterion, value)) throw new RangeError(`score ${value} is not on the scale of criterion ${criterion.id}`);
  const span = BigInt(criterion.scaleMax - criterion.scaleMin);
  return Number(divideHalfUp(BigInt(value - criterion.scaleMin) * BigInt(MAX_SCORE_HUNDREDTHS), span));
}

/**
 * One assessment's weighted score in hundredths:
 * Σ weight × normalised score / Σ weight over the answered criteria, computed
 * exactly and rounded once, half up. "Not assessable" and unanswered criteria
 * are left out of both sums. Null when no criterion is answered.
 */
export function assessmentScore(criteria: readonly Criterion[], answers: readonly CriterionAnswer[]): number | null {
  const problems = [...checkCriteria(criteria), ...checkAnswers(criteria, answers, "draft")];
  if (problems.length > 0) throw new RangeError(`cannot score: ${problems.map((p) => `${p.code} ${p.criterionId}`).join(", ")}`);
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const answered: { criterion: Criterion; value: number }[] = [];
  for (const answer of answers) {
    if (answer.value === NOT_ASSESSABLE) continue;
    answered.push({ criterion: byId.get(answer.criterionId)!, value: answer.value });
  }
  if (answered.length === 0) return null;
  // Common denominator of the scale spans, so the sum stays an exact fraction.
  let span = 1n;
  for (const { criterion } of answered) {
    const s = BigInt(criterion.scaleMax - criterion.scaleMin);
    span = (span / gcd(span, s)) * s;
  }
  let numerator = 0n;
  let weights = 0n;
  for (const { criterion, value } of answered) {
    const s = BigInt(criterion.scaleMax - criterion.scaleMin);
    const w = BigInt(criterion.weight);
    numerator += w * BigInt(value - criterion.scaleMin) * (span / s) * BigInt(MAX_SCORE_HUNDREDTHS);
    weights += w;
  }
  return Number(divideHalfUp(numerator, span * weights));
}

/** An assessment as it counts for the application's score. */
export interface CountedAssessment {
  submitted: boolean;
  /** Recused (inhabil): the score leaves every aggregate. */
  recused: boolean;
  /** From assessmentScore; null when nothing was assessable. */
  scoreHundredths: number | null;
}

export interface Consensus {
  scoreHundredths: number;
  reason: string;
}

export type ConsensusProblem = { code: "scoreOutOfRange" } | { code: "reasonMissing" };

export function checkConsensus(consensus: Consensus): ConsensusProblem[] {
  const problems: ConsensusProblem[] = [];
  const s = consensus.scoreHundredths;
  if (!Number.isSafeInteger(s) || s < 0 || s > MAX_SCORE_HUNDREDTHS) problems.push({ code: "scoreOutOfRange" });
  if (consensus.reason.trim() === "") problems.push({ code: "reasonMissing" });
  return problems;
}

export interface ApplicationScore {
  /** The score that counts, in hundredths; null when nothing is scored yet. */
  scoreHundredths: number | null;
  source: "consensus" | "mean" | "none";
  /** Mean of the counted assessments (also when a consensus overrides it). */
  meanHundredths: number | null;
  /** Submitted, non-recused assessments with a score. */
  countedAssessments: number;
  /** max − min of the counted assessments' scores; null with fewer than two. */
  spreadHundredths: number | null;
  /** The assessors disagree by more than the allowed spread. */
  disagreement: boolean;
}

/**
 * The application's score: the mean (rounded half up) of its submitted,
 * non-recused assessments' scores; a recorded consensus counts instead.
 * Disagreement: max − min of those scores exceeds the spread.
 */
export function applicationScore(
  assessments: readonly CountedAssessment[],
  consensus: Consensus | null,
  allowedSpreadHundredths: number = DEFAULT_DISAGREEMENT_SPREAD_HUNDREDTHS,
): ApplicationScore {
  if (consensus) {
    const problems = checkConsensus(consensus);
    if (problems.length > 0) throw new RangeError(`invalid consensus: ${problems.map((p) => p.code).join(", ")}`);
  }
  const scores = assessments
    .filter((a) => a.submitted && !a.recused && a.scoreHundredths !== null)
    .map((a) => a.scoreHundredths!);
  const meanHundredths =
    scores.length === 0 ? null : Number(divideHalfUp(scores.reduce((sum, s) => sum + BigInt(s), 0n), BigInt(scores.length)));
  const spreadHundredths = scores.length < 2 ? null : Math.max(...scores) - Math.min(...scores);
  const disagreement = spreadHundredths !== null && spreadHundredths > allowedSpreadHundredths;
  return {
    scoreHundredths: consensus ? consensus.scoreHundredths : meanHundredths,
    source: consensus ? "consensus" : meanHundredths === null ? "none" : "mean",
    meanHundredths,
    countedAssessments: scores.length,
    spreadHundredths,
    disagreement,
  };
}

export interface FocusAreaWeight {
  weightHundredths: number;
  /** False when the primary focus area is not in the prioritisation in force (neutral weight 1,00). */
  prioritised: boolean;
}

/**
 * The weight of the application's primary focus area in the prioritisation in
 * force. A focus area that is not prioritised (or no primary focus area) gets
 * the neutral weight 1,00: neither promoted nor pushed out.
 */
export function focusAreaWeight(
  primaryFocusAreaId: string | null,
  prioritisation: readonly { focusAreaId: string; weightHundredths: number }[],
): FocusAreaWeight {
  const item = primaryFocusAreaId === null ? undefined : prioritisation.find((p) => p.focusAreaId === primaryFocusAreaId);
  return item ? { weightHundredths: item.weightHundredths, prioritised: true } : { weightHundredths: NEUTRAL_WEIGHT_HUNDREDTHS, prioritised: false };
}

/** Priority in ten-thousandths of a point: score (hundredths) × weight (hundredths), exact. */
export function priorityOf(scoreHundredths: number, weightHundredths: number): number {
  if (!Number.isSafeInteger(scoreHundredths) || scoreHundredths < 0) throw new RangeError(`score ${scoreHundredths}`);
  if (!Number.isSafeInteger(weightHundredths) || weightHundredths <= 0) throw new RangeError(`weight ${weightHundredths}`);
  return scoreHundredths * weightHundredths;
}
