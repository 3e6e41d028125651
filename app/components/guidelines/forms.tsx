// The secretariat's forms on a guideline draft. Each is an ordinary HTML form
// with a hidden intent and works without JavaScript: adding a rule is two
// steps (choose the kind → its limits), adopting has a confirmation step.
import { type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { RULE_PARAM_FIELDS, type RuleParamField } from "~/domain/guidelines";
import { COST_CATEGORIES, RULE_KINDS, type RuleKind } from "~/domain/screening/rules";
import type { MessageKey } from "~/i18n";
import { Alert } from "~/components/ui/alert";
import { AppForm, SubmitButton, useAppForm } from "~/components/ui/form";
import { CheckboxGroupField, FormErrors, MoneyField, RadioGroupField, TextareaField, TextField } from "~/components/ui/forms";
import { useT } from "~/utils/i18n";
import { AddRuleFields, AddRuleSchema, AdoptSchema, BODY_MAX, CriterionSchema, UpdateTextSchema } from "./schemas";
import { ruleKindLabel } from "./rule-text";

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;
type Reply = SubmissionResult<string[]> | undefined;

/** The reply for one of the page's forms (the action echoes the submitted intent). */
export function replyFor(result: Reply, intent: string): Reply {
  return result?.initialValue?.intent === intent ? result : undefined;
}

function Section({ id, title, children, level = 3 }: { id: string; title: string; children: ReactNode; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${id}-title`} id={id}>
      <Heading id={`${id}-title`}>{title}</Heading>
      {children}
    </section>
  );
}

// ---------------------------------------------------------------------------
// Title and text

export function TextForm({ title, body, lastResult }: { title: string; body: string; lastResult: Reply }) {
  const t = useT();
  const [form, fields] = useAppForm({
    id: "guideline-text",
    lastResult,
    defaultValue: { intent: "update", title, body },
    schema: UpdateTextSchema,
  });
  return (
    <details className="details" open={lastResult ? true : undefined} id="edit-text">
      <summary className="details-summary">{t("guidelines.edit.textTitle")}</summary>
      <div className="details-text">
        <AppForm form={form} method="post">
          <input type="hidden" name="intent" value="update" />
          <TextField field={fields.title} label={t("guidelines.field.title")} />
          <TextareaField field={fields.body} label={t("guidelines.field.body")} hint={t("guidelines.field.bodyHint", { max: BODY_MAX })} rows={16} />
          <div className="kp-actions">
            <SubmitButton intent="update">
              {t("guidelines.edit.textSubmit")}
            </SubmitButton>
          </div>
        </AppForm>
      </div>
    </details>
  );
}

// ---------------------------------------------------------------------------
// Rules


function CategoryCheckboxes({ field }: { field: Field }) {
  const t = useT();
  return (
    <CheckboxGroupField
      field={field}
      legend={t("guidelines.field.eligible")}
      hint={t("guidelines.field.eligibleHint")}
      options={COST_CATEGORIES.map((category) => ({ value: category, label: t(`costCategory.${category}` as MessageKey) }))}
    />
  );
}

const PARAM_TEXT: Record<Exclude<RuleParamField, "eligible">, { label: MessageKey; hint: MessageKey; money?: boolean }> = {
  maxAmount: { label: "guidelines.field.maxAmount", hint: "guidelines.field.maxAmountHint", money: true },
  minShare: { label: "guidelines.field.minShare", hint: "guidelines.field.minShareHint" },
  months: { label: "guidelines.field.months", hint: "guidelines.field.monthsHint" },
  minParticipants: { label: "guidelines.field.minParticipants", hint: "guidelines.field.minParticipantsHint" },
  minAreas: { label: "guidelines.field.minAreas", hint: "guidelines.field.minAreasHint" },
  maxRoundShare: { label: "guidelines.field.maxRoundShare", hint: "guidelines.field.maxRoundShareHint" },
};

function ParamField({ name, field }: { name: RuleParamField; field: Field }) {
  const t = useT();
  if (name === "eligible") return <CategoryCheckboxes field={field} />;
  const text = PARAM_TEXT[name];
  if (text.money) return <MoneyField field={field} label={t(text.label)} hint={t(text.hint)} />;
  return (
    <TextField
      field={field}
      label={t(text.label)}
      hint={t(text.hint)}
      className="form-input input-width-xs"
      inputMode={name === "minShare" || name === "maxRoundShare" ? "decimal" : "numeric"}
      autoComplete="off"
    />
  );
}

/** Step 1: which kind of rule (a GET form: the page comes back with step 2). */
function ChooseRuleKind({ version, taken }: { version: number; taken: readonly string[] }) {
  const t = useT();
  const free = RULE_KINDS.filter((kind) => !taken.includes(kind));
  if (free.length === 0) return <p>{t("guidelines.addRule.allUsed")}</p>;
  return (
    <Form method="get" action={`/guidelines/${version}#add-rule`}>
      <p className="h5">{t("guidelines.addRule.step1")}</p>
      <div className="form-group">
        <label className="form-label" htmlFor="rule-kind-choice">
          {t("guidelines.addRule.kind")}
        </label>
        <span className="form-hint" id="rule-kind-choice-hint">
          {t("guidelines.addRule.kindHint")}
        </span>
        <select className="form-select" id="rule-kind-choice" name="ruleKind" aria-describedby="rule-kind-choice-hint" defaultValue={free[0]}>
          {free.map((kind) => (
            <option key={kind} value={kind}>
              {ruleKindLabel(t, kind)}
            </option>
          ))}
        </select>
      </div>
      <div className="kp-actions">
        <button type="submit" className="button button-secondary">
          {t("guidelines.addRule.continue")}
        </button>
      </div>
    </Form>
  );
}

/** Step 2: hard or soft, the kind's limits and a note. */
function RuleParamsForm({ version, kind, lastResult }: { version: number; kind: RuleKind; lastResult: Reply }) {
  const t = useT();
  const [form, fields] = useAppForm({
    id: `guideline-rule-${kind}`,
    lastResult,
    defaultValue: { intent: "addRule", kind, severity: "HARD" },
    schema: AddRuleSchema,
    constraintSchema: AddRuleFields,
  });
  const paramFields: readonly RuleParamField[] = RULE_PARAM_FIELDS[kind];
  return (
    <AppForm form={form} method="post" action={`/guidelines/${version}?ruleKind=${kind}`}>
      <p className="h5">{t("guidelines.addRule.step2", { kind: ruleKindLabel(t, kind) })}</p>
      <input type="hidden" name="intent" value="addRule" />
      <input type="hidden" name="kind" value={kind} />
      {fields.kind.errors?.length ? <FormErrors errors={fields.kind.errors} /> : null}
      {paramFields.length === 0 ? <p>{t("guidelines.addRule.noParams")}</p> : null}
      {paramFields.map((name) => (
        <ParamField key={name} name={name} field={fields[name] as Field} />
      ))}
      <RadioGroupField
        field={fields.severity}
        legend={t("guidelines.field.severity")}
        hint={t("guidelines.rules.hardSoft")}
        options={[
          { value: "HARD", label: t("guidelines.field.severityHARD") },
          { value: "SOFT", label: t("guidelines.field.severitySOFT") },
        ]}
      />
      <TextareaField field={fields.note} label={t("guidelines.field.note")} hint={t("guidelines.field.noteHint")} rows={2} optional />
      <div className="kp-actions">
        <SubmitButton intent="addRule">
          {t("guidelines.addRule.submit")}
        </SubmitButton>
        <Link to={`/guidelines/${version}#add-rule`}>{t("guidelines.addRule.otherKind")}</Link>
      </div>
    </AppForm>
  );
}

export function AddRuleSection({
  version,
  kind,
  taken,
  lastResult,
}: {
  version: number;
  kind: RuleKind | null;
  taken: readonly string[];
  lastResult: Reply;
}) {
  const t = useT();
  return (
    <Section id="add-rule" title={t("guidelines.addRule.title")}>
      {kind ? <RuleParamsForm key={kind} version={version} kind={kind} lastResult={lastResult} /> : <ChooseRuleKind version={version} taken={taken} />}
    </Section>
  );
}

// ---------------------------------------------------------------------------
// Criteria

export interface CriterionDefaults {
  id: string;
  name: string;
  description: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export function CriterionForm({ version, editing, lastResult }: { version: number; editing: CriterionDefaults | null; lastResult: Reply }) {
  const t = useT();
  const [form, fields] = useAppForm({
    id: editing ? `guideline-criterion-${editing.id}` : "guideline-criterion-new",
    lastResult,
    defaultValue: editing
      ? {
          intent: "saveCriterion",
          criterionId: editing.id,
          name: editing.name,
          description: editing.description,
          weight: String(editing.weight),
          scaleMin: String(editing.scaleMin),
          scaleMax: String(editing.scaleMax),
        }
      : { intent: "saveCriterion", scaleMin: "0", scaleMax: "5" },
    schema: CriterionSchema,
  });
  return (
    <Section
      id="criterion-form"
      title={editing ? t("guidelines.criterion.editTitle", { name: editing.name }) : t("guidelines.criterion.addTitle")}
    >
      <AppForm form={form} method="post" action={editing ? `/guidelines/${version}?criterion=${editing.id}` : `/guidelines/${version}`}>
        <input type="hidden" name="intent" value="saveCriterion" />
        {editing ? <input type="hidden" name="criterionId" value={editing.id} /> : null}
        <TextField field={fields.name} label={t("guidelines.field.criterionName")} />
        <TextareaField field={fields.description} label={t("guidelines.field.description")} hint={t("guidelines.field.descriptionHint")} rows={2} optional />
        <TextField
          field={fields.weight}
          label={t("guidelines.field.weight")}
          hint={t("guidelines.field.weightHint")}
          className="form-input input-width-xs"
          inputMode="numeric"
          autoComplete="off"
        />
        <fieldset>
          <legend className="form-label">{t("guidelines.field.scale")}</legend>
          <span className="form-hint">{t("guidelines.field.scaleHint")}</span>
          <div className="kp-filter">
            <TextField field={fields.scaleMin} label={t("guidelines.field.scaleMin")} className="form-input input-width-xs" inputMode="numeric" autoComplete="off" />
            <TextField field={fields.scaleMax} label={t("guidelines.field.scaleMax")} className="form-input input-width-xs" inputMode="numeric" autoComplete="off" />
          </div>
        </fieldset>
        <div className="kp-actions">
          <SubmitButton intent="saveCriterion">
            {editing ? t("guidelines.criterion.save") : t("guidelines.criterion.add")}
          </SubmitButton>
          {editing ? <Link to={`/guidelines/${version}#criterion-form`}>{t("common.cancel")}</Link> : null}
        </div>
      </AppForm>
    </Section>
  );
}

// ---------------------------------------------------------------------------
// Adoption

export function AdoptSection({
  version,
  confirming,
  isEmpty,
  inForceVersion,
  today,
  lastResult,
}: {
  version: number;
  confirming: boolean;
  isEmpty: boolean;
  inForceVersion: number | null;
  today: string;
  lastResult: Reply;
}) {
  const t = useT();
  const [form, fields] = useAppForm({
    id: "guideline-adopt",
    lastResult,
    defaultValue: { intent: "adopt", adoptedOn: today, confirmed: "yes" },
    schema: AdoptSchema,
  });
  return (
    <Section id="adopt" title={t("guidelines.adopt.title")} level={2}>
      <p>{t("guidelines.adopt.intro")}</p>
      {isEmpty ? (
        <p data-testid="adopt-empty">{t("guidelines.error.adoptEmpty")}</p>
      ) : confirming ? (
        <Alert variant="warning" role="alert" testId="adopt-confirm">
          <h3 className="alert-heading">{t("guidelines.adopt.confirmTitle")}</h3>
          <p className="alert-text">{t("guidelines.adopt.confirmText", { version })}</p>
          {inForceVersion !== null ? <p className="alert-text">{t("guidelines.adopt.confirmSupersedes", { version: inForceVersion })}</p> : null}
          <AppForm form={form} method="post" action={`/guidelines/${version}?adopt=confirm`}>
            <input type="hidden" name="intent" value="adopt" />
            <input type="hidden" name="confirmed" value="yes" />
            <TextField field={fields.adoptedOn} label={t("guidelines.adopt.date")} hint={t("guidelines.adopt.dateHint")} type="date" className="form-input input-width-s" />
            <div className="kp-actions">
              <SubmitButton intent="adopt">
                {t("guidelines.adopt.confirm", { version })}
              </SubmitButton>
              <Link to={`/guidelines/${version}`}>{t("common.cancel")}</Link>
            </div>
          </AppForm>
        </Alert>
      ) : (
        <Form method="get" action={`/guidelines/${version}#adopt`}>
          <input type="hidden" name="adopt" value="confirm" />
          <button type="submit" className="button button-secondary">
            {t("guidelines.adopt.start")}
          </button>
        </Form>
      )}
    </Section>
  );
}
