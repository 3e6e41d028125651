// One problem type for the applications feature: what a check found, next to
// which form field ("" = the whole form), as a message key with typed values
// (Ore as bigint, moments as Date, a screening verdict). Checks return every
// problem they find; the edge (app/utils/action.server.ts) formats and
// translates them in the reader's language. Pure: no framework imports.
import type { MessageKey } from "~/i18n";
import type { Verdict } from "../screening/engine";

/** A value a message quotes: formatted at the edge (bigint = øre → money, Date → date and time). */
export type ProblemValue = string | number | bigint | Date;

export interface Problem {
  field: string;
  key: MessageKey;
  vars?: Record<string, ProblemValue>;
  /** A failed screening rule: the edge names the rule and explains the verdict. */
  verdict?: Verdict;
}
