// When a password is good enough. The strength itself is estimated on the
// server (zxcvbn-ts, see ~/utils/password.server); this file holds the rule
// and turns the estimator's findings into a reason a person can act on.

export const MIN_PASSWORD_LENGTH = 10;

/**
 * The estimator's score, 0–4. 3 means about 10^8 guesses or more: out of reach
 * for guessing online and costly offline against argon2id.
 */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordProblem = "tooShort" | "common" | "repeated" | "pattern" | "dates" | "personal" | "weak";

export interface PasswordEstimate {
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: number;
  /** The estimator's main warning, e.g. "topHundred", "simpleRepeat", "keyPattern"; null if none. */
  warning: string | null;
}

// Warning keys of @zxcvbn-ts/core 4 grouped by what the person should change.
const REASON_OF_WARNING: ReadonlyMap<string, PasswordProblem> = new Map([
  ["topTen", "common"],
  ["topHundred", "common"],
  ["common", "common"],
  ["similarToCommon", "common"],
  ["pwned", "common"],
  ["simpleRepeat", "repeated"],
  ["extendedRepeat", "repeated"],
  ["straightRow", "pattern"],
  ["keyPattern", "pattern"],
  ["sequences", "pattern"],
  ["recentYears", "dates"],
  ["dates", "dates"],
  ["userInputs", "personal"],
  ["wordByItself", "personal"],
  ["namesByThemselves", "personal"],
  ["commonNames", "personal"],
]);

/**
 * What is wrong with a password, or null if it may be used. `estimate` is
 * asked for only when the length is fine.
 */
export function passwordProblem(password: string, estimate: (password: string) => PasswordEstimate): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "tooShort";
  const { score, warning } = estimate(password);
  if (score >= MIN_PASSWORD_SCORE) return null;
  return (warning !== null ? REASON_OF_WARNING.get(warning) : undefined) ?? "weak";
}
