// The rounds of a pool year as a table (on the pool-year page).
import { Link } from "react-router";
import type { Ore } from "~/domain/money";
import type { RoundStatus, RoundView } from "~/domain/rounds";
import { formatDate, formatDateTime, formatMoney } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";


export function RoundStatusLabel({ status }: { status: RoundStatus }) {
  const t = useT();
  return <span data-status={status}>{t(`rounds.status.${status}`)}</span>;
}

export function RoundsTable({ year, rounds, sharesOre, totalOre }: { year: number; rounds: readonly RoundView[]; sharesOre: Ore; totalOre: Ore }) {
  const t = useT();
  const lang = useLang();
  if (rounds.length === 0) return <p data-testid="rounds-empty">{t("rounds.empty")}</p>;
  return (
    <>
      <div className="kp-table-wrap">
        <table className="table table--compact" data-testid="rounds">
          <caption>{t("rounds.caption", { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("rounds.col.name")}</th>
              <th scope="col">{t("rounds.col.opensAt")}</th>
              <th scope="col">{t("rounds.col.closesAt")}</th>
              <th scope="col">{t("rounds.col.endorsementDeadline")}</th>
              <th scope="col">{t("rounds.col.decisionDate")}</th>
              <th scope="col" className="kp-num">
                {t("rounds.col.budgetShare")}
              </th>
              <th scope="col">{t("rounds.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => (
              <tr key={round.id}>
                <th scope="row">
                  <Link to={`/rounds/${round.id}`}>{round.name}</Link>
                </th>
                <td className="kp-nowrap">{formatDateTime(round.opensAt, lang)}</td>
                <td className="kp-nowrap">{formatDateTime(round.closesAt, lang)}</td>
                <td className="kp-nowrap">{formatDateTime(round.endorsementDeadline, lang)}</td>
                <td className="kp-nowrap">{formatDate(round.decisionDate, lang, { dateOnly: true })}</td>
                <td className="kp-num">{formatMoney(round.budgetShareOre, lang)}</td>
                <td>
                  <RoundStatusLabel status={round.status} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {t("rounds.sharesTotal")}
              </th>
              <td className="kp-num" data-testid="rounds-shares">
                <strong>{formatMoney(sharesOre, lang)}</strong>
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p data-testid="rounds-summary">
        {sharesOre > totalOre
          ? t("rounds.sharesOver", { shares: formatMoney(sharesOre, lang), total: formatMoney(totalOre, lang) })
          : t("rounds.sharesSummary", {
              shares: formatMoney(sharesOre, lang),
              total: formatMoney(totalOre, lang),
              remaining: formatMoney(totalOre - sharesOre, lang),
            })}{" "}
        {t("rounds.timesNote")}
      </p>
    </>
  );
}
