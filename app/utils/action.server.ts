// The one way a route action runs a mutation for a validated form submission.
import type { SubmissionResult } from "@conform-to/react";
import type { Submission } from "@conform-to/dom";
import { data } from "react-router";
import { FieldError, PermissionError } from "~/services/mutation.server";

export type ActionReply = { result: SubmissionResult<string[]> };

/** 400 with the form's errors (nothing was changed). */
export function invalid(submission: Submission<unknown>, fieldErrors?: Record<string, string[]>) {
  return data({ result: submission.reply(fieldErrors ? { fieldErrors } : undefined) }, { status: 400 });
}

/**
 * Runs the work; a FieldError becomes a 400 reply with the message next to its
 * field, a PermissionError a 403/404 response. Anything else propagates (500).
 */
export async function attempt<T>(
  submission: Submission<unknown>,
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: ReturnType<typeof invalid> }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof FieldError) {
      return { ok: false, response: invalid(submission, { [error.field]: [error.messageKey] }) };
    }
    if (error instanceof PermissionError) {
      throw data({ message: error.message }, { status: error.status });
    }
    throw error;
  }
}
