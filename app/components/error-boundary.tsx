import { isRouteErrorResponse, useRouteError } from "react-router";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";

const KNOWN = new Set([400, 401, 403, 404, 409, 413]);

/** Danish error page for thrown responses and unexpected errors. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = (KNOWN.has(status) ? `error.${status}` : "error.500") as MessageKey;
  if (status >= 500 && typeof console !== "undefined") console.error(error);
  return (
    <div className="kp-error" data-status={status}>
      <h1>{t("error.title")}</h1>
      <div className="alert alert-error" role="alert">
        <div className="alert-body">
          <p className="alert-text">{t(key)}</p>
        </div>
      </div>
      <p>
        <a href="/">{t("error.backHome")}</a>
      </p>
    </div>
  );
}
