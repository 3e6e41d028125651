import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Link, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import type { Route } from "./+types/round";
import { RoundFields, useRoundForm } from "~/components/rounds/round-form";
import { RoundStatusLabel } from "~/components/rounds/rounds-table";
import { roundDefaults, RoundSchema } from "~/components/rounds/schema";
import { AppForm, SubmitButton } from "~/components/ui/form";
import { SuccessMessage } from "~/components/ui/forms";
import { can } from "~/domain/permissions";
import { formatDate, formatDateTime, formatMoney } from "~/i18n";
import { actorFor } from "~/services/mutation.server";
import { checkUpdateRound, getRound, updateRound, type UpdateRoundInput } from "~/services/rounds.server";
import { attempt, fieldErrorsOf, invalid } from "~/utils/action.server";
import { useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { notFound, requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

async function loadRound(id: string | undefined) {
  const detail = id ? await getRound(id) : null;
  if (!detail) notFound();
  return detail;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "round:read");
  const { round, poolYear, otherSharesOre } = await loadRound(params.roundId);
  return {
    round,
    year: poolYear.year,
    totalOre: poolYear.totals.totalOre,
    otherSharesOre,
    canManage: can(user, "round:manage"),
    defaults: roundDefaults(round),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUserWith(request, "round:manage");
  const { round } = await loadRound(params.roundId);
  const submission = parseSubmission(await readForm(request), RoundSchema);
  if (submission.status !== "success") return invalid(submission);
  const { budgetShare, ...rest } = submission.value;
  const input: UpdateRoundInput = { id: round.id, ...rest, budgetShareOre: budgetShare };
  const lang = await getLang(request);
  const problems = await checkUpdateRound(input);
  if (problems.length > 0) return invalid(submission, fieldErrorsOf(problems, lang));
  const outcome = await attempt(submission, () => updateRound(actorFor(request, user), input), lang);
  if (!outcome.ok) return outcome.response;
  throw redirect(`/rounds/${round.id}?ok=updated`);
}

export default function RoundPage() {
  const t = useT();
  const lang = useLang();
  const { round, year, totalOre, otherSharesOre, canManage } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const ok = searchParams.get("ok");
  return (
    <>
      {ok === "created" ? <SuccessMessage>{t("rounds.ok.created")}</SuccessMessage> : null}
      {ok === "updated" ? <SuccessMessage>{t("rounds.ok.updated")}</SuccessMessage> : null}
      <p>
        <Link to={`/pool-years/${year}#rounds`}>{t("rounds.backToYear", { year })}</Link>
      </p>
      <h1>{round.name}</h1>
      <dl className="kp-dl" data-testid="round">
        <dt>{t("rounds.detail.year")}</dt>
        <dd>
          <Link to={`/pool-years/${year}`}>{year}</Link>
        </dd>
        <dt>{t("rounds.detail.status")}</dt>
        <dd data-testid="round-status">
          <RoundStatusLabel status={round.status} />
        </dd>
        <dt>{t("rounds.col.opensAt")}</dt>
        <dd data-testid="opens-at">{formatDateTime(round.opensAt, lang)}</dd>
        <dt>{t("rounds.col.closesAt")}</dt>
        <dd>{formatDateTime(round.closesAt, lang)}</dd>
        <dt>{t("rounds.col.endorsementDeadline")}</dt>
        <dd>{formatDateTime(round.endorsementDeadline, lang)}</dd>
        <dt>{t("rounds.col.decisionDate")}</dt>
        <dd>{formatDate(round.decisionDate, lang, { dateOnly: true })}</dd>
        <dt>{t("rounds.col.budgetShare")}</dt>
        <dd className="kp-num" data-testid="budget-share">
          {formatMoney(round.budgetShareOre, lang)}
        </dd>
        <dt>{t("rounds.detail.createdBy")}</dt>
        <dd>{round.createdByName ?? t("rounds.detail.system")}</dd>
      </dl>
      <p>
        {t("rounds.detail.shares", {
          total: formatMoney(totalOre, lang),
          others: formatMoney(otherSharesOre, lang),
          share: formatMoney(round.budgetShareOre, lang),
        })}{" "}
        {t("rounds.timesNote")}
      </p>
      {canManage ? round.status === "decided" ? <p data-testid="round-locked">{t("rounds.edit.decided")}</p> : <EditRoundForm /> : null}
    </>
  );
}

function EditRoundForm() {
  const t = useT();
  const lang = useLang();
  const { round, year, totalOre, otherSharesOre, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useRoundForm("round-edit", actionData?.result, defaults);
  const available = totalOre - otherSharesOre;
  return (
    <section aria-labelledby="round-edit-title" className="row">
      <div className="col-12 col-md-8">
        <h2 className="h3" id="round-edit-title">
          {t("rounds.edit.title")}
        </h2>
        <AppForm form={form} method="post" action={`/rounds/${round.id}`}>
          <RoundFields
            fields={fields}
            year={year}
            opensAtLocked={round.status !== "planned"}
            shareHint={t("rounds.field.budgetShareHint", {
              total: formatMoney(totalOre, lang),
              others: formatMoney(otherSharesOre, lang),
              remaining: formatMoney(available > 0n ? available : 0n, lang),
            })}
          />
          <div className="kp-actions">
            <SubmitButton>
              {t("rounds.edit.submit")}
            </SubmitButton>
          </div>
        </AppForm>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusTexts={{ 404: { heading: "error.heading.404.round", text: "error.404.round" } }} />;
}
