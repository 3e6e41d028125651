import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/home";
import { NAV_ITEMS } from "~/components/layout/navigation";
import { poolYearTotals } from "~/domain/budget";
import { can } from "~/domain/permissions";
import { formatMoney } from "~/i18n";
import { prisma } from "~/utils/db.server";
import { useLang, useT } from "~/utils/i18n";
import { requireUserWith } from "~/utils/permissions.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "app:use");
  const year = new Date().getUTCFullYear();
  const poolYear = can(user, "poolYear:read")
    ? await prisma.poolYear.findUnique({
        where: { year },
        select: { year: true, budgetOre: true, adjustments: { select: { amountOre: true } } },
      })
    : null;
  return {
    user,
    poolYear: poolYear ? { year: poolYear.year, totalOre: poolYearTotals(poolYear.budgetOre, poolYear.adjustments).totalOre } : null,
  };
}

export default function Home() {
  const t = useT();
  const lang = useLang();
  const { user, poolYear } = useLoaderData<typeof loader>();
  const shortcuts = NAV_ITEMS.filter((item) => item.to !== "/" && can(user, item.action));
  return (
    <>
      <h1>{t("home.title", { name: user.name })}</h1>
      <p className="font-lead">{t("home.intro")}</p>
      <div className="row">
        <div className="col-12 col-md-6">
          <h2 className="h3">{t("home.yourRoles")}</h2>
          <ul data-testid="my-roles">
            {user.roles.map((r, i) => (
              <li key={`${r.role}-${i}`}>{t(`role.${r.role}`)}</li>
            ))}
          </ul>
          {user.unitName ? (
            <>
              <h2 className="h3">{t("home.yourUnit")}</h2>
              <p>{user.unitName}</p>
            </>
          ) : null}
        </div>
        <div className="col-12 col-md-6">
          {poolYear ? (
            <>
              <h2 className="h3">{t("home.currentYear", { year: poolYear.year })}</h2>
              <p>
                {t("home.available")}: <strong className="kp-num">{formatMoney(poolYear.totalOre, lang)}</strong>
              </p>
            </>
          ) : null}
          <h2 className="h3">{t("home.shortcuts")}</h2>
          <ul>
            {shortcuts.map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}
