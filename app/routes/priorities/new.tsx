import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/new";
import { Alert } from "~/components/ui/alert";
import { FocusAreaRow, type RowField } from "~/components/priorities/focus-area-row";
import { PrioritisationSchema, readRows, summariseRows } from "~/components/priorities/schema";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { ConfirmStep, confirmFields } from "~/components/ui/confirm-step";
import { SelectField, TextareaField, TextField } from "~/components/ui/forms";
import { danishToday, toIsoDate } from "~/domain/dates";
import { oreToInput } from "~/domain/money";
import { formatHundredths } from "~/domain/prioritisation";
import { formatDate, formatMoney } from "~/i18n";
import { actorFor } from "~/services/mutation.server";
import { parseYearParam } from "~/services/pool-years.server";
import {
  checkRecordPrioritisation,
  getPrioritisationFormData,
  recordPrioritisation,
  type RecordPrioritisationInput,
} from "~/services/prioritisations.server";
import { poolYearExists } from "~/services/pool-years.server";
import { attempt, fieldErrorsOf, invalid } from "~/utils/action.server";
import { useErrorText, useLang, useT } from "~/utils/i18n";
import { getLang } from "~/utils/lang.server";
import { notFound, requireUserWith } from "~/utils/permissions.server";
import { readForm } from "~/utils/form-data.server";
import { parseSubmission } from "~/utils/submission.server";

function yearOf(param: string | undefined): number {
  const year = parseYearParam(param);
  if (year === null) notFound();
  return year;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  await requireUserWith(request, "prioritisation:record");
  const data = await getPrioritisationFormData(yearOf(params.year));
  if (!data) notFound();
  const { current } = data;
  // The current prioritisation's focus areas first (by rank), then the rest of the catalogue.
  const inCurrent = new Map((current?.focusAreas ?? []).map((fa) => [fa.focusAreaId, fa]));
  const rank = (id: string) => inCurrent.get(id)?.rank ?? Number.MAX_SAFE_INTEGER;
  const focusAreas = [...data.focusAreas].sort((a, b) => rank(a.id) - rank(b.id) || a.name.localeCompare(b.name, "da"));
  return {
    year: data.poolYear.year,
    yearTotalOre: data.poolYear.totals.totalOre,
    currentRevision: current?.revision ?? null,
    guidelines: data.guidelines,
    focusAreas,
    inactiveInCurrent: data.inactiveInCurrent,
    defaults: {
      decidedOn: toIsoDate(danishToday()),
      guidelineVersionId: data.guidelines[0]?.id ?? "",
      note: "",
      basedOnRevision: String(current?.revision ?? 0),
      rows: focusAreas.map((fa) => {
        const c = inCurrent.get(fa.id);
        if (!c) return { focusAreaId: fa.id, include: "", rank: "", weight: "1", earmarkKind: "NONE", earmarkValue: "", earmarkStrength: "soft" };
        return {
          focusAreaId: fa.id,
          include: "on",
          rank: String(c.rank),
          weight: formatHundredths(c.weightHundredths),
          earmarkKind: c.earmarkKind,
          earmarkValue:
            c.earmarkKind === "AMOUNT" ? oreToInput(c.earmarkOre ?? 0n) : c.earmarkKind === "PERCENT" ? formatHundredths(c.earmarkBasisPoints ?? 0) : "",
          earmarkStrength: c.earmarkHard ? "hard" : "soft",
        };
      }),
    },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUserWith(request, "prioritisation:record");
  const year = yearOf(params.year);
  if (!(await poolYearExists(year))) notFound();
  const formData = await readForm(request);
  const submission = parseSubmission(formData, PrioritisationSchema);
  if (submission.status !== "success") return invalid(submission);
  const value = submission.value;
  const input: RecordPrioritisationInput = {
    year,
    guidelineVersionId: value.guidelineVersionId,
    decidedOn: value.decidedOn,
    note: value.note,
    items: readRows(value.rows).items,
    basedOnRevision: value.basedOnRevision,
  };
  const lang = await getLang(request);
  // Every problem at once next to its field; the mutation checks again under the lock.
  const problems = await checkRecordPrioritisation(input);
  if (problems.length > 0) return invalid(submission, fieldErrorsOf(problems, lang));
  // Locked once recorded: only the confirmation step's button (confirmed=yes) records it.
  if (formData.get("confirmed") !== "yes") {
    return { result: submission.reply(), confirm: { count: input.items.length, decidedOn: input.decidedOn, fields: confirmFields(formData) } };
  }
  const outcome = await attempt(submission, () => recordPrioritisation(actorFor(request, user), input), lang);
  if (!outcome.ok) return outcome.response;
  throw redirect(`/pool-years/${year}/priorities?ok=recorded`);
}

export default function RecordPrioritisationPage() {
  const t = useT();
  const lang = useLang();
  const errorText = useErrorText();
  const { year, yearTotalOre, currentRevision, guidelines, focusAreas, inactiveInCurrent, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "prioritisation",
    lastResult: actionData?.result,
    defaultValue: defaults,
    schema: PrioritisationSchema,
  });
  const rows = fields.rows.getFieldList();
  const summary = summariseRows((form.value as { rows?: unknown } | undefined)?.rows ?? defaults.rows, yearTotalOre);
  const rowsErrors = fields.rows.errors ?? [];
  const earmarkErrors = form.allErrors["earmarks"] ?? [];
  const revising = currentRevision !== null;
  const confirm = actionData && "confirm" in actionData ? actionData.confirm : null;

  return (
    <>
      <p>
        <Link to={`/pool-years/${year}/priorities`}>{t("priorities.backToYear", { year })}</Link>
      </p>
      <h1>{t(revising ? "priorities.new.reviseTitle" : "priorities.new.title", { year })}</h1>
      <p>{revising ? t("priorities.new.reviseIntro", { revision: currentRevision, next: currentRevision + 1 }) : t("priorities.new.intro")}</p>
      {inactiveInCurrent.length > 0 ? (
        <Alert variant="warning" role="status">
          <p className="alert-text">{t("priorities.inactiveDropped", { names: inactiveInCurrent.join(", ") })}</p>
        </Alert>
      ) : null}
      {guidelines.length === 0 || focusAreas.length === 0 ? (
        <Alert variant="warning" role="status" testId="cannot-record">
          <p className="alert-text">{t(guidelines.length === 0 ? "priorities.noGuidelines" : "priorities.noFocusAreas")}</p>
        </Alert>
      ) : (
        <>
          {confirm ? (
            <ConfirmStep
              action={`/pool-years/${year}/priorities/new`}
              fields={confirm.fields}
              lines={[t.plural("priorities.confirm.summary", confirm.count, { year, date: formatDate(confirm.decidedOn, lang, { dateOnly: true }) })]}
              final={t("priorities.confirm.final")}
              submitLabel={t("priorities.confirm.submit")}
              backHref="#prioritisation"
              backLabel={t("priorities.confirm.back")}
              testId="prioritisation-confirm"
            />
          ) : null}
          <AppForm form={form} method="post" action={`/pool-years/${year}/priorities/new`}>
            <input type="hidden" name={fields.basedOnRevision.name} value={defaults.basedOnRevision} />
            <TextField
              field={fields.decidedOn}
              label={t("priorities.field.decidedOn")}
              hint={t("priorities.field.decidedOnHint")}
              type="date"
              className="form-input input-width-s"
            />
            <SelectField
              field={fields.guidelineVersionId}
              label={t("priorities.field.guideline")}
              hint={t("priorities.field.guidelineHint")}
              options={guidelines.map((g) => ({
                value: g.id,
                label: t("priorities.field.guidelineOption", {
                  version: g.version,
                  title: g.title,
                  date: g.adoptedOn ? formatDate(g.adoptedOn, lang, { dateOnly: true }) : "–",
                }),
              }))}
            />
            <TextareaField field={fields.note} label={t("priorities.field.note")} hint={t("priorities.field.noteHint")} rows={3} optional />

            <fieldset className={rowsErrors.length ? "form-group form-error" : "form-group"} aria-describedby="rows-hint">
              <legend className="h3">{t("priorities.rows.legend")}</legend>
              <p className="form-hint" id="rows-hint">
                {t("priorities.rows.hint")} {t("priorities.summaryYear", { total: formatMoney(yearTotalOre, lang) })}
              </p>
              {rowsErrors.length ? (
                <span className="form-error-message" id={fields.rows.errorId} role="alert">
                  <span className="sr-only">{t("error.title")}: </span>
                  {rowsErrors.map((e) => errorText(e)).join(" ")}
                </span>
              ) : null}
              {focusAreas.map((focusArea, index) => {
                const row = rows[index];
                return row ? <FocusAreaRow key={focusArea.id} focusArea={focusArea} row={row as unknown as RowField} /> : null;
              })}
            </fieldset>

            <div className={earmarkErrors.length ? "form-group form-error" : "form-group"}>
              {earmarkErrors.length ? (
                <span className="form-error-message" id="earmarks-error" role="alert">
                  <span className="sr-only">{t("error.title")}: </span>
                  {earmarkErrors.map((e) => errorText(e)).join(" ")}
                </span>
              ) : null}
              <p aria-live="polite" data-testid="form-summary">
                <strong>
                  {t("priorities.summary", {
                    count: summary.count,
                    earmarked: formatMoney(summary.earmarkedOre, lang),
                    total: formatMoney(yearTotalOre, lang),
                    rest: formatMoney(yearTotalOre - summary.earmarkedOre, lang),
                  })}
                </strong>
              </p>
            </div>

            <div className="kp-actions">
              <SubmitButton>
                {t("priorities.submit")}
              </SubmitButton>
              <Link to={`/pool-years/${year}/priorities`}>{t("priorities.cancel")}</Link>
            </div>
          </AppForm>
        </>
      )}
    </>
  );
}
