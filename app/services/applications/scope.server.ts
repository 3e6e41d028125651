// The organisational place of an application, for permission checks, and the
// acting user.
import type { RecordScope } from "~/domain/permissions";
import { applicationRecordScope, type ApplicationPlace } from "~/domain/applications/visibility";
import { prisma } from "~/utils/db.server";
import { PermissionError, type Actor } from "../mutation.server";

/** The organisational place of an application, for permission checks (a never-submitted draft is the unit's own). */
export function applicationScope(application: ApplicationPlace): RecordScope {
  return applicationRecordScope(application);
}

export function requireUser(actor: Actor) {
  if (!actor.user) throw new PermissionError(403);
  return actor.user;
}

/** The minimum to decide access: null when there is no such application. */
export async function findApplicationScope(id: string | undefined) {
  if (!id) return null;
  return prisma.application.findUnique({ where: { id }, select: { id: true, areaId: true, unitId: true, status: true, submittedAt: true } });
}
