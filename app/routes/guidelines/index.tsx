// The versions of HMU's guidelines (retningslinjer). Everyone sees the adopted
// and superseded versions; drafts are listed for those who may read drafts.
// The version in force is highlighted; the secretariat starts new drafts here.
import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/index";
import { can } from "~/domain/permissions";
import { Alert } from "~/components/ui/alert";
import { StatusBadge } from "~/components/guidelines/status";
import { formatDate } from "~/i18n";
import { listGuidelineVersions } from "~/services/guidelines.server";
import { useLang, useT } from "~/utils/i18n";
import { requireUserWith } from "~/utils/permissions.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "guideline:read");
  const versions = await listGuidelineVersions({ includeDrafts: can(user, "guideline:readDraft") });
  return { versions, canManage: can(user, "guideline:manage") };
}

export default function GuidelinesPage() {
  const t = useT();
  const lang = useLang();
  const { versions, canManage } = useLoaderData<typeof loader>();
  const inForce = versions.find((v) => v.status === "ADOPTED") ?? null;
  return (
    <>
      <h1>{t("guidelines.title")}</h1>
      <p>{t("guidelines.intro")}</p>
      {inForce ? (
        <Alert variant="success" testId="in-force">
          <p className="alert-text">
            {t("guidelines.inForce", { version: inForce.version, date: inForce.adoptedOn ? formatDate(inForce.adoptedOn, lang, { dateOnly: true }) : "" })}{" "}
            <Link to={`/guidelines/${inForce.version}`}>{t("guidelines.readInForce")}</Link>
          </p>
        </Alert>
      ) : (
        <p data-testid="in-force">{t("guidelines.noneInForce")}</p>
      )}
      {canManage ? (
        <p>
          <Link className="button button-primary" to={inForce ? `/guidelines/new?basedOn=${inForce.version}` : "/guidelines/new"}>
            {t("guidelines.newDraft")}
          </Link>
        </p>
      ) : null}
      {versions.length === 0 ? (
        <p>{t("guidelines.empty")}</p>
      ) : (
        <div className="kp-table-wrap">
          <table className="table table--compact" data-testid="guideline-versions">
            <caption>{t("guidelines.caption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="kp-num">
                  {t("guidelines.col.version")}
                </th>
                <th scope="col">{t("guidelines.col.title")}</th>
                <th scope="col">{t("guidelines.col.status")}</th>
                <th scope="col">{t("guidelines.col.adoptedOn")}</th>
                <th scope="col">{t("guidelines.col.basedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} className={v.status === "ADOPTED" ? "bg-alternative" : undefined} aria-current={v.status === "ADOPTED" ? "true" : undefined}>
                  <td className="kp-num">{v.version}</td>
                  <th scope="row">
                    <Link to={`/guidelines/${v.version}`}>{v.title}</Link>
                  </th>
                  <td>
                    <StatusBadge status={v.status} />
                  </td>
                  <td>{v.adoptedOn ? formatDate(v.adoptedOn, lang, { dateOnly: true }) : "—"}</td>
                  <td>{v.basedOnVersion !== null ? t("guidelines.versionLabel", { version: v.basedOnVersion }) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
