// Error pages: a Danish heading and message per status, with a way on. The
// root's boundary serves every route (the app's routes are flat, so the shell
// with the menu stays); a route may pass its own texts per status, e.g. "Ansøgningen
// findes ikke" on an application's pages.
import { isRouteErrorResponse, useRouteError } from "react-router";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";
import { Alert } from "~/components/ui/alert";

/** The statuses with their own heading and text; anything else is shown as 500. */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 429, 500] as const;
type KnownStatus = (typeof ERROR_STATUSES)[number];

function knownStatus(status: number): KnownStatus {
  return (ERROR_STATUSES as readonly number[]).includes(status) ? (status as KnownStatus) : 500;
}

export type StatusTexts = Partial<Record<KnownStatus, { heading?: MessageKey; text: MessageKey }>>;

export function GeneralErrorBoundary({ statusTexts = {} }: { statusTexts?: StatusTexts }) {
  const error = useRouteError();
  const t = useT();
  const raw = isRouteErrorResponse(error) ? error.status : 500;
  const status = knownStatus(raw);
  if (raw >= 500 && typeof console !== "undefined") console.error(error);
  const own = Object.hasOwn(statusTexts, status) ? statusTexts[status] : undefined;
  const heading = own?.heading ?? (`error.heading.${status}` as MessageKey);
  const text = own?.text ?? (`error.${status}` as MessageKey);
  return (
    <div className="kp-error" data-status={raw}>
      <h1 tabIndex={-1}>{t(heading)}</h1>
      <Alert variant="error" role="alert">
        <p className="alert-text">{t(text)}</p>
      </Alert>
      <ul className="nobullet-list">
        {status === 401 ? (
          <li>
            <a href="/login">{t("error.login")}</a>
          </li>
        ) : null}
        <li>
          <a href="/">{t("error.backHome")}</a>
        </li>
      </ul>
    </div>
  );
}
