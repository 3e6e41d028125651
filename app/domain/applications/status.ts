// The application's life cycle (ansøgningens forløb) in one place: which
// statuses exist, which transitions lead from which status to which. Every
// status change goes through nextStatus(): a mutation computes the new status
// here and refuses when the transition is not allowed. See
// docs/decisions/019-applications-house.md.

export const APPLICATION_STATUSES = [
  "DRAFT", // kladde
  "SUBMITTED", // indsendt (venter på indstilling)
  "RETURNED", // sendt tilbage til ændringer
  "ENDORSED", // indstillet af forvaltningschefen
  "SCREENED", // formelt vurderet: opfylder kriterierne
  "NOT_ELIGIBLE", // formelt vurderet: opfylder ikke kriterierne
  "ASSESSED", // fagligt vurderet
  "GRANTED", // bevilget
  "PARTLY_GRANTED", // delvist bevilget
  "REJECTED", // afslået
  "REPORTED", // afrapporteret
  "CLOSED", // afsluttet
  "WITHDRAWN", // trukket tilbage
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Every application starts as a draft. */
export const INITIAL_STATUS: ApplicationStatus = "DRAFT";

export type Transition =
  | "submit" // the applicant submits (again)
  | "return" // back to the applicant for changes
  | "endorse" // the area lead endorses (or the secretariat on the lead's behalf)
  | "screenEligible" // the secretariat's formal screening: eligible
  | "screenNotEligible" // the secretariat's formal screening: not eligible
  | "assess" // the professional assessment
  | "grant" // decided: granted in full
  | "grantPartly" // decided: granted in part
  | "reject" // decided: rejected
  | "report" // the grant's use is reported
  | "close" // the case is closed
  | "withdraw"; // the applicant withdraws

/** Each transition: the statuses it leaves from, and the one it leads to. */
const MACHINE: Record<Transition, { from: readonly ApplicationStatus[]; to: ApplicationStatus }> = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED" },
  return: { from: ["SUBMITTED", "ENDORSED", "SCREENED"], to: "RETURNED" },
  endorse: { from: ["SUBMITTED"], to: "ENDORSED" },
  screenEligible: { from: ["ENDORSED"], to: "SCREENED" },
  screenNotEligible: { from: ["ENDORSED"], to: "NOT_ELIGIBLE" },
  assess: { from: ["SCREENED"], to: "ASSESSED" },
  grant: { from: ["ASSESSED"], to: "GRANTED" },
  grantPartly: { from: ["ASSESSED"], to: "PARTLY_GRANTED" },
  reject: { from: ["ASSESSED"], to: "REJECTED" },
  report: { from: ["GRANTED", "PARTLY_GRANTED"], to: "REPORTED" },
  close: { from: ["NOT_ELIGIBLE", "REJECTED", "REPORTED"], to: "CLOSED" },
  withdraw: { from: ["DRAFT", "SUBMITTED", "RETURNED", "ENDORSED", "SCREENED", "ASSESSED"], to: "WITHDRAWN" },
};

export const TRANSITIONS = Object.keys(MACHINE) as Transition[];

export function canTransition(status: ApplicationStatus, transition: Transition): boolean {
  return MACHINE[transition].from.includes(status);
}

/** The status the transition leads to from this status; null when it is not allowed. */
export function nextStatus(status: ApplicationStatus, transition: Transition): ApplicationStatus | null {
  return canTransition(status, transition) ? MACHINE[transition].to : null;
}

/** The applicant may change the content only of a draft or a returned application. */
export function isEditable(status: ApplicationStatus): boolean {
  return status === "DRAFT" || status === "RETURNED";
}

/** Decided: the grant decision is made (whatever came after it). */
export function isDecided(status: ApplicationStatus): boolean {
  return status === "GRANTED" || status === "PARTLY_GRANTED" || status === "REJECTED" || status === "REPORTED" || status === "CLOSED";
}

/** Reached the secretariat: endorsed, and not yet decided. */
export function isWithSecretariat(status: ApplicationStatus): boolean {
  return status === "ENDORSED" || status === "SCREENED" || status === "ASSESSED";
}

/**
 * Whether the application's requested amount counts in "søgt i alt" — in the
 * list's total and in the statistics alike: every application that has been
 * submitted and not withdrawn. A draft is not applied for yet (its amount may
 * be being edited); a withdrawn one is no longer applied for.
 */
export function countsTowardsRequested(status: ApplicationStatus): boolean {
  return status !== "DRAFT" && status !== "WITHDRAWN";
}

/** The statuses that count towards the requested total, in the life cycle's order. */
export const REQUESTED_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter(countsTowardsRequested);

/**
 * Until when an application in this status can be submitted: a first submission
 * while the round is open, a resubmission of a returned one until the
 * endorsement deadline (the area lead still has time to endorse it).
 */
export function submissionDeadline(status: ApplicationStatus, round: { closesAt: Date; endorsementDeadline: Date }): Date {
  return status === "RETURNED" && round.endorsementDeadline > round.closesAt ? round.endorsementDeadline : round.closesAt;
}
