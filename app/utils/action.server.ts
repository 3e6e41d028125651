// The one way a route action runs a mutation for a validated form submission.
import type { Submission } from "@conform-to/dom";
import { data } from "react-router";
import type { Problem, ProblemValue } from "~/domain/applications/problems";
import { formatDate, formatDateTime, formatMoney, translate, type Lang } from "~/i18n";
import { explainVerdict, ruleName } from "~/i18n/screening";
import { formatFileSize } from "~/components/applications/attachment-messages";
import { FieldError, PermissionError, ProblemsError, type FieldProblem } from "~/services/mutation.server";

/** 400 with the form's errors (nothing was changed). */
export function invalid(submission: Submission<unknown>, fieldErrors?: Record<string, string[]>) {
  return data({ result: submission.reply(fieldErrors ? { fieldErrors } : undefined) }, { status: 400 });
}

/**
 * Message variables, formatted at the edge in the user's language (services
 * pass typed values and never format text themselves): a bigint is øre, shown
 * as money under the name without "Ore" ("totalOre" → "total"), as are "…Ore"
 * values given as a decimal string; "…On" values (a date, yyyy-mm-dd) appear as
 * a date under the name without "On", "…Bytes" values as a file size under the
 * name without "Bytes"; a Date is shown as date and time.
 */
export function formatErrorVars(vars: Record<string, ProblemValue>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(vars)) {
    if (value instanceof Date) out[key] = formatDateTime(value, lang);
    else if (typeof value === "bigint") {
      out[key] = value.toString();
      out[key.endsWith("Ore") ? key.slice(0, -3) : key] = formatMoney(value, lang);
    } else {
      out[key] = value;
      const text = String(value);
      if (key.endsWith("Ore") && /^-?\d+$/.test(text)) out[key.slice(0, -3)] = formatMoney(BigInt(text), lang);
      else if (key.endsWith("Bytes") && typeof value === "number") out[key.slice(0, -5)] = formatFileSize(value, lang);
      else if (key.endsWith("On") && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
        out[key.slice(0, -2)] = formatDate(new Date(`${text}T00:00:00.000Z`), lang, { dateOnly: true });
      }
    }
  }
  return out;
}

/** Problems → Conform field errors, translated ("…Ore" vars become money). */
export function fieldErrorsOf(problems: readonly FieldProblem[], lang: Lang): Record<string, string[]> {
  return problemErrors(
    problems.map((p) => ({ field: p.field, key: p.key, vars: p.vars })),
    lang,
  );
}

/** One problem as the sentence the reader sees, in their language. */
export function problemMessage(problem: Problem, lang: Lang): string {
  if (problem.verdict) {
    return translate(lang, problem.key, { ...formatErrorVars(problem.vars ?? {}, lang), rule: ruleName(problem.verdict, lang), reason: explainVerdict(problem.verdict, lang) });
  }
  return translate(lang, problem.key, problem.vars ? formatErrorVars(problem.vars, lang) : undefined);
}

/** Problems → Conform field errors ("" = the whole form): every problem next to its field, each sentence once. */
export function problemErrors(problems: readonly Problem[], lang: Lang): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) {
    // A message without values stays a key: the form translates it (as Zod's messages).
    const message = problem.vars || problem.verdict ? problemMessage(problem, lang) : problem.key;
    const list = (errors[problem.field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return errors;
}

/**
 * Runs the work; a ProblemsError becomes a 400 reply with every problem next
 * to its field, a FieldError one with the message next to its field, a PermissionError a 403/404 response. Anything else propagates (500).
 * A FieldError that quotes numbers ("Puljeåret 2026 findes allerede") is
 * translated here, in the user's language, so the numbers reach the field.
 */
export async function attempt<T>(
  submission: Submission<unknown>,
  work: () => Promise<T>,
  lang: Lang = "da",
): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof invalid> }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ProblemsError) {
      return { ok: false, response: invalid(submission, problemErrors(error.problems, lang)) };
    }
    if (error instanceof FieldError) {
      const message = error.vars ? translate(lang, error.messageKey, formatErrorVars(error.vars, lang)) : error.messageKey;
      return { ok: false, response: invalid(submission, { [error.field]: [message] }) };
    }
    if (error instanceof PermissionError) {
      throw data({ message: error.message }, { status: error.status });
    }
    throw error;
  }
}
