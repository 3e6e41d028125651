// The one way a route action runs a mutation for a validated form submission.
import type { SubmissionResult } from "@conform-to/react";
import type { Submission } from "@conform-to/dom";
import { data } from "react-router";
import { formatMoney, translate, type Lang } from "~/i18n";
import { FieldError, PermissionError } from "~/services/mutation.server";

export type ActionReply = { result: SubmissionResult<string[]> };

/** 400 with the form's errors (nothing was changed). */
export function invalid(submission: Submission<unknown>, fieldErrors?: Record<string, string[]>) {
  return data({ result: submission.reply(fieldErrors ? { fieldErrors } : undefined) }, { status: 400 });
}

/** Message variables: "…Ore" values (øre as a string) also appear formatted as money under the name without "Ore". */
export function formatErrorVars(vars: Record<string, string | number>, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = { ...vars };
  for (const [key, value] of Object.entries(vars)) {
    if (key.endsWith("Ore") && /^-?\d+$/.test(String(value))) out[key.slice(0, -3)] = formatMoney(BigInt(value), lang);
  }
  return out;
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
