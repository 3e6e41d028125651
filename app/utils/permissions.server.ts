// Server-side permission checks. Every loader and action calls one of these
// before it touches data. Pages outside the user's rights answer 403; records
// outside the user's scope answer 404, so their existence does not leak.
import { data } from "react-router";
import { can, type Action, type RecordScope } from "~/domain/permissions";
import { requireUser, type SessionUser } from "./session.server";

export function forbidden(): never {
  throw data({ message: "forbidden" }, { status: 403 });
}

export function notFound(): never {
  throw data({ message: "not found" }, { status: 404 });
}

/** The logged-in user, who must be allowed the action at least somewhere. */
export async function requireUserWith(request: Request, action: Action): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, action)) forbidden();
  return user;
}

/** 404 unless the record exists and lies inside the user's scope for the action. */
export function requireRecordAccess<T>(
  user: SessionUser,
  action: Action,
  record: T | null | undefined,
  scopeOf: (record: T) => RecordScope,
): T {
  if (!record || !can(user, action, scopeOf(record))) notFound();
  return record;
}
