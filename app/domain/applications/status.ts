// The application's life cycle (ansøgningens forløb) in one place: which
// transitions exist, from which states, and who may take them.

export const APPLICATION_STATUSES = [
  "DRAFT", // kladde
  "SUBMITTED", // indsendt (venter på indstilling)
  "RETURNED", // sendt tilbage til ændringer
  "ENDORSED", // indstillet af forvaltningschefen
  "SCREENED", // formelt vurderet
  "ASSESSED", // fagligt vurderet
  "DECIDED", // afgjort
  "WITHDRAWN", // trukket tilbage
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type Transition = "submit" | "return" | "endorse" | "withdraw";

const FROM: Record<Transition, readonly ApplicationStatus[]> = {
  submit: ["DRAFT", "RETURNED"],
  return: ["SUBMITTED", "ENDORSED", "SCREENED"],
  endorse: ["SUBMITTED"],
  withdraw: ["DRAFT", "SUBMITTED", "RETURNED", "ENDORSED", "SCREENED", "ASSESSED"],
};

const TO: Record<Transition, ApplicationStatus> = {
  submit: "SUBMITTED",
  return: "RETURNED",
  endorse: "ENDORSED",
  withdraw: "WITHDRAWN",
};

export function canTransition(status: ApplicationStatus, transition: Transition): boolean {
  return FROM[transition].includes(status);
}

export function nextStatus(status: ApplicationStatus, transition: Transition): ApplicationStatus | null {
  return canTransition(status, transition) ? TO[transition] : null;
}

/** The applicant may change the content only of a draft or a returned application. */
export function isEditable(status: ApplicationStatus): boolean {
  return status === "DRAFT" || status === "RETURNED";
}

/** Statuses in which the application waits for someone other than the applicant. */
export function isInProgress(status: ApplicationStatus): boolean {
  return status === "SUBMITTED" || status === "ENDORSED" || status === "SCREENED" || status === "ASSESSED";
}

/**
 * Until when an application in this status can be submitted: a first submission
 * while the round is open, a resubmission of a returned one until the
 * endorsement deadline (the area lead still has time to endorse it).
 */
export function submissionDeadline(status: ApplicationStatus, round: { closesAt: Date; endorsementDeadline: Date }): Date {
  return status === "RETURNED" && round.endorsementDeadline > round.closesAt ? round.endorsementDeadline : round.closesAt;
}
