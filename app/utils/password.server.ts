// Passwords are hashed with argon2id (OWASP parameters: 19 MiB, 2 passes), and
// new ones are checked for strength with zxcvbn-ts (server only: its
// dictionaries are large and never go to the browser).
import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import { MIN_PASSWORD_LENGTH, passwordProblem, type PasswordProblem } from "~/domain/password-policy";

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(password: string, passwordHash: string | null): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so both paths take as long. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-0000");
  return dummyHash;
}

export { MIN_PASSWORD_LENGTH };

/** Words anyone would try against this application's users. */
const LOCAL_WORDS = ["kompetencepuljen", "kompetence", "aarhus", "århus", "kommune", "magistrat", "adgangskode", "kodeord", "password"];

// Longer passwords are cut for the estimate: its matching grows with the length.
const MAX_ESTIMATED_LENGTH = 100;

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // The dictionaries are loaded once per process (about 70 ms).
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, local: LOCAL_WORDS },
    graphs: zxcvbnCommon.adjacencyGraphs,
  });
  return estimator;
}

/**
 * What is wrong with a new password, or null if it may be used. `personal` are
 * the user's own details (e-mail, name): a password built from them is weak.
 */
export function newPasswordProblem(password: string, personal: readonly string[] = []): PasswordProblem | null {
  const userInputs = personal.flatMap((value) => value.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((part) => part.length >= 3);
  return passwordProblem(password, (candidate) => {
    const result = zxcvbn().check(candidate.slice(0, MAX_ESTIMATED_LENGTH), userInputs);
    return { score: result.score, warning: result.feedback.warning ?? null };
  });
}
