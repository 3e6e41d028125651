// The application's status as a Danish label (text first; colour only adds to it).
import type { ApplicationStatus } from "~/domain/applications/status";
import { useT } from "~/utils/i18n";

const BADGE: Record<ApplicationStatus, string> = {
  DRAFT: "badge",
  SUBMITTED: "badge badge-info",
  RETURNED: "badge badge-warning",
  ENDORSED: "badge badge-info",
  SCREENED: "badge badge-info",
  NOT_ELIGIBLE: "badge badge-error",
  ASSESSED: "badge badge-info",
  GRANTED: "badge badge-success",
  PARTLY_GRANTED: "badge badge-success",
  REJECTED: "badge badge-error",
  REPORTED: "badge badge-success",
  CLOSED: "badge",
  WITHDRAWN: "badge",
};

export function ApplicationStatusLabel({ status }: { status: ApplicationStatus }) {
  const t = useT();
  return (
    <span className={BADGE[status]} data-testid="application-status" data-status={status}>
      {t(`applications.status.${status}`)}
    </span>
  );
}
