// Form fields on DKFDS markup, wired to Conform: label, hint, error next to the
// field, aria-invalid and aria-describedby. Errors are message keys, translated here.
import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useErrorText, useT } from "~/utils/i18n";
import { Alert, AlertText } from "./alert";

type Field = FieldMetadata<unknown, Record<string, unknown>, string[]>;

function describedBy(field: Field, hint?: ReactNode): string | undefined {
  const ids = [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** The hint and the error message of a field, with the ids aria-describedby points at. */
function HintAndError({ field, hint }: { field: Field; hint?: ReactNode }) {
  const t = useT();
  const errorText = useErrorText();
  const errors = field.errors ?? [];
  return (
    <>
      {hint ? (
        <span className="form-hint" id={`${field.id}-hint`}>
          {hint}
        </span>
      ) : null}
      {errors.length ? (
        <span className="form-error-message" id={field.errorId}>
          <span className="sr-only">{t("error.title")}: </span>
          {errors.map((e) => errorText(e)).join(" ")}
        </span>
      ) : null}
    </>
  );
}

function Group({ field, label, hint, children, optional }: { field: Field; label: ReactNode; hint?: ReactNode; children: ReactNode; optional?: boolean }) {
  const t = useT();
  return (
    <div className={field.errors?.length ? "form-group form-error" : "form-group"}>
      <label className="form-label" htmlFor={field.id}>
        {label}
        {optional ? <span className="weight-normal"> {t("common.optional")}</span> : null}
      </label>
      <HintAndError field={field} hint={hint} />
      {children}
    </div>
  );
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  optional,
  autoComplete,
  className = "form-input",
  inputMode,
  readOnly,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "date" | "datetime-local" | "number" | "search";
  optional?: boolean;
  autoComplete?: string;
  className?: string;
  inputMode?: "numeric" | "decimal" | "text" | "email";
  readOnly?: boolean;
}) {
  const { key, ...props } = getInputProps(field, { type, ariaAttributes: false });
  return (
    <Group field={field} label={label} hint={hint} optional={optional}>
      <input
        key={key}
        {...props}
        className={className}
        autoComplete={autoComplete}
        inputMode={inputMode}
        readOnly={readOnly}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field, hint)}
      />
    </Group>
  );
}

/** An amount in kroner, typed the Danish way ("25.000" or "1.234,50"). */
export function MoneyField(props: { field: Field; label: ReactNode; hint?: ReactNode; optional?: boolean }) {
  return <TextField {...props} className="form-input input-width-s" inputMode="decimal" autoComplete="off" />;
}

export function TextareaField({ field, label, hint, optional, rows = 4 }: { field: Field; label: ReactNode; hint?: ReactNode; optional?: boolean; rows?: number }) {
  const { key, ...props } = getTextareaProps(field, { ariaAttributes: false });
  return (
    <Group field={field} label={label} hint={hint} optional={optional}>
      <textarea
        key={key}
        {...props}
        rows={rows}
        className="form-input"
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field, hint)}
      />
    </Group>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder,
  optional,
}: {
  field: Field;
  label: ReactNode;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  optional?: boolean;
}) {
  const { key, ...props } = getSelectProps(field, { ariaAttributes: false });
  return (
    <Group field={field} label={label} hint={hint} optional={optional}>
      <select
        key={key}
        {...props}
        className="form-select"
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field, hint)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Group>
  );
}

/** The errors of a field that is not one input (a list of cost lines), on their own. */
export function GroupErrors({ field }: { field: Field }) {
  const t = useT();
  const errorText = useErrorText();
  const errors = field.errors ?? [];
  if (!errors.length) return null;
  return (
    <span className="form-error-message" id={field.errorId}>
      <span className="sr-only">{t("error.title")}: </span>
      {errors.map((e) => errorText(e)).join(" ")}
    </span>
  );
}

type Choice = { value: string; label: ReactNode; hint?: ReactNode };

/**
 * A group of radio buttons or checkboxes in a fieldset (DKFDS markup). The
 * fieldset carries the field's id, so the error summary's link lands on it.
 */
function ChoiceGroup({
  type,
  field,
  legend,
  hint,
  options,
  testId,
}: {
  type: "radio" | "checkbox";
  field: Field;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly Choice[];
  testId?: string;
}) {
  const errors = field.errors ?? [];
  const inputs = getCollectionProps(field, { type, options: options.map((o) => o.value), ariaAttributes: false });
  return (
    <div className={errors.length ? "form-group form-error" : "form-group"} data-testid={testId}>
      <fieldset id={field.id} tabIndex={-1} className="kp-focus-target" aria-describedby={describedBy(field, hint)}>
        <legend className="form-label">{legend}</legend>
        <HintAndError field={field} hint={hint} />
        <ul className="nobullet-list">
          {inputs.map(({ key, ...input }, index) => {
            const option = options[index]!;
            return (
              <li key={key}>
                <div className={type === "radio" ? "form-group-radio" : "form-group-checkbox"}>
                  <input
                    {...input}
                    required={false}
                    className={type === "radio" ? "form-radio" : "form-checkbox"}
                    aria-describedby={option.hint ? `${input.id}-hint` : undefined}
                  />
                  <label className="form-label" htmlFor={input.id}>
                    {option.label}
                  </label>
                  {option.hint ? (
                    <span className="form-hint" id={`${input.id}-hint`}>
                      {option.hint}
                    </span>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}

/** One choice of several as radio buttons. */
export function RadioGroupField(props: { field: Field; legend: ReactNode; hint?: ReactNode; options: readonly Choice[]; testId?: string }) {
  return <ChoiceGroup type="radio" {...props} />;
}

/** Any number of choices as checkboxes (the value is the list of ticked options). */
export function CheckboxGroupField(props: { field: Field; legend: ReactNode; hint?: ReactNode; options: readonly Choice[]; testId?: string }) {
  return <ChoiceGroup type="checkbox" {...props} />;
}

export function CheckboxField({ field, label, hint }: { field: Field; label: ReactNode; hint?: ReactNode }) {
  const errorText = useErrorText();
  const { key, ...props } = getInputProps(field, { type: "checkbox", ariaAttributes: false });
  const errors = field.errors ?? [];
  return (
    <div className={errors.length ? "form-group form-error" : "form-group"}>
      {errors.length ? (
        <span className="form-error-message" id={field.errorId}>
          {errors.map((e) => errorText(e)).join(" ")}
        </span>
      ) : null}
      <div className="form-group-checkbox">
        <input key={key} {...props} className="form-checkbox" aria-describedby={describedBy(field, hint)} />
        <label className="form-label" htmlFor={field.id}>
          {label}
        </label>
        {hint ? (
          <span className="form-hint" id={`${field.id}-hint`}>
            {hint}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Errors that belong to a page rather than one form's field (forms show theirs in the error summary). */
export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  const errorText = useErrorText();
  if (!errors?.length) return null;
  return (
    <Alert variant="error" role="alert" id={id}>
      {errors.map((e) => (
        <AlertText key={e}>{errorText(e)}</AlertText>
      ))}
    </Alert>
  );
}

/**
 * The confirmation after a saved change (shown from a ?ok= search param). It
 * takes the focus when it appears, so the keyboard and screen-reader user lands
 * on it (the form they submitted from may have been replaced) instead of on the
 * page body.
 */
export function SuccessMessage({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert variant="success" role="status" className="kp-focus-target" tabIndex={-1} ref={ref}>
      <AlertText>{children}</AlertText>
    </Alert>
  );
}
