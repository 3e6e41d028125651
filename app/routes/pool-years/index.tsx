import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/index";
import { can } from "~/domain/permissions";
import { formatDate, formatMoney } from "~/i18n";
import { listPoolYears } from "~/services/pool-years.server";
import { useLang, useT } from "~/utils/i18n";
import { requireUserWith } from "~/utils/permissions.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "poolYear:read");
  return { poolYears: await listPoolYears(), canManage: can(user, "poolYear:manage") };
}

export default function PoolYears() {
  const t = useT();
  const lang = useLang();
  const { poolYears, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("poolYears.title")}</h1>
      <p>{t("poolYears.intro")}</p>
      {canManage ? (
        <p>
          <Link to="/pool-years/new" className="button button-primary">
            {t("poolYears.create")}
          </Link>
        </p>
      ) : null}
      {poolYears.length === 0 ? (
        <p>{t("poolYears.empty")}</p>
      ) : (
        <div className="kp-table-wrap">
          <table className="table table--compact" data-testid="pool-years">
            <caption>{t("poolYears.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("poolYears.col.year")}</th>
                <th scope="col">{t("poolYears.col.startsOn")}</th>
                <th scope="col" className="kp-num">
                  {t("poolYears.col.budget")}
                </th>
                <th scope="col" className="kp-num">
                  {t("poolYears.col.adjustments")}
                </th>
                <th scope="col" className="kp-num">
                  {t("poolYears.col.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {poolYears.map((y) => (
                <tr key={y.id}>
                  <th scope="row">
                    <Link to={`/pool-years/${y.year}`}>{y.year}</Link>
                  </th>
                  <td>{formatDate(y.startsOn, lang, { dateOnly: true })}</td>
                  <td className="kp-num">{formatMoney(y.budgetOre, lang)}</td>
                  <td className="kp-num">{formatMoney(y.adjustmentsOre, lang)}</td>
                  <td className="kp-num">
                    <strong>{formatMoney(y.totalOre, lang)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
