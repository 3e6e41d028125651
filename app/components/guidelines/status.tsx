import type { GuidelineStatus } from "~/domain/guidelines";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";

const STATUS_BADGE: Record<GuidelineStatus, string> = { DRAFT: "badge badge-info", ADOPTED: "badge badge-success", SUPERSEDED: "badge" };

/** Udkast / Gældende / Erstattet, as a DKFDS badge (dark text on a light colour, or white on grey). */
export function StatusBadge({ status }: { status: GuidelineStatus }) {
  const t = useT();
  return <span className={STATUS_BADGE[status]}>{t(`guidelines.status.${status}` as MessageKey)}</span>;
}
