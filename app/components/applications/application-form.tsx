// The application form (edit page). Works without JavaScript: cost lines are
// added and removed by Conform list intents the server answers; "Gem kladde"
// saves, "Indsend" submits. With JavaScript the amounts are summed live (bigint
// øre) and the screening verdicts follow what is typed (a fetcher screens the
// form's values on the server without storing them).
import type { SubmissionResult } from "@conform-to/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useFetcher } from "react-router";
import { Alert } from "~/components/ui/alert";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { CheckboxGroupField, GroupErrors, MoneyField, RadioGroupField, SelectField, TextareaField, TextField } from "~/components/ui/forms";
import { COST_CATEGORIES } from "~/domain/screening/rules";
import { isolateText } from "~/domain/text";
import { formatDateTime } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";
import { AmountsSummary } from "./amounts";
import { costCategoryText } from "./content";
import { ScreeningVerdicts, type ScreeningData } from "./screening";
import { ACTIVITY_TYPES, ApplicationFormSchema, liveAmounts, type formDefaults } from "./schema";

export interface FocusAreaChoice {
  id: string;
  name: string;
  description: string;
  rank: number | null;
}

export interface AreaChoice {
  id: string;
  code: string;
  name: string;
}

export interface UnitChoice {
  id: string;
  name: string;
  areaName: string;
}

export interface ApplicationFormProps {
  formId: string;
  defaults: ReturnType<typeof formDefaults>;
  lastResult?: SubmissionResult<string[]> | null;
  unitName: string;
  unitOptions: readonly UnitChoice[];
  focusAreaOptions: readonly FocusAreaChoice[];
  partnerAreaOptions: readonly AreaChoice[];
  screening: ScreeningData;
  /** The round's name, and until when this application can be submitted. */
  round: { name: string; deadline: Date };
  /** The attachments section (its own forms: it lives outside the application form). */
  attachments: ReactNode;
}

type ScreenReply = { screening: ScreeningData | null };

/** The form's text values in document order (files and the submit intent left out). */
export function formValuesKey(form: HTMLFormElement): string {
  const entries: [string, string][] = [];
  for (const [name, value] of new FormData(form)) {
    if (name !== "intent" && typeof value === "string") entries.push([name, value]);
  }
  return JSON.stringify(entries);
}

function isScreenReply(value: unknown): value is ScreenReply {
  return typeof value === "object" && value !== null && "screening" in value;
}

export function ApplicationForm(props: ApplicationFormProps) {
  const t = useT();
  const lang = useLang();
  const { formId, defaults, lastResult, focusAreaOptions, partnerAreaOptions, unitOptions } = props;
  const [form, fields] = useAppForm({
    id: formId,
    lastResult: lastResult ?? undefined,
    defaultValue: defaults,
    schema: ApplicationFormSchema,
  });

  // Live amounts from what is typed (also right on the server-rendered page).
  const value = form.value as { costLines?: ({ amount?: string } | null | undefined)[]; coFinancing?: string } | undefined;
  const amounts = liveAmounts(
    (value?.costLines ?? []).map((line) => line?.amount),
    value?.coFinancing,
  );

  // Live screening: screen the typed values on the server (nothing is stored).
  // Only a real change screens: the form's values as loaded (or as just saved: the
  // form is mounted anew after each save) are the baseline, and a form back at its
  // baseline shows the saved screening again.
  const fetcher = useFetcher();
  const valueKey = JSON.stringify(form.value ?? {});
  const baseline = useRef<string | null>(null);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    const element = document.getElementById(formId);
    if (!(element instanceof HTMLFormElement)) return;
    const current = formValuesKey(element);
    if (baseline.current === null) baseline.current = current;
    const isChanged = current !== baseline.current;
    setChanged(isChanged);
    if (!isChanged) return;
    const timer = setTimeout(() => {
      const formData = new FormData(element);
      formData.set("intent", "screen");
      void fetcher.submit(formData, { method: "post" });
    }, 600);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-screen when the typed values change
  }, [valueKey, formId]);
  const live = changed && isScreenReply(fetcher.data) && fetcher.data.screening ? fetcher.data.screening : null;
  const screening = live ?? props.screening;

  const justificationAsked = Boolean(fields.softRuleJustification.errors?.length);

  const costLines = fields.costLines.getFieldList();
  // "Tilføj udgiftslinje" puts the focus in the new line's first field.
  const lineAdded = useRef(false);
  const lineCount = useRef(costLines.length);
  const lastCategoryId = costLines.at(-1)?.getFieldset().category.id;
  useEffect(() => {
    if (lineAdded.current && costLines.length > lineCount.current && lastCategoryId) {
      lineAdded.current = false;
      document.getElementById(lastCategoryId)?.focus();
    }
    lineCount.current = costLines.length;
  }, [costLines.length, lastCategoryId]);

  const focusOptions = focusAreaOptions.map((fa) => ({
    value: fa.id,
    label: fa.rank === null ? t("applications.focusAreas.notPrioritised", { name: isolateText(fa.name) }) : fa.name,
    hint: fa.description || undefined,
  }));

  return (
    <>
      <AppForm form={form} method="post" data-testid="application-form">
        {/* Enter in a text field saves the draft: this is the form's first (default) button. */}
        <button type="submit" name="intent" value="save" className="sr-only" tabIndex={-1} aria-hidden="true">
          {t("applications.action.save")}
        </button>
        {/* The revision the form was opened on; after a refused save it stays the old one, so a second click cannot overwrite either. */}
        <input type="hidden" name={fields.revision.name} defaultValue={fields.revision.initialValue ?? ""} />

        <section aria-labelledby="section-about">
          <h2 id="section-about">
            {t("applications.section.about")}
          </h2>
          {unitOptions.length > 1 ? (
            <SelectField
              field={fields.unitId}
              label={t("applications.field.unit")}
              options={unitOptions.map((u) => ({ value: u.id, label: `${isolateText(u.name)} (${isolateText(u.areaName)})` }))}
            />
          ) : (
            <dl className="kp-dl">
              <dt>{t("applications.field.unit")}</dt>
              <dd data-testid="unit-name">{props.unitName}</dd>
            </dl>
          )}
          <div className="row">
            <div className="col-12 col-md-6">
              <TextField field={fields.contactName} label={t("applications.field.contactName")} autoComplete="name" />
            </div>
            <div className="col-12 col-md-6">
              <TextField field={fields.contactEmail} label={t("applications.field.contactEmail")} type="email" autoComplete="email" />
            </div>
          </div>
          <TextField field={fields.title} label={t("applications.field.title")} hint={t("applications.hint.title")} />
          <TextareaField field={fields.purpose} label={t("applications.field.purpose")} hint={t("applications.hint.purpose")} rows={5} />
          {focusOptions.length === 0 ? (
            <Alert variant="warning" testId="no-prioritisation">
              {t("applications.focusAreas.none")}
            </Alert>
          ) : (
            <>
              <CheckboxGroupField
                field={fields.focusAreaIds}
                legend={t("applications.field.focusAreas")}
                hint={t("applications.hint.focusAreas")}
                options={focusOptions}
                testId="focus-areas"
              />
              <RadioGroupField
                field={fields.primaryFocusAreaId}
                legend={t("applications.field.primaryFocusArea")}
                hint={t("applications.hint.primaryFocusArea")}
                options={focusOptions.map(({ value, label }) => ({ value, label }))}
                testId="primary-focus-area"
              />
            </>
          )}
          <CheckboxGroupField
            field={fields.partnerAreaIds}
            legend={t("applications.field.partnerAreas")}
            hint={t("applications.hint.partnerAreas")}
            options={partnerAreaOptions.map((a) => ({ value: a.id, label: a.name }))}
            testId="partner-areas"
          />
        </section>

        <section aria-labelledby="section-activity">
          <h2 id="section-activity">
            {t("applications.section.activity")}
          </h2>
          <TextareaField field={fields.targetGroup} label={t("applications.field.targetGroup")} hint={t("applications.hint.targetGroup")} rows={3} />
          <div className="row">
            <div className="col-12 col-md-6">
              <TextField
                field={fields.participants}
                label={t("applications.field.participants")}
                className="form-input input-width-xs"
                inputMode="numeric"
                autoComplete="off"
              />
            </div>
            <div className="col-12 col-md-6">
              <SelectField
                field={fields.activityType}
                label={t("applications.field.activityType")}
                placeholder={t("applications.activityType.choose")}
                options={ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`applications.activityType.${type}`) }))}
              />
            </div>
          </div>
          <div className="row">
            <div className="col-12 col-md-6">
              <TextField field={fields.startDate} label={t("applications.field.startDate")} type="date" />
            </div>
            <div className="col-12 col-md-6">
              <TextField field={fields.endDate} label={t("applications.field.endDate")} type="date" />
            </div>
          </div>
        </section>

        <section aria-labelledby="section-economy">
          <h2 id="section-economy">
            {t("applications.section.economy")}
          </h2>
          <p className="form-hint">{t("applications.hint.costLines")}</p>
          <div
            className={fields.costLines.errors?.length ? "form-group form-error kp-focus-target" : "kp-focus-target"}
            id={fields.costLines.id}
            tabIndex={-1}
            data-testid="cost-lines-form"
          >
            <GroupErrors field={fields.costLines} />
            {costLines.length === 0 ? <p>{t("applications.costLines.none")}</p> : null}
            {costLines.map((line, index) => {
              const cells = line.getFieldset();
              return (
                <fieldset key={line.key} className="form-group" data-testid="cost-line">
                  <legend className="h5">{t("applications.costLines.legend", { number: index + 1 })}</legend>
                  <div className="row">
                    <div className="col-12 col-md-4">
                      <SelectField
                        field={cells.category}
                        label={t("applications.field.category")}
                        placeholder={t("applications.costLines.chooseCategory")}
                        options={COST_CATEGORIES.map((c) => ({ value: c, label: costCategoryText(t, c) }))}
                      />
                    </div>
                    <div className="col-12 col-md-5">
                      <TextField field={cells.description} label={t("applications.field.description")} />
                    </div>
                    <div className="col-12 col-md-3">
                      <MoneyField field={cells.amount} label={t("applications.field.amountKroner")} />
                    </div>
                  </div>
                  <button
                    {...form.remove.getButtonProps({ name: fields.costLines.name, index })}
                    className="button button-tertiary"
                  >
                    {t("applications.costLines.remove")}
                    <span className="sr-only"> {t("applications.costLines.removeHidden", { number: index + 1 })}</span>
                  </button>
                </fieldset>
              );
            })}
            <button
              {...form.insert.getButtonProps({ name: fields.costLines.name, defaultValue: { category: "", description: "", amount: "" } })}
              className="button button-secondary"
              data-testid="add-cost-line"
              onClick={() => {
                lineAdded.current = true;
              }}
            >
              {t("applications.costLines.add")}
            </button>
          </div>
          <MoneyField field={fields.coFinancing} label={t("applications.field.coFinancing")} hint={t("applications.hint.coFinancing")} />
          <AmountsSummary
            totalCostOre={amounts.totalCostOre}
            coFinancingOre={amounts.coFinancingOre}
            requestedOre={amounts.requestedOre}
            live
            note={amounts.unreadable ? t("applications.amounts.unreadable") : undefined}
          />
        </section>

        <section aria-labelledby="section-effect">
          <h2 id="section-effect">
            {t("applications.section.effect")}
          </h2>
          <TextareaField field={fields.expectedEffect} label={t("applications.field.expectedEffect")} hint={t("applications.hint.expectedEffect")} rows={5} />
          <TextareaField field={fields.followUpPlan} label={t("applications.field.followUpPlan")} hint={t("applications.hint.followUpPlan")} rows={5} />
        </section>
      </AppForm>

      {/* Bilag: the panel has its own forms, so it stands outside the application form. */}
      {props.attachments}
      <p className="form-hint" data-testid="attachments-hint">
        {t("applications.hint.attachments")}
      </p>

      <section aria-labelledby="section-screening">
        <h2 id="section-screening">
          {t("applications.section.screening")}
        </h2>
        <p className="form-hint" data-testid="screening-basis" aria-live="polite">
          {live ? t("applications.screening.liveBasis") : t("applications.screening.savedBasis")}
        </p>
        <ScreeningVerdicts screening={screening} caption={t("applications.screening.caption")} />
        {/* Required as soon as the (live) screening shows warnings, or the server asked for it: the label says so and why. */}
        <TextareaField
          field={fields.softRuleJustification}
          label={
            screening.warnings > 0
              ? t.plural("applications.field.softRuleJustificationRequired", screening.warnings)
              : justificationAsked
                ? t("applications.field.softRuleJustificationAsked")
                : t("applications.field.softRuleJustification")
          }
          hint={t("applications.hint.softRuleJustification")}
          optional={screening.warnings === 0 && !justificationAsked}
          rows={3}
        />
      </section>

      <div className="kp-actions">
        <SubmitButton form={formId} name="intent" value="save" variant="secondary" testId="save">
          {t("applications.action.save")}
        </SubmitButton>
        <SubmitButton form={formId} name="intent" value="submit" testId="submit">
          {t("applications.action.submit")}
        </SubmitButton>
      </div>
      <p className="form-hint">{t("applications.hint.submit", { round: props.round.name, deadline: formatDateTime(props.round.deadline, lang) })}</p>
    </>
  );
}
