import { GeneralErrorBoundary } from "~/components/error-boundary";
import { type FieldMetadata } from "@conform-to/react";
import { Link, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/year";
import { RoundsTable } from "~/components/rounds/rounds-table";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { ConfirmStep, confirmFields } from "~/components/ui/confirm-step";
import { MoneyField, RadioGroupField, SelectField, SuccessMessage, TextareaField, TextField } from "~/components/ui/forms";
import { clampDateToYear, signedAdjustment } from "~/domain/budget";
import { can } from "~/domain/permissions";
import { danishToday, toIsoDate } from "~/domain/dates";
import { formatDate, formatMoney } from "~/i18n";
import { actorFor } from "~/services/mutation.server";
import { adjustPoolYear, getPoolYear, parseYearParam } from "~/services/pool-years.server";
import { currentPrioritisationSummary } from "~/services/prioritisations.server";
import { listRoundsOfYear } from "~/services/rounds.server";
import { attempt, invalid } from "~/utils/action.server";
import { useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { notFound, requireUserWith } from "~/utils/permissions.server";
import { dateOnly, kronerAmount, optionalId, requiredText } from "~/utils/validation";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

// A kind (tillægsbevilling / reduktion) and a positive amount: no signs to get wrong.
const AdjustSchema = z.object({
  kind: z.enum(["addition", "reduction"], { error: "validation.choose" }),
  amount: kronerAmount.refine((ore) => ore >= 0n, { error: "poolYears.error.amountNoSign" }),
  reason: requiredText(500),
  effectiveOn: dateOnly,
  corrects: optionalId,
});

async function loadYear(param: string | undefined) {
  const year = parseYearParam(param);
  if (year === null) notFound();
  const poolYear = await getPoolYear(year);
  if (!poolYear) notFound();
  return poolYear;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUserWith(request, "poolYear:read");
  const poolYear = await loadYear(params.year);
  const [rounds, prioritisation] = await Promise.all([
    can(user, "round:read") ? listRoundsOfYear(poolYear.id, poolYear.totals.totalOre) : null,
    can(user, "prioritisation:read") ? currentPrioritisationSummary(poolYear.id) : null,
  ]);
  return {
    poolYear,
    rounds,
    prioritisation: prioritisation
      ? { revision: prioritisation.revision, decidedOn: prioritisation.decidedOn, focusAreaCount: prioritisation._count.focusAreas }
      : null,
    canReadPriorities: can(user, "prioritisation:read"),
    canManageRounds: can(user, "round:manage"),
    canManage: can(user, "poolYear:manage"),
    defaultEffectiveOn: toIsoDate(clampDateToYear(danishToday(), poolYear.year)),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUserWith(request, "poolYear:manage");
  const poolYear = await loadYear(params.year);
  const formData = await readForm(request);
  const submission = parseSubmission(formData, AdjustSchema);
  if (submission.status !== "success") return invalid(submission);
  const { kind, amount, reason, effectiveOn, corrects } = submission.value;
  // Irreversible: only the confirmation step's button (confirmed=yes) records it. The
  // first submit answers with a summary of what would be recorded, and changes nothing.
  if (formData.get("confirmed") !== "yes") {
    const correctsNumber = corrects ? (poolYear.adjustments.find((a) => a.id === corrects)?.number ?? null) : null;
    return {
      result: submission.reply(),
      confirm: {
        kind,
        amountOre: amount,
        reason,
        effectiveOn,
        correctsNumber,
        fields: confirmFields(formData),
      },
    };
  }
  const lang = await getLang(request);
  const outcome = await attempt(
    submission,
    () =>
      adjustPoolYear(actorFor(request, user), {
        year: poolYear.year,
        amountOre: signedAdjustment(kind, amount),
        reason,
        effectiveOn,
        correctsId: corrects,
      }),
    lang,
  );
  if (!outcome.ok) return outcome.response;
  throw redirect(`/pool-years/${poolYear.year}?ok=adjusted#adjustments`);
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

export default function PoolYearPage() {
  const t = useT();
  const lang = useLang();
  const { poolYear, canManage, rounds, prioritisation, canReadPriorities, canManageRounds } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const ok = searchParams.get("ok");
  const { totals } = poolYear;
  return (
    <>
      {ok === "created" ? <SuccessMessage>{t("poolYears.ok.created")}</SuccessMessage> : null}
      {ok === "adjusted" ? <SuccessMessage>{t("poolYears.ok.adjusted")}</SuccessMessage> : null}
      <p>
        <Link to="/pool-years">{t("poolYears.backToList")}</Link>
      </p>
      <h1>{t("poolYears.year.title", { year: poolYear.year })}</h1>

      <h2 className="h3">{t("poolYears.summary")}</h2>
      <dl className="kp-dl" data-testid="pool-year-summary">
        <dt>{t("poolYears.budget")}</dt>
        <dd className="kp-num" data-testid="budget">
          {formatMoney(totals.budgetOre, lang)}
        </dd>
        <dt>{t("poolYears.additions")}</dt>
        <dd className="kp-num" data-testid="additions">
          {formatMoney(totals.additionsOre, lang)}
        </dd>
        <dt>{t("poolYears.reductions")}</dt>
        <dd className="kp-num" data-testid="reductions">
          {formatMoney(totals.reductionsOre, lang)}
        </dd>
        <dt>{t("poolYears.total")}</dt>
        <dd className="kp-num" data-testid="total">
          <strong>{formatMoney(totals.totalOre, lang)}</strong>
        </dd>
        <dt>{t("poolYears.startsOn")}</dt>
        <dd>{formatDate(poolYear.startsOn, lang, { dateOnly: true })}</dd>
        {poolYear.note ? (
          <>
            <dt>{t("poolYears.note")}</dt>
            <dd>{poolYear.note}</dd>
          </>
        ) : null}
        <dt>{t("poolYears.createdBy")}</dt>
        <dd>{poolYear.createdByName ?? t("poolYears.system")}</dd>
      </dl>

      {canReadPriorities ? (
        <section aria-labelledby="priorities-title" data-testid="year-priorities">
          <h2 className="h3" id="priorities-title">
            {t("priorities.yearSection.title")}
          </h2>
          <p>
            {prioritisation
              ? t.plural("priorities.yearSection.summary", prioritisation.focusAreaCount, {
                  revision: prioritisation.revision,
                  date: formatDate(prioritisation.decidedOn, lang, { dateOnly: true }),
                })
              : t("priorities.yearSection.none")}{" "}
            <Link to={`/pool-years/${poolYear.year}/priorities`}>{t("priorities.yearSection.link")}</Link>
          </p>
        </section>
      ) : null}

      {rounds ? (
        <section aria-labelledby="rounds">
          <h2 className="h3" id="rounds">
            {t("rounds.title")}
          </h2>
          <RoundsTable year={poolYear.year} rounds={rounds.rounds} sharesOre={rounds.sharesOre} totalOre={totals.totalOre} />
          {canManageRounds ? (
            <div className="kp-actions">
              <Link to={`/pool-years/${poolYear.year}/rounds/new`} className="button button-secondary" data-testid="create-round">
                {t("rounds.create")}
              </Link>
            </div>
          ) : null}
        </section>
      ) : null}

      <h2 className="h3" id="adjustments">
        {t("poolYears.adjustments.title")}
      </h2>
      <p>{t("poolYears.adjustments.immutable")}</p>
      <AdjustmentsTable poolYear={poolYear} />

      {canManage ? <ConfirmAdjustment /> : null}
      {canManage ? <AdjustForm /> : null}
    </>
  );
}

function AdjustmentsTable({ poolYear }: { poolYear: LoaderData["poolYear"] }) {
  const t = useT();
  const lang = useLang();
  if (poolYear.adjustments.length === 0) return <p>{t("poolYears.adjustments.none")}</p>;
  return (
    <div className="kp-table-wrap">
      <table className="table table--compact" data-testid="adjustments">
        <caption>{t("poolYears.adjustments.caption", { year: poolYear.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("poolYears.col.number")}</th>
            <th scope="col">{t("poolYears.col.effectiveOn")}</th>
            <th scope="col">{t("poolYears.col.kind")}</th>
            <th scope="col" className="kp-num">
              {t("poolYears.col.amount")}
            </th>
            <th scope="col">{t("poolYears.col.reason")}</th>
            <th scope="col">{t("poolYears.col.recordedBy")}</th>
            <th scope="col">{t("poolYears.col.corrects")}</th>
          </tr>
        </thead>
        <tbody>
          {poolYear.adjustments.map((a) => (
            <tr key={a.id} id={`adjustment-${a.number}`}>
              <th scope="row">{a.number}</th>
              <td>{formatDate(a.effectiveOn, lang, { dateOnly: true })}</td>
              <td>{t(a.amountOre < 0n ? "poolYears.kind.reduction" : "poolYears.kind.addition")}</td>
              <td className="kp-num">{(a.amountOre > 0n ? "+" : "") + formatMoney(a.amountOre, lang)}</td>
              <td>{a.reason}</td>
              <td>{a.createdByName ?? t("poolYears.system")}</td>
              <td>
                {a.correctsNumber !== null ? (
                  <a href={`#adjustment-${a.correctsNumber}`}>{t("poolYears.corrects", { number: a.correctsNumber })}</a>
                ) : null}
                {a.correctedByNumbers.length > 0 ? (
                  <>
                    {a.correctsNumber !== null ? <br /> : null}
                    {t("poolYears.correctedBy", { numbers: a.correctedByNumbers.join(", ") })}
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;

/** Tillægsbevilling or reduktion as two radio buttons. */
function KindRadios({ field }: { field: Field }) {
  const t = useT();
  const options = [
    { value: "addition", label: t("poolYears.field.kindAddition") },
    { value: "reduction", label: t("poolYears.field.kindReduction") },
  ];
  return <RadioGroupField field={field} legend={t("poolYears.field.kind")} options={options} />;
}

/** The confirmation step: what would be recorded, and the one button that records it. */
function ConfirmAdjustment() {
  const t = useT();
  const lang = useLang();
  const { poolYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const confirm = actionData && "confirm" in actionData ? actionData.confirm : null;
  if (!confirm) return null;
  const vars = {
    amount: formatMoney(confirm.amountOre, lang),
    year: poolYear.year,
    date: formatDate(confirm.effectiveOn, lang, { dateOnly: true }),
  };
  return (
    <ConfirmStep
      action={`/pool-years/${poolYear.year}`}
      fields={confirm.fields}
      lines={[
        t(confirm.kind === "addition" ? "poolYears.confirm.addition" : "poolYears.confirm.reduction", vars),
        t("poolYears.confirm.reason", { reason: confirm.reason }),
        ...(confirm.correctsNumber !== null ? [t("poolYears.confirm.corrects", { number: confirm.correctsNumber })] : []),
      ]}
      final={t("poolYears.confirm.final")}
      submitLabel={t("poolYears.confirm.submit")}
      backHref="#adjust-title"
      backLabel={t("poolYears.confirm.back")}
      testId="adjust-confirm"
    />
  );
}

function AdjustForm() {
  const t = useT();
  const lang = useLang();
  const { poolYear, defaultEffectiveOn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "pool-year-adjust",
    lastResult: actionData?.result,
    defaultValue: { effectiveOn: defaultEffectiveOn },
    schema: AdjustSchema,
  });
  const correctable = poolYear.adjustments.map((a) => ({
    value: a.id,
    label: t("poolYears.field.correctsOption", {
      number: a.number,
      date: formatDate(a.effectiveOn, lang, { dateOnly: true }),
      amount: (a.amountOre > 0n ? "+" : "") + formatMoney(a.amountOre, lang),
    }),
  }));
  return (
    <section aria-labelledby="adjust-title">
      <h2 className="h3" id="adjust-title">
        {t("poolYears.adjust.title")}
      </h2>
      <AppForm form={form} method="post" action={`/pool-years/${poolYear.year}`}>
        <KindRadios field={fields.kind} />
        <MoneyField field={fields.amount} label={t("poolYears.field.amount")} hint={t("poolYears.field.amountHint")} />
        <TextareaField field={fields.reason} label={t("poolYears.field.reason")} hint={t("poolYears.field.reasonHint")} rows={3} />
        <TextField
          field={fields.effectiveOn}
          label={t("poolYears.field.effectiveOn")}
          hint={t("poolYears.field.effectiveOnHint", { year: poolYear.year })}
          type="date"
          className="form-input input-width-s"
        />
        {correctable.length > 0 ? (
          <SelectField
            field={fields.corrects}
            label={t("poolYears.field.corrects")}
            hint={t("poolYears.field.correctsHint")}
            options={correctable}
            placeholder={t("poolYears.field.correctsNone")}
            optional
          />
        ) : null}
        <div className="kp-actions">
          <SubmitButton>
            {t("poolYears.adjust.submit")}
          </SubmitButton>
        </div>
      </AppForm>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary statusTexts={{ 404: { heading: "error.heading.404.poolYear", text: "error.404.poolYear" } }} />;
}
