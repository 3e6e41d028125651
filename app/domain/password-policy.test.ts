import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, passwordProblem, type PasswordEstimate } from "./password-policy";

const estimate = (result: PasswordEstimate) => () => result;

describe("passwordProblem", () => {
  it("refuses a short password without asking the estimator", () => {
    const never = () => {
      throw new Error("not asked");
    };
    expect(passwordProblem("x".repeat(MIN_PASSWORD_LENGTH - 1), never)).toBe("tooShort");
    // Characters, not UTF-16 units: nine emoji are nine characters.
    expect(passwordProblem("😀".repeat(MIN_PASSWORD_LENGTH - 1), never)).toBe("tooShort");
  });

  it("accepts a long password the estimator finds hard enough", () => {
    expect(passwordProblem("a".repeat(20), estimate({ score: MIN_PASSWORD_SCORE, warning: null }))).toBeNull();
    expect(passwordProblem("a".repeat(20), estimate({ score: 4, warning: "recentYears" }))).toBeNull();
  });

  it("names the reason from the estimator's warning", () => {
    const weak = (warning: string | null) => passwordProblem("a".repeat(12), estimate({ score: MIN_PASSWORD_SCORE - 1, warning }));
    expect(weak("topHundred")).toBe("common");
    expect(weak("simpleRepeat")).toBe("repeated");
    expect(weak("keyPattern")).toBe("pattern");
    expect(weak("sequences")).toBe("pattern");
    expect(weak("recentYears")).toBe("dates");
    expect(weak("userInputs")).toBe("personal");
    expect(weak(null)).toBe("weak");
    expect(weak("somethingNew")).toBe("weak");
    expect(weak("__proto__")).toBe("weak");
  });
});
