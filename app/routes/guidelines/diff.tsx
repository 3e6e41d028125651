// What changed between two versions of the guidelines: title and text (word
// and line diff), rules (matched by kind) and criteria (matched by name).
// Both versions follow the same visibility rules as the version page (a draft
// only for those who may read drafts; otherwise 404).
import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/diff";
import { Alert } from "~/components/ui/alert";
import { BodyDiff, CriterionChanges, RuleChanges, TextDiff } from "~/components/guidelines/diff-view";
import { StatusBadge } from "~/components/guidelines/status";
import { diffGuidelines, isEmptyDiff, mayReadGuideline, parseVersionParam, type GuidelineSnapshot } from "~/domain/guidelines";
import { can } from "~/domain/permissions";
import { formatDate, type MessageKey } from "~/i18n";
import { getGuidelineVersion, guidelineVersionNumbers, type GuidelineDetail } from "~/services/guidelines.server";
import { useLang, useT } from "~/utils/i18n";
import { notFound, requireUserWith } from "~/utils/permissions.server";
import type { SessionUser } from "~/utils/session.server";

async function visibleVersion(user: SessionUser, version: number | null): Promise<GuidelineDetail> {
  if (version === null) notFound();
  const guideline = await getGuidelineVersion(version);
  if (!guideline || !mayReadGuideline(user, guideline.status)) notFound();
  return guideline;
}

function snapshot(g: GuidelineDetail): GuidelineSnapshot {
  return { title: g.title, body: g.body, rules: g.rules, criteria: g.criteria };
}

function header(g: GuidelineDetail) {
  return { version: g.version, title: g.title, status: g.status, adoptedOn: g.adoptedOn };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "guideline:read");
  const current = await visibleVersion(user, parseVersionParam(params.version));
  const visible = await guidelineVersionNumbers({ includeDrafts: can(user, "guideline:readDraft") });
  const others = visible.filter((v) => v.version !== current.version);
  const asked = new URL(request.url).searchParams.get("against");
  // Without ?against: the version it is based on, else the one before it.
  const againstNumber =
    asked !== null && asked !== ""
      ? parseVersionParam(asked)
      : (others.find((v) => v.version === current.basedOnVersion)?.version ?? others.find((v) => v.version === current.version - 1)?.version ?? null);
  const choices = others.map((v) => ({ version: v.version, status: v.status }));
  if (againstNumber === null && (asked === null || asked === "")) {
    return { current: header(current), against: null, diff: null, unchanged: false, choices };
  }
  const against = await visibleVersion(user, againstNumber);
  if (against.version === current.version) notFound();
  const diff = diffGuidelines(snapshot(against), snapshot(current));
  return { current: header(current), against: header(against), diff, unchanged: isEmptyDiff(diff), choices };
}

export default function GuidelineDiffPage() {
  const t = useT();
  const lang = useLang();
  const { current, against, diff, unchanged, choices } = useLoaderData<typeof loader>();
  const describe = (v: { version: number; title: string; status: "DRAFT" | "ADOPTED" | "SUPERSEDED"; adoptedOn: Date | null }) => (
    <>
      <Link to={`/guidelines/${v.version}`}>{t("guidelines.versionLabel", { version: v.version })}</Link>: {v.title} <StatusBadge status={v.status} />
      {v.adoptedOn ? ` ${t("guidelines.diff.adoptedOn", { date: formatDate(v.adoptedOn, lang, { dateOnly: true }) })}` : ""}
    </>
  );
  return (
    <>
      <p>
        <Link to={`/guidelines/${current.version}`}>{t("guidelines.diff.back", { version: current.version })}</Link>
      </p>
      <h1>
        {against
          ? t("guidelines.diff.title", { version: current.version, against: against.version })
          : t("guidelines.diff.titleAlone", { version: current.version })}
      </h1>

      {choices.length > 0 ? (
        <Form method="get" className="kp-filter">
          <div className="form-group">
            <label className="form-label" htmlFor="against">
              {t("guidelines.diff.choose", { version: current.version })}
            </label>
            <select className="form-select" id="against" name="against" defaultValue={against ? String(against.version) : ""}>
              {choices.map((c) => (
                <option key={c.version} value={c.version}>
                  {t("guidelines.diff.choice", { version: c.version, status: t(`guidelines.status.${c.status}` as MessageKey) })}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <button type="submit" className="button button-secondary">
              {t("guidelines.diff.chooseSubmit")}
            </button>
          </div>
        </Form>
      ) : null}

      {!against || !diff ? (
        <p data-testid="diff-none">{t("guidelines.diff.nothingToCompare")}</p>
      ) : (
        <>
          <ul data-testid="diff-versions">
            <li>
              {t("guidelines.diff.from")} {describe(against)}
            </li>
            <li>
              {t("guidelines.diff.to")} {describe(current)}
            </li>
          </ul>
          <p>{t("guidelines.diff.legend")}</p>
          {unchanged ? (
            <Alert variant="info" testId="diff-unchanged">
              <p className="alert-text">{t("guidelines.diff.noChanges")}</p>
            </Alert>
          ) : null}

          <section aria-labelledby="diff-title-title">
            <h2 id="diff-title-title">{t("guidelines.diff.section.title")}</h2>
            {diff.title ? (
              <p data-testid="title-diff">
                <TextDiff parts={diff.title} />
              </p>
            ) : (
              <p>{t("guidelines.diff.unchanged")}</p>
            )}
          </section>

          <section aria-labelledby="diff-body-title">
            <h2 id="diff-body-title">{t("guidelines.diff.section.body")}</h2>
            {diff.body ? <BodyDiff blocks={diff.body} /> : <p>{t("guidelines.diff.unchanged")}</p>}
          </section>

          <section aria-labelledby="diff-rules-title">
            <h2 id="diff-rules-title">{t("guidelines.diff.section.rules")}</h2>
            <RuleChanges changes={diff.rules} before={against.version} after={current.version} />
          </section>

          <section aria-labelledby="diff-criteria-title">
            <h2 id="diff-criteria-title">{t("guidelines.diff.section.criteria")}</h2>
            <CriterionChanges changes={diff.criteria} before={against.version} after={current.version} />
          </section>
        </>
      )}
    </>
  );
}
