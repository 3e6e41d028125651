// The one way a route action runs a mutation for a validated form submission.
import type { Submission } from "@conform-to/dom";
import { data } from "react-router";
import { formatDate, formatMoney, translate, type Lang } from "~/i18n";
import { FieldError, PermissionError, type FieldProblem } from "~/services/mutation.server";

/** 400 with the form's errors (nothing was changed). */
export function invalid(submission: Submission<unknown>, fieldErrors?: Record<string, string[]>) {
  return data({ result: submission.reply(fieldErrors ? { fieldErrors } : undefined) }, { status: 400 });
}

/**
 * Message variables, formatted at the edge in the user's language: "…Ore" values
 * (øre as a string) also appear as money under the name without "Ore", and "…On"
 * values (a date, yyyy-mm-dd) as a date under the name without "On". Services
 * pass typed values this way and never format text themselves.
 */
export function formatErrorVars(vars: Record<string, string | number>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = { ...vars };
  for (const [key, value] of Object.entries(vars)) {
    const text = String(value);
    if (key.endsWith("Ore") && /^-?\d+$/.test(text)) out[key.slice(0, -3)] = formatMoney(BigInt(text), lang);
    else if (key.endsWith("On") && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
      out[key.slice(0, -2)] = formatDate(new Date(`${text}T00:00:00.000Z`), lang, { dateOnly: true });
    }
  }
  return out;
}

/** Problems → Conform field errors, translated ("…Ore" vars become money). */
export function fieldErrorsOf(problems: readonly FieldProblem[], lang: Lang): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) {
    const message = problem.vars ? translate(lang, problem.key, formatErrorVars(problem.vars, lang)) : problem.key;
    const list = (errors[problem.field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return errors;
}

/**
 * Runs the work; a FieldError becomes a 400 reply with the message next to its
 * field, a PermissionError a 403/404 response. Anything else propagates (500).
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
