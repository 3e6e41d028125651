// Pager for list screens: plain links that keep the current search params, so
// it works without JavaScript and every page can be bookmarked.
import { Link, useLocation } from "react-router";
import { useT } from "~/utils/i18n";

export function Pagination({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params.toString()}`;
  };
  return (
    <nav className="pagination kp-pagination" aria-label={t("common.pageOf", { page, pages })}>
      <ul className="pagination__items unstyled-list kp-actions">
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} className="button button-secondary" rel="prev">
              {t("common.previous")}
            </Link>
          </li>
        ) : null}
        <li aria-current="page">{t("common.pageOf", { page, pages })}</li>
        {page < pages ? (
          <li>
            <Link to={hrefFor(page + 1)} className="button button-secondary" rel="next">
              {t("common.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
