import { Link, useLoaderData, useSearchParams } from "react-router";
import type { Route } from "./+types/index";
import { Alert } from "~/components/ui/alert";
import { EarmarkTotals, FocusAreaTable, RevisionHistory } from "~/components/priorities/prioritisation-view";
import { SuccessMessage } from "~/components/ui/forms";
import { can } from "~/domain/permissions";
import { formatDate, formatDateTime } from "~/i18n";
import { parseYearParam } from "~/services/pool-years.server";
import { getPrioritisations } from "~/services/prioritisations.server";
import { useLang, useT } from "~/utils/i18n";
import { notFound, requireUserWith } from "~/utils/permissions.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "prioritisation:read");
  const year = parseYearParam(params.year);
  if (year === null) notFound();
  const data = await getPrioritisations(year);
  if (!data) notFound();
  return {
    year: data.poolYear.year,
    yearTotalOre: data.poolYear.totals.totalOre,
    current: data.revisions[0] ?? null,
    revisions: data.revisions,
    canRecord: can(user, "prioritisation:record"),
  };
}

export default function PrioritiesPage() {
  const t = useT();
  const lang = useLang();
  const { year, yearTotalOre, current, revisions, canRecord } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const recordLink = canRecord ? (
    <div className="kp-actions">
      <Link to={`/pool-years/${year}/priorities/new`} className="button button-primary" data-testid="record-link">
        {t(current ? "priorities.revise" : "priorities.record")}
      </Link>
    </div>
  ) : null;
  return (
    <>
      {searchParams.get("ok") === "recorded" ? <SuccessMessage>{t("priorities.ok.recorded")}</SuccessMessage> : null}
      <p>
        <Link to={`/pool-years/${year}`}>{t("priorities.backToYear", { year })}</Link>
      </p>
      <h1>{t("priorities.title", { year })}</h1>
      <p>{t("priorities.intro")}</p>

      {current ? (
        <>
          <h2 className="h3">{t("priorities.current", { revision: current.revision })}</h2>
          <dl className="kp-dl" data-testid="current">
            <dt>{t("priorities.decidedOn")}</dt>
            <dd>{formatDate(current.decidedOn, lang, { dateOnly: true })}</dd>
            <dt>{t("priorities.guideline")}</dt>
            <dd>
              <Link to={`/guidelines/${current.guideline.version}`}>
                {t("priorities.guidelineLink", { version: current.guideline.version, title: current.guideline.title })}
              </Link>
            </dd>
            {current.note ? (
              <>
                <dt>{t("priorities.note")}</dt>
                <dd>{current.note}</dd>
              </>
            ) : null}
            <dt>{t("priorities.recordedBy")}</dt>
            <dd>
              {current.createdByName ?? t("priorities.system")}, {formatDateTime(current.createdAt, lang)}
            </dd>
          </dl>
          <FocusAreaTable prioritisation={current} year={year} yearTotalOre={yearTotalOre} />
          <EarmarkTotals earmarkedOre={current.earmarkedOre} yearTotalOre={yearTotalOre} />
          <p>{t("priorities.lockedNote")}</p>
          {recordLink}

          <h2 className="h3" id="history">
            {t("priorities.history.title")}
          </h2>
          <p>{t("priorities.history.intro")}</p>
          <RevisionHistory revisions={revisions} />
        </>
      ) : (
        <>
          <Alert variant="info" role="status" testId="empty">
            <p className="alert-text">{t("priorities.empty", { year })}</p>
          </Alert>
          {recordLink}
        </>
      )}
    </>
  );
}
