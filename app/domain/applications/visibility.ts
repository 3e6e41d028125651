// Who sees an application, by where it stands: the rule behind every read
// check, list, statistic and audit view of applications. Pure: no framework
// imports. See docs/decisions/015-scope-of-applications-and-audit.md.
import type { RecordScope } from "../permissions";
import type { ApplicationStatus } from "./status";

export interface ApplicationPlace {
  /** The unit's current area (Application.areaId follows the unit when it moves). */
  areaId: string;
  unitId: string;
  status: ApplicationStatus;
  /** The first submission; kept through returns and withdrawal. Absent = not known (treated as never). */
  submittedAt?: Date | null;
}

/**
 * A draft is the applying unit's work in progress until it is submitted the
 * first time: only the unit's own users see it. That includes a draft that was
 * withdrawn without ever being submitted. A returned application was submitted
 * once, so it stays visible to those who saw it.
 */
export function isUnitPrivate(app: Pick<ApplicationPlace, "status" | "submittedAt">): boolean {
  if (app.status === "DRAFT") return true;
  return app.status === "WITHDRAWN" && !app.submittedAt;
}

/** The organisational place of an application, for permission checks (can, requireRecordAccess). */
export function applicationRecordScope(app: ApplicationPlace): RecordScope {
  return { areaId: app.areaId, unitId: app.unitId, unitPrivate: isUnitPrivate(app) };
}
