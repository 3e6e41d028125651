import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applicationScore,
  assessmentScore,
  checkAnswers,
  checkConsensus,
  checkCriteria,
  commentRequired,
  focusAreaWeight,
  normalisedHundredths,
  NOT_ASSESSABLE,
  priorityOf,
  type CountedAssessment,
  type Criterion,
  type CriterionAnswer,
} from "./scoring";

const criterion = (id: string, weight: number, scaleMin = 0, scaleMax = 5): Criterion => ({ id, weight, scaleMin, scaleMax });
const answer = (criterionId: string, value: number | typeof NOT_ASSESSABLE): CriterionAnswer => ({ criterionId, value });

describe("normalisedHundredths", () => {
  it("maps the ends of the scale to 0 and 100 points", () => {
    expect(normalisedHundredths(criterion("a", 1, 0, 5), 0)).toBe(0);
    expect(normalisedHundredths(criterion("a", 1, 0, 5), 5)).toBe(10_000);
    expect(normalisedHundredths(criterion("a", 1, 1, 4), 1)).toBe(0);
    expect(normalisedHundredths(criterion("a", 1, 1, 4), 4)).toBe(10_000);
  });

  it("rounds half up to the hundredth: 1 of 0–3 is 33,33, 2 of 0–3 is 66,67, 1 of 0–8 is 12,50", () => {
    expect(normalisedHundredths(criterion("a", 1, 0, 3), 1)).toBe(3_333);
    expect(normalisedHundredths(criterion("a", 1, 0, 3), 2)).toBe(6_667);
    expect(normalisedHundredths(criterion("a", 1, 0, 8), 1)).toBe(1_250);
    // 1 of 0–7 = 14,2857… → 14,29; 1 of 0–16 = 6,25 exactly.
    expect(normalisedHundredths(criterion("a", 1, 0, 7), 1)).toBe(1_429);
    expect(normalisedHundredths(criterion("a", 1, 0, 16), 1)).toBe(625);
  });

  it("refuses a value off the scale", () => {
    expect(() => normalisedHundredths(criterion("a", 1, 0, 5), 6)).toThrow(RangeError);
    expect(() => normalisedHundredths(criterion("a", 1, 0, 5), 2.5)).toThrow(RangeError);
  });

  it("stays within 0–100 points and keeps the order of the scale (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 30 }), fc.nat(), fc.nat(), (min, span, i, j) => {
        const c = criterion("a", 1, min, min + span);
        const a = min + (i % (span + 1));
        const b = min + (j % (span + 1));
        const na = normalisedHundredths(c, a);
        const nb = normalisedHundredths(c, b);
        expect(na).toBeGreaterThanOrEqual(0);
        expect(na).toBeLessThanOrEqual(10_000);
        if (a < b) expect(na).toBeLessThan(nb);
      }),
    );
  });
});

describe("assessmentScore", () => {
  const criteria = [criterion("relevance", 3), criterion("quality", 2), criterion("effect", 1, 1, 4)];

  it("is Σ weight × normalised score / Σ weight over the answered criteria", () => {
    // relevance 4/5 = 80, quality 3/5 = 60, effect 3 of 1–4 = 66,666…
    // (3×80 + 2×60 + 1×66,666…) / 6 = 426,666… / 6 = 71,111… → 71,11
    expect(assessmentScore(criteria, [answer("relevance", 4), answer("quality", 3), answer("effect", 3)])).toBe(7_111);
  });

  it("computes exactly before rounding once (no rounding of each criterion first)", () => {
    // a: 1 of 0–3 = 33,333…, b (weight 2): 1 of 0–7 = 14,2857…
    // exact: (33,333… + 2 × 14,2857…) / 3 = 20,6349… → 20,63;
    // rounding each criterion first would give (33,33 + 2 × 14,29) / 3 = 20,6366… → 20,64.
    const cs = [criterion("a", 1, 0, 3), criterion("b", 2, 0, 7)];
    expect(assessmentScore(cs, [answer("a", 1), answer("b", 1)])).toBe(2_063);
  });

  it("leaves 'not assessable' out of the average instead of counting it as 0", () => {
    const withNa = assessmentScore(criteria, [answer("relevance", 4), answer("quality", NOT_ASSESSABLE), answer("effect", 4)]);
    // (3×80 + 1×100) / 4 = 85
    expect(withNa).toBe(8_500);
    const asZero = assessmentScore(criteria, [answer("relevance", 4), answer("quality", 0), answer("effect", 4)]);
    expect(asZero).toBe(5_667); // (240 + 0 + 100) / 6 = 56,666…
  });

  it("has no score when nothing is answered or all is not assessable", () => {
    expect(assessmentScore(criteria, [])).toBeNull();
    expect(assessmentScore(criteria, criteria.map((c) => answer(c.id, NOT_ASSESSABLE)))).toBeNull();
  });

  it("refuses answers that do not fit the criteria", () => {
    expect(() => assessmentScore(criteria, [answer("relevance", 9)])).toThrow(RangeError);
    expect(() => assessmentScore(criteria, [answer("nope", 1)])).toThrow(RangeError);
  });

  const criteriaArb = fc
    .array(fc.record({ weight: fc.integer({ min: 1, max: 10 }), scaleMin: fc.integer({ min: -3, max: 3 }), span: fc.integer({ min: 1, max: 10 }) }), {
      minLength: 1,
      maxLength: 7,
    })
    .map((list) => list.map((c, i) => criterion(`c${i}`, c.weight, c.scaleMin, c.scaleMin + c.span)));
  const scoredArb = criteriaArb.chain((cs) =>
    fc.tuple(
      fc.constant(cs),
      fc.tuple(...cs.map((c) => fc.oneof(fc.integer({ min: c.scaleMin, max: c.scaleMax }), fc.constant(NOT_ASSESSABLE)))),
    ),
  );

  it("'not assessable' never lowers or raises the score as a 0 would (property)", () => {
    fc.assert(
      fc.property(scoredArb, ([cs, values]) => {
        const answers = cs.map((c, i) => answer(c.id, values[i]!));
        const score = assessmentScore(cs, answers);
        const asMin = assessmentScore(
          cs,
          cs.map((c, i) => answer(c.id, values[i] === NOT_ASSESSABLE ? c.scaleMin : values[i]!)),
        );
        const answered = answers.filter((a) => a.value !== NOT_ASSESSABLE);
        // Equal to the score over the answered criteria alone.
        expect(score).toBe(answered.length === 0 ? null : assessmentScore(cs, answered));
        // Counting a not-assessable criterion as the bottom of its scale could only pull the score down.
        if (score !== null && asMin !== null) expect(asMin).toBeLessThanOrEqual(score);
      }),
    );
  });

  it("lies between the lowest and the highest normalised criterion score, within 0–100 (property)", () => {
    fc.assert(
      fc.property(scoredArb, ([cs, values]) => {
        const answers = cs.map((c, i) => answer(c.id, values[i]!));
        const normalised = cs.flatMap((c, i) => (values[i] === NOT_ASSESSABLE ? [] : [normalisedHundredths(c, values[i] as number)]));
        const score = assessmentScore(cs, answers);
        if (normalised.length === 0) {
          expect(score).toBeNull();
          return;
        }
        // Normalised values are rounded; the exact score lies within the exact ones, so allow the half-hundredth.
        expect(score!).toBeGreaterThanOrEqual(Math.min(...normalised) - 1);
        expect(score!).toBeLessThanOrEqual(Math.max(...normalised) + 1);
        expect(score!).toBeGreaterThanOrEqual(0);
        expect(score!).toBeLessThanOrEqual(10_000);
      }),
    );
  });

  it("does not depend on the order of the criteria or the answers (property)", () => {
    fc.assert(
      fc.property(scoredArb, fc.integer(), ([cs, values], seed) => {
        const answers = cs.map((c, i) => answer(c.id, values[i]!));
        const shuffle = <T,>(list: T[]) => list.map((v, i) => [((seed + 1) * (i + 7919)) % 104729, v] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v);
        expect(assessmentScore(shuffle([...cs]), shuffle([...answers]))).toBe(assessmentScore(cs, answers));
      }),
    );
  });
});

describe("checkAnswers and checkCriteria", () => {
  const criteria = [criterion("a", 1), criterion("b", 1)];
  it("lets a draft leave criteria open but not a submission", () => {
    expect(checkAnswers(criteria, [answer("a", 3)], "draft")).toEqual([]);
    expect(checkAnswers(criteria, [answer("a", 3)], "submission")).toEqual([{ code: "unanswered", criterionId: "b" }]);
    expect(checkAnswers(criteria, [answer("a", 3), answer("b", NOT_ASSESSABLE)], "submission")).toEqual([]);
  });
  it("finds unknown, duplicate and off-scale answers", () => {
    expect(checkAnswers(criteria, [answer("x", 1), answer("a", 1), answer("a", 7)], "draft")).toEqual([
      { code: "unknownCriterion", criterionId: "x" },
      { code: "duplicateAnswer", criterionId: "a" },
      { code: "notOnScale", criterionId: "a", scaleMin: 0, scaleMax: 5 },
    ]);
  });
  it("refuses a criterion without weight or with an empty scale", () => {
    expect(checkCriteria([criterion("a", 0), criterion("b", 1, 3, 3)])).toEqual([
      { code: "weightNotPositive", criterionId: "a" },
      { code: "scaleInvalid", criterionId: "b" },
    ]);
  });
  it("requires a comment at the ends of the scale only", () => {
    expect(commentRequired(criterion("a", 1), 0)).toBe(true);
    expect(commentRequired(criterion("a", 1), 5)).toBe(true);
    expect(commentRequired(criterion("a", 1), 3)).toBe(false);
    expect(commentRequired(criterion("a", 1), NOT_ASSESSABLE)).toBe(false);
  });
});

describe("applicationScore", () => {
  const submitted = (scoreHundredths: number | null, recused = false): CountedAssessment => ({ submitted: true, recused, scoreHundredths });

  it("is the mean of the submitted, non-recused assessments, rounded half up", () => {
    const result = applicationScore([submitted(7_000), submitted(7_001), { submitted: false, recused: false, scoreHundredths: 0 }, submitted(0, true)], null);
    expect(result).toMatchObject({ scoreHundredths: 7_001, source: "mean", countedAssessments: 2, spreadHundredths: 1, disagreement: false });
  });

  it("leaves out a submitted assessment without any assessable criterion", () => {
    expect(applicationScore([submitted(6_000), submitted(null)], null)).toMatchObject({ scoreHundredths: 6_000, countedAssessments: 1 });
  });

  it("flags a disagreement above the spread (25 points by default), not at it", () => {
    expect(applicationScore([submitted(5_000), submitted(7_500)], null).disagreement).toBe(false);
    expect(applicationScore([submitted(5_000), submitted(7_501)], null).disagreement).toBe(true);
    expect(applicationScore([submitted(5_000), submitted(6_001)], null, 1_000).disagreement).toBe(true);
  });

  it("a recused assessor's score leaves the flag and the mean", () => {
    expect(applicationScore([submitted(5_000), submitted(9_900, true), submitted(5_500)], null)).toMatchObject({
      scoreHundredths: 5_250,
      disagreement: false,
    });
  });

  it("counts a recorded consensus instead of the mean, and keeps the mean beside it", () => {
    const result = applicationScore([submitted(4_000), submitted(8_000)], { scoreHundredths: 6_500, reason: "Drøftet i panelet" });
    expect(result).toMatchObject({ scoreHundredths: 6_500, source: "consensus", meanHundredths: 6_000, disagreement: true });
  });

  it("has no score before any assessment is submitted", () => {
    expect(applicationScore([], null)).toMatchObject({ scoreHundredths: null, source: "none", spreadHundredths: null, disagreement: false });
  });

  it("refuses a consensus without a reason or off the 0–100 range", () => {
    expect(checkConsensus({ scoreHundredths: 10_001, reason: " " })).toEqual([{ code: "scoreOutOfRange" }, { code: "reasonMissing" }]);
    expect(() => applicationScore([], { scoreHundredths: 5_000, reason: "" })).toThrow(RangeError);
  });

  it("does not depend on the order of the assessments and lies between their min and max (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }), (scores) => {
        const forward = applicationScore(scores.map((s) => submitted(s)), null);
        const backward = applicationScore([...scores].reverse().map((s) => submitted(s)), null);
        expect(backward).toEqual(forward);
        expect(forward.scoreHundredths!).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(forward.scoreHundredths!).toBeLessThanOrEqual(Math.max(...scores));
      }),
    );
  });
});

describe("priority", () => {
  const prioritisation = [
    { focusAreaId: "digital", weightHundredths: 150 },
    { focusAreaId: "green", weightHundredths: 80 },
  ];
  it("multiplies the score by the primary focus area's weight, exactly", () => {
    expect(priorityOf(7_325, focusAreaWeight("digital", prioritisation).weightHundredths)).toBe(1_098_750); // 109,875 points
    expect(priorityOf(7_325, focusAreaWeight("green", prioritisation).weightHundredths)).toBe(586_000); // 58,6 points
  });
  it("gives a focus area outside the prioritisation (or none) the neutral weight 1,00", () => {
    expect(focusAreaWeight("other", prioritisation)).toEqual({ weightHundredths: 100, prioritised: false });
    expect(focusAreaWeight(null, prioritisation)).toEqual({ weightHundredths: 100, prioritised: false });
    expect(priorityOf(7_325, focusAreaWeight("other", prioritisation).weightHundredths)).toBe(732_500);
  });
});
