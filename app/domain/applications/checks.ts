// The application's rules that need more than its content: the references it
// may make (focus areas, partner areas, unit), the round's deadlines, the
// screening's verdicts, the endorsement, and which actions a viewer is offered.
// Every check returns all the problems it finds, with typed values. Pure: the
// services load what the checks need and act on their answer.
import { applicantUnitIds, can, scopeFilter, type PermissionSubject } from "../permissions";
import { roundStatus } from "../rounds";
import { screeningSummary, type Verdict } from "../screening/engine";
import { draftProblems, type ApplicationContent } from "./content";
import type { Problem } from "./problems";
import { canTransition, isEditable, submissionDeadline, type ApplicationStatus } from "./status";
import { applicationRecordScope, type ApplicationPlace } from "./visibility";

export interface ReferenceContext {
  /** Focus areas that may be chosen: the year's current prioritisation, plus those already on the application. */
  allowedFocusAreaIds: ReadonlySet<string>;
  /** Areas that may be partners: active ones, plus those already on the application. */
  allowedPartnerAreaIds: ReadonlySet<string>;
}

/** Problems with the content's references (focus areas, partner areas, unit) and sizes. Empty = storable. */
export function referenceProblems(
  content: ApplicationContent,
  context: ReferenceContext,
  app: { status: ApplicationStatus; unitId: string },
  user: PermissionSubject,
  targetAreaId: string,
): Problem[] {
  const problems: Problem[] = [];
  if (content.unitId && content.unitId !== app.unitId) {
    if (app.status !== "DRAFT") problems.push({ field: "unitId", key: "applications.error.unitLocked" });
    else if (!applicantUnitIds(user).includes(content.unitId)) problems.push({ field: "unitId", key: "validation.choose" });
  }
  if (content.focusAreaIds.some((id) => !context.allowedFocusAreaIds.has(id))) {
    problems.push({ field: "focusAreaIds", key: "applications.error.focusAreaNotPrioritised" });
  }
  if (content.primaryFocusAreaId && !content.focusAreaIds.includes(content.primaryFocusAreaId)) {
    problems.push({ field: "primaryFocusAreaId", key: "applications.error.primaryNotChosen" });
  }
  if (content.partnerAreaIds.includes(targetAreaId)) {
    problems.push({ field: "partnerAreaIds", key: "applications.error.partnerOwnArea" });
  } else if (content.partnerAreaIds.some((id) => !context.allowedPartnerAreaIds.has(id))) {
    problems.push({ field: "partnerAreaIds", key: "validation.invalid" });
  }
  problems.push(...draftProblems(content));
  return problems;
}

export interface RoundDates {
  opensAt: Date;
  closesAt: Date;
  endorsementDeadline: Date;
  decisionDate: Date;
}

/**
 * Why the round does not take this submission now, or null. A first submission
 * only while the round is open; a returned application may be submitted again
 * after closing, until the endorsement deadline (returns are allowed after
 * closing, and the area lead must still be able to endorse it).
 */
export function roundClosedProblem(round: RoundDates, applicationStatus: ApplicationStatus, now: Date): Problem | null {
  const status = roundStatus(round, now);
  if (status === "open") return null;
  if (status === "planned") return { field: "", key: "applications.error.roundNotYetOpen", vars: { opensAt: round.opensAt } };
  if (applicationStatus === "RETURNED") {
    const deadline = submissionDeadline(applicationStatus, round);
    if (now <= deadline) return null;
    return { field: "", key: "applications.error.resubmissionDeadlinePassed", vars: { deadline } };
  }
  return { field: "", key: "applications.error.roundClosed", vars: { closedAt: round.closesAt } };
}

/** Every failed hard rule (the edge names and explains it), and a missing justification of warnings. */
export function screeningProblems(verdicts: readonly Verdict[], justification: string): Problem[] {
  const problems: Problem[] = verdicts
    .filter((verdict) => verdict.outcome === "fail")
    .map((verdict) => ({ field: "", key: "applications.error.hardRule", verdict }));
  if (screeningSummary(verdicts).warnings > 0 && !justification.trim()) {
    problems.push({ field: "softRuleJustification", key: "applications.error.justificationRequired" });
  }
  return problems;
}

/** The secretariat returns with a pool-wide grant; an area lead only within the area, and only until the endorsement deadline. */
export function returnsWithoutDeadline(user: PermissionSubject): boolean {
  return scopeFilter(user, "application:return").kind === "all";
}

/** Areas the user leads (AREA_LEAD grants with an area). */
export function leadAreaIds(user: PermissionSubject): string[] {
  return [...new Set(user.roles.filter((g) => g.role === "AREA_LEAD" && g.areaId).map((g) => g.areaId!))];
}

export interface EndorsementCase {
  status: ApplicationStatus;
  createdById: string;
  endorsementDeadline: Date;
}

/**
 * Why the area lead cannot endorse now, or none: only a submitted application,
 * never one's own (the endorsement is the area's independent view), and only
 * until the endorsement deadline.
 */
export function endorsementProblems(app: EndorsementCase, userId: string, now: Date): Problem[] {
  if (!canTransition(app.status, "endorse")) return [{ field: "", key: "applications.error.cannotEndorse" }];
  const problems: Problem[] = [];
  if (app.createdById === userId) problems.push({ field: "", key: "applications.error.cannotEndorseOwn" });
  if (now > app.endorsementDeadline) problems.push({ field: "", key: "applications.error.endorsementDeadlinePassed", vars: { deadline: app.endorsementDeadline } });
  return problems;
}

/**
 * Why the secretariat cannot endorse on the area lead's behalf now, or none:
 * only a submitted application, until the endorsement deadline, with a reason
 * (the timeline shows it). The secretariat's own applications are never its own
 * to endorse: it has no applicant role in the unit.
 */
export function endorsementOnBehalfProblems(app: EndorsementCase, userId: string, reason: string, now: Date): Problem[] {
  if (!canTransition(app.status, "endorse")) return [{ field: "", key: "applications.error.cannotEndorse" }];
  const problems: Problem[] = [];
  if (app.createdById === userId) problems.push({ field: "", key: "applications.error.cannotEndorseOwn" });
  if (now > app.endorsementDeadline) problems.push({ field: "", key: "applications.error.endorsementDeadlinePassed", vars: { deadline: app.endorsementDeadline } });
  if (!reason.trim()) problems.push({ field: "reason", key: "applications.error.onBehalfReasonRequired" });
  return problems;
}

/** A rank among the area's endorsed applications: a whole number from 1. */
export function endorsementRankProblem(rank: number | null): Problem | null {
  if (rank === null || (Number.isSafeInteger(rank) && rank >= 1)) return null;
  return { field: "rank", key: "applications.error.rankPositive" };
}

export interface ActionCase extends ApplicationPlace {
  createdById?: string;
  round?: { endorsementDeadline: Date };
}

/**
 * Which actions a viewer may take on an application now (the server checks
 * again on submit). Given the creator, an area lead is not offered to endorse
 * their own application; given the round, an area lead is not offered to
 * return after the endorsement deadline, and the secretariat is offered to
 * endorse on the lead's behalf only until it.
 */
export function availableActions(user: PermissionSubject, app: ActionCase, now: Date = new Date()) {
  const scope = applicationRecordScope(app);
  const mayEdit = can(user, "application:edit", scope);
  const deadlinePassed = !!app.round && now > app.round.endorsementDeadline;
  const own = app.createdById === user.id;
  return {
    edit: mayEdit && isEditable(app.status),
    submit: mayEdit && canTransition(app.status, "submit"),
    withdraw: mayEdit && canTransition(app.status, "withdraw"),
    endorse: can(user, "application:endorse", scope) && canTransition(app.status, "endorse") && !own,
    endorseOnBehalf: can(user, "application:endorseOnBehalf", scope) && canTransition(app.status, "endorse") && !own && !deadlinePassed,
    return: can(user, "application:return", scope) && canTransition(app.status, "return") && !(deadlinePassed && !returnsWithoutDeadline(user)),
  };
}
