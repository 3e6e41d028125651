// A sortable column header: a plain link (works without JavaScript) that keeps
// the list's filter in the URL; the active column carries aria-sort.
import { Link, useLocation } from "react-router";
import type { MessageKey } from "~/i18n";
import { useT } from "~/utils/i18n";
import { TRANSIENT_PARAMS, type ApplicationSort, type SortDirection } from "./schema";

/** The URL that sorts by `column`: the active column flips direction, another starts ascending. */
export function sortHref(pathname: string, search: string, column: ApplicationSort, current: { sort: ApplicationSort; dir: SortDirection }): string {
  const params = new URLSearchParams(search);
  for (const key of TRANSIENT_PARAMS) params.delete(key);
  params.set("sort", column);
  params.set("dir", current.sort === column && current.dir === "asc" ? "desc" : "asc");
  return `${pathname}?${params.toString()}`;
}

export function SortHeader({
  column,
  label,
  current,
  numeric,
}: {
  column: ApplicationSort;
  label: MessageKey;
  current: { sort: ApplicationSort; dir: SortDirection };
  numeric?: boolean;
}) {
  const t = useT();
  const location = useLocation();
  const active = current.sort === column;
  return (
    <th
      scope="col"
      className={numeric ? "kp-num" : undefined}
      aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link to={sortHref(location.pathname, location.search, column, current)} data-sort={column}>
        {t(label)}
        <span className="sr-only"> – {t("appList.sort.link", { column: t(label) })}</span>
        {active ? <span aria-hidden="true">{current.dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );
}
