// /applications/:applicationId/versions — the submitted versions of an
// application and what changed between two of them (default: the last two).
// The choice lives in the URL (?from=1&to=2), validated with Zod.
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Form, Link, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/versions";
import { VersionDiff } from "~/components/applications/version-diff";
import { IGNORED_IN_DIFF } from "~/domain/applications/snapshot";
import { diffSnapshots, type Snapshot } from "~/domain/applications/versions";
import { formatDateTime, formatMoney } from "~/i18n";
import { applicationScope, findApplicationScope } from "~/services/applications/scope.server";
import { getVersions } from "~/services/applications/queries.server";
import { useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { notFound, requireRecordAccess, requireUserWith } from "~/utils/permissions.server";

const versionParam = z
  .string()
  .regex(/^\d{1,4}$/)
  .transform(Number)
  .optional()
  .catch(undefined);

const CompareParams = z.object({ from: versionParam, to: versionParam });

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "application:read");
  const found = requireRecordAccess(user, "application:read", await findApplicationScope(params.applicationId), applicationScope);
  const lang = await getLang(request);
  const result = await getVersions(found.id, lang);
  if (!result) notFound();
  const url = new URL(request.url);
  const wanted = CompareParams.parse({ from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  const numbers = result.versions.map((v) => v.versionNo); // newest first
  const exists = (n: number | undefined): n is number => n !== undefined && numbers.includes(n);
  let to = exists(wanted.to) ? wanted.to : numbers[0];
  let from = exists(wanted.from) ? wanted.from : numbers.find((n) => to !== undefined && n < to);
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  const fromVersion = result.versions.find((v) => v.versionNo === from);
  const toVersion = result.versions.find((v) => v.versionNo === to);
  const comparison =
    fromVersion && toVersion && fromVersion.versionNo !== toVersion.versionNo
      ? {
          from: fromVersion.versionNo,
          to: toVersion.versionNo,
          changes: diffSnapshots(fromVersion.content as unknown as Snapshot, toVersion.content as unknown as Snapshot, IGNORED_IN_DIFF),
        }
      : null;
  return {
    id: found.id,
    reference: result.reference,
    title: result.title,
    versions: result.versions.map((v) => ({
      versionNo: v.versionNo,
      submittedAt: v.submittedAt,
      submittedByName: v.submittedByName,
      guidelineVersion: v.guidelineVersion,
      requestedOre: BigInt(v.content.requestedOre),
      failures: v.screening.failures,
      warnings: v.screening.warnings,
    })),
    comparison,
  };
}

export default function VersionsPage() {
  const t = useT();
  const lang = useLang();
  const { id, reference, title, versions, comparison } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/applications/${id}`}>{t("applications.backToApplication", { reference })}</Link>
      </p>
      <h1>{t("applications.versions.title", { reference })}</h1>
      {title ? <p className="font-lead">{title}</p> : null}
      {versions.length === 0 ? (
        <p data-testid="no-versions">{t("applications.versions.none")}</p>
      ) : (
        <div className="kp-table-wrap">
          <table className="table table--compact" data-testid="versions">
            <caption>{t("applications.versions.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("applications.versions.version")}</th>
                <th scope="col">{t("applications.versions.submittedAt")}</th>
                <th scope="col">{t("applications.versions.submittedBy")}</th>
                <th scope="col" className="kp-num">
                  {t("applications.amounts.requested")}
                </th>
                <th scope="col">{t("applications.versions.screening")}</th>
                <th scope="col">{t("applications.versions.guideline")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.versionNo}>
                  <th scope="row">{v.versionNo}</th>
                  <td>{formatDateTime(v.submittedAt, lang)}</td>
                  <td>{v.submittedByName ?? ""}</td>
                  <td className="kp-num">{formatMoney(v.requestedOre, lang)}</td>
                  <td>
                    {v.failures > 0
                      ? t.plural("applications.versions.failures", v.failures)
                      : v.warnings > 0
                        ? t.plural("applications.versions.warnings", v.warnings)
                        : t("applications.versions.allPass")}
                  </td>
                  <td>{v.guidelineVersion !== null ? t("applications.versions.guidelineVersion", { version: v.guidelineVersion }) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {versions.length >= 2 ? (
        <section aria-labelledby="compare-heading">
          <h2 className="h3" id="compare-heading">
            {t("applications.versions.compare")}
          </h2>
          <Form method="get" className="kp-filter" data-testid="compare-form">
            <VersionSelect id="compare-from" name="from" label={t("applications.versions.from")} versions={versions} selected={comparison?.from} />
            <VersionSelect id="compare-to" name="to" label={t("applications.versions.to")} versions={versions} selected={comparison?.to} />
            <div className="form-group">
              <button type="submit" className="button button-secondary">
                {t("applications.versions.show")}
              </button>
            </div>
          </Form>
          {comparison ? (
            <VersionDiff changes={comparison.changes} fromVersion={comparison.from} toVersion={comparison.to} />
          ) : (
            <p>{t("applications.versions.chooseTwo")}</p>
          )}
        </section>
      ) : versions.length === 1 ? (
        <p data-testid="single-version">{t("applications.versions.onlyOne")}</p>
      ) : null}
    </>
  );
}

function VersionSelect(props: { id: string; name: string; label: string; versions: readonly { versionNo: number }[]; selected: number | undefined }) {
  const t = useT();
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select className="form-select" id={props.id} name={props.name} defaultValue={props.selected}>
        {props.versions.map((v) => (
          <option key={v.versionNo} value={v.versionNo}>
            {t("applications.versions.optionLabel", { versionNo: v.versionNo })}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusTexts={{ 404: { heading: "error.heading.404.application", text: "error.404.application" } }} />;
}
