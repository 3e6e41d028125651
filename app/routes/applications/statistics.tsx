// Tal og fordeling: aggregate figures about the applications for everyone,
// HMU observers included. Counts and sums only: no titles, references, units
// or names ever reach this page's data.
import { Form, Link, useLoaderData, useLocation } from "react-router";
import type { Route } from "./+types/statistics";
import { StatisticsParams } from "~/utils/application-list-params";
import { formatInteger, formatMoney, type Translate } from "~/i18n";
import { seesSmallCells, type CellView } from "~/domain/small-cells";
import { applicationStatistics, type ApplicationStatistics } from "~/services/statistics.server";
import { FilterSelect } from "~/components/ui/filter-fields";
import { useLang, useT } from "~/utils/i18n";
import { parseSearchParams } from "~/utils/list-params";
import { requireUserWith } from "~/utils/permissions.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "application:stats");
  // Small groups are hidden from readers who may not read every application (HMU first of all).
  return applicationStatistics(parseSearchParams(request.url, StatisticsParams), { protect: !seesSmallCells(user) });
}

function scopeText(t: Translate, stats: Pick<ApplicationStatistics, "filter" | "rounds">): string {
  const round = stats.rounds.find((r) => r.id === stats.filter.roundId);
  if (round) return t("stats.scope.round", { round: round.name, year: round.year });
  if (stats.filter.year === "all") return t("stats.scope.all");
  return t("stats.scope.year", { year: stats.filter.year });
}

export default function StatisticsPage() {
  const t = useT();
  const location = useLocation();
  const stats = useLoaderData<typeof loader>();
  const { filter, years, rounds, byArea, byFocusArea, byStatus, total } = stats;
  const scope = scopeText(t, stats);
  return (
    <>
      <h1>{t("stats.title")}</h1>
      <p>{t("stats.intro")}</p>
      <p>{t("stats.draftsExcluded")}</p>

      <Form method="get" className="kp-filter" aria-label={t("stats.filter.title")} key={location.search}>
        <div className="form-group">
          <label className="form-label" htmlFor="stats-year">
            {t("stats.filter.year")}
          </label>
          <select id="stats-year" name="year" className="form-select" defaultValue={String(filter.year)}>
            {stats.smallCellsHidden ? null : <option value="all">{t("stats.filter.yearAll")}</option>}
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {stats.smallCellsHidden ? null : (
          <FilterSelect
            id="stats-round"
            name="round"
            label={t("stats.filter.round")}
            hint={t("stats.filter.roundHint")}
            allLabel={t("stats.filter.roundAll")}
            options={rounds.map((r) => ({ value: r.id, label: r.name }))}
            value={filter.roundId}
          />
        )}
        <div className="form-group kp-actions">
          <button type="submit" className="button button-secondary">
            {t("stats.filter.submit")}
          </button>
          <Link to="/applications/statistics">{t("common.clearFilter")}</Link>
        </div>
      </Form>

      <p role="status" data-testid="stats-scope">
        {t("stats.showing", { scope })}
      </p>

      {total.count === 0 ? <p data-testid="stats-empty">{t("stats.empty")}</p> : null}
      {stats.smallCellsHidden ? <p data-testid="stats-small-cells">{t("stats.smallCells.note")}</p> : null}

      <h2>{t("stats.byArea")}</h2>
      <FigureTable
        testId="stats-area"
        caption={t("stats.caption.area", { scope })}
        firstColumn={t("stats.col.area")}
        rows={byArea.map((row) => ({ key: row.areaId, label: `${row.code} – ${row.name}`, figure: row }))}
        totalLabel={t("stats.total")}
        total={total}
      />

      <h2>{t("stats.byFocusArea")}</h2>
      <p>{t("stats.focusNote")}</p>
      {byFocusArea.length === 0 ? (
        <p>{t("stats.focusEmpty")}</p>
      ) : (
        <FigureTable
          testId="stats-focus"
          caption={t("stats.caption.focusArea", { scope })}
          firstColumn={t("stats.col.focusArea")}
          rows={byFocusArea.map((row) => ({ key: row.focusAreaId ?? "none", label: row.name ?? t("stats.noFocusArea"), figure: row }))}
          totalLabel={t("stats.totalApplications")}
          total={total}
        />
      )}

      <h2>{t("stats.byStatus")}</h2>
      <FigureTable
        testId="stats-status"
        caption={t("stats.caption.status", { scope })}
        firstColumn={t("stats.col.status")}
        rows={byStatus.map((row) => ({ key: row.status, label: t(`appList.status.${row.status}`), figure: row }))}
        totalLabel={t("stats.total")}
        total={total}
      />
    </>
  );
}

interface FigureTableProps {
  testId: string;
  caption: string;
  firstColumn: string;
  rows: { key: string; label: string; figure: CellView }[];
  totalLabel: string;
  total: CellView;
}

/** Count and amount cells of a group; a hidden group shows why, and neither figure. */
function FigureCells({ figure, strong = false }: { figure: CellView; strong?: boolean }) {
  const t = useT();
  const lang = useLang();
  if (figure.hidden !== undefined) {
    return (
      <>
        <td className="kp-num">{t(figure.hidden === "small" ? "stats.smallCells.fewer" : "stats.smallCells.hidden")}</td>
        <td className="kp-num">
          <span aria-hidden="true">–</span>
          <span className="sr-only">{t("stats.smallCells.noAmount")}</span>
        </td>
      </>
    );
  }
  const count = formatInteger(figure.count, lang);
  const amount = formatMoney(figure.requestedOre, lang);
  return (
    <>
      <td className="kp-num">{strong ? <strong>{count}</strong> : count}</td>
      <td className="kp-num">{strong ? <strong>{amount}</strong> : amount}</td>
    </>
  );
}

/** Counts and amounts requested per group, with a total row. */
function FigureTable({ testId, caption, firstColumn, rows, totalLabel, total }: FigureTableProps) {
  const t = useT();
  return (
    <div className="kp-table-wrap">
      <table className="table table--compact" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstColumn}</th>
            <th scope="col" className="kp-num">
              {t("stats.col.count")}
            </th>
            <th scope="col" className="kp-num">
              {t("stats.col.requested")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <FigureCells figure={row.figure} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{totalLabel}</th>
            <FigureCells figure={total} strong />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
