// The one way a mutation changes an application's status: the status machine
// (app/domain/applications/status.ts) computes the new one, or the change is
// refused with the given message.
import { nextStatus, type ApplicationStatus, type Transition } from "~/domain/applications/status";
import type { MessageKey } from "~/i18n";
import { FieldError } from "../mutation.server";

/** The status `transition` leads to from `status`; a FieldError on the whole form when it is not allowed. */
export function requireTransition(status: ApplicationStatus, transition: Transition, refusal: MessageKey): ApplicationStatus {
  const next = nextStatus(status, transition);
  if (!next) throw new FieldError("", refusal);
  return next;
}
