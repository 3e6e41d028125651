// The application lists: "mine" (applicants), the area's list (area leads) and
// all applications (secretariat, leadership, finance). The whole state lives in
// the URL; the server restricts the rows to the user's scope whatever it says.
// In the area view an area lead ranks the area's endorsed applications of a round.
import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/index";
import { Alert } from "~/components/ui/alert";
import { ApplicationFilterForm } from "~/components/application-lists/filter-form";
import { RankForm } from "~/components/application-lists/rank-form";
import { parseApplicationListParams, RankSchema, TRANSIENT_PARAMS, type ApplicationSort } from "~/utils/application-list-params";
import { SortHeader } from "~/components/application-lists/sort-header";
import { SuccessMessage } from "~/components/ui/forms";
import { Pagination } from "~/components/ui/pagination";
import { UserText } from "~/components/ui/user-text";
import { can } from "~/domain/permissions";
import { formatDate, formatMoney, type MessageKey } from "~/i18n";
import { listApplications } from "~/services/application-lists.server";
import { rankApplications, rankingGroups, type RankingGroup } from "~/services/applications/ranking.server";
import { actorFor } from "~/services/mutation.server";
import { attempt, invalid } from "~/utils/action.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";
import { useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { requireUserWith } from "~/utils/permissions.server";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "application:read");
  const asked = parseApplicationListParams(request.url);
  const list = await listApplications(user, asked);
  const mayRank = list.view === "area" && can(user, "application:endorse");
  let ranking: { roundId: string; roundName: string; groups: RankingGroup[] } | "chooseRound" | null = null;
  if (mayRank) {
    const round = list.options.rounds.find((r) => r.id === list.filter.round);
    ranking = round ? { roundId: round.id, roundName: round.name, groups: await rankingGroups(user, round.id) } : "chooseRound";
  }
  return {
    ...list,
    ranking,
    ranked: asked.ranked === "1",
    canCreate: can(user, "application:create"),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUserWith(request, "application:endorse");
  const formData = await readForm(request);
  const submission = parseSubmission(formData, RankSchema);
  if (submission.status !== "success") return invalid(submission);
  const { roundId, areaId, ranks } = submission.value;
  const lang = await getLang(request);
  const outcome = await attempt(submission, () => rankApplications(actorFor(request, user), { roundId, areaId, ranks }), lang);
  if (!outcome.ok) return outcome.response;
  const url = new URL(request.url);
  for (const key of TRANSIENT_PARAMS) url.searchParams.delete(key);
  url.searchParams.set("ranked", "1");
  throw redirect(`${url.pathname}?${url.searchParams.toString()}`);
}

const SORT_LABELS = {
  reference: "appList.col.reference",
  title: "appList.col.title",
  unit: "appList.col.unit",
  requested: "appList.col.requested",
  status: "appList.col.status",
  submittedAt: "appList.col.submittedAt",
  rank: "appList.col.rank",
} as const satisfies Record<ApplicationSort, MessageKey>;

export default function ApplicationsPage() {
  const t = useT();
  const lang = useLang();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { view, views, filter, options, rows, total, totalRequestedOre, page, pages, amountNotes, ranking } = data;
  const current = { sort: filter.sort, dir: filter.dir };
  const titleKey: MessageKey = view ? `appList.title.${view}` : "appList.title.none";
  const showRank = view === "area";
  const hasFilter = Boolean(filter.round || filter.area || filter.unit || filter.focus || filter.status.length || filter.min || filter.max || filter.q);
  const lastRankArea = (actionData?.result.initialValue as { areaId?: unknown } | undefined)?.areaId;

  return (
    <>
      <h1>{t(titleKey)}</h1>
      <p>{t(view ? `appList.intro.${view}` : "appList.intro.none")}</p>

      {views.length > 1 ? (
        <nav aria-label={t("appList.views")}>
          <ul className="unstyled-list kp-actions">
            {views.map((v) => (
              <li key={v}>
                <Link
                  to={`/applications?view=${v}`}
                  className={v === view ? "button button-primary" : "button button-secondary"}
                  aria-current={v === view ? "page" : undefined}
                >
                  {t(`appList.view.${v}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {data.canCreate ? (
        <div className="kp-actions">
          <Link to="/applications/new" className="button button-primary">
            {t("appList.create")}
          </Link>
        </div>
      ) : null}

      {data.ranked ? <SuccessMessage>{t("appList.rank.saved")}</SuccessMessage> : null}

      <ApplicationFilterForm filter={filter} options={options} view={view} />

      {amountNotes.length ? (
        <Alert variant="warning" role="status" testId="amount-notes">
          {amountNotes.map((key) => (
            <p className="alert-text" key={key}>
              {t(key === "min" ? "appList.filter.invalidMin" : "appList.filter.invalidMax", { text: filter[key] ?? "" })}
            </p>
          ))}
        </Alert>
      ) : null}

      <p role="status" data-testid="list-summary">
        <strong>{total === 1 ? t("appList.countOne") : t("appList.countMany", { count: total })}</strong>
        {" · "}
        {t("appList.totalRequested", { amount: formatMoney(totalRequestedOre, lang) })}
      </p>

      {rows.length === 0 ? (
        <p data-testid="list-empty">{t(hasFilter ? "appList.empty" : "appList.emptyNone")}</p>
      ) : (
        <div className="kp-table-wrap">
          <table className="table table--compact" data-testid="applications">
            <caption className="sr-only">
              {t("appList.caption", { title: t(titleKey), column: t(SORT_LABELS[filter.sort]), direction: t(`appList.sort.${filter.dir}`) })}
            </caption>
            <thead>
              <tr>
                <SortHeader column="reference" label={SORT_LABELS.reference} current={current} />
                <SortHeader column="title" label={SORT_LABELS.title} current={current} />
                <SortHeader column="unit" label={SORT_LABELS.unit} current={current} />
                <th scope="col">{t("appList.col.round")}</th>
                <SortHeader column="status" label={SORT_LABELS.status} current={current} />
                <SortHeader column="requested" label={SORT_LABELS.requested} current={current} numeric />
                <SortHeader column="submittedAt" label={SORT_LABELS.submittedAt} current={current} />
                {showRank ? <SortHeader column="rank" label={SORT_LABELS.rank} current={current} numeric /> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="kp-nowrap">
                    <Link to={`/applications/${row.id}`}>{row.reference}</Link>
                  </th>
                  <td>{row.title ? <UserText text={row.title} /> : t("appList.untitled")}</td>
                  <td>
                    <UserText text={row.unitName} />
                    {` (${row.areaCode})`}
                  </td>
                  <td>
                    <UserText text={row.roundName} />
                  </td>
                  <td>{t(`appList.status.${row.status}`)}</td>
                  <td className="kp-num">{formatMoney(row.requestedOre, lang)}</td>
                  <td>{row.submittedAt ? formatDate(row.submittedAt, lang) : t("appList.notSubmitted")}</td>
                  {showRank ? <td className="kp-num">{row.endorsementRank ?? ""}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />

      {ranking ? (
        <section aria-labelledby="rank-title" data-testid="ranking">
          <h2 id="rank-title">{t("appList.rank.title")}</h2>
          {ranking === "chooseRound" ? (
            <p>{t("appList.rank.chooseRound")}</p>
          ) : (
            ranking.groups.map((group) => (
              <div key={group.areaId}>
                {ranking.groups.length > 1 ? <h3>{t("appList.rank.group", { code: group.areaCode, name: group.areaName })}</h3> : null}
                {group.items.length === 0 ? (
                  <p>{t("appList.rank.none", { area: group.areaName, round: ranking.roundName })}</p>
                ) : (
                  <>
                    <p>{t("appList.rank.intro", { round: ranking.roundName, count: group.items.length })}</p>
                    <RankForm
                      key={group.items.map((i) => `${i.id}:${i.endorsementRank ?? ""}`).join(",")}
                      roundId={ranking.roundId}
                      areaId={group.areaId}
                      items={group.items}
                      lastResult={lastRankArea === group.areaId ? actionData?.result : undefined}
                    />
                  </>
                )}
              </div>
            ))
          )}
        </section>
      ) : null}
    </>
  );
}
